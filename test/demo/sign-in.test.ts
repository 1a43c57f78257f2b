import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DemoSmsInbox } from '../../demo/backend/sms.ts';
import '../../demo/shell/sign-in.ts';
import { SIGN_IN_STORAGE_KEY, waitForSignIn, type DemoSignIn } from '../../demo/shell/sign-in.ts';
import { SEED_USERS } from '../../src/backend/index.ts';
import { createFakeClock, createHarness, type Harness } from '../backend/harness.ts';

const anna = SEED_USERS[0]!;

/** A Storage in memory: each test gets its own "tab". */
function memoryStorage(): Storage {
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

describe('<demo-sign-in>', () => {
  let h: Harness;
  let inbox: DemoSmsInbox;
  let storage: Storage;
  let el: DemoSignIn;

  async function mount(): Promise<DemoSignIn> {
    return fixture<DemoSignIn>(html`<demo-sign-in app-title="Corner Bakery" .client=${h.client()} .smsInbox=${inbox} .storage=${storage}></demo-sign-in>`);
  }

  beforeEach(async () => {
    inbox = new DemoSmsInbox();
    storage = memoryStorage();
    // The backend's clock is the page's: the resend countdown compares the two.
    h = await createHarness({ codeSender: inbox.send, clock: createFakeClock(Date.now()) });
    el = await mount();
  });

  const root = () => el.shadowRoot!;
  const field = (name: string) => root().querySelector<HTMLElement & { value: string }>(`ma-input[name=${name}]`)!;
  const button = (action: string) => root().querySelector<HTMLElement & { disabled: boolean; loading: boolean }>(`ma-button[data-action=${action}]`)!;
  const alertText = () => root().querySelector('[role=alert]')!.textContent!.trim();
  const type = (name: string, value: string) => {
    field(name).value = value;
    field(name).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const submit = async () => {
    const submitter = root().querySelector<HTMLElement & { loading: boolean }>('ma-button[type=submit]')!;
    root().querySelector('form')!.requestSubmit();
    await el.updateComplete;
    // The submit button shows that the backend is answering.
    expect(submitter.loading).to.equal(true);
    // (The step may change: the button to watch is the one on screen.)
    await waitUntil(() => !root().querySelector<HTMLElement & { loading: boolean }>('ma-button[type=submit]')!.loading, 'the backend did not answer');
    await el.updateComplete;
  };
  const wrongCode = () => (h.sent.at(-1)!.code === '000000' ? '111111' : '000000');

  it('uses the kit’s field and buttons', () => {
    expect(field('phone').localName).to.equal('ma-input');
    expect(button('get-code').localName).to.equal('ma-button');
    expect(button('cancel').localName).to.equal('ma-button');
    expect(root().querySelector('button, input')).to.equal(null);
  });

  it('asks for the phone, shows the code in a marked SMS notice, and signs in with it', async () => {
    expect(root().querySelector('h2')!.textContent).to.contain('Corner Bakery');
    type('phone', '+7 999 000-00-01');
    await submit();
    const notice = root().querySelector('.sms')!;
    expect(notice.textContent).to.contain('SMS (demo)');
    expect(notice.textContent).to.contain(h.sent[0]!.code);
    const signedIn = waitForSignIn(el);
    type('code', h.sent[0]!.code);
    root().querySelector('form')!.requestSubmit();
    const session = await signedIn;
    expect(session!.user.id).to.equal(anna.id);
  });

  for (const typed of ['8 999 000-00-01', '79990000001']) {
    it(`accepts the phone typed as ${typed}`, async () => {
      type('phone', typed);
      await submit();
      expect(root().querySelector('.sms')!.textContent).to.contain(h.sent[0]!.code);
      expect(root().querySelector('form p')!.textContent).to.contain(anna.phone);
    });
  }

  it('shows a wrong code with the attempts left', async () => {
    type('phone', anna.phone);
    await submit();
    type('code', wrongCode());
    await submit();
    expect(alertText()).to.contain('4 attempts left');
  });

  it('shows why a phone is refused, and names the demo accounts', async () => {
    type('phone', '12345');
    await submit();
    expect(alertText()).to.contain('international format').and.to.contain('8 999 000-00-01');
    type('phone', '+15550001122');
    await submit();
    expect(alertText()).to.contain('No account');
    expect(root().querySelector('.sms')).to.equal(null);
    const listed = [...root().querySelectorAll('[data-account]')].map((row) => row.getAttribute('data-account'));
    expect(listed).to.include.members(SEED_USERS.map((user) => user.phone));
  });

  it('fills the phone from a demo account', async () => {
    root().querySelector<HTMLElement>(`[data-account="${SEED_USERS[1]!.phone}"]`)!.click();
    await el.updateComplete;
    expect(field('phone').value).to.equal(SEED_USERS[1]!.phone);
  });

  it('counts down to the next code instead of refusing it', async () => {
    type('phone', anna.phone);
    await submit();
    expect(button('resend').disabled).to.equal(true);
    expect(button('resend').textContent).to.match(/New code in (59|60) s/);
  });

  it('keeps the code step, the SMS and the countdown across a reload', async () => {
    type('phone', '8 999 000-00-01');
    await submit();
    const code = h.sent[0]!.code;
    el.remove();
    el = await mount();
    expect(field('code'), 'the code step').to.not.equal(null);
    expect(root().querySelector('.sms')!.textContent).to.contain(code);
    expect(button('resend').disabled).to.equal(true);
    const signedIn = waitForSignIn(el);
    type('code', code);
    root().querySelector('form')!.requestSubmit();
    expect((await signedIn)!.user.id).to.equal(anna.id);
    expect(storage.getItem(SIGN_IN_STORAGE_KEY), 'forgotten once signed in').to.equal(null);
  });

  it('after five wrong codes takes the burnt code away and sends a new one at once', async () => {
    type('phone', anna.phone);
    await submit();
    const burnt = h.sent[0]!.code;
    for (let attempt = 0; attempt < 5; attempt++) {
      type('code', wrongCode());
      await submit();
    }
    expect(alertText()).to.contain('Request a new code');
    expect(root().querySelector('.sms'), 'the burnt code').to.equal(null);
    expect(field('code').value).to.equal('');
    expect(button('resend').disabled).to.equal(false);
    button('resend').click();
    await waitUntil(() => h.sent.length === 2, 'no new code was sent');
    await waitUntil(() => root().querySelector('.sms')?.textContent?.includes(h.sent[1]!.code), 'the new code is not shown');
    expect(h.sent[1]!.code === burnt || !root().querySelector('.sms')!.textContent!.includes(burnt)).to.equal(true);
  });

  it('tells the host when the user gives up, and forgets the code step', async () => {
    type('phone', anna.phone);
    await submit();
    const cancelled = oneEvent(el, 'demo-sign-in-cancel');
    button('change-phone').click();
    await el.updateComplete;
    button('cancel').click();
    await cancelled;
    expect(storage.getItem(SIGN_IN_STORAGE_KEY)).to.equal(null);
  });

  it('speaks Russian under lang="ru"', async () => {
    el.remove();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ru"><demo-sign-in .client=${h.client()} .smsInbox=${inbox} .storage=${storage}></demo-sign-in></div>`);
    el = wrapper.querySelector('demo-sign-in')!;
    await el.updateComplete;
    expect(root().querySelector('h2')!.textContent).to.equal('Вход');
    type('phone', '12345');
    await submit();
    expect(alertText()).to.contain('8 999 000-00-01');
  });

  it('is accessible at both steps', async () => {
    await expect(el).to.be.accessible();
    type('phone', anna.phone);
    await submit();
    await expect(el).to.be.accessible();
  });
});
