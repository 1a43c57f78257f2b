// Bundles the dev host's page (src/devhost/page/) with esbuild into one folder: index.html and
// devhost.js, so the installed package serves it with no bundler. Used by scripts/build.mjs (into
// dist/devhost) and by the tests (into a temporary folder).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');

/** Writes the page into `outdir`; resolves with the files written. */
export async function bundleDevHostPage(outdir) {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: { devhost: join(here, 'page/main.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // The package's `sideEffects` list names the shipped dist/ files; these sources register elements on import.
    ignoreAnnotations: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  await copyFile(join(here, 'page/index.html'), join(outdir, 'index.html'));
  return ['index.html', 'devhost.js'];
}
