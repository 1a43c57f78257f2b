// Builds what the package ships: dist/ with .js, .d.ts and source maps (tsconfig.build.json), the
// tokens stylesheet and the kit's Custom Elements Manifest. Runs in `prepack` and in the test command (before the packaging check).
//   node scripts/build.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('build: tsc -p tsconfig.build.json failed');
  process.exit(1);
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

// tsc rewrites `./x.ts` to `./x.js` in the JavaScript it emits but keeps `.ts` in declarations,
// which users' compilers refuse (TS5097 under nodenext) or cannot resolve: give them `.js` too.
const relativeTs = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g;
const leftovers = [];
for (const file of files(dist)) {
  if (file.endsWith('.d.ts')) {
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(relativeTs, '$1$2.js$3');
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
  if (/\.(d\.ts|js)$/.test(file) && /(?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]+\.ts['"]/.test(readFileSync(file, 'utf8'))) {
    leftovers.push(relative(root, file));
  }
}
if (leftovers.length) {
  console.error(`build: relative .ts imports left in ${leftovers.join(', ')}`);
  process.exit(1);
}

copyFileSync(join(root, 'ui-kit/tokens/tokens.css'), join(dist, 'ui-kit/tokens/tokens.css'));

// The kit's Custom Elements Manifest (custom-elements.json, from the sources by `npm run cem`) as
// users get it: module paths name the shipped .js files, and no indentation.
const absent = new Set();
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'), (key, value) => {
  if ((key !== 'path' && key !== 'module') || typeof value !== 'string' || !value.endsWith('.ts')) return value;
  const shipped = (value.startsWith('.') ? value : `dist/${value}`).replace(/\.ts$/, '.js');
  if (!value.startsWith('.') && !existsSync(join(root, shipped))) absent.add(value);
  return shipped;
});
if (absent.size) {
  console.error(`build: custom-elements.json names modules the build does not ship: ${[...absent].join(', ')}`);
  process.exit(1);
}
writeFileSync(join(dist, 'custom-elements.json'), JSON.stringify(manifest));

// The `miniapps dev` page (src/devhost/page), bundled with esbuild into dist/devhost so the
// installed package serves it as is, with no bundler of its own.
const { bundleDevHostPage } = await import('../src/devhost/bundle.mjs');
await bundleDevHostPage(join(dist, 'devhost'));

console.log(`build: dist/ written (${[...files(dist)].length} files)`);
