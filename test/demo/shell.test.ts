import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { demoAppsAt } from '../../demo/apps/catalog.ts';
import { demoSmsInbox } from '../../demo/backend/sms.ts';
import '../../demo/shell/demo-shell.ts';
import type { DemoShell } from '../../demo/shell/demo-shell.ts';
import type { MiniAppFrameElement } from '../../src/host/miniapp-frame.ts';
import { createHarness, type Harness, type SessionClient } from '../backend/harness.ts';
import { APP_ORIGIN } from '../helpers/frames.ts';

const apps = demoAppsAt(APP_ORIGIN);

/** The demo super-app end to end: deep link → sign-in → offer → mini-app, against the real backend app. */
describe('demo shell: launch gates', () => {
  let h: Harness;
  let client: SessionClient;

  beforeEach(async () => {
    h = await createHarness({ codeSender: demoSmsInbox.send });
    client = h.client();
  });
  afterEach(async () => {
    document.querySelectorAll('demo-shell').forEach((shell) => shell.remove());
    history.replaceState(null, '', location.pathname + location.search);
  });

  const session = () => ({
    get: () => client.session.token,
    set: (token: string) => void (client.session.token = token),
    clear: () => void (client.session.token = null),
  });

  async function openShell(hash: string): Promise<DemoShell> {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    return fixture<DemoShell>(html`<demo-shell .apps=${apps} .client=${client} .session=${session()}></demo-shell>`);
  }

  const inShell = <T extends Element>(shell: DemoShell, selector: string) => shell.shadowRoot!.querySelector<T>(selector);

  async function signIn(shell: DemoShell, phone: string): Promise<void> {
    const signInRoot = () => inShell(shell, 'demo-sign-in')?.shadowRoot;
    await waitUntil(() => signInRoot()?.querySelector('input[name=phone]'), 'the sign-in screen did not show');
    const phoneInput = signInRoot()!.querySelector<HTMLInputElement>('input[name=phone]')!;
    phoneInput.value = phone;
    phoneInput.dispatchEvent(new InputEvent('input'));
    signInRoot()!.querySelector('form')!.requestSubmit();
    await waitUntil(() => signInRoot()?.querySelector('.sms .code'), 'no code was shown');
    const code = signInRoot()!.querySelector('.sms .code')!.textContent!.trim();
    const codeInput = signInRoot()!.querySelector<HTMLInputElement>('input[name=code]')!;
    codeInput.value = code;
    codeInput.dispatchEvent(new InputEvent('input'));
    signInRoot()!.querySelector('form')!.requestSubmit();
  }

  async function answerOffer(shell: DemoShell, accept: boolean): Promise<void> {
    const dialog = () => inShell(shell, 'demo-offer-dialog')?.shadowRoot?.querySelector('dialog');
    await waitUntil(() => dialog()?.open, 'the offer was not shown');
    dialog()!.querySelector<HTMLButtonElement>(accept ? '[part=accept]' : '[part=decline]')!.click();
  }

  it('sends a signed-out user to sign in, asks for the offer, then opens the deep-linked route', async () => {
    const shell = await openShell('#/app/launch-inspector?route=%2Forders%2F42&anchor=pay');
    await signIn(shell, '+79990000001');
    // Still on the same app and route while the gates run.
    expect(location.hash).to.equal('#/app/launch-inspector?route=%2Forders%2F42&anchor=pay');
    await answerOffer(shell, true);
    await waitUntil(() => inShell<MiniAppFrameElement>(shell, 'miniapp-frame')?.host?.state === 'ready', 'the mini-app did not get ready', { timeout: 15000 });
    const frame = inShell<MiniAppFrameElement>(shell, 'miniapp-frame')!;
    const launch = JSON.parse(decodeURIComponent(new URL(frame.host!.iframe!.src).hash.slice('#miniapp='.length)));
    expect(launch).to.include({ appId: 'launch-inspector', route: '/orders/42', anchor: 'pay' });
    expect(frame.host!.callLog.entries.map((entry) => entry.method)).to.include('app.ready');
  });

  it('goes back and creates no frame when the offer is declined', async () => {
    await client.signInAs('+79990000002');
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    history.pushState(null, '', `${location.pathname}${location.search}#/app/no-user-data`);
    const shell = await fixture<DemoShell>(html`<demo-shell .apps=${apps} .client=${client} .session=${session()}></demo-shell>`);
    await answerOffer(shell, false);
    await waitUntil(() => location.hash === '#/', 'the shell did not go back');
    expect(inShell(shell, 'miniapp-frame')).to.equal(null);
    expect(document.querySelectorAll('iframe').length).to.equal(0);
  });

  it('does not ask again for an accepted offer, also after a reload of the shell', async () => {
    await client.signInAs('+79990000003');
    const first = await openShell('#/app/plain-page');
    await answerOffer(first, true);
    await waitUntil(() => inShell<MiniAppFrameElement>(first, 'miniapp-frame')?.host?.state === 'ready', 'not ready', { timeout: 15000 });
    first.remove();
    // A new shell on the same backend (what a page reload gives).
    const second = await openShell('#/app/plain-page');
    await waitUntil(() => inShell<MiniAppFrameElement>(second, 'miniapp-frame')?.host?.state === 'ready', 'not ready', { timeout: 15000 });
    expect(inShell(second, 'demo-offer-dialog')?.shadowRoot?.querySelector('dialog')?.open ?? false).to.equal(false);
  });

  it('asks again when the partner publishes a new offer version', async () => {
    await client.signInAs('+79990000001');
    await client.acceptOffer('plain-page', 1);
    await client.partner.publishOffer('plain-page', { title: 'New terms', text: 'Changed terms of use for the plain page.' }, 'pk_demo_plain-page');
    const shell = await openShell('#/app/plain-page');
    await answerOffer(shell, true);
    await waitUntil(() => inShell<MiniAppFrameElement>(shell, 'miniapp-frame')?.host?.state === 'ready', 'not ready', { timeout: 15000 });
    const acceptance = await client.getOfferAcceptance('plain-page');
    expect(acceptance.accepted).to.equal(true);
    expect(acceptance.currentVersion).to.equal(2);
  });
});
