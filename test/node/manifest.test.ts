import { expect } from 'chai';
import { zipSync, strToU8 } from 'fflate';
import { BUILD_LIMITS, checkBuild, checkManifest, checkZip, parseManifest, relativePathProblem, type Manifest, type Problem } from '../../src/manifest/index.ts';

const good: Manifest = {
  id: 'corner-bakery',
  name: 'Corner Bakery',
  version: '1.2.0',
  entry: 'index.html',
  capabilities: ['user', 'payments'],
  category: 'food-and-drinks',
};

const problemsOf = (value: unknown): Problem[] => checkManifest(value).problems;
const fieldsOf = (value: unknown) => problemsOf(value).map((problem) => problem.field);
const entries = (...paths: string[]) => paths.map((path) => ({ path, size: 10 }));

describe('manifest: the schema', () => {
  it('accepts a complete manifest and returns it typed', () => {
    const checked = checkManifest({ ...good, icon: 'icon.png', hiddenFiles: ['.well-known'] });
    expect(checked.problems).to.deep.equal([]);
    expect(checked.manifest?.id).to.equal('corner-bakery');
  });

  it('reports every missing field, each by name', () => {
    const problems = problemsOf({});
    expect(problems.map((problem) => problem.field).sort()).to.deep.equal(['capabilities', 'category', 'entry', 'id', 'name', 'version']);
    expect(problems.every((problem) => problem.message === 'is required' && problem.file === 'miniapp.json')).to.equal(true);
  });

  it('refuses a manifest that is not an object, or not JSON', () => {
    expect(problemsOf([good])[0]!.message).to.equal('must hold a JSON object');
    expect(parseManifest('{"id": ').problems[0]!.message).to.match(/^is not valid JSON/);
  });

  for (const [field, value, message] of [
    ['id', 'Corner-Bakery', /a–z, 0–9 and -/],
    ['id', 'cb', /3–64/],
    ['id', 'bakery-', /not ending with -/],
    ['name', 'Bake', /at least 5 characters/],
    ['name', 'Corner_Bakery!', /letters, digits, hyphens and spaces; found "_", "!"/],
    ['name', ' Corner Bakery', /start or end with a space/],
    ['name', 'x'.repeat(129), /at most 128 characters/],
    ['name', 42, /must be a string/],
    ['version', '1.2', /semantic version/],
    ['version', '01.2.0', /semantic version/],
    ['version', `1.0.0-${'a'.repeat(70)}`, /at most 64 characters/],
    ['entry', '/index.html', /absolute/],
    ['entry', '../index.html', /leaves the folder/],
    ['entry', 'app\\index.html', /backslash/],
    ['entry', 'index.js', /\.html page/],
    ['capabilities', 'user', /list of capability names/],
    ['capabilities', ['user', 'user'], /twice/],
    ['category', 'Food & drinks', /one of lifestyle, food-and-drinks/],
    ['icon', 'icon.gif', /\.png, \.svg, \.webp/],
    ['icon', 'C:/icon.png', /absolute/],
    ['hiddenFiles', ['.env', '../.ssh'], /leaves the folder/],
  ] as const) {
    it(`refuses ${field} = ${JSON.stringify(value).slice(0, 40)}`, () => {
      const problems = problemsOf({ ...good, [field]: value });
      expect(problems, JSON.stringify(problems)).to.have.length.greaterThan(0);
      expect(problems.every((problem) => problem.field?.startsWith(field))).to.equal(true);
      expect(problems.map((problem) => problem.message).join('; ')).to.match(message);
    });
  }

  it('names the capability that is unknown by its index', () => {
    const problems = problemsOf({ ...good, capabilities: ['user', 'teleport', 'push', 'x'] });
    expect(problems.map((problem) => problem.field)).to.deep.equal(['capabilities.1', 'capabilities.3']);
  });

  it('refuses every unknown field, so a misspelt one is never ignored', () => {
    expect(fieldsOf({ ...good, capabilites: [], descripton: 'x' })).to.deep.equal(['capabilites', 'descripton']);
    expect(problemsOf({ ...good, capabilites: [] })[0]!.message).to.equal('is not a manifest field');
  });

  it('reports all bad fields of one manifest together', () => {
    expect(fieldsOf({ ...good, id: 'X', version: 'one', category: 'nope' })).to.deep.equal(['id', 'version', 'category']);
  });

  it('accepts semantic versions with pre-release and build parts', () => {
    for (const version of ['0.0.1', '2.1.0-beta.1', '1.0.0-rc.1+build.5', '10.20.30']) expect(problemsOf({ ...good, version }), version).to.deep.equal([]);
  });
});

describe('manifest: paths', () => {
  it('accepts plain relative paths, in any script', () => {
    for (const path of ['index.html', 'assets/app-3f2a.js', 'assets/меню.txt', '.well-known/x']) expect(relativePathProblem(path), path).to.equal(undefined);
  });

  it('refuses what could leave the folder or not unpack everywhere', () => {
    const cases: Record<string, RegExp> = {
      '': /empty/,
      '/etc/passwd': /absolute/,
      'C:/x': /absolute/,
      'a/../../x': /leaves the folder/,
      '..': /leaves the folder/,
      './a': /"\." segment/,
      'a//b': /empty segment/,
      'a/': /empty segment/,
      'a\\b': /backslash/,
      'a:b': /":"/,
      'a\nb': /"\\n"/,
      [`${'a'.repeat(256)}`]: /longer than 255/,
    };
    for (const [path, reason] of Object.entries(cases)) expect(relativePathProblem(path), JSON.stringify(path)).to.match(reason);
  });
});

describe('manifest: checking a list of files', () => {
  const files = entries('miniapp.json', 'index.html', 'assets/app.js');

  it('passes a build whose entry is present', () => {
    expect(checkBuild(files, good)).to.deep.equal([]);
  });

  it('reports a missing entry, icon and manifest', () => {
    const problems = checkBuild(entries('assets/app.js'), { ...good, icon: 'icon.png' });
    expect(problems).to.deep.include({ file: 'miniapp.json', message: 'is missing at the root of the build' });
    expect(problems).to.deep.include({ file: 'miniapp.json', field: 'entry', message: 'names index.html, which is not in the build' });
    expect(problems).to.deep.include({ file: 'miniapp.json', field: 'icon', message: 'names icon.png, which is not in the build' });
  });

  it('refuses escaping and absolute paths, as a zip may hold them', () => {
    const problems = checkBuild([...files, ...entries('../evil.sh', '/etc/cron.d/x', 'a/../../b')], good);
    expect(problems.map((problem) => problem.file)).to.deep.equal(['../evil.sh', '/etc/cron.d/x', 'a/../../b']);
    expect(problems[0]!.message).to.equal('the path leaves the folder (..)');
  });

  it('refuses hidden files, one problem per hidden folder, unless the manifest lists them', () => {
    const withHidden = [...files, ...entries('.env', '.git/HEAD', '.git/objects/ab/cd', 'assets/.DS_Store')];
    const problems = checkBuild(withHidden, good);
    expect(problems.map((problem) => problem.file)).to.deep.equal(['.env', '.git', 'assets/.DS_Store']);
    expect(problems[1]!.message).to.match(/^is a hidden folder \(2 files\)/);
    expect(checkBuild(withHidden, { ...good, hiddenFiles: ['.env', '.git', 'assets/.DS_Store'] })).to.deep.equal([]);
  });

  it('reports a hidden path the manifest lists but the build lacks', () => {
    expect(checkBuild(files, { ...good, hiddenFiles: ['.well-known'] })).to.deep.equal([
      { file: 'miniapp.json', field: 'hiddenFiles.0', message: 'names .well-known, which is not in the build' },
    ]);
  });

  it('refuses a file over the limit, the total over the limit and too many files', () => {
    const limits = { ...BUILD_LIMITS, fileBytes: 100, totalBytes: 200, files: 3 };
    const problems = checkBuild([...files, { path: 'big.bin', size: 101 }, { path: 'b.bin', size: 100 }], good, limits);
    expect(problems).to.deep.equal([
      { file: 'big.bin', message: 'is 101 bytes; a file may be at most 100 bytes' },
      { message: 'the build holds 5 files; at most 3 are allowed' },
      { message: 'the build holds 231 bytes in all; at most 200 bytes are allowed' },
    ]);
    expect(checkBuild([...files, { path: 'b.bin', size: 100 }], good, { ...limits, totalBytes: 130, files: 4 })).to.deep.equal([]);
  });

  it('refuses names that clash on a case-insensitive disk, and duplicates', () => {
    const problems = checkBuild([...files, ...entries('Index.html', 'assets/app.js')], good);
    expect(problems).to.deep.equal([
      { file: 'Index.html', message: 'differs from index.html only in letter case' },
      { file: 'assets/app.js', message: 'appears twice' },
    ]);
  });

  it('refuses an oversized icon', () => {
    const problems = checkBuild([...files, { path: 'icon.png', size: BUILD_LIMITS.iconBytes + 1 }], { ...good, icon: 'icon.png' });
    expect(problems).to.deep.equal([{ file: 'icon.png', field: 'icon', message: `is ${(BUILD_LIMITS.iconBytes + 1).toLocaleString('en')} bytes; an icon may be at most 512 KiB` }]);
  });
});

describe('manifest: checking an uploaded zip', () => {
  const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));

  it('passes a good zip and reads its manifest', () => {
    const checked = checkZip(zipOf({ 'miniapp.json': JSON.stringify(good), 'index.html': '<!doctype html>', 'assets/app.js': '1' }));
    expect(checked.problems).to.deep.equal([]);
    expect(checked.manifest).to.deep.equal(good);
    expect(checked.entries.map((entry) => entry.path).sort()).to.deep.equal(['assets/app.js', 'index.html', 'miniapp.json']);
  });

  it('reports the manifest’s and the files’ problems together', () => {
    const checked = checkZip(zipOf({ 'miniapp.json': JSON.stringify({ ...good, version: 'x' }), '../escape.js': '1', '.env': 'KEY=1' }));
    expect(checked.problems.map((problem) => [problem.file, problem.field ?? null])).to.deep.equal([
      ['miniapp.json', 'version'],
      ['../escape.js', null],
      ['.env', null],
    ]);
  });

  it('judges sizes from the zip’s directory and does not unpack an oversized manifest', () => {
    const text = ' '.repeat(200) + JSON.stringify(good);
    const checked = checkZip(zipOf({ 'miniapp.json': text, 'index.html': 'x' }), { ...BUILD_LIMITS, manifestBytes: 100 });
    expect(checked.manifest).to.equal(undefined);
    expect(checked.problems).to.deep.equal([{ file: 'miniapp.json', message: `is ${text.length} bytes; at most 100 bytes` }]);
  });

  it('refuses bytes that are not a zip', () => {
    expect(checkZip(strToU8('not a zip')).problems[0]!.message).to.match(/^not a readable \.zip/);
  });
});
