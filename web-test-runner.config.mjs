// Tests run in Debian's Chromium. The page under test is served from http://localhost:PORT and
// mini-app fixtures from http://127.0.0.1:PORT: two sites, so every bridge test crosses origins.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { browserCommandsPlugin } from './test/fixtures/browser-commands-plugin.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser'] },
  hostname: 'localhost',
  rootDir: '.',
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: [
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          '--disable-gpu',
          // The hostile-input tests force a GC and read the host page's heap exactly.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
          // Chromium 156 blocks third-party cookies by default, and with them service workers in a
          // cross-site frame: the moderator page's review sandbox registers one on the apps' origin.
          '--disable-features=TrackingProtection3pcd',
        ],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    // Real file choosers, downloads, console messages and safe-area emulation for the file and layout tests.
    browserCommandsPlugin(),
  ],
  middleware: [
    // Sandboxed frames load module scripts in CORS mode, and the fixtures live on a second origin.
    async (ctx, next) => {
      ctx.set('Access-Control-Allow-Origin', '*');
      await next();
    },
    // The msw worker of the simulated backend, served at the root so it may control every test page.
    async (ctx, next) => {
      if (ctx.path !== '/mockServiceWorker.js') return next();
      ctx.type = 'application/javascript';
      ctx.set('Service-Worker-Allowed', '/');
      const { readFile } = await import('node:fs/promises');
      ctx.body = await readFile(fileURLToPath(new URL('./demo/public/mockServiceWorker.js', import.meta.url)), 'utf8');
    },
  ],
  reporters: [defaultReporter(), summaryReporter('.test-results/browser.json')],
};
