import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { run } from '../../src/cli/pack.ts';
import { BUILD_LIMITS } from '../../src/manifest/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'test/fixtures/pack/good');

let work: string;
let app: string;
let out: string;

/** Runs `miniapps pack` in this process; resolves with its exit code and what it printed. */
async function pack(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => void stdout.push(parts.join(' '));
  console.error = (...parts: unknown[]) => void stderr.push(parts.join(' '));
  try {
    const code = await run(args);
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

/** Every file under `dir`, by relative path. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  visit(dir);
  return files;
}

const manifestOf = () => JSON.parse(readFileSync(join(app, 'miniapp.json'), 'utf8'));
const writeManifest = (changes: Record<string, unknown>) => writeFileSync(join(app, 'miniapp.json'), JSON.stringify({ ...manifestOf(), ...changes }));

/** Packs and expects a refusal: exit 1, nothing written (no zip, no temporary file), the problems on stderr. */
async function refused(...args: string[]): Promise<string> {
  const result = await pack(app, '-o', out, ...args);
  expect(result.code, result.stderr).to.equal(1);
  expect(result.stdout).to.equal('');
  expect(readdirSync(work).sort()).to.deep.equal(['app', 'outside']);
  expect(result.stderr).to.match(/^miniapps pack: \d+ problems? in .*; nothing written/);
  return result.stderr;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'miniapps-pack-'));
  app = join(work, 'app');
  cpSync(fixture, app, { recursive: true });
  mkdirSync(join(work, 'outside'));
  writeFileSync(join(work, 'outside/secret.txt'), 'not for the zip');
  out = join(work, 'app.zip');
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('miniapps pack: a good folder', () => {
  it('packs every file, and the zip unpacks to the same paths and bytes', async () => {
    const result = await pack(app, '-o', out);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^packed corner-bakery 1\.2\.0: 8 files, .* → .*app\.zip \(.*\)$/);
    const unpacked = unzipSync(readFileSync(out));
    const original = filesOf(app);
    expect(Object.keys(unpacked).sort()).to.deep.equal([...original.keys()].sort());
    expect(Object.keys(unpacked)).to.include.members(['assets/меню.txt', '.well-known/apple-app-site-association', 'assets/photo.webp']);
    for (const [path, bytes] of original) expect(Buffer.from(unpacked[path]!).equals(bytes), path).to.equal(true);
  });

  it('writes the same bytes for the same folder every time', async () => {
    await pack(app, '-o', out);
    const first = readFileSync(out);
    await pack(app, '-o', join(work, 'outside/again.zip'));
    expect(readFileSync(join(work, 'outside/again.zip')).equals(first)).to.equal(true);
  });

  it('follows a link that stays inside the folder and packs its target as a plain file', async () => {
    symlinkSync('index.html', join(app, 'start.html'));
    symlinkSync('../app/assets', join(app, 'static'));
    const result = await pack(app, '-o', out);
    expect(result.code, result.stderr).to.equal(0);
    const unpacked = unzipSync(readFileSync(out));
    expect(Buffer.from(unpacked['start.html']!).equals(readFileSync(join(app, 'index.html')))).to.equal(true);
    expect(Buffer.from(unpacked['static/app.js']!).equals(readFileSync(join(app, 'assets/app.js')))).to.equal(true);
  });

  it('names the zip after the id and version when no output is given', async () => {
    const cwd = process.cwd();
    process.chdir(join(work, 'outside'));
    try {
      const result = await pack(app);
      expect(result.code, result.stderr).to.equal(0);
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(join(work, 'outside/corner-bakery-1.2.0.zip'))).to.equal(true);
  });

  it('replaces an older zip at the output path only once the new one is complete', async () => {
    writeFileSync(out, 'old');
    expect((await pack(app, '-o', out)).code).to.equal(0);
    expect(Object.keys(unzipSync(readFileSync(out)))).to.include('index.html');
  });
});

describe('miniapps pack: refusals (each reported, nothing written)', () => {
  it('reports each bad manifest field with its name, all at once', async () => {
    writeManifest({ id: 'Bakery!', name: 'Bad_name', version: '1.0', capabilities: ['user', 'teleport'], category: 'Food', colour: 'red' });
    const stderr = await refused();
    expect(stderr).to.include('miniapp.json › id: must be 3–64 of a–z');
    expect(stderr).to.include('miniapp.json › name: may hold only letters, digits, hyphens and spaces; found "_"');
    expect(stderr).to.include('miniapp.json › version: must be a semantic version');
    expect(stderr).to.include('miniapp.json › capabilities.1: must be one of user, payments');
    expect(stderr).to.include('miniapp.json › category: must be one of lifestyle');
    expect(stderr).to.include('miniapp.json › colour: is not a manifest field');
    expect(stderr).to.match(/^miniapps pack: 6 problems/);
  });

  it('refuses a folder without a manifest, and a manifest that is not JSON', async () => {
    rmSync(join(app, 'miniapp.json'));
    expect(await refused()).to.include('miniapp.json: is missing at the root of the build');
    writeFileSync(join(app, 'miniapp.json'), '{ "id": "corner-bakery", ');
    expect(await refused()).to.include('miniapp.json: is not valid JSON');
  });

  it('refuses a missing entry and a missing icon', async () => {
    rmSync(join(app, 'index.html'));
    rmSync(join(app, 'icon.svg'));
    const stderr = await refused();
    expect(stderr).to.include('miniapp.json › entry: names index.html, which is not in the build');
    expect(stderr).to.include('miniapp.json › icon: names icon.svg, which is not in the build');
  });

  it('refuses an entry or icon path that leaves the folder or is absolute', async () => {
    writeManifest({ entry: '../outside/index.html', icon: '/etc/icon.png' });
    const stderr = await refused();
    expect(stderr).to.include('miniapp.json › entry: the entry leaves the folder (..)');
    expect(stderr).to.include('miniapp.json › icon: the icon is absolute');
  });

  it('refuses a link to a file outside the folder, naming the link and its target', async () => {
    symlinkSync(join(work, 'outside/secret.txt'), join(app, 'assets/secret.txt'));
    const stderr = await refused();
    expect(stderr).to.include(`assets/secret.txt: is a link that leaves the folder (to ${join(work, 'outside/secret.txt')})`);
  });

  it('refuses a relative link that climbs out of the folder, a linked folder outside it, a dangling link and a loop', async () => {
    symlinkSync('../../outside/secret.txt', join(app, 'assets/up.txt'));
    symlinkSync(join(work, 'outside'), join(app, 'more'));
    symlinkSync('nowhere.js', join(app, 'assets/gone.js'));
    symlinkSync('..', join(app, 'assets/loop'));
    const stderr = await refused();
    expect(stderr).to.include('assets/up.txt: is a link that leaves the folder');
    expect(stderr).to.include('more: is a link that leaves the folder');
    expect(stderr).to.include('assets/gone.js: is a link to nothing');
    expect(stderr).to.include('assets/loop: is a link to a folder it is inside (a loop)');
  });

  it('refuses hidden files the manifest does not list, one line per hidden folder', async () => {
    writeFileSync(join(app, '.env'), 'API_KEY=secret');
    mkdirSync(join(app, '.git/objects'), { recursive: true });
    writeFileSync(join(app, '.git/HEAD'), 'ref: refs/heads/main');
    writeFileSync(join(app, '.git/objects/ab'), 'x');
    writeFileSync(join(app, 'assets/.DS_Store'), 'x');
    const stderr = await refused();
    expect(stderr).to.include('.env: is a hidden file; remove it from the build, or list it in the manifest\'s "hiddenFiles" to pack it');
    expect(stderr).to.include('.git: is a hidden folder (2 files)');
    expect(stderr).to.include('assets/.DS_Store: is a hidden file');
    expect(stderr).to.match(/^miniapps pack: 3 problems/);
  });

  it('refuses a file over the per-file limit', async () => {
    truncateSync(join(app, 'assets/app.js'), BUILD_LIMITS.fileBytes + 1);
    expect(await refused()).to.include('assets/app.js: is 10,485,761 bytes; a file may be at most 10 MiB');
  });

  it('refuses a build over the total limit', async () => {
    for (let index = 0; index < 6; index++) {
      writeFileSync(join(app, `assets/part-${index}.bin`), '');
      truncateSync(join(app, `assets/part-${index}.bin`), 9 * 1024 * 1024);
    }
    expect(await refused()).to.match(/the build holds 56,6\d\d,\d{3} bytes in all; at most 50 MiB are allowed/);
  });

  it('refuses to write the zip inside the folder it packs', async () => {
    const result = await pack(app, '-o', join(app, 'app.zip'));
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('is inside the folder being packed');
    expect(existsSync(join(app, 'app.zip'))).to.equal(false);
  });

  it('leaves an older zip at the output path untouched when it refuses', async () => {
    writeFileSync(out, 'old');
    writeManifest({ version: 'x' });
    expect((await pack(app, '-o', out)).code).to.equal(1);
    expect(readFileSync(out, 'utf8')).to.equal('old');
  });

  it('refuses a folder that does not exist', async () => {
    const result = await pack(join(work, 'missing'), '-o', out);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('does not exist');
  });
});

describe('miniapps pack: the command line (a child process)', () => {
  const cli = (args: string[], cwd = root) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'pack', ...args], { cwd }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('exits 0 and prints one line for a good folder', async () => {
    const result = await cli([app, '-o', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^packed corner-bakery 1\.2\.0: 8 files/);
    expect(result.stderr).to.equal('');
    expect(existsSync(out)).to.equal(true);
  });

  it('exits 1 with every problem on stderr and writes nothing', async () => {
    writeManifest({ version: '1' });
    writeFileSync(join(app, '.npmrc'), '//registry/:_authToken=x');
    const result = await cli([app, '-o', out]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.equal('');
    expect(result.stderr.split('\n').filter(Boolean)).to.have.length(3);
    expect(result.stderr).to.include('miniapp.json › version:');
    expect(result.stderr).to.include('.npmrc: is a hidden file');
    expect(readdirSync(work).sort()).to.deep.equal(['app', 'outside']);
  });

  it('exits 2 on wrong usage, and 0 with the options on --help', async () => {
    const none = await cli([]);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.include('give the built folder to pack');
    const unknown = await cli([app, '--level', '9']);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.include("Unknown option '--level'");
    const notZip = await cli([app, '-o', join(work, 'app.tar')]);
    expect(notZip.code).to.equal(2);
    const help = await cli(['--help']);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.include('Usage: miniapps pack <folder>');
    expect(help.stdout).to.include('Exit codes: 0 written, 1 problems in the folder (nothing written), 2 wrong usage');
  });

  it('shows progress on stderr for a folder of many files, and none with --quiet', async () => {
    mkdirSync(join(app, 'tiles'));
    for (let index = 0; index < 1200; index++) writeFileSync(join(app, `tiles/${index}.json`), `{"tile":${index}}`);
    const result = await cli([app, '-o', out]);
    expect(result.code, result.stderr).to.equal(0);
    const lines = result.stderr.split('\n').filter(Boolean);
    // One line per quarter of the files, each further along than the last.
    const counts = lines.map((line) => Number(/^packing (\d+)\/1208 files, .* \(\d+%\)$/.exec(line)?.[1]));
    expect(counts).to.deep.equal([302, 604, 906, 1208]);
    expect(lines.at(-1)).to.match(/\(100%\)$/);
    const quiet = await cli([app, '-o', join(work, 'outside/quiet.zip'), '--quiet']);
    expect(quiet.stderr).to.equal('');
  });
});
