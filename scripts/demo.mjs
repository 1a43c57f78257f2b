// `npm run demo`: builds the demo (vite build) and serves the build from two sites: the host
// super-app on http://localhost:5173 and its mini-apps on http://127.0.0.1:5174, so the sandbox
// and the bridge work as they do in production. `npm run demo:dev` (`--dev`) serves the sources
// with Vite's dev servers and hot reload instead. Ports may be changed with HOST_PORT, APPS_PORT and REVIEW_PORT.
import { resolve } from 'node:path';
import { build, createServer } from 'vite';
import { serveStatic } from './static-server.mjs';

const dev = process.argv.includes('--dev');
const hostPort = Number(process.env.HOST_PORT ?? 5173);
const appsPort = Number(process.env.APPS_PORT ?? 5174);
const reviewPort = Number(process.env.REVIEW_PORT ?? 5175);
const appsOrigin = `http://127.0.0.1:${appsPort}`;
// The moderator page's review sandbox: another origin on the host's site, because a browser that
// blocks third-party storage (Chromium does by default) refuses a service worker in a cross-site frame.
const reviewOrigin = `http://localhost:${reviewPort}`;
const define = {
  'import.meta.env.VITE_MINIAPPS_ORIGIN': JSON.stringify(appsOrigin),
  'import.meta.env.VITE_REVIEW_ORIGIN': JSON.stringify(reviewOrigin),
};
const outDir = resolve(import.meta.dirname, '..', 'demo-dist');

process.on('uncaughtException', (error) => {
  if (error?.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${error.port} is taken (another demo?): free it, or set HOST_PORT and APPS_PORT, e.g. HOST_PORT=5273 APPS_PORT=5274 npm run demo`);
  process.exit(1);
});

let stop;
if (dev) {
  const apps = await createServer({ server: { host: '127.0.0.1', port: appsPort, strictPort: true, cors: true }, clearScreen: false });
  await apps.listen();
  const review = await createServer({ server: { host: 'localhost', port: reviewPort, strictPort: true, cors: true }, clearScreen: false });
  await review.listen();
  const host = await createServer({ server: { host: 'localhost', port: hostPort, strictPort: true }, define, clearScreen: false });
  await host.listen();
  stop = () => Promise.all([host.close(), apps.close(), review.close()]);
} else {
  await build({ define, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // One build, two sites: the apps' pages are part of it, served from the second origin.
  const servers = await Promise.all([
    serveStatic({ root: outDir, host: 'localhost', port: hostPort }),
    serveStatic({ root: outDir, host: '127.0.0.1', port: appsPort }),
    serveStatic({ root: outDir, host: 'localhost', port: reviewPort }),
  ]);
  stop = () => Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
}

console.log(`\n  Super-app (host):   http://localhost:${hostPort}/   ${dev ? '(dev server, hot reload)' : '(production build in demo-dist/)'}`);
console.log(`  Mini-apps origin:   ${appsOrigin}/`);
console.log(`  Review sandbox:     ${reviewOrigin}/ (the moderator page runs submissions here)`);
console.log(`  UI kit gallery:     http://localhost:${hostPort}/demo/kit.html\n`);

const shutdown = async () => {
  await stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
