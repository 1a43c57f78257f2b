import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { collectErrors, describeFocus, launchChromium, serveDemoBuild, type ServedDemo } from './demo-browser.ts';

/*
 * The demo's shell driven by the keyboard alone (Tab, Shift+Tab, Enter, Escape, typing) on a
 * phone-sized window of its production build: after every screen change focus sits on something
 * that names or starts the screen (its <main>, named as its heading, or its first field or
 * button), never on <body>, and it comes back to the row that opened an app.
 */

interface FocusSpec {
  /** A selector the focused element itself matches. */
  focused: string;
  /** Selectors that its ancestors (through shadow roots) match, outermost first. */
  within?: string[];
  /** Text the focused element holds. */
  text?: string;
}

describe('the demo shell with the keyboard alone: focus on each screen change', function () {
  this.timeout(150_000);
  let demo: ServedDemo;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    [demo, browser] = await Promise.all([serveDemoBuild(), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', reducedMotion: 'reduce' });
    await context.addInitScript((origin) => {
      if (location.origin === origin && !localStorage.getItem('miniapps-demo-locale')) localStorage.setItem('miniapps-demo-locale', 'en');
    }, new URL(demo.hostUrl).origin);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    errors = collectErrors(page);
    await page.goto(`${demo.hostUrl}#/screen/main`);
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** Resolves once focus matches `spec` within `timeout` ms; rejects otherwise. */
  function focusMatches(spec: FocusSpec, timeout: number) {
    return page.waitForFunction((wanted) => {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      if (!focused || focused === document.body || !focused.matches(wanted.focused)) return false;
      if (wanted.text && !(focused.textContent ?? '').includes(wanted.text)) return false;
      // Its ancestors up through shadow roots, outermost first.
      const chain: Element[] = [];
      for (let element: Element | null = focused; element; element = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null)) chain.unshift(element);
      let from = 0;
      for (const selector of wanted.within ?? []) {
        const at = chain.findIndex((element, index) => index >= from && element.matches(selector));
        if (at < 0) return false;
        from = at + 1;
      }
      return true;
    }, spec, { timeout });
  }

  const describeSpec = (spec: FocusSpec) => `${spec.within?.join(' … ') ?? ''} ${spec.focused}${spec.text ? ` “${spec.text}”` : ''}`;

  /** Waits until focus matches `spec`; fails naming where focus is instead. */
  async function expectFocus(step: string, spec: FocusSpec): Promise<void> {
    try {
      await focusMatches(spec, 5_000);
    } catch {
      expect.fail(`${step}: focus should be on ${describeSpec(spec)}, but is on ${await describeFocus(page)}`);
    }
  }

  /** The screen's <main>, named as the header's heading says. */
  async function expectScreen(step: string, title: string): Promise<void> {
    await expectFocus(step, { focused: `main[aria-label="${title}"]` });
    const heading = await page.locator('demo-shell ma-header h1').first().innerText();
    expect(heading.trim(), `${step}: the header's heading`).to.equal(title);
  }

  /** Presses Tab (or Shift+Tab) until focus matches `spec`, at most `limit` times. */
  async function tabTo(step: string, spec: FocusSpec, { back = false, limit = 30 } = {}): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      if (await focusMatches(spec, 300).then(() => true, () => false)) return;
    }
    expect.fail(`${step}: ${limit} × ${back ? 'Shift+Tab' : 'Tab'} never reached ${describeSpec(spec)}; focus is on ${await describeFocus(page)}`);
  }

  /** Waits for the shell to reach `wanted` (a hash, or a pattern of one). */
  async function expectHash(wanted: string | RegExp): Promise<void> {
    const source = typeof wanted === 'string' ? `^${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : wanted.source;
    await page.waitForFunction((pattern) => new RegExp(pattern).test(location.hash), source, { timeout: 5_000 }).catch(async () => {
      expect.fail(`the shell should be at ${String(wanted)}, but is at ${await page.evaluate(() => location.hash)}`);
    });
  }

  it('starts on the Main screen, walks the tab bar and the header, and comes back', async () => {
    await expectScreen('first load', 'Main');
    await tabTo('to the Home tab', { focused: '[part=base]', within: ['ma-tab-bar', 'ma-tab-bar-item[name="home"]'] });
    await page.keyboard.press('Enter');
    await expectHash('#/screen/home');
    await expectScreen('Home tab', 'Home');

    await tabTo('back to the header\'s Settings', { focused: 'button', within: ['ma-header', 'ma-icon-button[label="Settings"]'] }, { back: true, limit: 3 });
    await page.keyboard.press('Enter');
    await expectHash('#/settings');
    await expectScreen('Settings', 'Settings');
    await tabTo('the header\'s Back', { focused: '[part="back-button"]', within: ['ma-header'] }, { back: true, limit: 3 });
    await page.keyboard.press('Enter');
    await expectHash('#/screen/home');
    await expectScreen('back on Home', 'Home');
  });

  it('signs in from Main and cancels, focus on the phone field and back on the screen', async () => {
    await page.keyboard.press('Shift+Tab');
    await tabTo('to the Main tab', { focused: '[part=base]', within: ['ma-tab-bar-item[name="main"]'] });
    await page.keyboard.press('Enter');
    await expectScreen('Main tab', 'Main');
    await tabTo('Sign in on Main', { focused: 'button', within: ['main', 'ma-button[data-action="sign-in"]'] });
    await page.keyboard.press('Enter');
    await expectHash('#/sign-in');
    await expectFocus('sign-in, phone step', { focused: 'input', within: ['demo-sign-in', 'ma-input[name="phone"]'] });
    await tabTo('Cancel', { focused: 'button', within: ['demo-sign-in', 'ma-button[data-action="cancel"]'] });
    await page.keyboard.press('Enter');
    await expectHash('#/screen/main');
    await expectScreen('Main after Cancel', 'Main');
  });

  it('opens an app from a widget row: sign-in steps, the offer, Escape declines, focus back on the row', async () => {
    await tabTo('a widget row on Main', { focused: '[part=base]', within: ['main', 'ma-cell[data-opener]'] });
    const opener = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) {
        if (active.matches('ma-cell[data-opener]')) break;
        active = active.shadowRoot.activeElement;
      }
      return { id: active?.getAttribute('data-opener'), app: active?.getAttribute('data-app-id') };
    });
    expect(opener.id).to.be.a('string');
    const row: FocusSpec = { focused: '[part=base]', within: ['main', `ma-cell[data-opener="${opener.id}"]`] };
    await page.keyboard.press('Enter');
    await expectHash(new RegExp(`^#/app/${opener.app}`));
    await expectFocus('the app asks to sign in: phone step', { focused: 'input', within: ['demo-sign-in', 'ma-input[name="phone"]'] });
    await page.keyboard.type('8 999 000-00-01');
    await page.keyboard.press('Enter');
    await expectFocus('code step', { focused: 'input', within: ['demo-sign-in', 'ma-input[name="code"]'] });
    const code = (await page.locator('demo-sign-in .sms .code').innerText()).replace(/\s/g, '');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expectFocus('the offer before the first launch', { focused: 'button', within: ['demo-offer-dialog', 'ma-button[part="accept"]'] });
    await page.keyboard.press('Escape');
    await expectHash('#/screen/main');
    await expectFocus('declined: back on the row that opened the app', row);

    await page.keyboard.press('Enter');
    await expectFocus('the offer again', { focused: 'button', within: ['demo-offer-dialog', 'ma-button[part="accept"]'] });
    await page.keyboard.press('Enter');
    await expectFocus('the app is open', { focused: 'main.app' });
    await page.waitForFunction(() => {
      const frame = document.querySelector('demo-shell')?.shadowRoot?.querySelector('miniapp-frame') as (Element & { host?: { state?: string } }) | null | undefined;
      return frame?.host?.state === 'ready' || frame?.host?.state === 'connected';
    }, null, { timeout: 10_000 }).catch(async () => {
      await page.screenshot({ path: '/tmp/demo-keyboard-app.png' });
      expect.fail('the app did not get ready (screenshot: /tmp/demo-keyboard-app.png)');
    });

    await tabTo('the app\'s ⋯', { focused: 'button', within: ['ma-header', 'ma-icon-button[data-action="app-menu"]'] }, { back: true, limit: 4 });
    await page.keyboard.press('Enter');
    await expectFocus('the ⋯ menu', { focused: 'button', within: ['ma-action-sheet.app-menu'] });
    await page.keyboard.press('Escape');
    await expectFocus('⋯ closed with Escape', { focused: 'button', within: ['ma-icon-button[data-action="app-menu"]'] });
    await page.keyboard.press('Enter');
    await expectFocus('the ⋯ menu again', { focused: 'button', within: ['ma-action-sheet.app-menu'] });
    await tabTo('About in the menu', { focused: 'button', within: ['ma-action-sheet.app-menu'], text: 'About the app' }, { limit: 5 });
    await page.keyboard.press('Enter');
    await expectFocus('About the app', { focused: '*', within: ['ma-modal-page.about'] });
    await page.locator('ma-modal-page.about .offer-text').waitFor();
    await page.keyboard.press('Escape');
    await expectFocus('About closed with Escape', { focused: 'button', within: ['ma-icon-button[data-action="app-menu"]'] });

    await tabTo('the app\'s Close', { focused: 'button', within: ['ma-icon-button[data-action="close-app"]'] }, { limit: 2 });
    await page.keyboard.press('Enter');
    await expectHash('#/screen/main');
    await expectFocus('app closed: back on the row that opened it', row);
  });

  it('logged no errors', () => {
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
