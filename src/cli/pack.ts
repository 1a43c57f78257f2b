/// <reference types="node" />
/**
 * `miniapps pack <folder> [-o app.zip]`: checks a built mini-app folder and its manifest, then
 * writes the `.zip` a partner uploads for moderation. Every problem is reported at once, and on
 * any problem nothing is written: the zip goes to a temporary file that is renamed at the end.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { BUILD_LIMITS, checkBuild, formatBytes, formatProblem, MANIFEST_FILE, parseManifest, type Manifest, type Problem } from '../manifest/index.ts';

const HELP = `Usage: miniapps pack <folder> [-o <file.zip>] [--quiet]

Checks a built mini-app folder (its ${MANIFEST_FILE} and every file) and writes a .zip to upload
for moderation. Every problem is listed with its file and manifest field; when there is any,
nothing is written.

Options:
  -o, --output <file>  where to write the zip (default: <id>-<version>.zip in this directory)
  -q, --quiet          no progress, only problems and the final line
  -h, --help           this text

Limits: a file at most ${formatBytes(BUILD_LIMITS.fileBytes)}, ${formatBytes(BUILD_LIMITS.totalBytes)} and ${BUILD_LIMITS.files.toLocaleString('en')} files in all,
the manifest at most ${formatBytes(BUILD_LIMITS.manifestBytes)}, the icon at most ${formatBytes(BUILD_LIMITS.iconBytes)}. No hidden files (a name
starting with ".") unless the manifest lists them in "hiddenFiles"; no links leaving the folder.

Exit codes: 0 written, 1 problems in the folder (nothing written), 2 wrong usage.
See docs/manifest.md for every manifest field.`;

/** Already compressed formats: stored as they are, deflating them again gains nothing. */
const STORED = /\.(png|jpe?g|gif|webp|avif|woff2?|mp[34]|webm|ogg|zip|gz|br|zst)$/i;
/** A fixed date (local time, as zip stores it) so the same folder always packs to the same bytes. */
const ZIP_DATE = new Date(2000, 0, 1);
/** Unix file type and mode for every entry: a plain file, rw-r--r--. */
const ZIP_ATTRS = 0o100644 << 16;
const UNIX = 3;

interface FoundFile {
  path: string;
  absolute: string;
  size: number;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) return usageError(positionals.length === 0 ? 'give the built folder to pack, e.g. miniapps pack ./dist' : `give one folder, not ${positionals.length}`);
  if (values.output !== undefined && !values.output.toLowerCase().endsWith('.zip')) return usageError(`the output must be a .zip file: ${values.output}`);

  const folder = resolve(positionals[0]!);
  const shown = positionals[0]!;
  let root: string;
  try {
    root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) return failed(shown, [{ message: `${shown} is not a folder` }]);
  } catch {
    return failed(shown, [{ message: `${shown} does not exist` }]);
  }

  const found = await findFiles(root);
  const problems: Problem[] = [...found.problems];
  const { manifest, hiddenFiles } = await readManifest(found.files, problems);
  problems.push(...checkBuild(found.files, manifest, BUILD_LIMITS, hiddenFiles));

  const output = resolve(values.output ?? (manifest ? `${manifest.id}-${manifest.version}.zip` : 'app.zip'));
  const outputProblem = await checkOutput(output, root);
  if (outputProblem) problems.push({ message: outputProblem });
  if (problems.length > 0 || !manifest) return failed(shown, problems);

  const progress = new Progress(found.files, values.quiet === true);
  const written = await writeZip(found.files, output, progress);
  progress.done();
  if ('problem' in written) return failed(shown, [written.problem]);
  const total = found.files.reduce((sum, file) => sum + file.size, 0);
  const where = relative(process.cwd(), output) || output;
  console.log(`packed ${manifest.id} ${manifest.version}: ${found.files.length} files, ${formatBytes(total)} → ${where} (${formatBytes(written.bytes)})`);
  return 0;
}

function usageError(message: string): number {
  console.error(`miniapps pack: ${message}\nRun "miniapps pack --help" for the options.`);
  return 2;
}

function failed(folder: string, problems: Problem[]): number {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  console.error(`miniapps pack: ${count} in ${folder}; nothing written`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  return 1;
}

/**
 * Every regular file under `root`, sorted by path. A link is followed when it stays inside the
 * folder (its target is packed as a plain file) and reported when it leaves it, points nowhere or
 * loops back to a folder it sits in.
 */
async function findFiles(root: string): Promise<{ files: FoundFile[]; problems: Problem[] }> {
  const files: FoundFile[] = [];
  const problems: Problem[] = [];
  const inside = (target: string) => target === root || target.startsWith(root + sep);

  const visit = async (dir: string, prefix: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      problems.push({ file: prefix || '.', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    for (const name of names) {
      const path = prefix ? `${prefix}/${name}` : name;
      const absolute = join(dir, name);
      let info;
      try {
        info = await lstat(absolute);
      } catch (error) {
        problems.push({ file: path, message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(absolute);
        } catch {
          problems.push({ file: path, message: 'is a link to nothing' });
          continue;
        }
        if (!inside(target)) {
          problems.push({ file: path, message: `is a link that leaves the folder (to ${target})` });
          continue;
        }
        const targetInfo = await stat(target);
        if (targetInfo.isDirectory()) {
          if (ancestors.has(target)) problems.push({ file: path, message: 'is a link to a folder it is inside (a loop)' });
          else await visit(absolute, path, new Set([...ancestors, target]));
        } else if (targetInfo.isFile()) {
          files.push({ path, absolute: target, size: targetInfo.size });
        } else {
          problems.push({ file: path, message: 'is a link to something that is neither a file nor a folder' });
        }
      } else if (info.isDirectory()) {
        await visit(absolute, path, new Set([...ancestors, await realpath(absolute)]));
      } else if (info.isFile()) {
        files.push({ path, absolute, size: info.size });
      } else {
        problems.push({ file: path, message: 'is neither a file nor a folder (a socket, pipe or device)' });
      }
    }
  };
  await visit(root, '', new Set([root]));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

async function readManifest(files: readonly FoundFile[], problems: Problem[]): Promise<{ manifest?: Manifest; hiddenFiles?: string[] }> {
  const file = files.find((each) => each.path === MANIFEST_FILE);
  // Missing or oversized: checkBuild reports it.
  if (!file || file.size > BUILD_LIMITS.manifestBytes) return {};
  const checked = parseManifest(await readFile(file.absolute, 'utf8'));
  problems.push(...checked.problems);
  return checked;
}

/** Why the zip cannot go to `output`, or undefined. */
async function checkOutput(output: string, root: string): Promise<string | undefined> {
  let dir: string;
  try {
    dir = await realpath(dirname(output));
  } catch {
    return `the output folder ${dirname(output)} does not exist`;
  }
  if (dir === root || dir.startsWith(root + sep)) return `the output ${output} is inside the folder being packed; write it elsewhere`;
  try {
    if ((await stat(output)).isDirectory()) return `the output ${output} is a folder`;
  } catch {
    // Not there yet: the usual case.
  }
  return undefined;
}

/** Streams the files into a temporary zip next to `output`, then renames it; removes it on failure. */
async function writeZip(files: readonly FoundFile[], output: string, progress: Progress): Promise<{ bytes: number } | { problem: Problem }> {
  const temporary = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  let bytes = 0;
  let writing: Promise<unknown> = Promise.resolve();
  let zipError: Error | undefined;
  let finished!: () => void;
  const ended = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) zipError = error;
    else {
      bytes += chunk.length;
      writing = writing.then(() => handle.write(chunk));
    }
    if (error || final) finished();
  });
  try {
    for (const file of files) {
      const data = await readFile(file.absolute);
      if (data.length !== file.size) throw new PackProblem({ file: file.path, message: 'changed while it was being packed; pack again' });
      const entry = STORED.test(file.path) ? new ZipPassThrough(file.path) : new ZipDeflate(file.path, { level: 6 });
      entry.mtime = ZIP_DATE;
      entry.os = UNIX;
      entry.attrs = ZIP_ATTRS;
      zip.add(entry);
      entry.push(data, true);
      if (zipError) throw zipError;
      progress.step(file.size);
      // Let the writes drain now and then, so a large folder does not sit in memory twice.
      await writing;
    }
    zip.end();
    await ended;
    if (zipError) throw zipError;
    await writing;
    await handle.close();
    await rename(temporary, output);
    return { bytes };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    if (error instanceof PackProblem) return { problem: error.problem };
    return { problem: { message: `could not write ${output}: ${(error as Error).message}` } };
  }
}

class PackProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/**
 * Progress on stderr for a large folder: one line rewritten in place on a terminal, a line per
 * quarter when stderr is a file or a pipe and the folder holds many files.
 */
class Progress {
  readonly #totalFiles: number;
  readonly #totalBytes: number;
  readonly #mode: 'off' | 'terminal' | 'lines';
  #files = 0;
  #bytes = 0;
  #shownAt = 0;
  #quarter = 0;

  constructor(files: readonly FoundFile[], quiet: boolean) {
    this.#totalFiles = files.length;
    this.#totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    const large = this.#totalFiles >= 200 || this.#totalBytes >= 5 * 1024 * 1024;
    this.#mode = quiet ? 'off' : process.stderr.isTTY ? (large ? 'terminal' : 'off') : this.#totalFiles >= 1000 ? 'lines' : 'off';
  }

  step(size: number): void {
    this.#files++;
    this.#bytes += size;
    if (this.#mode === 'terminal') {
      const now = performance.now();
      if (now - this.#shownAt < 100 && this.#files < this.#totalFiles) return;
      this.#shownAt = now;
      process.stderr.write(`\rpacking ${this.#line()}`);
    } else if (this.#mode === 'lines') {
      const quarter = Math.floor((4 * this.#files) / this.#totalFiles);
      if (quarter === this.#quarter) return;
      this.#quarter = quarter;
      process.stderr.write(`packing ${this.#line()}\n`);
    }
  }

  done(): void {
    if (this.#mode === 'terminal') process.stderr.write('\r\x1b[K');
  }

  #line(): string {
    const percent = Math.floor(100 * (this.#totalBytes > 0 ? this.#bytes / this.#totalBytes : this.#files / this.#totalFiles));
    return `${this.#files}/${this.#totalFiles} files, ${formatBytes(this.#bytes)} of ${formatBytes(this.#totalBytes)} (${percent}%)`;
  }
}
