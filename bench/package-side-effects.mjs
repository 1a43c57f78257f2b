// The benchmarks bundle the sources, but package.json's `sideEffects` names the built files
// (dist/…js) that users install. Without help esbuild would read a source that defines an element
// (`ui-kit/components/spinner/spinner.ts`) as free of side effects and drop a bare
// `import './spinner.ts'`: the bench would time and weigh a widget without its parts.
// This esbuild plugin gives each source the flag its built file has in package.json, so a source
// build keeps and drops exactly what a bundler keeps and drops from the installed package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const declared = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).sideEffects;

/** Absolute paths of the sources whose built files package.json lists in `sideEffects`. */
const sourcesWithSideEffects = new Set(
  declared.filter((path) => path.endsWith('.js')).map((path) => join(root, path.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'))),
);

/**
 * `leaveOut`: sources to keep out of the bundle (external), for measuring a widget apart from its parts.
 */
export function packageSideEffects(leaveOut = new Set()) {
  const marker = {};
  return {
    name: 'package-side-effects',
    setup(build) {
      build.onResolve({ filter: /\.ts$/ }, async ({ path, importer, kind, resolveDir, pluginData }) => {
        if (pluginData === marker) return undefined;
        const resolved = await build.resolve(path, { importer, kind, resolveDir, pluginData: marker });
        if (resolved.errors.length || resolved.external) return undefined;
        if (leaveOut.has(resolved.path)) return { path: resolved.path, external: true };
        return { path: resolved.path, sideEffects: sourcesWithSideEffects.has(resolved.path) };
      });
    },
  };
}
