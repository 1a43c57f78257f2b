import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { DEMO_ISSUER, DemoSmsInbox, startDemoBackend, type DemoBackend } from '../../demo/backend/index.ts';
import { createBackendClient, DEMO_CONFIRMATION_CODE, SEED_USERS, type BackendClient } from '../../src/backend/index.ts';
import { createPaymentHandlers, simulatedBank, type PaymentHandlers } from '../../src/host/index.ts';
import { formatAmount } from '../../src/host/payment-sheet.ts';
import { SIMULATED_BANK_CODE } from '../../src/host/simulated-bank.ts';
import type { PayRequest } from '../../src/protocol/index.ts';
import { verifyReceipt } from '../../src/tokens/index.ts';
import { installTokens } from '../../ui-kit/tokens/index.ts';
import { FIXTURE_URL, openFixture, type OpenedApp } from '../helpers/frames.ts';

const [anna, ivan] = SEED_USERS as [(typeof SEED_USERS)[number], (typeof SEED_USERS)[number]];
const BAKERY = { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['payments' as const] };
const SHEET = 'dialog.ma-payment-sheet';
const BANK = 'dialog.ma-bank-page';

installTokens();

function deleteDatabase(name: string): Promise<unknown> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}

/** A fresh order of 125.00 RUB. */
function order(extra: Partial<PayRequest> = {}): PayRequest {
  return { orderId: `order-${crypto.randomUUID()}`, amount: 12_500, currency: 'RUB', description: 'A birthday cake <b>with candles</b>', ...extra };
}

/** Resolves with the open dialog matching `selector` once it is shown (the next frames, not a fixed wait). */
async function shown(selector: string, timeoutMs = 5000): Promise<HTMLDialogElement> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const found = document.querySelector<HTMLDialogElement>(`${selector}[open]`);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`no ${selector}`);
}

/** Resolves once `check` holds, checking every frame. */
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Text with every kind of space as a plain one (Intl puts no-break spaces in amounts). */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

const buttonIn = (dialog: HTMLElement, text: string) => {
  const found = [...dialog.querySelectorAll('button')].find((node) => plain(node.textContent) === text);
  if (!found) throw new Error(`no button "${text}" in ${[...dialog.querySelectorAll('button')].map((node) => node.textContent).join(', ')}`);
  return found;
};

/** A real mouse click at the middle of the button named `text`. */
async function click(dialog: HTMLElement, text: string): Promise<void> {
  const rect = buttonIn(dialog, text).getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

type Outcome = { ok: boolean; value?: any; code?: string; message?: string };
const outcome = (promise: Promise<unknown>): Promise<Outcome> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: { code?: string; message?: string }) => ({ ok: false, code: error.code, message: error.message }),
  );

const leftDialogs = () => document.querySelectorAll(`${SHEET}, ${BANK}`).length;

describe('payments: the host’s payment sheet and the simulated bank, across two origins', () => {
  const databaseName = `host-payments-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  let backend: DemoBackend;
  let token: string | null = null;
  let client: BackendClient;
  let handlers: PaymentHandlers;
  let opened: OpenedApp;
  let extra: OpenedApp[] = [];
  let payCalls = 0;
  let createAnswers = 0;
  let sheetsOpened = 0;
  let banksOpened = 0;
  const watcher = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLDialogElement && node.matches(SHEET)) sheetsOpened++;
        if (node instanceof HTMLDialogElement && node.matches(BANK)) banksOpened++;
      }
    }
  });

  /** Once the live channel is open: `event` resolves on the event that says the payment reached `status`. */
  async function nextPaymentEvent(paymentId: string, status: string): Promise<{ event: Promise<void> }> {
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const event = new Promise<void>((resolve) => {
      const subscription = client.subscribe({
        onEvent(live) {
          const data = live.data as { paymentId?: string; status?: string };
          if (live.type === 'payment.updated' && data.paymentId === paymentId && data.status === status) {
            subscription.close();
            resolve();
          }
        },
        onState: (state) => state === 'open' && opened(),
      });
    });
    await open;
    return { event };
  }

  async function signIn(phone: string): Promise<string> {
    const signer = createBackendClient({ baseUrl: '/api', getSessionToken: () => null });
    await signer.requestCode(phone);
    return (await signer.signIn(phone, sms.latest(phone)!.code)).sessionToken;
  }

  function paymentHandlers(locale = 'en'): PaymentHandlers {
    // Counts the backend's answers to createPayment, so a test knows when a call has joined a sheet.
    const counted: BackendClient = {
      ...client,
      createPayment: (...args) => client.createPayment(...args).then((payment) => (createAnswers++, payment)),
    };
    return createPaymentHandlers({ client: counted, acquirer: simulatedBank({ client, locale }), locale });
  }

  async function openApp(app: Partial<typeof BAKERY> = {}, own?: PaymentHandlers): Promise<OpenedApp> {
    const used = own ?? handlers;
    const next = await openFixture({
      app: { ...BAKERY, ...app },
      handlers: {
        'payments.pay': (request, context) => (payCalls++, used['payments.pay'](request, context)),
        'payments.status': used['payments.status'],
      },
    });
    await next.run('connect');
    return next;
  }

  /** Starts `payments.pay` in the app; the promise settles with the app's outcome. */
  const pay = (app: OpenedApp, request: PayRequest) => outcome(app.run('api', { path: 'payments.pay', args: [request] }));

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    client = createBackendClient({ baseUrl: '/api', getSessionToken: () => token });
    token = await signIn(anna.phone);
  });

  after(async () => {
    await backend.stop();
    await deleteDatabase(databaseName);
  });

  beforeEach(async () => {
    payCalls = 0;
    createAnswers = 0;
    sheetsOpened = 0;
    banksOpened = 0;
    watcher.observe(document.body, { childList: true });
    handlers = paymentHandlers();
    opened = await openApp();
  });

  afterEach(async () => {
    watcher.disconnect();
    await opened.dispose();
    for (const app of extra) await app.dispose();
    extra = [];
    await emulateMedia({ colorScheme: 'light' });
    expect(leftDialogs(), 'dialogs left on the page').to.equal(0);
  });

  it('pays through the sheet and the bank page and answers a receipt signed for the app', async () => {
    const buy = document.createElement('button');
    buy.textContent = 'Buy';
    document.body.append(buy);
    buy.focus();
    try {
      const request = order();
      const answer = pay(opened, request);
      const sheet = await shown(SHEET);
      expect(sheet.textContent).to.contain('Corner Bakery asks you to pay');
      expect(sheet.textContent).to.contain('Corner Bakery LLC');
      expect(sheet.textContent).to.contain('7701234567');
      expect(sheet.textContent).to.contain('40702810900000012345');
      expect(sheet.textContent).to.contain('044525225');
      expect(plain(sheet.querySelector('.amount')!.textContent)).to.equal('RUB 125.00');
      // The app's description is text, never markup.
      expect(sheet.querySelector('b')).to.equal(null);
      expect(sheet.textContent).to.contain('A birthday cake <b>with candles</b>');
      expect(sheet.contains(document.activeElement), 'focus moves into the sheet').to.equal(true);
      await click(sheet, 'Pay RUB 125.00');
      const bank = await shown(BANK);
      expect(bank.textContent).to.contain('Payment to Corner Bakery LLC');
      expect(bank.querySelector('input')!.value).to.match(/^[\d ]{16,}$/);
      await click(bank, 'Pay');
      const result = await answer;
      expect(result.ok, JSON.stringify(result)).to.equal(true);
      const paid = (result as { value: { status: string; paymentId: string; receipt: string } }).value;
      expect(paid.status).to.equal('succeeded');
      const claims = await verifyReceipt(paid.receipt, { jwks: await client.jwks() }, { issuer: DEMO_ISSUER, audience: BAKERY.id, now: Date.now() });
      expect(claims).to.deep.include({ paymentId: paid.paymentId, orderId: request.orderId, amount: 12_500, currency: 'RUB', status: 'succeeded', sub: anna.id, aud: BAKERY.id });
      expect(leftDialogs()).to.equal(0);
      expect(document.activeElement, 'focus goes back where it was').to.equal(buy);
    } finally {
      buy.remove();
    }
  });

  it('answers a payment that already ended at once, without a sheet', async () => {
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    const first = pay(opened, request);
    await click(await shown(SHEET), 'Pay RUB 125.00');
    await click(await shown(BANK), 'Pay');
    const paid = await first;
    const again = await pay(opened, request);
    expect(again).to.deep.equal(paid);
    expect(document.querySelector(SHEET)).to.equal(null);
  });

  it('resolves a declined payment as failed with its reason and a receipt', async () => {
    const answer = pay(opened, order());
    await click(await shown(SHEET), 'Pay RUB 125.00');
    await click(await shown(BANK), 'Decline');
    const result = (await answer) as { ok: true; value: { status: string; failureReason: string; receipt: string; paymentId: string } };
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    expect(result.value).to.deep.include({ status: 'failed', failureReason: 'declined' });
    const claims = await verifyReceipt(result.value.receipt, { jwks: await client.jwks() }, { issuer: DEMO_ISSUER, audience: BAKERY.id, now: Date.now() });
    expect(claims).to.deep.include({ status: 'failed', failureReason: 'declined', paymentId: result.value.paymentId });

    const poor = pay(opened, order());
    await click(await shown(SHEET), 'Pay RUB 125.00');
    await click(await shown(BANK), 'Not enough money');
    expect(((await poor) as { value: { failureReason: string } }).value.failureReason).to.equal('insufficient_funds');
  });

  it('asks for the 3-D Secure code, refuses a wrong one with the attempts left, and pays with the right one', async () => {
    expect(SIMULATED_BANK_CODE).to.equal(DEMO_CONFIRMATION_CODE);
    const answer = pay(opened, order());
    await click(await shown(SHEET), 'Pay RUB 125.00');
    const bank = await shown(BANK);
    await click(bank, 'Pay with 3-D Secure');
    await until(() => Boolean(bank.querySelector('input[autocomplete="one-time-code"]')), 'the code step');
    expect(bank.textContent).to.contain(`Demo code: ${DEMO_CONFIRMATION_CODE}`);
    const input = bank.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
    expect(document.activeElement).to.equal(input);
    await expect(bank).to.be.accessible();
    await sendKeys({ type: '000000' });
    await sendKeys({ press: 'Enter' });
    await until(() => bank.querySelector('.error')!.textContent !== '', 'the wrong-code message');
    expect(bank.querySelector('.error')!.textContent).to.equal('Wrong code. Attempts left: 2.');
    expect(document.activeElement).to.equal(input);
    expect(input.value).to.equal('');
    await sendKeys({ type: DEMO_CONFIRMATION_CODE });
    await click(bank, 'Confirm');
    const result = await answer;
    expect(result).to.deep.include({ ok: true });
    expect((result as { value: { status: string } }).value.status).to.equal('succeeded');
  });

  it('rejects with CANCELLED when the user cancels on the sheet, and the backend cancels the payment', async () => {
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    const answer = pay(opened, request);
    await click(await shown(SHEET), 'Cancel');
    const result = await answer;
    expect(result).to.deep.include({ ok: false, code: 'CANCELLED' });
    const payment = await client.createPayment(BAKERY.id, request);
    expect(payment.status).to.equal('cancelled');
    expect((await client.paymentStatus(payment.paymentId, { appId: BAKERY.id })).status).to.equal('cancelled');
  });

  it('cancels with Escape on the sheet and on the bank page', async () => {
    const onSheet = pay(opened, order());
    await shown(SHEET);
    await sendKeys({ press: 'Escape' });
    expect(await onSheet).to.deep.include({ ok: false, code: 'CANCELLED' });

    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    const onBank = pay(opened, request);
    await click(await shown(SHEET), 'Pay RUB 125.00');
    await shown(BANK);
    await sendKeys({ press: 'Escape' });
    expect(await onBank).to.deep.include({ ok: false, code: 'CANCELLED' });
    expect((await client.createPayment(BAKERY.id, request)).status).to.equal('cancelled');
  });

  it('cancels the payment and leaves no dialog when the app closes mid-payment', async () => {
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    void pay(opened, request);
    await click(await shown(SHEET), 'Pay RUB 125.00');
    await shown(BANK);
    const { paymentId } = await client.createPayment(BAKERY.id, request);
    const cancelled = await nextPaymentEvent(paymentId, 'cancelled');
    await opened.host.close();
    expect(leftDialogs()).to.equal(0);
    await cancelled.event;
    expect((await client.paymentStatus(paymentId, { appId: BAKERY.id })).status).to.equal('cancelled');
  });

  it('opens one sheet and makes one payment for a double tap', async () => {
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    const first = pay(opened, request);
    const sheet = await shown(SHEET);
    const second = pay(opened, request);
    await until(() => payCalls === 2, 'the second call to reach the handler');
    await click(sheet, 'Pay RUB 125.00');
    await click(await shown(BANK), 'Pay');
    const [a, b] = await Promise.all([first, second]);
    expect(a).to.deep.include({ ok: true });
    expect(b).to.deep.equal(a);
    expect(sheetsOpened, 'sheets opened').to.equal(1);
  });

  it('makes one payment of one key paid from two launches of the app', async () => {
    const other = await openApp();
    extra.push(other);
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    const first = pay(opened, request);
    const sheet = await shown(SHEET);
    const second = pay(other, request);
    await until(() => payCalls === 2, 'the second launch’s call');
    await click(sheet, 'Pay RUB 125.00');
    await click(await shown(BANK), 'Pay');
    const [a, b] = await Promise.all([first, second]);
    expect(a).to.deep.include({ ok: true });
    expect(b).to.deep.equal(a);
    expect(sheetsOpened, 'sheets opened').to.equal(1);
  });

  it('keeps the sheet while another launch still waits for it, and cancels once none does', async () => {
    const other = await openApp();
    extra.push(other);
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    void pay(opened, request);
    const sheet = await shown(SHEET);
    void pay(other, request);
    // The second call joins the sheet as soon as the backend has answered it.
    await until(() => createAnswers === 2, 'the backend’s answer to the second launch');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const { paymentId } = await client.createPayment(BAKERY.id, request);
    await opened.host.close();
    expect(sheet.open, 'the sheet stays for the launch still waiting').to.equal(true);
    const cancelled = await nextPaymentEvent(paymentId, 'cancelled');
    await other.host.close();
    expect(leftDialogs()).to.equal(0);
    await cancelled.event;
  });

  it('makes one payment of one key paid from two tabs: the other tab’s sheet closes with the result', async () => {
    // A second tab: its own handlers and sheet, the same user and backend.
    const otherTab = await openApp({}, paymentHandlers());
    extra.push(otherTab);
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    const here = pay(opened, request);
    await shown(SHEET);
    const there = pay(otherTab, request);
    await until(() => document.querySelectorAll(`${SHEET}[open]`).length === 2, 'the second tab’s sheet');
    const [sheetHere] = document.querySelectorAll<HTMLDialogElement>(SHEET);
    await click(sheetHere!, 'Pay RUB 125.00');
    await click(await shown(BANK), 'Pay');
    const [a, b] = await Promise.all([here, there]);
    expect(a).to.deep.include({ ok: true });
    expect(b).to.deep.equal(a);
    expect(leftDialogs()).to.equal(0);
    expect(banksOpened, 'bank pages opened').to.equal(1);
  });

  it('lets a reloaded app learn the result with payments.status, and its repeated pay join the open sheet', async () => {
    const request = order({ idempotencyKey: `key-${crypto.randomUUID()}` });
    void pay(opened, request);
    const sheet = await shown(SHEET);
    const { paymentId } = await client.createPayment(BAKERY.id, request);
    const reloaded = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source === opened.frame() && event.data?.fixture === 'loaded') {
          removeEventListener('message', onMessage);
          resolve();
        }
      };
      addEventListener('message', onMessage);
    });
    await opened.run('reload');
    await reloaded;
    await opened.run('connect');
    expect(sheet.open, 'the sheet stays while the app reloads').to.equal(true);
    const during = await opened.run('api', { path: 'payments.status', args: [paymentId] });
    expect(during).to.deep.include({ paymentId, status: 'created', amount: 12_500, currency: 'RUB', orderId: request.orderId });
    expect(during).to.not.have.property('receipt');
    const repeated = pay(opened, request);
    await until(() => payCalls === 2, 'the repeated pay');
    await click(sheet, 'Pay RUB 125.00');
    await click(await shown(BANK), 'Pay');
    const result = (await repeated) as { ok: true; value: { paymentId: string; receipt: string } };
    expect(result).to.deep.include({ ok: true });
    expect(result.value.paymentId).to.equal(paymentId);
    const after = await opened.run('api', { path: 'payments.status', args: [paymentId] });
    expect(after).to.deep.equal({ paymentId, orderId: request.orderId, amount: 12_500, currency: 'RUB', status: 'succeeded', receipt: result.value.receipt });
  });

  it('refuses the status of another user’s or another app’s payment as not found', async () => {
    const ivansToken = await signIn(ivan.phone);
    const ivans = createBackendClient({ baseUrl: '/api', getSessionToken: () => ivansToken });
    const ivansPayment = await ivans.createPayment(BAKERY.id, order());
    const annasFitness = await client.createPayment('fitness', order());
    for (const paymentId of [ivansPayment.paymentId, annasFitness.paymentId, 'no-such-payment']) {
      const refused = await outcome(opened.run('api', { path: 'payments.status', args: [paymentId] }));
      expect(refused, paymentId).to.deep.include({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(refused.message).to.not.contain(ivan.id);
    }
    await ivans.cancelPayment(ivansPayment.paymentId);
    await client.cancelPayment(annasFitness.paymentId);
  });

  it('never reaches the handler with hostile request fields', async () => {
    const hostile: unknown[] = [
      { ...order(), amount: 12.5 },
      { ...order(), amount: -1 },
      { ...order(), currency: 'rub' },
      { ...order(), payee: { legalName: 'Mallory Ltd' } },
      { ...order(), description: 'x'.repeat(256) },
      { ...order(), orderId: '../../payments' },
      { ...order(), idempotencyKey: { $ne: null } },
      JSON.parse(`{"orderId":"o-1","amount":100,"currency":"RUB","description":"d","__proto__":{"admin":true}}`),
    ];
    for (const request of hostile) {
      const refused = await outcome(opened.run('call', { method: 'payments.pay', params: request }));
      expect(refused, JSON.stringify(request)).to.deep.include({ ok: false, code: 'INVALID_ARGUMENT' });
    }
    expect(payCalls).to.equal(0);
    expect(document.querySelector(SHEET)).to.equal(null);
  });

  it('maps the backend’s refusals to stable codes without its details', async () => {
    const utilities = await openApp({ id: 'utilities', name: 'Utility Bills' });
    extra.push(utilities);
    expect(await pay(utilities, order())).to.deep.include({ ok: false, code: 'PERMISSION_DENIED' });

    const key = `key-${crypto.randomUUID()}`;
    const first = pay(opened, order({ idempotencyKey: key }));
    await click(await shown(SHEET), 'Cancel');
    await first;
    const conflict = await pay(opened, order({ idempotencyKey: key, amount: 1 }));
    expect(conflict).to.deep.include({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(conflict.message).to.not.match(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    expect(await pay(opened, order({ currency: 'XTS' }))).to.deep.include({ ok: false, code: 'INVALID_ARGUMENT' });

    const saved = token;
    token = null;
    try {
      expect(await pay(opened, order())).to.deep.include({ ok: false, code: 'UNAUTHORIZED' });
      expect(await outcome(opened.run('api', { path: 'payments.status', args: ['any-payment'] }))).to.deep.include({ ok: false, code: 'UNAUTHORIZED' });
    } finally {
      token = saved;
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws an accessible sheet and bank page in the ${scheme} scheme`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const answer = pay(opened, order());
      const sheet = await shown(SHEET);
      expect(sheet.getAttribute('aria-labelledby')).to.be.a('string');
      await expect(sheet).to.be.accessible();
      for (const node of sheet.querySelectorAll('button')) expect(node.getBoundingClientRect().height).to.be.at.least(44);
      await click(sheet, 'Pay RUB 125.00');
      const bank = await shown(BANK);
      expect(bank.contains(document.activeElement), 'focus moves into the bank page').to.equal(true);
      await expect(bank).to.be.accessible();
      for (const node of bank.querySelectorAll('button')) expect(node.getBoundingClientRect().height).to.be.at.least(44);
      await click(bank, 'Cancel');
      expect(await answer).to.deep.include({ ok: false, code: 'CANCELLED' });
    });
  }

  it('speaks Russian, with the amount in roubles as Russians write it', async () => {
    const russian = await openApp({ name: 'Пекарня' }, paymentHandlers('ru'));
    extra.push(russian);
    const answer = pay(russian, order());
    const sheet = await shown(SHEET);
    expect(sheet.textContent).to.contain('Пекарня просит оплатить');
    expect(plain(sheet.querySelector('.amount')!.textContent)).to.equal('125,00 ₽');
    await click(sheet, 'Оплатить 125,00 ₽');
    const bank = await shown(BANK);
    expect(bank.textContent).to.contain('Демо-банк');
    await click(bank, 'Отклонить');
    expect(((await answer) as { value: { failureReason: string } }).value.failureReason).to.equal('declined');
  });
});

describe('payments: amounts on the sheet', () => {
  it('formats minor units in the currency’s exponent, exactly', () => {
    expect(plain(formatAmount(12_500, 'RUB', 'ru'))).to.equal('125,00 ₽');
    expect(plain(formatAmount(12_500, 'RUB', 'en'))).to.equal('RUB 125.00');
    expect(formatAmount(500, 'JPY', 'en')).to.equal('¥500');
    expect(plain(formatAmount(1_234, 'KWD', 'en'))).to.equal('KWD 1.234');
    expect(plain(formatAmount(999_999_999_999, 'RUB', 'en'))).to.equal('RUB 9,999,999,999.99');
  });
});
