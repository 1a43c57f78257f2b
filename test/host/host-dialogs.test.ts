import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ALL_CAPABILITIES } from '../../src/protocol/index.ts';
import { hostDialogHandlers } from '../../src/host/index.ts';
import { clickInFrame, FIXTURE_URL, openFixture, type OpenedApp } from '../helpers/frames.ts';

const PHONE = '+79990000001';

/** The host dialog on the page, once it is open. */
async function dialog(): Promise<HTMLDialogElement> {
  for (let tries = 0; tries < 200; tries++) {
    const found = document.querySelector<HTMLDialogElement>('dialog.ma-host-dialog[open]');
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('no host dialog');
}

const button = (open: HTMLDialogElement, text: string) => [...open.querySelectorAll('button')].find((node) => node.textContent === text)!;
const outcome = (promise: Promise<unknown>) => promise.then((value) => ({ ok: true, value }), (error: { code?: string }) => ({ ok: false, code: error.code }));

describe('the host’s own dialogs', () => {
  let opened: OpenedApp;
  beforeEach(async () => {
    opened = await openFixture({
      app: { id: 'shop', name: 'Corner Shop', url: FIXTURE_URL, capabilities: [...ALL_CAPABILITIES] },
      handlers: hostDialogHandlers({ locale: 'en', phone: () => PHONE }),
    });
    await opened.run('connect');
  });
  afterEach(() => opened.dispose());

  it('shows a popup naming the app, with the app’s text as text, and returns the chosen button', async () => {
    const answer = opened.run('api', { path: 'popup.show', args: [{ title: 'Delete?', message: '<img src=x onerror="window.hacked=1">', buttons: [{ id: 'keep', text: 'Keep', type: 'cancel' }, { id: 'del', text: 'Delete', type: 'destructive' }] }] });
    const open = await dialog();
    expect(open.textContent).to.contain('Corner Shop');
    expect(open.querySelector('img')).to.equal(null);
    expect(open.textContent).to.contain('<img src=x onerror="window.hacked=1">');
    await expect(open).to.be.accessible();
    button(open, 'Delete').click();
    expect(await answer).to.equal('del');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    expect(document.querySelector('dialog.ma-host-dialog')).to.equal(null);
  });

  it('answers null when the popup is dismissed with Escape', async () => {
    const answer = opened.run('api', { path: 'popup.confirm', args: ['Leave the form?'] });
    await dialog();
    await sendKeys({ press: 'Escape' });
    expect(await answer).to.equal(false);
  });

  it('returns what the user typed in a prompt, within its length', async () => {
    const answer = opened.run('api', { path: 'popup.prompt', args: [{ message: 'Your name?', maxLength: 5 }] });
    const open = await dialog();
    expect(document.activeElement).to.equal(open.querySelector('input'));
    await sendKeys({ type: 'Annabel' });
    await sendKeys({ press: 'Enter' });
    expect(await answer).to.equal('Annab');
  });

  it('shows one dialog per app at a time', async () => {
    const first = opened.run('api', { path: 'popup.alert', args: ['One'] });
    const open = await dialog();
    const second = await outcome(opened.run('api', { path: 'popup.alert', args: ['Two'] }));
    expect(second).to.deep.equal({ ok: false, code: 'RATE_LIMITED' });
    button(open, 'OK').click();
    await first;
  });

  it('opens an external link only after the user confirms, without an opener', async () => {
    const opens: unknown[][] = [];
    const original = window.open;
    window.open = (...args: unknown[]) => (opens.push(args), null);
    try {
      const declined = outcome(opened.run('api', { path: 'navigation.openLink', args: ['https://example.com/terms'] }));
      button(await dialog(), 'Cancel').click();
      expect(await declined).to.deep.equal({ ok: false, code: 'CANCELLED' });
      expect(opens).to.deep.equal([]);
      const accepted = opened.run('api', { path: 'navigation.openLink', args: ['https://example.com/terms'] });
      const open = await dialog();
      expect(open.textContent).to.contain('example.com');
      button(open, 'Open').click();
      await accepted;
      expect(opens).to.deep.equal([['https://example.com/terms', '_blank', 'noopener,noreferrer']]);
    } finally {
      window.open = original;
    }
  });

  it('shares the phone only with the user’s consent', async () => {
    const refused = outcome(opened.run('api', { path: 'user.requestPhone' }));
    button(await dialog(), 'Cancel').click();
    expect(await refused).to.deep.equal({ ok: false, code: 'CANCELLED' });
    const shared = opened.run('api', { path: 'user.requestPhone' });
    const open = await dialog();
    expect(open.textContent).to.contain(PHONE);
    button(open, 'Share').click();
    expect(await shared).to.equal(PHONE);
  });

  it('closes its dialog when the app closes', async () => {
    void opened.run('api', { path: 'popup.alert', args: ['Still there?'] }).catch(() => undefined);
    const open = await dialog();
    const closed = new Promise((resolve) => open.addEventListener('close', resolve, { once: true }));
    await opened.host.close();
    expect(open.open).to.equal(false);
    await closed;
    expect(document.querySelector('dialog.ma-host-dialog')).to.equal(null);
  });

  it('refuses the clipboard without a gesture in the app and takes a click in the app as one', async () => {
    // Keys pressed by earlier tests activate this page for a few seconds: wait until that has passed.
    for (let waited = 0; navigator.userActivation.isActive && waited < 8000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await outcome(opened.run('api', { path: 'clipboard.write', args: ['no gesture'] }))).to.deep.equal({ ok: false, code: 'PERMISSION_DENIED' });
    const { x, y } = await opened.run<{ x: number; y: number }>('clipboardButton', { text: 'copied text' });
    await clickInFrame(opened.host.iframe!, { x, y });
    let result: { ok: boolean; code?: string; message?: string } | undefined;
    for (let tries = 0; tries < 100 && !result; tries++) {
      result = await opened.run('clipboardOutcome');
      if (!result) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    // The click counts as the gesture. The write itself is the browser's: a headless window that is
    // not focused may refuse it, and then the host says so (never "needs a user gesture").
    expect(result, JSON.stringify(result)).to.satisfy(
      (outcome: typeof result) => outcome?.ok === true || (outcome?.code === 'PERMISSION_DENIED' && outcome.message === 'The browser refused to write to the clipboard'),
    );
  });

  it('downloads data the app made under the name it gave', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const onClick = (event: Event) => {
      if (event.target instanceof HTMLAnchorElement) {
        clicked.push(event.target);
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      await opened.run('api', { path: 'files.download', args: [{ data: 'a,b\n1,2\n', name: 'report.csv', type: 'text/csv' }] });
      expect(clicked).to.have.length(1);
      expect(clicked[0]!.download).to.equal('report.csv');
      expect(clicked[0]!.href).to.match(/^blob:/);
      expect(await (await fetch(clicked[0]!.href)).text()).to.equal('a,b\n1,2\n');
    } finally {
      document.removeEventListener('click', onClick, true);
    }
  });

  it('gives haptic feedback or nothing, never an error', async () => {
    expect(await opened.run('api', { path: 'haptics.impact', args: ['success'] })).to.equal(undefined);
  });
});
