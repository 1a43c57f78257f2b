// UI kit sizes: what a mini-app adds to its bundle per component, beyond lit itself.
// Each component module (ui-kit/components/<name>/<name>.ts) and the whole kit (ui-kit/index.ts)
// is bundled with esbuild, lit marked external, minified, then gzipped (node:zlib, level 9).
// Usage: `import { measureKitSizes } from './kit-sizes.mjs'` → one result per entry, in the
// bench's `{ name, value, unit, anchor, anchorValue, ratio, target, met }` shape; or run this
// file directly (`node bench/kit-sizes.mjs`) to print the table.
import { build } from 'esbuild';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { packageSideEffects } from './package-side-effects.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const COMPONENT_BUDGET = 3072;

const kitExternals = ['lit', 'lit/*', '@lit/*', '@lit-labs/*'];

/**
 * min+gzip bytes of one entry bundled without lit (by default also without @lit-labs/*, such as
 * the virtualizer: pass `external` to count it); `leaveOut` names source files measured apart.
 */
export async function bundledSize(entry, { external = kitExternals, leaveOut } = {}) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    external,
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [packageSideEffects(leaveOut)],
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.keys(Object.values(result.metafile.outputs)[0].inputs);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, inputs };
}

const definesElement = /customElements\.define\(\s*['"](ma-[a-z0-9-]+)['"]/;

/**
 * A composite component (ma-chat) in parts, next to its whole figure: each custom element it
 * bundles measured alone (with what it imports), the component without those elements, the
 * @lit-labs packages it uses (not in the kit figures, which leave @lit-labs/* out) and the whole
 * download beyond lit. Shared code (i18n, texts, the modal base) counts in every part that uses
 * it, so the parts add up to more than the whole.
 */
export async function measureParts(tag, entry, whole) {
  const part = (name, value, target = 'a part of the figure above; no target of its own') => ({
    name: `kit: ${tag} part: ${name}`,
    value,
    unit: 'B',
    anchor: `${tag} whole`,
    anchorValue: whole.gzipped,
    ratio: +(value / whole.gzipped).toFixed(3),
    target,
    met: null,
  });
  const entryPath = join(root, entry);
  const elements = whole.inputs
    .map((input) => join(root, input))
    .filter((file) => file !== entryPath && file.endsWith('.ts') && definesElement.test(readFileSync(file, 'utf8')))
    .map((file) => ({ file, tag: readFileSync(file, 'utf8').match(definesElement)[1] }));
  const results = [];
  const own = await bundledSize(entry, { leaveOut: new Set(elements.map(({ file }) => file)) });
  results.push(part(`${tag} alone (without the ${elements.length} elements below)`, own.gzipped));
  for (const element of elements) {
    const alone = await bundledSize(relative(root, element.file));
    results.push(part(`${element.tag} alone`, alone.gzipped));
  }
  const withLabs = await bundledSize(entry, { external: ['lit', 'lit/*', '@lit/*'] });
  const labsOnly = withLabs.gzipped - whole.gzipped;
  const packages = [...new Set(withLabs.inputs.filter((input) => input.includes('node_modules/@lit-labs/')).map((input) => input.split('/').slice(1, 3).join('/')))];
  results.push(part(`${packages.join(', ')} (not in the figure above; the whole with it minus without)`, labsOnly));
  results.push(part(`whole download beyond lit (with ${packages.join(', ')})`, withLabs.gzipped, 'what a mini-app adds for it; no target'));
  return results;
}

/** The component entries: `ui-kit/components/<name>/<name>.ts` for every component folder. */
export function componentEntries() {
  const folder = join(root, 'ui-kit/components');
  return readdirSync(folder, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && existsSync(join(folder, dirent.name, `${dirent.name}.ts`)))
    .map((dirent) => ({ tag: `ma-${dirent.name}`, entry: `ui-kit/components/${dirent.name}/${dirent.name}.ts` }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Components reported in parts as well as whole. */
const compositeTags = new Set(['ma-chat']);

export async function measureKitSizes() {
  const results = [];
  for (const { tag, entry } of componentEntries()) {
    const size = await bundledSize(entry);
    const gzipped = size.gzipped;
    results.push({
      name: `kit: ${tag} size`,
      value: gzipped,
      unit: 'B',
      anchor: 'target',
      anchorValue: COMPONENT_BUDGET,
      ratio: gzipped / COMPONENT_BUDGET,
      target: '≤ 3 kB min+gzip beyond lit',
      met: gzipped <= COMPONENT_BUDGET,
    });
    // A composite widget (it bundles other custom elements, or @lit-labs packages): its parts too.
    if (compositeTags.has(tag)) results.push(...(await measureParts(tag, entry, size)));
  }
  const whole = await bundledSize('ui-kit/index.ts');
  const components = results.filter((result) => result.met !== null).length;
  const perComponent = COMPONENT_BUDGET * components;
  results.push({
    name: 'kit: whole kit size (all components, tokens, icons)',
    value: whole.gzipped,
    unit: 'B',
    anchor: 'target',
    anchorValue: perComponent,
    ratio: whole.gzipped / perComponent,
    target: `≤ 3 kB × ${components} components min+gzip beyond lit`,
    met: whole.gzipped <= perComponent,
  });
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const result of await measureKitSizes()) {
    console.log(`${result.met === null ? '    ' : result.met ? 'ok  ' : 'OVER'} ${String(result.value).padStart(6)} B  ${result.name}`);
  }
}
