// `npm run bench`: builds the benchmark pages with esbuild, serves them from two origins
// (the host page on http://localhost:PORT, mini-app frames on http://127.0.0.1:PORT), runs them
// in Debian's Chromium, adds the bundle sizes, prints a table and writes bench/results.json.
// Every figure sits next to its anchor measured in the same run; ratios are medians of per-round
// ratios taken interleaved (see bench/pages/bridge.ts).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { packageSideEffects } from './package-side-effects.mjs';

const root = process.cwd();
const outDir = join(root, 'bench/.build');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rounds = process.env.BENCH_ROUNDS ?? '15';

mkdirSync(outDir, { recursive: true });
const pages = readdirSync(join(root, 'bench/pages')).filter((file) => file.endsWith('.ts'));
await build({
  entryPoints: pages.map((file) => join(root, 'bench/pages', file)),
  outdir: outDir,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: join(root, 'tsconfig.json'),
  plugins: [packageSideEffects()],
  logLevel: 'warning',
});

/** min+gzip bytes of what an importer of `entry` downloads (optionally with some packages external). */
async function gzipSize(entry, external = []) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, external, tsconfig: join(root, 'tsconfig.json'), logLevel: 'silent' });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer((request, response) => {
  // The msw worker of the simulated backend, at the root so it may control the live-channel page.
  if (request.url === '/mockServiceWorker.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript', 'Service-Worker-Allowed': '/', 'Cache-Control': 'no-store' });
    response.end(readFileSync(join(root, 'demo/public/mockServiceWorker.js')));
    return;
  }
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
  response.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath,
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
});
const results = [];
try {
  // BENCH_PAGES=bridge,kit-render runs only those pages (the sizes are always measured).
  const selected = process.env.BENCH_PAGES?.split(',');
  for (const page of ['bridge', 'kit-render', 'live-channel', 'chat-list', 'chat-live'].filter((name) => !selected || selected.includes(name))) {
    if (!existsSync(join(root, `bench/pages/${page}.html`))) continue;
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => console.error(`[${page}]`, error.message));
    console.log(`running ${page}…`);
    await tab.goto(`http://localhost:${port}/bench/pages/${page}.html?rounds=${rounds}`);
    await tab.waitForFunction(() => window.benchDone === true, undefined, { timeout: 10 * 60 * 1000, polling: 500 });
    const error = await tab.evaluate(() => window.benchError);
    if (error) throw new Error(`${page}: ${error}`);
    results.push(...(await tab.evaluate(() => window.benchResults)));
    if (process.env.BENCH_VERBOSE) console.log(await tab.evaluate(() => document.getElementById('log')?.textContent));
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}

const SDK_BUDGET = 3072;
const sdk = await gzipSize(join(root, 'src/sdk/index.ts'));
results.push({ name: 'sdk: connect + typed client, min+gzip', value: sdk, unit: 'B', anchor: 'comlink (wrap + expose), min+gzip', anchorValue: await gzipSize(join(root, 'node_modules/comlink/dist/esm/comlink.mjs')), ratio: 0, target: '≤ 3 kB', met: sdk <= SDK_BUDGET });
results.at(-1).ratio = +(results.at(-1).value / results.at(-1).anchorValue).toFixed(3);

if (existsSync(join(root, 'bench/kit-sizes.mjs'))) {
  const { measureKitSizes } = await import(join(root, 'bench/kit-sizes.mjs'));
  results.push(...(await measureKitSizes()));
}

writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
// Per-round ratios: lowest–highest, [middle half], and the median's 95% interval.
const spread = (r) => (r.spread ? `${r.spread.min}–${r.spread.max} [${r.spread.q1}–${r.spread.q3}] median in ${r.spread.low}–${r.spread.high}` : '');
const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, `${r.anchorValue} ${r.unit} (${r.anchor})`, `${r.ratio}×`, spread(r), r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
const header = ['figure', 'ours', 'anchor', 'ratio', 'per-round ratios: range [middle half], median 95%', 'target', 'met'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}`);
console.log('\nwritten bench/results.json');
