// UI kit sizes: what a mini-app adds to its bundle per component, beyond lit itself.
// Each component module (ui-kit/components/<name>/<name>.ts) and the whole kit (ui-kit/index.ts)
// is bundled with esbuild, lit marked external, minified, then gzipped (node:zlib, level 9).
// Usage: `import { measureKitSizes } from './kit-sizes.mjs'` → one result per entry, in the
// bench's `{ name, value, unit, anchor, anchorValue, ratio, target, met }` shape; or run this
// file directly (`node bench/kit-sizes.mjs`) to print the table.
import { build } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const COMPONENT_BUDGET = 3072;

/**
 * package.json's `sideEffects` names the built files (dist/) only, so esbuild would drop the
 * sources' bare imports (`import './tab.ts'`) and measure a component without its parts.
 */
const sourcesHaveSideEffects = {
  name: 'sources-have-side-effects',
  setup(build) {
    build.onResolve({ filter: /\.ts$/ }, async ({ path, importer, kind, resolveDir, pluginData }) => {
      if (pluginData === sourcesHaveSideEffects) return undefined;
      const resolved = await build.resolve(path, { importer, kind, resolveDir, pluginData: sourcesHaveSideEffects });
      return resolved.errors.length ? undefined : { path: resolved.path, sideEffects: true };
    });
  },
};

/** min+gzip bytes of one entry bundled without lit. */
export async function bundledSize(entry) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'],
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [sourcesHaveSideEffects],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** The component entries: `ui-kit/components/<name>/<name>.ts` for every component folder. */
export function componentEntries() {
  const folder = join(root, 'ui-kit/components');
  return readdirSync(folder, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && existsSync(join(folder, dirent.name, `${dirent.name}.ts`)))
    .map((dirent) => ({ tag: `ma-${dirent.name}`, entry: `ui-kit/components/${dirent.name}/${dirent.name}.ts` }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

export async function measureKitSizes() {
  const results = [];
  for (const { tag, entry } of componentEntries()) {
    const { gzipped } = await bundledSize(entry);
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
  }
  const whole = await bundledSize('ui-kit/index.ts');
  const perComponent = COMPONENT_BUDGET * results.length;
  results.push({
    name: 'kit: whole kit size (all components, tokens, icons)',
    value: whole.gzipped,
    unit: 'B',
    anchor: 'target',
    anchorValue: perComponent,
    ratio: whole.gzipped / perComponent,
    target: `≤ 3 kB × ${results.length} components min+gzip beyond lit`,
    met: whole.gzipped <= perComponent,
  });
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const result of await measureKitSizes()) {
    console.log(`${result.met ? 'ok  ' : 'OVER'} ${String(result.value).padStart(6)} B  ${result.name}`);
  }
}
