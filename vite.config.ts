import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** The repository's own modules, by absolute path. */
const SOURCES = /\/(demo|src|ui-kit)\/[^/].*\.ts$/;

/**
 * package.json's `sideEffects` lists the shipped dist/ files, so the bundler takes every source
 * module for side-effect free and drops bare imports such as `import './demo-shell.ts'` (the
 * elements then never register). `treeshake.moduleSideEffects` does not override a package's
 * field; a module's own resolution does.
 */
const sourcesHaveSideEffects: Plugin = {
  name: 'demo-sources-have-side-effects',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (resolved && !resolved.external && SOURCES.test(resolved.id) && !resolved.id.includes('/node_modules/')) return { ...resolved, moduleSideEffects: true };
    return resolved;
  },
};

/**
 * The demo: the host shell (index.html), the kit gallery and the sample mini-apps. `npm run demo`
 * (scripts/demo.mjs) serves this config twice: the host on http://localhost:5173 and mini-apps on
 * http://127.0.0.1:5174, so every mini-app runs on another site than its host, as in production:
 * built into demo-dist/ by default, or from the sources with hot reload (`npm run demo:dev`).
 */
export default defineConfig({
  publicDir: 'demo/public',
  plugins: [sourcesHaveSideEffects],
  server: { cors: true },
  preview: { cors: true },
  build: {
    target: 'es2022',
    // dist/ is the package's; the demo's build has its own folder.
    outDir: 'demo-dist',
    rolldownOptions: {
      // package.json's sideEffects describes the shipped dist/; the demo builds from the sources,
      // whose element modules register themselves on import.
      treeshake: { moduleSideEffects: true },
      input: {
        shell: resolve(import.meta.dirname, 'index.html'),
        kit: resolve(import.meta.dirname, 'demo/kit.html'),
        sample: resolve(import.meta.dirname, 'demo/apps/sample/index.html'),
        plain: resolve(import.meta.dirname, 'demo/apps/plain/index.html'),
        shop: resolve(import.meta.dirname, 'demo/apps/shop/index.html'),
        'service-desk': resolve(import.meta.dirname, 'demo/apps/service-desk/index.html'),
        'utility-calculator': resolve(import.meta.dirname, 'demo/apps/utility-calculator/index.html'),
        review: resolve(import.meta.dirname, 'demo/review/sw-host.html'),
        // The anchor of the first-load figure (scripts/demo-first-load.mjs): a bare page of the same build.
        bare: resolve(import.meta.dirname, 'demo/bench/bare.html'),
      },
    },
  },
});
