import type { PaymentResponse } from '../backend/contract.ts';
import { currencyInfo, formatMinorUnits } from '../payments/index.ts';

/*
 * The host's own payment screen: a native modal <dialog> that names the app asking, the payee and
 * its account as the backend recorded them, the amount in the currency's minor units and the
 * app's description (as text, never as HTML), with Pay and Cancel. Escape and the app closing
 * cancel it. The simulated bank page (simulated-bank.ts) draws with the same helpers.
 */

const SHEET_TEXTS = {
  en: {
    title: 'Payment',
    asks: (app: string) => `${app} asks you to pay`,
    payee: 'Payee',
    taxId: 'Tax ID',
    account: 'Account',
    bankId: 'Bank ID (BIC)',
    pay: (amount: string) => `Pay ${amount}`,
    cancel: 'Cancel',
    waiting: 'Waiting for the bank…',
  },
  ru: {
    title: 'Оплата',
    asks: (app: string) => `${app} просит оплатить`,
    payee: 'Получатель',
    taxId: 'ИНН',
    account: 'Счёт',
    bankId: 'БИК банка',
    pay: (amount: string) => `Оплатить ${amount}`,
    cancel: 'Отмена',
    waiting: 'Ждём ответа банка…',
  },
};

/** `ru` texts for a Russian locale, English otherwise. */
export function pickTexts<T>(texts: { en: T; ru: T }, locale: string | undefined): T {
  return (locale ?? document.documentElement.lang ?? 'en').toLowerCase().startsWith('ru') ? texts.ru : texts.en;
}

/**
 * An amount in minor units as money in the locale, exact (the decimal string goes to Intl, no
 * floating point): 12 500 RUB is "125,00 ₽" in ru and "RUB 125.00" in en; 500 JPY is "¥500".
 */
export function formatAmount(amount: number, currency: string, locale: string): string {
  const exponent = currencyInfo(currency)?.exponent ?? 2;
  const decimal = formatMinorUnits(amount, exponent);
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    return format.format(decimal as `${number}`);
  } catch {
    return `${decimal} ${currency}`;
  }
}

const STYLES = `
.ma-payment-sheet, .ma-bank-page { border: 1px solid var(--ma-color-separator, light-dark(#d7d9dd, #35373b)); padding: 0; box-sizing: border-box; width: min(92vw, 380px); max-height: 92vh; overflow: auto;
  border-radius: var(--ma-radius-l, 14px); box-shadow: 0 12px 32px #0006; font: 15px/1.4 var(--ma-font-family, system-ui, sans-serif); }
.ma-payment-sheet::backdrop, .ma-bank-page::backdrop { background: var(--ma-color-overlay, #0006); }
.ma-payment-sheet { padding: 20px; background: var(--ma-color-surface, light-dark(#fff, #1c1d20)); color: var(--ma-color-text, light-dark(#1a1b1e, #e8eaed)); }
.ma-payment-sheet .app { margin: 0 0 4px; font-size: 13px; color: var(--ma-color-text-secondary, light-dark(#545c68, #a6adb6)); overflow-wrap: anywhere; }
.ma-payment-sheet h2 { margin: 0 0 12px; font-size: 17px; font-weight: 600; }
.ma-payment-sheet .amount { margin: 0 0 4px; font-size: 28px; line-height: 34px; font-weight: 700; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.ma-payment-sheet .description { margin: 0 0 16px; white-space: pre-wrap; overflow-wrap: anywhere; }
.ma-payment-sheet dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0 0 20px; padding: 12px; font-size: 13px;
  border-radius: var(--ma-radius-m, 10px); background: var(--ma-color-surface-secondary, light-dark(#ebedf0, #27292d)); }
.ma-payment-sheet dt { color: var(--ma-color-text-secondary, light-dark(#545c68, #a6adb6)); }
.ma-payment-sheet dd { margin: 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
.ma-payment-sheet .status { margin: 0 0 12px; min-height: 1.4em; color: var(--ma-color-text-secondary, light-dark(#545c68, #a6adb6)); }
.ma-payment-sheet .status:empty { display: none; }
.ma-payment-sheet .buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }
.ma-payment-sheet button { font: inherit; font-weight: 600; min-height: 44px; min-width: 44px; padding: 0 16px; border: 0; cursor: pointer;
  border-radius: var(--ma-radius-m, 10px); background: var(--ma-color-surface-secondary, light-dark(#ebedf0, #27292d)); color: var(--ma-color-text, light-dark(#1a1b1e, #e8eaed)); }
.ma-payment-sheet button.primary { background: var(--ma-color-brand, light-dark(#0a6ad6, #1f74dc)); color: var(--ma-color-on-brand, #fff); }
.ma-payment-sheet[aria-busy="true"] button { opacity: 0.6; cursor: progress; }
.ma-payment-sheet :focus-visible, .ma-bank-page :focus-visible { outline: 2px solid var(--ma-color-focus, light-dark(#095fc1, #6ba3e8)); outline-offset: 2px; }
`;

/** Adds the payment styles to the document or shadow root that holds `container`, once. */
export function installPaymentStyles(container: Node, css = STYLES, id = 'ma-payment-sheet-styles'): void {
  const root = container.getRootNode() as Document | ShadowRoot;
  const head = root instanceof ShadowRoot ? root : (root as Document).head ?? (root as Document).documentElement;
  if (head.querySelector(`style[data-id="${id}"]`)) return;
  const style = document.createElement('style');
  style.dataset.id = id;
  style.textContent = css;
  head.append(style);
}

/** An element holding `text` as text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function button(text: string, className?: string): HTMLButtonElement {
  const node = element('button', text, className);
  node.type = 'button';
  return node;
}

let ids = 0;
export function uniqueId(prefix: string): string {
  return `${prefix}-${++ids}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface PaymentSheetOptions {
  /** Where the dialog goes; `document.body` by default. */
  container?: HTMLElement;
  locale?: string;
  /** The app asking: its display name. */
  appName: string;
  /** The payment as the backend created it: amount, currency, description and payee. */
  payment: PaymentResponse;
  /** Closes the sheet (the app closed, or the payment ended elsewhere). */
  signal: AbortSignal;
  /** Called when the user dismisses the sheet after choosing Pay (the bank step is under way). */
  onDismissWhileBusy?: () => void;
}

export interface PaymentSheet {
  /** `pay` when the user chooses Pay; `cancel` for Cancel, Escape, or the signal. */
  readonly choice: Promise<'pay' | 'cancel'>;
  readonly dialog: HTMLDialogElement;
  /** Removes the sheet; focus goes back where it was before it opened. */
  close(): void;
}

/** Opens the payment sheet. */
export function openPaymentSheet(options: PaymentSheetOptions): PaymentSheet {
  const { payment, signal } = options;
  const locale = options.locale ?? document.documentElement.lang ?? 'en';
  const texts = pickTexts(SHEET_TEXTS, locale);
  const container = options.container ?? document.body;
  installPaymentStyles(container);
  const amount = formatAmount(payment.amount, payment.currency, locale);

  const dialog = document.createElement('dialog');
  dialog.className = 'ma-payment-sheet';
  const heading = element('h2', texts.title);
  heading.id = uniqueId('ma-payment-sheet-title');
  const asks = element('p', texts.asks(options.appName), 'app');
  asks.id = uniqueId('ma-payment-sheet-app');
  dialog.setAttribute('aria-labelledby', `${asks.id} ${heading.id}`);
  const amountLine = element('p', amount, 'amount');
  const description = element('p', payment.description, 'description');
  const details = document.createElement('dl');
  const { payee } = payment;
  for (const [term, value] of [
    [texts.payee, payee.legalName],
    [texts.taxId, payee.taxId],
    [texts.account, payee.bankAccount.accountNumber],
    [texts.bankId, payee.bankAccount.bankId],
  ] as const) {
    details.append(element('dt', term), element('dd', value));
  }
  const status = element('p', '', 'status');
  status.setAttribute('role', 'status');
  const row = element('div', '', 'buttons');
  const cancel = button(texts.cancel);
  const pay = button(texts.pay(amount), 'primary');
  row.append(cancel, pay);
  dialog.append(asks, heading, amountLine, description, details, status, row);

  let busy = false;
  let settle: (choice: 'pay' | 'cancel') => void = () => undefined;
  const choice = new Promise<'pay' | 'cancel'>((resolve) => {
    settle = (value) => {
      settle = () => undefined;
      resolve(value);
    };
  });
  pay.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    dialog.setAttribute('aria-busy', 'true');
    status.textContent = texts.waiting;
    settle('pay');
  });
  cancel.addEventListener('click', () => {
    if (!busy) finish();
  });
  /** Closes and removes the sheet at once (the `close` event comes a task later). */
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    signal.removeEventListener('abort', finish);
    if (dialog.open) dialog.close();
    dialog.remove();
    if (busy) options.onDismissWhileBusy?.();
    settle('cancel');
  };
  signal.addEventListener('abort', finish, { once: true });
  dialog.addEventListener('close', finish, { once: true });

  container.append(dialog);
  dialog.showModal();
  pay.focus();
  if (signal.aborted) finish();
  return {
    choice,
    dialog,
    close() {
      busy = false;
      finish();
    },
  };
}
