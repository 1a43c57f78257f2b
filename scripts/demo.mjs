// `npm run demo`: the host super-app on http://localhost:5173 and its mini-apps on
// http://127.0.0.1:5174: two sites, so the sandbox and the bridge work as they do in production.
// Ports may be changed with HOST_PORT and APPS_PORT.
import { createServer } from 'vite';

const hostPort = Number(process.env.HOST_PORT ?? 5173);
const appsPort = Number(process.env.APPS_PORT ?? 5174);
const appsOrigin = `http://127.0.0.1:${appsPort}`;

const apps = await createServer({ server: { host: '127.0.0.1', port: appsPort, strictPort: true, cors: true }, clearScreen: false });
await apps.listen();

const host = await createServer({
  server: { host: 'localhost', port: hostPort, strictPort: true },
  define: { 'import.meta.env.VITE_MINIAPPS_ORIGIN': JSON.stringify(appsOrigin) },
  clearScreen: false,
});
await host.listen();

console.log(`\n  Super-app (host):   http://localhost:${hostPort}/`);
console.log(`  Mini-apps origin:   ${appsOrigin}/`);
console.log(`  UI kit gallery:     http://localhost:${hostPort}/demo/kit.html\n`);

const stop = async () => {
  await Promise.all([host.close(), apps.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
