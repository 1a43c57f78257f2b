import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DemoSmsInbox } from '../../demo/backend/sms.ts';
import '../../demo/shell/sign-in.ts';
import { waitForSignIn, type DemoSignIn } from '../../demo/shell/sign-in.ts';
import { SEED_USERS } from '../../src/backend/index.ts';
import { createHarness, type Harness } from '../backend/harness.ts';

const anna = SEED_USERS[0]!;

describe('<demo-sign-in>', () => {
  let h: Harness;
  let inbox: DemoSmsInbox;
  let el: DemoSignIn;

  beforeEach(async () => {
    inbox = new DemoSmsInbox();
    h = await createHarness({ codeSender: inbox.send });
    el = await fixture<DemoSignIn>(html`<demo-sign-in app-title="Corner Bakery" .client=${h.client()} .smsInbox=${inbox}></demo-sign-in>`);
  });

  const root = () => el.shadowRoot!;
  const input = (name: string) => root().querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  const button = (label: string) => [...root().querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === label)!;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new InputEvent('input'));
  };
  const submit = async () => {
    root().querySelector('form')!.requestSubmit();
    // The buttons are disabled while the backend answers.
    await el.updateComplete;
    expect(root().querySelector<HTMLButtonElement>('[type=submit]')!.disabled).to.equal(true);
    await waitUntil(() => !root().querySelector<HTMLButtonElement>('[type=submit]')!.disabled, 'the backend did not answer');
    await el.updateComplete;
  };

  it('asks for the phone, shows the code in a marked SMS notice, and signs in with it', async () => {
    expect(root().querySelector('h2')!.textContent).to.contain('Corner Bakery');
    type('phone', '+7 999 000-00-01');
    await submit();
    const notice = root().querySelector('.sms')!;
    expect(notice, 'the SMS notice').to.not.equal(null);
    expect(notice.textContent).to.contain('SMS (demo)');
    expect(notice.textContent).to.contain(h.sent[0]!.code);

    const signedIn = waitForSignIn(el);
    type('code', h.sent[0]!.code);
    root().querySelector('form')!.requestSubmit();
    const session = await signedIn;
    expect(session!.user.id).to.equal(anna.id);
    expect(session!.sessionToken).to.be.a('string');
  });

  it('shows a wrong code with the attempts left', async () => {
    type('phone', anna.phone);
    await submit();
    type('code', h.sent[0]!.code === '000000' ? '111111' : '000000');
    await submit();
    expect(root().querySelector('[role=alert]')!.textContent).to.contain('4 attempts left');
  });

  it('shows why a phone is refused', async () => {
    type('phone', '12345');
    await submit();
    expect(root().querySelector('[role=alert]')!.textContent).to.contain('international format');
    type('phone', '+15550001122');
    await submit();
    expect(root().querySelector('[role=alert]')!.textContent).to.contain('No account');
    expect(root().querySelector('.sms')).to.equal(null);
  });

  it('tells the host when the user gives up', async () => {
    const cancelled = oneEvent(el, 'demo-sign-in-cancel');
    button('Cancel').click();
    await cancelled;
    expect(await Promise.race([waitForSignIn(el), Promise.resolve('pending')])).to.equal('pending');
  });

  it('is accessible at both steps', async () => {
    await expect(el).to.be.accessible();
    type('phone', anna.phone);
    await submit();
    await expect(el).to.be.accessible();
  });
});
