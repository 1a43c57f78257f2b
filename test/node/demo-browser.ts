import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error: a plain .mjs script without declarations
import { serveStatic } from '../../scripts/static-server.mjs';

/*
 * The demo's production build served as `npm run demo` serves it (host, mini-apps and review
 * origins on three free ports), and Debian's Chromium to drive it, for the end-to-end tests.
 */

export interface ServedDemo {
  hostUrl: string;
  appsOrigin: string;
  close(): Promise<void>;
}

const listen = (host: string, root: string): Promise<Server> => serveStatic({ root, host, port: 0 }) as Promise<Server>;
const portOf = (server: Server) => (server.address() as AddressInfo).port;

/** Builds the demo into a fresh folder under the system's temp dir and serves it from three origins. */
export async function serveDemoBuild(): Promise<ServedDemo> {
  const outDir = await mkdtemp(join(tmpdir(), 'demo-build-'));
  // Ports first: the build bakes the mini-apps' and the review sandbox's origins in.
  const servers = await Promise.all([listen('localhost', outDir), listen('127.0.0.1', outDir), listen('localhost', outDir)]);
  const [host, apps, review] = servers.map(portOf) as [number, number, number];
  const appsOrigin = `http://127.0.0.1:${apps}`;
  const close = async () => {
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    await rm(outDir, { recursive: true, force: true });
  };
  await build({
    configFile: join(import.meta.dirname, '..', '..', 'vite.config.ts'),
    root: join(import.meta.dirname, '..', '..'),
    define: {
      'import.meta.env.VITE_MINIAPPS_ORIGIN': JSON.stringify(appsOrigin),
      'import.meta.env.VITE_REVIEW_ORIGIN': JSON.stringify(`http://localhost:${review}`),
    },
    logLevel: 'error',
    // Chromium preloads modules itself; the polyfill's virtual module does not always resolve
    // through the config's pre-resolve plugin when Vite runs inside mocha's tsx loader.
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 10_000, modulePreload: { polyfill: false } },
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { hostUrl: `http://localhost:${host}/`, appsOrigin, close };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
  });
}

/** Collects the page's console errors and uncaught errors (its frames' included). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error at ${message.location().url || page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught at ${page.url()}: ${error.stack ?? String(error)}`));
  return errors;
}

/** The element that has focus, through open shadow roots, as `tag#id.class[data-…]` plus its text; `body` when none. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return 'body';
    const data = [...active.attributes].filter((attribute) => attribute.name.startsWith('data-') || attribute.name === 'aria-label' || attribute.name === 'name').map((attribute) => `[${attribute.name}="${attribute.value}"]`);
    let host = active.getRootNode() as ShadowRoot | Document;
    const path: string[] = [];
    while (host instanceof ShadowRoot) {
      path.unshift(host.host.localName);
      host = host.host.getRootNode() as ShadowRoot | Document;
    }
    return `${[...path, active.localName].join(' > ')}${data.join('')} “${(active.textContent ?? '').trim().slice(0, 40)}”`;
  });
}

/** Signs in through the shell's sign-in screen with a demo phone (the demo shows the code it "sent"). */
export async function signIn(page: Page, phone: string): Promise<void> {
  const phoneField = page.locator('demo-sign-in ma-input[name=phone] input');
  await phoneField.fill(phone);
  await page.locator('demo-sign-in ma-button[data-action=get-code]').click();
  const code = await page.locator('demo-sign-in .sms .code').textContent();
  await page.locator('demo-sign-in ma-input[name=code] input').fill(code!.trim());
  await page.locator('demo-sign-in ma-button[data-action=sign-in]').click();
  await page.locator('demo-sign-in').waitFor({ state: 'detached' });
}
