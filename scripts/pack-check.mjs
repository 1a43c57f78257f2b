// The packaging check: builds and packs the tarball, installs it into throw-away apps outside the
// repository and uses it the way users do. Each check passes or fails with what the user would see.
//   node scripts/pack-check.mjs          (also a step of `npm test`; counts in .test-results/package.json)
// The apps' tools (tools.json) are installed once per version of that file, under the system's
// temporary folder; the tarball is installed afresh on every run.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test/package');
const toolsJson = readFileSync(join(fixtures, 'tools.json'), 'utf8');
const base = join(process.env.MINIAPPS_PACK_CHECK_DIR ?? tmpdir(), 'miniapps-pack-check');
const workspace = join(base, `tools-${createHash('sha256').update(toolsJson).digest('hex').slice(0, 12)}`);
const partnerDir = join(base, 'partner-backend');
const started = performance.now();
const results = [];

/** Runs a command; resolves with its exit code and everything it printed. */
function run(command, args, cwd, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

class CheckFailure extends Error {}

/** One check: `body` throws (or returns a failed command) to fail; its text is what a user sees. */
async function check(name, body) {
  const t0 = performance.now();
  let failure;
  try {
    await body();
  } catch (error) {
    failure = error instanceof CheckFailure ? error.message : (error?.stack ?? String(error));
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  results.push({ name, passed: !failure });
  if (failure) console.log(`  ✗ ${name} (${seconds} s)\n${failure.trimEnd().replace(/^/gm, '      ')}`);
  else console.log(`  ✓ ${name} (${seconds} s)`);
  return !failure;
}

/** Runs a command and fails the check with its own output when it exits non-zero. */
async function must(command, args, cwd, env) {
  const { code, output } = await run(command, args, cwd, env);
  if (code !== 0) throw new CheckFailure(`$ ${[basename(command), ...args].join(" ")}   (in ${cwd}, exit ${code})\n${output}`);
  return output;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

/** The fenced block right after `<!-- checked: NAME … -->` in README.md, exactly as printed. */
function readmeSnippet(name) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const match = readme.match(new RegExp(`<!-- checked: ${name}\\b[^>]*-->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\`\\n`));
  if (!match) throw new CheckFailure(`README.md has no code block after "<!-- checked: ${name} … -->"`);
  return `${match[1]}\n`;
}

/** create-vite's tsconfig (JSON with comments), parsed to derive the variants from. */
function parseJsonc(text) {
  return JSON.parse(text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'));
}

const bin = (name) => join(workspace, 'node_modules/.bin', name);
const template = join(workspace, 'node_modules/create-vite/template-vanilla-ts');

/** A fresh app from create-vite's vanilla-ts template: its tsconfig verbatim (or a variant), our main.ts. */
function scaffold(name, { main, body, tsconfig }) {
  const dir = join(workspace, 'apps', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  const { name: _name, devDependencies: _tools, ...templatePackage } = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, ...templatePackage }, null, 2));
  const templateTsconfig = readFileSync(join(template, 'tsconfig.json'), 'utf8');
  writeFileSync(join(dir, 'tsconfig.json'), tsconfig ? JSON.stringify(tsconfig(parseJsonc(templateTsconfig)), null, 2) : templateTsconfig);
  cpSync(join(template, 'public'), join(dir, 'public'), { recursive: true });
  const html = readFileSync(join(template, 'index.html'), 'utf8');
  writeFileSync(join(dir, 'index.html'), html.replace('<div id="app"></div>', body));
  writeFileSync(join(dir, 'src/main.ts'), main);
  return dir;
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const duBytes = (dir) => [...walk(dir)].reduce((sum, file) => sum + statSync(file).size, 0);
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

console.log(`packaging check (tools and apps under ${base})`);
mkdirSync(base, { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let tarball;
let packed;

const built = await check('build: dist/ from tsconfig.build.json', () => must(process.execPath, ['scripts/build.mjs'], root));

const isPacked = built && (await check('npm pack', async () => {
  for (const old of readdirSync(base).filter((file) => file.endsWith('.tgz'))) rmSync(join(base, old));
  const output = await must(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', base, ...quiet], root);
  [packed] = JSON.parse(output.slice(output.indexOf('[')));
  tarball = join(base, packed.filename);
}));

if (isPacked) {
  await check('the tarball holds dist/ (with custom-elements.json), README, LICENSE and docs only', () => {
    const paths = packed.files.map((file) => file.path);
    const allowed = /^(dist\/.+\.(js|js\.map|d\.ts|css)|dist\/devhost\/[\w.-]+\.html|dist\/custom-elements\.json|docs\/[\w-]+\.md|README\.md|LICENSE|package\.json)$/;
    const stray = paths.filter((path) => !allowed.test(path) || /(^|\/)(test|tests|demo|bench|\.ci|scripts)\//.test(path) || /\.test\.|\.config\.|tsconfig/.test(path));
    const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    const missing = [...targets, pkg.customElements, 'LICENSE', 'README.md'].map((path) => path.replace(/^\.\//, '')).filter((path) => !paths.includes(path));
    const problems = [
      ...stray.map((path) => `not for users: ${path}`),
      ...missing.map((path) => `exports or package.json name it, the tarball lacks it: ${path}`),
    ];
    if (problems.length) throw new CheckFailure(problems.join('\n'));
  });
}

const toolsReady = await check('tools for the fresh apps (typescript, vite, publint, attw, create-vite, hono)', async () => {
  if (existsSync(join(workspace, '.installed'))) return;
  // Tools of an earlier tools.json are stale.
  for (const stale of readdirSync(base).filter((name) => name.startsWith('tools-'))) rmSync(join(base, stale), { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'package.json'), toolsJson);
  await must(npm, ['install', ...quiet], workspace);
  writeFileSync(join(workspace, '.installed'), `${new Date().toISOString()}\n`);
});

const installed = isPacked && toolsReady && (await check('npm install miniapps (the tarball) next to the tools', () =>
  must(npm, ['install', '--no-save', ...quiet, tarball], workspace)));

if (isPacked && toolsReady) {
  await check('publint (the tarball, warnings count as errors): nothing to report', () =>
    must(bin('publint'), ['run', tarball, '--strict', '--level', 'suggestion'], workspace));
  // ESM only: node10 and require() resolutions are out of scope; a stylesheet has no types.
  await check('are the types wrong: no problem for ESM (node16, bundler)', () =>
    must(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './ui-kit/tokens.css', '--format', 'ascii', '--no-emoji', '--no-color'], workspace));
}

if (installed) {
  const author = readmeSnippet('author app');
  const host = readmeSnippet('host app');
  const apps = [
    ['author', author, '<div id="app"></div>'],
    ['host', host, '<miniapp-frame style="display: block; height: 100vh"></miniapp-frame>'],
  ];
  for (const [role, main, body] of apps) {
    const dir = scaffold(role, { main, body });
    await check(`${role} app (create-vite vanilla-ts tsconfig, README snippet): tsc`, () => must(bin('tsc'), [], dir));
    await check(`${role} app: tsc of TypeScript 6.0`, () => must(join(root, 'node_modules/.bin/tsc'), ['-p', '.'], dir));
    await check(`${role} app: vite build`, async () => {
      await must(bin('vite'), ['build', '--logLevel', 'warn'], dir);
      const js = [...walk(join(dir, 'dist/assets'))].filter((file) => file.endsWith('.js')).map((file) => readFileSync(file, 'utf8')).join('\n');
      // A string of the element's own module: a bare `import '…'` must keep it (sideEffects).
      const [tag, marker] = role === 'host' ? ['miniapp-frame', 'set `app` before open()'] : ['ma-button', 'part="spinner"'];
      if (!js.includes(marker)) throw new CheckFailure(`the built app lacks <${tag}>: the module defining it was tree-shaken away`);
    });
    const [tag, part] = role === 'host' ? ['miniapp-frame', '[part=frame]'] : ['ma-button', 'button[part=base]'];
    await check(`${role} app in Chromium: the built <${tag}> upgrades and renders`, () =>
      must(process.execPath, [join(fixtures, 'in-chromium.mjs'), join(dir, 'dist'), tag, part], dir));
    const nodenext = scaffold(`${role}-nodenext`, {
      main, body, tsconfig: (config) => ({ ...config, compilerOptions: { ...config.compilerOptions, module: 'nodenext', moduleResolution: 'nodenext' } }),
    });
    await check(`${role} app with module/moduleResolution nodenext: tsc`, () => must(bin('tsc'), [], nodenext));
    const libCheck = scaffold(`${role}-lib-check`, {
      main, body, tsconfig: (config) => ({ ...config, compilerOptions: { ...config.compilerOptions, skipLibCheck: false } }),
    });
    await check(`${role} app with skipLibCheck false: tsc`, () => must(bin('tsc'), [], libCheck));
  }
}

if (installed) {
  await check('host backend: with hono installed, plain node imports miniapps/backend and miniapps/node', async () => {
    cpSync(join(fixtures, 'node-imports.mjs'), join(workspace, 'node-imports.mjs'));
    await must(process.execPath, ['node-imports.mjs', 'miniapps/backend', 'miniapps/node'], workspace);
  });
  await check('npx miniapps serve: the installed command serves /health on PGlite, and stops on SIGTERM', () => serveAnswersHealth(workspace));
}

let installBytes;
const partnerInstalled = isPacked && (await check('partner backend: npm install miniapps alone in a fresh folder', async () => {
  rmSync(partnerDir, { recursive: true, force: true });
  mkdirSync(partnerDir, { recursive: true });
  writeFileSync(join(partnerDir, 'package.json'), JSON.stringify({ name: 'partner-backend', private: true, type: 'module' }, null, 2));
  await must(npm, ['install', ...quiet, tarball], partnerDir);
  installBytes = duBytes(join(partnerDir, 'node_modules'));
}));

if (partnerInstalled) {
  await check('partner backend: plain node imports miniapps/server and verifies a token (README snippet)', async () => {
    writeFileSync(join(partnerDir, 'user.mjs'), readmeSnippet('partner backend'));
    cpSync(join(fixtures, 'partner-backend.mjs'), join(partnerDir, 'main.mjs'));
    await must(process.execPath, ['main.mjs'], partnerDir);
  });
  await check('plain node imports sdk, protocol, server, host, backend/client and the whole kit without a DOM', async () => {
    cpSync(join(fixtures, 'node-imports.mjs'), join(partnerDir, 'node-imports.mjs'));
    const entries = Object.keys(pkg.exports)
      .filter((subpath) => !/\.(css|json)$/.test(subpath) && subpath !== './backend' && subpath !== './node')
      .map((subpath) => `miniapps/${subpath.slice(2)}`);
    await must(process.execPath, ['node-imports.mjs', ...entries], partnerDir);
  });
  await check('npx miniapps pack: the installed command packs a built folder, and refuses a bad one writing nothing', async () => {
    const folder = join(partnerDir, 'pack-app');
    const zip = join(partnerDir, 'pack-app.zip');
    const pack = () => run(npm, ['exec', '--offline', '--', 'miniapps', 'pack', 'pack-app', '-o', 'pack-app.zip'], partnerDir);
    rmSync(folder, { recursive: true, force: true });
    rmSync(zip, { force: true });
    cpSync(join(root, 'test/fixtures/pack/good'), folder, { recursive: true });
    const packed = await pack();
    if (packed.code !== 0 || !existsSync(zip)) throw new CheckFailure(`expected exit 0 and pack-app.zip; got exit ${packed.code}\n${packed.output}`);
    rmSync(zip);
    writeFileSync(join(folder, '.env'), 'API_KEY=1');
    const refused = await pack();
    if (refused.code !== 1 || !refused.output.includes('.env: is a hidden file') || existsSync(zip)) {
      throw new CheckFailure(`expected exit 1, the .env reported and no zip; got exit ${refused.code}\n${refused.output}`);
    }
  });
}

if (installed) {
  console.log('\nfigures');
  if (packed) console.log(`  tarball ${kB(packed.size)}, ${packed.entryCount} files (${kB(packed.unpackedSize)} unpacked)`);
  if (installBytes) console.log(`  npm install miniapps alone: ${kB(installBytes)} in node_modules (${readdirSync(join(partnerDir, 'node_modules')).filter((name) => !name.startsWith('.')).length} top-level folders)`);
  const sized = async (subpath, external, platform = 'browser') => {
    const result = await build({
      stdin: { contents: `export * from 'miniapps/${subpath}';`, resolveDir: workspace, loader: 'js' },
      bundle: true, minify: true, write: false, format: 'esm', platform, external, logLevel: 'silent',
    });
    return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  };
  const lit = ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'];
  console.log('  min+gzip (esbuild bundle of the installed dist entry, its dependencies bundled unless said):');
  for (const subpath of ['sdk', 'sdk/inbox', 'sdk/layout', 'sdk/testing', 'manifest', 'protocol', 'host', 'backend/client']) console.log(`    miniapps/${subpath.padEnd(22)} ${kB(await sized(subpath, []))}`);
  console.log(`    miniapps/${'server'.padEnd(22)} ${kB(await sized('server', [], 'node'))} (platform node, jose bundled)`);
  console.log(`    miniapps/${'ui-kit'.padEnd(22)} ${kB(await sized('ui-kit', []))} with lit, ${kB(await sized('ui-kit', lit))} beyond lit`);
  const components = Object.keys(pkg.exports).filter((subpath) => subpath.startsWith('./ui-kit/') && !/\.(css)$/.test(subpath)).map((subpath) => subpath.slice(2));
  const sizes = [];
  for (const subpath of components) sizes.push([subpath, await sized(subpath, lit)]);
  console.log(`    each kit subpath beyond lit (lit external): ${sizes.map(([subpath, bytes]) => `${subpath.slice('ui-kit/'.length)} ${kB(bytes)}`).join(', ')}`);
}

const passed = results.filter((result) => result.passed).length;
const failed = results.length - passed;
mkdirSync(join(root, '.test-results'), { recursive: true });
writeFileSync(join(root, '.test-results/package.json'), JSON.stringify({ passed, failed, skipped: 0 }));
console.log(`\npackaging check: ${passed} passed, ${failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);

/** Starts the installed `miniapps serve` (in memory, a free port), asks /health, and stops it. */
async function serveAnswersHealth(cwd) {
  // The installed bin itself (what npx runs), so SIGTERM reaches the server and not npm.
  const child = spawn(join(cwd, 'node_modules', '.bin', 'miniapps'), ['serve'], {
    cwd,
    env: { ...process.env, PORT: '0', MINIAPPS_DATA_DIR: 'memory://' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new CheckFailure(`no "listening" line within 120 s\n${output}`)), 120_000);
      const read = (chunk) => {
        output += chunk;
        const line = output.split('\n').find((text) => text.includes('"msg":"listening"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line).url);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', (chunk) => (output += chunk));
      void exited.then((code) => reject(new CheckFailure(`miniapps serve exited ${code} before listening\n${output}`)));
    });
    const health = await globalThis.fetch(`${url}/health`);
    if (health.status !== 200) throw new CheckFailure(`/health answered ${health.status}`);
  } finally {
    child.kill('SIGTERM');
  }
  const code = await exited;
  if (code !== 0) throw new CheckFailure(`miniapps serve exited ${code} on SIGTERM\n${output}`);
}
