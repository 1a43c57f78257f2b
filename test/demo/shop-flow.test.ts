import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/shell/demo-shell.ts';
import type { DemoShell } from '../../demo/shell/demo-shell.ts';
import { ShellPreferences } from '../../demo/shell/preferences.ts';
import type { DemoApp } from '../../demo/apps/catalog.ts';
import type { MiniAppFrameElement } from '../../src/host/miniapp-frame.ts';
import { createHarness, type SessionClient } from '../backend/harness.ts';
import { FIXTURE_URL, fixtureLoaded, runInFrame } from '../helpers/frames.ts';

/*
 * The demo host as a resident uses it, with the test fixture standing in for the shop's screens:
 * pay on the host's sheet and the simulated bank, push to oneself, tap the banner, open a host
 * screen. Everything between the app and the backend is the demo's own wiring.
 */
const bakery: DemoApp = {
  id: 'bakery',
  name: 'Corner Bakery',
  description: 'shop',
  url: FIXTURE_URL,
  capabilities: ['user', 'payments', 'push', 'navigation', 'storage', 'popups'],
};

describe('demo host: a resident pays, gets a push and taps it', () => {
  let client: SessionClient;
  let shell: DemoShell;
  let loaded: Promise<string>;

  beforeEach(async () => {
    const harness = await createHarness();
    client = harness.client();
    await client.signInAs('+79990000001');
    await client.acceptOffer('bakery', 1);
    history.replaceState(null, '', `${location.pathname}${location.search}#/app/bakery`);
    const session = { get: () => client.session.token, set: (token: string) => void (client.session.token = token), clear: () => void (client.session.token = null) };
    loaded = fixtureLoaded(() => frameElement()?.host?.iframe?.contentWindow, 30_000);
    // The flows read the host's English texts (the shell itself starts in Russian).
    const memory = new Map<string, string>();
    const preferences = new ShellPreferences({ getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) });
    preferences.setLocale('en');
    shell = await fixture<DemoShell>(html`<demo-shell .apps=${[bakery]} .client=${client} .session=${session} .preferences=${preferences}></demo-shell>`);
  });
  afterEach(() => {
    shell.remove();
    document.querySelectorAll('.ma-push-banner, dialog').forEach((node) => node.remove());
    history.replaceState(null, '', location.pathname + location.search);
    document.documentElement.lang = 'en';
  });

  const frameElement = () => shell?.shadowRoot?.querySelector<MiniAppFrameElement>('miniapp-frame');
  const run = <T = unknown>(command: string, args?: unknown) => runInFrame<T>(frameElement()!.host!.iframe!.contentWindow!, command, args, 20_000);
  const openDialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
  const click = (dialog: HTMLDialogElement, name: RegExp) => [...dialog.querySelectorAll('button')].find((button) => name.test(button.textContent ?? ''))!.click();

  async function connected(): Promise<void> {
    await loaded;
    await run('connect');
  }

  it('pays through the sheet and the bank, with a receipt for this app', async function () {
    this.timeout(60_000);
    await connected();
    const paid = run<{ status: string; receipt: string }>('api', { path: 'payments.pay', args: [{ orderId: 'o-1', amount: 21_500, currency: 'RUB', description: 'Order o-1' }] });
    await waitUntil(() => openDialog()?.textContent?.includes('Corner Bakery'), 'no payment sheet');
    expect(openDialog()!.textContent).to.contain('215');
    click(openDialog()!, /^Pay/);
    const bank = () => document.querySelector<HTMLDialogElement>('dialog.ma-bank-page[open]');
    await waitUntil(bank, 'no bank page');
    click(bank()!, /^Pay$/);
    const result = await paid;
    expect(result.status).to.equal('succeeded');
    const payload = JSON.parse(atob(result.receipt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(payload.aud).to.equal('bakery');
    expect(payload.amount).to.equal(21_500);
  });

  it('shows the app’s push as a banner, and a tap hands it to the running app without a reload', async function () {
    this.timeout(60_000);
    await connected();
    const launchId = frameElement()!.host!.launchId;
    await run('api', { path: 'push.send', args: [{ id: 'ship-1', title: 'Your order is on its way', body: 'Order o-1', route: '/orders/o-1', anchor: 'orders' }] });
    await waitUntil(() => document.body.textContent?.includes('Your order is on its way'), 'no banner', { timeout: 15_000 });
    const banner = [...document.querySelectorAll<HTMLElement>('button, [role=button], a')].find((node) => node.textContent?.includes('Your order is on its way'));
    expect(banner, 'a banner to tap').to.not.equal(undefined);
    banner!.click();
    await waitUntil(async () => (await run<Array<{ event: string }>>('events')).some((event) => event.event === 'push-open'), 'no push-open');
    expect(frameElement()!.host!.launchId).to.equal(launchId);
    const events = await run<Array<{ event: string; data: { route?: string; anchor?: string } }>>('events');
    expect(events.find((event) => event.event === 'push-open')!.data).to.include({ route: '/orders/o-1', anchor: 'orders' });
  });

  it('opens a host screen the app asks for', async function () {
    this.timeout(30_000);
    await connected();
    // The shell leaves the app for its own screen, so the call's answer never reaches the app.
    void run('api', { path: 'navigation.open', args: [{ screen: 'event', id: 'e-42' }] }).catch(() => undefined);
    await waitUntil(() => location.hash === '#/screen/event/e-42', 'the shell did not open the screen');
    await waitUntil(() => shell.shadowRoot!.querySelector('ma-header[heading="Event"]'), 'the screen did not render');
  });
});
