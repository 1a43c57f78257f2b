import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The demo: the host shell (index.html), the kit gallery and the sample mini-apps. `npm run demo`
 * (scripts/demo.mjs) serves this config twice: the host on http://localhost:5173 and mini-apps on
 * http://127.0.0.1:5174, so every mini-app runs on another site than its host, as in production.
 */
export default defineConfig({
  publicDir: 'demo/public',
  server: { cors: true },
  preview: { cors: true },
  build: {
    target: 'es2022',
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
      },
    },
  },
});
