import type { BackendClient } from '../backend/client.ts';
import type { PaymentConfirmOutcome, PaymentResponse } from '../backend/contract.ts';
import { BackendError } from '../backend/errors.ts';
import { isTerminalStatus, type PaymentStatusResult } from '../payments/index.ts';
import type { Acquirer, AcquirerOutcome } from './payments.ts';
import { button, element, formatAmount, installPaymentStyles, pickTexts, uniqueId } from './payment-sheet.ts';

/*
 * A bank's payment page, drawn by the host for the demo and the tests: a prefilled test card and
 * one button per answer the simulated bank can give (pay, decline, not enough money, ask for a
 * 3-D Secure code), then, for 3-D Secure, a code step that shows the demo code as a hint. Every
 * choice goes to the backend's confirm and 3ds routes, so the payment moves on the backend exactly
 * as a real acquirer's callback would move it.
 */

const TEXTS = {
  en: {
    bank: 'Demo Bank',
    simulated: 'A simulated bank: no money moves.',
    title: (payee: string) => `Payment to ${payee}`,
    card: 'Card number',
    expiry: 'Valid until',
    pay: 'Pay',
    threeDs: 'Pay with 3-D Secure',
    decline: 'Decline',
    insufficient: 'Not enough money',
    cancel: 'Cancel',
    codeTitle: 'Confirm the payment',
    codeText: 'Enter the code the bank sent to your phone.',
    hint: (code: string) => `Demo code: ${code}`,
    code: 'Code',
    confirm: 'Confirm',
    codeFormat: 'The code is 4 to 8 digits.',
    wrongCode: (left: number) => `Wrong code. Attempts left: ${left}.`,
    unavailable: 'The bank did not answer. Try again.',
  },
  ru: {
    bank: 'Демо-банк',
    simulated: 'Банк имитирован: деньги не списываются.',
    title: (payee: string) => `Оплата: ${payee}`,
    card: 'Номер карты',
    expiry: 'Действует до',
    pay: 'Оплатить',
    threeDs: 'Оплатить с 3-D Secure',
    decline: 'Отклонить',
    insufficient: 'Недостаточно средств',
    cancel: 'Отмена',
    codeTitle: 'Подтвердите оплату',
    codeText: 'Введите код, который банк прислал на телефон.',
    hint: (code: string) => `Демо-код: ${code}`,
    code: 'Код',
    confirm: 'Подтвердить',
    codeFormat: 'Код — от 4 до 8 цифр.',
    wrongCode: (left: number) => `Неверный код. Осталось попыток: ${left}.`,
    unavailable: 'Банк не ответил. Попробуйте ещё раз.',
  },
};

const STYLES = `
.ma-bank-page { background: light-dark(#ffffff, #16181c); color: light-dark(#1b1f24, #e6e8eb); }
.ma-bank-page header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px; padding: 14px 20px;
  background: light-dark(#0b5d3b, #0d3d28); color: #ffffff; }
.ma-bank-page .logo { white-space: nowrap; font-weight: 700; font-size: 17px; letter-spacing: 0.02em; }
.ma-bank-page .simulated { margin: 0; font-size: 12px; }
.ma-bank-page .body { padding: 16px 20px 20px; }
.ma-bank-page h2 { margin: 0 0 4px; font-size: 17px; font-weight: 600; overflow-wrap: anywhere; }
.ma-bank-page .amount { margin: 0 0 16px; font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.ma-bank-page label { display: block; margin: 0 0 12px; font-size: 13px; color: light-dark(#4d5661, #aab1ba); }
.ma-bank-page input { display: block; box-sizing: border-box; width: 100%; min-height: 44px; margin-top: 4px; padding: 8px 12px;
  font: 16px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; letter-spacing: 0.02em; color: light-dark(#1b1f24, #e6e8eb);
  background: light-dark(#f4f6f5, #22262b); border: 1px solid light-dark(#7a8580, #7d8791); border-radius: 8px; }
.ma-bank-page .card { display: grid; grid-template-columns: 1fr 1fr; column-gap: 12px; margin-bottom: 4px; }
.ma-bank-page .card label:first-child { grid-column: 1 / -1; }
.ma-bank-page p { margin: 0 0 12px; }
.ma-bank-page .hint { font-size: 13px; padding: 8px 12px; border-radius: 8px; background: light-dark(#e6f2ec, #1d3a2d); }
.ma-bank-page .error { color: light-dark(#b3261e, #ff8a80); font-weight: 600; }
.ma-bank-page .error:empty { display: none; }
.ma-bank-page .choices { display: grid; gap: 8px; }
.ma-bank-page .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.ma-bank-page button { font: inherit; font-weight: 600; min-height: 44px; min-width: 44px; padding: 0 12px; cursor: pointer; border-radius: 8px;
  border: 1px solid light-dark(#7a8580, #7d8791); background: light-dark(#ffffff, #22262b); color: light-dark(#1b1f24, #e6e8eb); }
.ma-bank-page button.primary { border-color: transparent; background: light-dark(#0b6b43, #2e9e6a); color: light-dark(#ffffff, #0b1a12); }
.ma-bank-page button.quiet { border-color: transparent; background: transparent; text-decoration: underline; }
.ma-bank-page[aria-busy="true"] button { opacity: 0.6; cursor: progress; }
`;

export type BankBackend = Pick<BackendClient, 'confirmPayment' | 'confirmPaymentCode' | 'paymentStatus'>;

export interface SimulatedBankOptions {
  /** The backend client: the bank's answers go to its confirm and 3ds routes. */
  client: BankBackend;
  /** Where the page goes; `document.body` by default. */
  container?: HTMLElement;
  /** `ru` or `en` (the document's language by default). */
  locale?: string;
  /** The test card shown on the page. */
  cardNumber?: string;
  /**
   * The code the page shows as a hint on the 3-D Secure step: the simulated backend's
   * `DEMO_CONFIRMATION_CODE` by default (kept here as a literal so the host does not bundle the
   * backend's routes; a test checks the two agree).
   */
  codeHint?: string;
}

/** The simulated backend's confirmation code (`DEMO_CONFIRMATION_CODE` in src/backend/payments.ts). */
export const SIMULATED_BANK_CODE = '123456';

/** The simulated bank as the payment handlers' acquirer. */
export function simulatedBank(options: SimulatedBankOptions): Acquirer {
  return { confirm: (payment, signal) => bankPage(options, payment, signal) };
}

function bankPage(options: SimulatedBankOptions, payment: PaymentResponse, signal: AbortSignal): Promise<AcquirerOutcome> {
  const { client } = options;
  const locale = options.locale ?? document.documentElement.lang ?? 'en';
  const texts = pickTexts(TEXTS, locale);
  const container = options.container ?? document.body;
  installPaymentStyles(container, STYLES, 'ma-bank-page-styles');

  return new Promise<AcquirerOutcome>((resolve, reject) => {
    let outcome: AcquirerOutcome = { kind: 'abandoned' };
    let failure: unknown;
    let busy = false;
    const dialog = document.createElement('dialog');
    dialog.className = 'ma-bank-page';
    const header = element('header');
    const logo = element('span', texts.bank, 'logo');
    logo.id = uniqueId('ma-bank-page-name');
    header.append(logo, element('p', texts.simulated, 'simulated'));
    const body = element('div', '', 'body');
    dialog.append(header, body);
    const heading = element('h2');
    heading.id = uniqueId('ma-bank-page-title');
    dialog.setAttribute('aria-labelledby', `${logo.id} ${heading.id}`);
    const error = element('p', '', 'error');
    error.setAttribute('role', 'alert');
    const amount = element('p', formatAmount(payment.amount, payment.currency, locale), 'amount');

    /** Closes and removes the page at once (the `close` event comes a task later) and settles. */
    let closed = false;
    function close() {
      if (closed) return;
      closed = true;
      signal.removeEventListener('abort', close);
      if (dialog.open) dialog.close();
      dialog.remove();
      if (failure !== undefined) reject(failure);
      else resolve(outcome);
    }
    const finish = (ended: PaymentStatusResult) => {
      outcome = { kind: 'ended', payment: ended };
      close();
    };
    const fail = (reason: unknown) => {
      failure = reason;
      close();
    };
    /** Runs one request to the bank's routes; the page ignores clicks until it answers. */
    const request = async (send: () => Promise<PaymentResponse>, onRefused?: (error: BackendError) => boolean) => {
      if (busy) return;
      busy = true;
      dialog.setAttribute('aria-busy', 'true');
      error.textContent = '';
      try {
        await show(await send());
      } catch (caught) {
        if (closed) return;
        if (caught instanceof BackendError && onRefused?.(caught)) return;
        if (caught instanceof BackendError && (caught.code === 'PAYMENT_FINAL' || caught.code === 'ILLEGAL_TRANSITION')) {
          // Moved elsewhere (another tab, the bank's own timeout): carry on from where it is now.
          try {
            await show(await client.paymentStatus(payment.paymentId, { appId: payment.appId }));
          } catch (again) {
            fail(again);
          }
          return;
        }
        if (caught instanceof BackendError && (caught.code === 'NETWORK' || caught.code === 'INTERNAL' || caught.code === 'RATE_LIMITED')) {
          error.textContent = texts.unavailable;
          return;
        }
        fail(caught);
      } finally {
        busy = false;
        dialog.removeAttribute('aria-busy');
      }
    };
    const show = async (current: PaymentStatusResult & { confirmation?: { attemptsLeft: number } }) => {
      if (isTerminalStatus(current.status)) return finish(current);
      if (current.status === 'awaiting_confirmation') return codeStep();
      choiceStep();
    };

    const choiceStep = () => {
      heading.textContent = texts.title(payment.payee.legalName);
      const card = element('div', '', 'card');
      card.append(
        field(texts.card, options.cardNumber ?? '4242 4242 4242 4242', 'cc-number'),
        field(texts.expiry, '12/30', 'cc-exp'),
        field('CVC', '•••', 'cc-csc'),
      );
      const choices = element('div', '', 'choices');
      const choose = (text: string, outcomeName: PaymentConfirmOutcome, className?: string) => {
        const node = button(text, className);
        node.addEventListener('click', () => void request(() => client.confirmPayment(payment.paymentId, outcomeName)));
        return node;
      };
      const pay = choose(texts.pay, 'succeed', 'primary');
      const pair = element('div', '', 'pair');
      pair.append(choose(texts.decline, 'decline'), choose(texts.insufficient, 'insufficient_funds'));
      const cancel = button(texts.cancel, 'quiet');
      cancel.addEventListener('click', () => !busy && close());
      choices.append(pay, choose(texts.threeDs, 'require_3ds'), pair, cancel);
      body.replaceChildren(heading, amount, card, error, choices);
      pay.focus();
    };

    const codeStep = () => {
      heading.textContent = texts.codeTitle;
      const form = document.createElement('form');
      form.noValidate = true;
      const input = document.createElement('input');
      input.inputMode = 'numeric';
      input.autocomplete = 'one-time-code';
      input.maxLength = 8;
      input.name = 'code';
      const label = element('label', texts.code);
      label.append(input);
      const hint = element('p', texts.hint(options.codeHint ?? SIMULATED_BANK_CODE), 'hint');
      const row = element('div', '', 'pair');
      const cancel = button(texts.cancel);
      cancel.addEventListener('click', () => !busy && close());
      const confirm = element('button', texts.confirm, 'primary');
      confirm.type = 'submit';
      row.append(cancel, confirm);
      form.append(label, error, row);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const code = input.value.trim();
        if (!/^\d{4,8}$/.test(code)) {
          error.textContent = texts.codeFormat;
          input.focus();
          return;
        }
        void request(
          () => client.confirmPaymentCode(payment.paymentId, code),
          (refused) => {
            if (refused.code !== 'WRONG_CODE') return false;
            const left = (refused.details as { attemptsLeft?: unknown } | undefined)?.attemptsLeft;
            error.textContent = texts.wrongCode(typeof left === 'number' ? left : 0);
            input.value = '';
            input.focus();
            return true;
          },
        );
      });
      body.replaceChildren(heading, amount, element('p', texts.codeText), hint, form);
      input.setAttribute('aria-describedby', hint.id = uniqueId('ma-bank-page-hint'));
      input.focus();
    };

    signal.addEventListener('abort', close, { once: true });
    dialog.addEventListener('close', close, { once: true });
    container.append(dialog);
    dialog.showModal();
    void show(payment);
    if (signal.aborted) close();
  });
}

function field(labelText: string, value: string, autocomplete: AutoFill): HTMLLabelElement {
  const label = element('label', labelText);
  const input = document.createElement('input');
  input.readOnly = true;
  input.value = value;
  input.autocomplete = autocomplete;
  label.append(input);
  return label;
}
