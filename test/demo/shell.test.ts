import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { demoAppsAt } from '../../demo/apps/catalog.ts';
import { demoSmsInbox } from '../../demo/backend/sms.ts';
import { BridgeLogStore } from '../../demo/shell/bridge-log.ts';
import { BILLS } from '../../demo/shell/host-data.ts';
import '../../demo/shell/demo-shell.ts';
import type { DemoShell } from '../../demo/shell/demo-shell.ts';
import type { DemoOfferDialog } from '../../demo/shell/offer-dialog.ts';
import { ShellPreferences } from '../../demo/shell/preferences.ts';
import type { MiniAppFrameElement } from '../../src/host/miniapp-frame.ts';
import { createHarness, type Harness, type SessionClient } from '../backend/harness.ts';
import { APP_ORIGIN } from '../helpers/frames.ts';

const apps = demoAppsAt(APP_ORIGIN);

export function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() { return values.size; },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, String(value)),
  };
}

/** The element that has focus, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('demo shell', () => {
  let h: Harness;
  let client: SessionClient;
  let storage: Storage;

  beforeEach(async () => {
    h = await createHarness({ codeSender: demoSmsInbox.send });
    client = h.client();
    storage = memoryStorage();
    sessionStorage.clear();
  });
  afterEach(async () => {
    document.querySelectorAll('demo-shell').forEach((shell) => shell.remove());
    history.replaceState(null, '', location.pathname + location.search);
    document.documentElement.removeAttribute('data-ma-scheme');
    document.documentElement.lang = 'en';
    sessionStorage.clear();
  });

  const session = () => ({
    get: () => client.session.token,
    set: (token: string) => void (client.session.token = token),
    clear: () => void (client.session.token = null),
  });

  /** A shell as a new tab opens it: the hash is the first entry, nothing of the shell before it. */
  async function openShell(hash: string, preferences = new ShellPreferences(storage)): Promise<DemoShell> {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    return fixture<DemoShell>(html`<demo-shell .apps=${apps} .client=${client} .session=${session()} .preferences=${preferences} .log=${new BridgeLogStore(storage)}></demo-shell>`);
  }

  const inShell = <T extends Element>(shell: DemoShell, selector: string) => shell.shadowRoot!.querySelector<T>(selector);
  const heading = (shell: DemoShell) => inShell<HTMLElement & { heading: string }>(shell, 'ma-header')?.heading;
  const frame = (shell: DemoShell) => inShell<MiniAppFrameElement>(shell, 'miniapp-frame');

  async function signIn(shell: DemoShell, phone: string): Promise<void> {
    const signInRoot = () => inShell(shell, 'demo-sign-in')?.shadowRoot;
    await waitUntil(() => signInRoot()?.querySelector('ma-input[name=phone]'), 'the sign-in screen did not show');
    const phoneInput = signInRoot()!.querySelector<HTMLElement & { value: string }>('ma-input[name=phone]')!;
    phoneInput.value = phone;
    phoneInput.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    signInRoot()!.querySelector('form')!.requestSubmit();
    await waitUntil(() => signInRoot()?.querySelector('.sms .code'), 'no code was shown');
    const code = signInRoot()!.querySelector('.sms .code')!.textContent!.trim();
    const codeInput = signInRoot()!.querySelector<HTMLElement & { value: string }>('ma-input[name=code]')!;
    codeInput.value = code;
    codeInput.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    signInRoot()!.querySelector('form')!.requestSubmit();
  }

  async function answerOffer(shell: DemoShell, accept: boolean): Promise<void> {
    const dialog = () => inShell<DemoOfferDialog>(shell, 'demo-offer-dialog');
    await waitUntil(() => dialog()?.open, 'the offer was not shown');
    dialog()!.shadowRoot!.querySelector<HTMLElement>(accept ? '[part=accept]' : '[part=decline]')!.click();
  }

  describe('launch gates', () => {
    it('sends a signed-out user to sign in, shows the offer over the app being opened, then opens the deep-linked route', async () => {
      const shell = await openShell('#/app/launch-inspector?route=%2Forders%2F42&anchor=pay');
      await signIn(shell, '8 999 000-00-01');
      expect(location.hash).to.equal('#/app/launch-inspector?route=%2Forders%2F42&anchor=pay');
      await waitUntil(() => inShell<DemoOfferDialog>(shell, 'demo-offer-dialog')?.open, 'the offer was not shown');
      // Behind the offer: the app's own chrome, not the home list.
      expect(inShell(shell, 'ma-header.app-chrome')!.textContent).to.contain('Launch inspector');
      expect(inShell(shell, '[data-widgets]')).to.equal(null);
      await answerOffer(shell, true);
      await waitUntil(() => frame(shell)?.host?.state === 'ready', 'the mini-app did not get ready', { timeout: 15000 });
      const launch = JSON.parse(decodeURIComponent(new URL(frame(shell)!.host!.iframe!.src).hash.slice('#miniapp='.length)));
      expect(launch).to.include({ appId: 'launch-inspector', route: '/orders/42', anchor: 'pay' });
    });

    it('goes back and creates no frame when the offer is declined', async () => {
      await client.signInAs('+79990000002');
      history.replaceState(null, '', `${location.pathname}${location.search}#/screen/main`);
      const shell = await fixture<DemoShell>(html`<demo-shell .apps=${apps} .client=${client} .session=${session()} .preferences=${new ShellPreferences(storage)}></demo-shell>`);
      location.hash = '#/app/no-user-data';
      await answerOffer(shell, false);
      await waitUntil(() => location.hash === '#/screen/main', 'the shell did not go back', { timeout: 5000 });
      expect(frame(shell)).to.equal(null);
      expect(document.querySelectorAll('iframe').length).to.equal(0);
    });

    it('does not ask again for an accepted offer, also after a reload of the shell', async () => {
      await client.signInAs('+79990000003');
      const first = await openShell('#/app/plain-page');
      await answerOffer(first, true);
      await waitUntil(() => frame(first)?.host?.state === 'ready', 'not ready', { timeout: 15000 });
      first.remove();
      const second = await openShell('#/app/plain-page');
      await waitUntil(() => frame(second)?.host?.state === 'ready', 'not ready', { timeout: 15000 });
      expect(inShell<DemoOfferDialog>(second, 'demo-offer-dialog')?.open ?? false).to.equal(false);
    });

    it('asks again when the partner publishes a new offer version', async () => {
      await client.signInAs('+79990000001');
      await client.acceptOffer('plain-page', 1);
      await client.partner.publishOffer('plain-page', { title: 'New terms', text: 'Changed terms of use for the plain page.' }, 'pk_demo_plain-page');
      const shell = await openShell('#/app/plain-page');
      await answerOffer(shell, true);
      await waitUntil(() => frame(shell)?.host?.state === 'ready', 'not ready', { timeout: 15000 });
      const acceptance = await client.getOfferAcceptance('plain-page');
      expect(acceptance.currentVersion).to.equal(2);
    });

    it('stays in the super-app when sign-in is cancelled on a deep link opened in a new tab', async () => {
      const length = history.length;
      const shell = await openShell('#/app/launch-inspector');
      await waitUntil(() => inShell(shell, 'demo-sign-in'), 'no sign-in');
      inShell(shell, 'demo-sign-in')!.shadowRoot!.querySelector<HTMLElement>('ma-button[data-action=cancel]')!.click();
      await waitUntil(() => location.hash === '#/screen/main', 'the shell left for another page');
      await waitUntil(() => heading(shell) === 'Главная' || heading(shell) === 'Main', 'the main screen is not shown');
      expect(history.length).to.equal(length);
    });

    it('shows an unknown app’s notice on the main screen, and the notice can be dismissed', async () => {
      const shell = await openShell('#/app/no-such-app');
      await waitUntil(() => inShell(shell, 'ma-banner.notice'), 'no notice');
      expect(location.hash).to.equal('#/screen/main');
      expect(inShell(shell, 'ma-banner.notice')!.textContent).to.contain('no-such-app');
      const close = inShell(shell, 'ma-banner.notice')!.shadowRoot!.querySelector<HTMLElement>('[part=dismiss-button]')!;
      close.click();
      await waitUntil(() => !inShell(shell, 'ma-banner.notice'), 'the notice stayed');
    });
  });

  describe('screens', () => {
    it('shows a Testing app’s widget to its testers only', async () => {
      const guest = await openShell('#/screen/main');
      await waitUntil(() => inShell(guest, '[data-widgets=main] [data-app-id]'), 'no widgets');
      expect(inShell(guest, '[data-app-id=bakery-beta]')).to.equal(null);
      expect(inShell(guest, '[data-app-id=bakery]')).to.not.equal(null);
      guest.remove();
      await client.signInAs('+79990000002');
      const tester = await openShell('#/screen/main');
      await waitUntil(() => inShell(tester, '[data-app-id=bakery-beta]'), 'the tester does not see the Testing app');
      expect(inShell(tester, '[data-app-id=bakery-beta]')!.textContent).to.contain('Тестирование');
    });

    it('keeps the theme and the language chosen in Settings across a reload', async () => {
      const shell = await openShell('#/settings');
      const theme = await waitUntil(() => inShell<HTMLElement & { value: string }>(shell, '[data-setting=theme]'), 'no theme setting').then(() => inShell<HTMLElement & { value: string }>(shell, '[data-setting=theme]')!);
      theme.value = 'dark';
      theme.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const language = inShell<HTMLElement & { value: string }>(shell, '[data-setting=language]')!;
      language.value = 'en';
      language.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(() => heading(shell) === 'Settings', 'the language did not change');
      expect(document.documentElement.getAttribute('data-ma-scheme')).to.equal('dark');
      shell.remove();
      document.documentElement.removeAttribute('data-ma-scheme');
      const reloaded = new ShellPreferences(storage);
      expect([reloaded.theme, reloaded.locale]).to.deep.equal(['dark', 'en']);
      const again = await openShell('#/settings', reloaded);
      await again.updateComplete;
      expect(document.documentElement.getAttribute('data-ma-scheme')).to.equal('dark');
      expect(heading(again)).to.equal('Settings');
    });

    it('reaches every host screen a mini-app may open', async () => {
      const shell = await openShell('#/screen/bills');
      for (const [hash, title] of [['#/screen/bills', 'Счета'], [`#/screen/bill/${BILLS[0]!.id}`, 'Счёт'], ['#/screen/service/plumber', 'Услуга'], ['#/screen/events', 'События'], ['#/screen/event/e-42', 'Событие'], ['#/screen/event-category/kids', 'Категория событий'], ['#/screen/marketplace', 'Маркетплейс'], ['#/screen/category-list', 'Категории'], ['#/screen/marketplace-category/flowers', 'Категория маркетплейса']] as const) {
        location.hash = hash;
        await waitUntil(() => heading(shell) === title, `${hash} did not show “${title}”`);
        expect(inShell(shell, 'main')!.textContent!.trim().length, hash).to.be.greaterThan(10);
      }
    });
  });

  describe('accessibility', () => {
    const screens = ['#/screen/main', '#/screen/home', '#/screen/showcase', '#/screen/services', '#/screen/bills', `#/screen/bill/${BILLS[0]!.id}`, '#/screen/service/plumber', '#/screen/events', '#/screen/event/e-42', '#/screen/event-category/kids', '#/screen/marketplace', '#/screen/category-list', '#/screen/marketplace-category/bakery', '#/notifications', '#/settings', '#/sign-in', '#/nowhere'];
    for (const locale of ['ru', 'en'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`has a main landmark, one h1 and no axe violations on every screen (${locale}, ${scheme})`, async function () {
          this.timeout(60_000);
          await client.signInAs('+79990000002');
          const preferences = new ShellPreferences(storage);
          preferences.setLocale(locale);
          preferences.setTheme(scheme);
          const errors: unknown[] = [];
          const original = console.error;
          console.error = (...args: unknown[]) => void errors.push(args);
          try {
            const shell = await openShell(screens[0]!, preferences);
            for (const hash of screens) {
              location.hash = hash;
              await waitUntil(() => inShell(shell, 'main')?.getAttribute('aria-label'), `${hash} did not render`);
              await new Promise((resolve) => setTimeout(resolve, 50));
              expect(shell.shadowRoot!.querySelectorAll('main').length, hash).to.equal(1);
              await expect(shell, hash).to.be.accessible({ ignoredRules: [] });
            }
          } finally {
            console.error = original;
          }
          expect(errors).to.deep.equal([]);
        });
      }
    }
  });

  describe('focus', () => {
    it('puts focus on each new screen, and back on the row that opened an app', async function () {
      this.timeout(40_000);
      await client.signInAs('+79990000003');
      await client.acceptOffer('plain-page', 1);
      const shell = await openShell('#/screen/home');
      await waitUntil(() => inShell(shell, '[data-opener=demo-plain-home]'), 'no widget');
      await waitUntil(() => deepActive()?.localName === 'main', 'focus is not on the screen');
      const row = inShell<HTMLElement>(shell, '[data-opener=demo-plain-home]')!;
      row.shadowRoot!.querySelector<HTMLElement>('[part=base]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => frame(shell)?.host?.state === 'ready', 'the app did not open', { timeout: 15000 });
      await waitUntil(() => deepActive()?.localName === 'main' && inShell(shell, 'main.app'), 'focus is not on the app screen');
      inShell<HTMLElement>(shell, '[data-action=close-app]')!.click();
      await waitUntil(() => location.hash === '#/screen/home', 'the app did not close');
      await waitUntil(() => deepActive()?.getAttribute('part') === 'base' && deepActive()?.getRootNode() === inShell(shell, '[data-opener=demo-plain-home]')!.shadowRoot, 'focus did not return to the row');
    });

    it('walks the tab bar with the keyboard alone, focus landing on each screen', async function () {
      this.timeout(40_000);
      const shell = await openShell('#/screen/main');
      await waitUntil(() => deepActive()?.localName === 'main', 'focus is not on the main screen');
      for (const [tab, title] of [['home', 'Мой дом'], ['showcase', 'Витрина'], ['services', 'Сервисы'], ['main', 'Главная']] as const) {
        let steps = 0;
        while (!(deepActive()?.closest('a') && deepActive()!.getRootNode() === inShell(shell, `ma-tab-bar-item[name=${tab}]`)!.shadowRoot) && steps++ < 60) await sendKeys({ press: 'Tab' });
        expect(steps, `Tab never reached the ${tab} tab`).to.be.lessThan(60);
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => heading(shell) === title, `${tab} did not open`);
        await waitUntil(() => deepActive()?.localName === 'main', `focus did not land on ${tab}`);
        expect(inShell(shell, 'main')!.getAttribute('aria-label')).to.equal(title);
      }
    });
  });

  describe('bridge log', () => {
    it('records a launch failure with its time, filters, clears, and outlives a reload', async function () {
      this.timeout(30_000);
      await client.signInAs('+79990000001');
      await client.acceptOffer('launch-inspector', 1);
      const broken = { ...apps.find((app) => app.id === 'launch-inspector')!, url: 'not a url' };
      history.replaceState(null, '', `${location.pathname}${location.search}#/app/launch-inspector`);
      const log = new BridgeLogStore(storage);
      const shell = await fixture<DemoShell>(html`<demo-shell .apps=${[broken]} .client=${client} .session=${session()} .preferences=${new ShellPreferences(storage)} .log=${log}></demo-shell>`);
      await waitUntil(() => log.lines.some((line) => line.outcome === 'error'), 'no failure in the log', { timeout: 15000 });
      const panel = inShell(shell, 'aside demo-call-log')!;
      await waitUntil(() => panel.shadowRoot!.querySelector('li.error'), 'the failure is not shown');
      expect(panel.shadowRoot!.querySelector('li.error time')!.textContent).to.match(/\d\d:\d\d:\d\d/);
      const failure = log.lines.find((line) => line.outcome === 'error')!;
      expect(failure.errorCode).to.be.a('string');
      expect(panel.shadowRoot!.querySelector('li.error')!.textContent).to.contain(failure.errorCode!);
      expect(new BridgeLogStore(storage).lines.map((line) => line.id)).to.deep.equal(log.lines.map((line) => line.id));
      const filter = panel.shadowRoot!.querySelector<HTMLElement & { value: string }>('ma-input[name=filter]')!;
      filter.value = 'nothing-like-this';
      filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(() => panel.shadowRoot!.querySelectorAll('li').length === 0, 'the filter kept lines');
      panel.shadowRoot!.querySelector<HTMLElement>('[data-action=clear-log]')!.click();
      expect(log.lines).to.deep.equal([]);
      expect(new BridgeLogStore(storage).lines).to.deep.equal([]);
    });
  });
});
