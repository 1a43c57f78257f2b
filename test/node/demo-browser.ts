import type { Page } from 'playwright-core';
import { demoBuild } from './demo-walk-build.ts';

export { launchChromium } from './demo-walk-build.ts';

/*
 * The demo's production build served as `npm run demo` serves it (host, mini-apps and review
 * origins on three free ports), and Debian's Chromium to drive it, for the end-to-end tests.
 */

export interface ServedDemo {
  hostUrl: string;
  appsOrigin: string;
  close(): Promise<void>;
}

/**
 * The demo's build as `npm run demo` serves it, built once per process and shared with the walk
 * tests (demo-walk-build.ts); `close` leaves it to the process's exit.
 */
export async function serveDemoBuild(): Promise<ServedDemo> {
  const { hostUrl, appsOrigin } = await demoBuild();
  return { hostUrl, appsOrigin, close: async () => undefined };
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
