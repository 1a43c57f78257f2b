// `npm run bench:demo`: the demo's first load, production build, fresh browser profile each time:
// the time from navigation to the first widget on the main screen (the shell's
// `demo:first-widget` mark), against a bare page of the same build and server (demo/bench/bare.html)
// measured in the same rounds, order alternating. Prints per-round figures (with when the in-page
// backend had seeded and its msw worker had started), the median ratio,
// and the shell's requests and bytes. Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from './static-server.mjs';

const rounds = Number(process.env.ROUNDS ?? 7);
const hostPort = Number(process.env.HOST_PORT ?? 5473);
const appsPort = Number(process.env.APPS_PORT ?? 5474);
const outDir = resolve(import.meta.dirname, '..', 'demo-dist');
await build({ define: { 'import.meta.env.VITE_MINIAPPS_ORIGIN': JSON.stringify(`http://127.0.0.1:${appsPort}`) }, logLevel: 'error', build: { outDir, emptyOutDir: true } });
const servers = await Promise.all([
  serveStatic({ root: outDir, host: 'localhost', port: hostPort }),
  serveStatic({ root: outDir, host: '127.0.0.1', port: appsPort }),
]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

/** One first load in a fresh profile: ms from navigation start to the mark, requests and bytes on the wire. */
async function firstLoad(path) {
  const context = await browser.newContext({ viewport: { width: 400, height: 860 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`http://localhost:${hostPort}${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('demo:first-widget').length > 0, null, { timeout: 30_000 });
  const figures = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const navigation = performance.getEntriesByType('navigation')[0];
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    return {
      ms: at('demo:first-widget'),
      // Where the time goes: the page's own marks (the backend's database and seed, its msw worker).
      steps: { seeded: at('demo:backend-seeded'), worker: at('demo:backend-worker') },
      requests: resources.length + 1,
      bytes: resources.reduce((sum, entry) => sum + entry.transferSize, navigation.transferSize),
    };
  });
  await context.close();
  if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
  return figures;
}

const ratios = [];
let shell;
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['shell', 'bare'] : ['bare', 'shell'];
  const result = {};
  for (const which of order) result[which] = await firstLoad(which === 'shell' ? '/' : '/demo/bench/bare.html');
  ratios.push(result.shell.ms / result.bare.ms);
  shell = result.shell;
  const steps = Object.entries(result.shell.steps).map(([name, ms]) => `${name} at ${ms === undefined ? '—' : ms.toFixed(0)} ms`).join(', ');
  console.log(`round ${round + 1}: shell ${result.shell.ms.toFixed(0)} ms (${steps}), bare ${result.bare.ms.toFixed(0)} ms, ratio ${(result.shell.ms / result.bare.ms).toFixed(1)}`);
}
ratios.sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)];
console.log(`\nfirst widget vs bare page of the same build: median ratio ${median.toFixed(1)} over ${rounds} rounds`);
console.log(`shell's first load: ${shell.requests} requests, ${(shell.bytes / 1024).toFixed(0)} KiB transferred`);
await browser.close();
await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
