/// <reference types="node" />
/**
 * The demo's production build for the walk tests, as `npm run demo` serves it (scripts/demo.mjs):
 * the host super-app on http://localhost:<port>, its mini-apps on http://127.0.0.1:<port> (another
 * site) and the moderator's review sandbox on http://localhost:<port>. The ports are free ones the
 * system picks, so the walk never clashes with a demo someone is running. Built once per process
 * into a temporary folder, shared by every walk file, removed when the process exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export interface DemoBuild {
  /** The super-app, e.g. `http://localhost:40123/`. */
  hostUrl: string;
  appsOrigin: string;
  reviewOrigin: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
type ServeStatic = (options: { root: string; host: string; port: number }) => Promise<Server>;

let built: Promise<DemoBuild> | undefined;

/** Serves the demo's build on three free ports, building it first (once per process). */
export function demoBuild(): Promise<DemoBuild> {
  built ??= buildAndServe();
  return built;
}

async function buildAndServe(): Promise<DemoBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'demo-walk-'));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  // A path the type checker does not follow: the static server is the demo command's own plain JS module.
  const staticServer = new URL('../../scripts/static-server.mjs', import.meta.url).href;
  const { serveStatic } = (await import(staticServer)) as { serveStatic: ServeStatic };
  // The servers listen first (on ports the system picks), so the build can name the origins they serve.
  const servers = await Promise.all([
    serveStatic({ root: outDir, host: 'localhost', port: 0 }),
    serveStatic({ root: outDir, host: '127.0.0.1', port: 0 }),
    serveStatic({ root: outDir, host: 'localhost', port: 0 }),
  ]);
  // They never hold the process open: mocha ends when its tests do.
  for (const server of servers) server.unref();
  const [hostPort, appsPort, reviewPort] = servers.map((server) => (server.address() as AddressInfo).port);
  const appsOrigin = `http://127.0.0.1:${appsPort}`;
  const reviewOrigin = `http://localhost:${reviewPort}`;
  const { build } = await import('vite');
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    define: {
      'import.meta.env.VITE_MINIAPPS_ORIGIN': JSON.stringify(appsOrigin),
      'import.meta.env.VITE_REVIEW_ORIGIN': JSON.stringify(reviewOrigin),
    },
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return { hostUrl: `http://localhost:${hostPort}/`, appsOrigin, reviewOrigin };
}

/** Debian's Chromium, quiet on a closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
  });
}

/** A phone-sized browser profile of its own (its own IndexedDB: a fresh seeded demo), in English. */
export function residentContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 400, height: 860 }, locale: 'en-GB' });
}

/** The six digits of the demo's on-screen SMS. */
export async function shownCode(page: Page): Promise<string> {
  const sms = page.getByRole('status', { name: 'Demo SMS' });
  await sms.getByText(/code: \d{6}/).waitFor();
  const code = /code: (\d{6})/.exec((await sms.textContent()) ?? '')?.[1];
  if (!code) throw new Error('no code in the demo SMS');
  return code;
}
