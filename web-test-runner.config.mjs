// Tests run in Debian's Chromium. The page under test is served from http://localhost:PORT and
// mini-app fixtures from http://127.0.0.1:PORT: two sites, so every bridge test crosses origins.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { browserCommandsPlugin } from './test/fixtures/browser-commands-plugin.mjs';
import { readFileSync } from 'node:fs';

// Makes every failure reportable before the framework sends it (see the script).
const reportableFailures = readFileSync(new URL('./test/harness/reportable-failures.js', import.meta.url), 'utf8');
const testRunnerHtml = (testFramework) =>
  `<!DOCTYPE html><html><head><script>${reportableFailures}</script></head><body><script type="module" src="${testFramework}"></script></body></html>`;

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const baseArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  // The hostile-input tests force a GC and read the host page's heap exactly.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

/**
 * The moderator page's review sandbox registers a service worker from a frame on the apps' origin,
 * which is cross-site in these tests; Chromium 156 blocks that along with third-party cookies.
 * Only these tests run with that block lifted: every other test sees the browser's defaults (the
 * storage tests check that a mini-app's frame has no storage of its own).
 */
const reviewSandboxTests = ['test/demo/moderator*.test.ts', 'test/demo/partner-moderation*.test.ts'];

export default {
  files: ['test/**/*.test.ts', '!test/node/**', ...reviewSandboxTests.map((glob) => `!${glob}`)],
  groups: [
    {
      name: 'review-sandbox',
      files: reviewSandboxTests,
      browsers: [
        playwrightLauncher({
          product: 'chromium',
          launchOptions: { executablePath, args: [...baseArgs, '--disable-features=TrackingProtection3pcd'] },
        }),
      ],
    },
  ],
  nodeResolve: { exportConditions: ['browser'] },
  hostname: 'localhost',
  rootDir: '.',
  testRunnerHtml,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: baseArgs,
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
