import { validateAmount } from './amount.ts';
import { validateCurrency, type PayableCurrencyCode } from './currencies.ts';
import { PaymentError, PaymentErrorCode, describeValue } from './errors.ts';

/** What a mini-app passes to `payments.pay`. */
export interface PayRequest {
  /** The app's own order id: 1–128 characters of `A–Z a–z 0–9 . _ : -`. */
  orderId: string;
  /** In minor units of `currency`: a positive integer (12 500 = 125.00 RUB; 1 250 = ¥1,250). */
  amount: number;
  /** ISO 4217 alphabetic code of a currency in circulation, upper case. */
  currency: PayableCurrencyCode;
  /** Shown to the user on the payment screen: 1–255 characters, one line. */
  description: string;
  /**
   * Makes retries safe: every call with the same key (a double tap, a retry after a lost answer, a
   * second tab) is the same payment, and is never charged twice. 1–128 characters of the order id's
   * alphabet; a UUID fits. Omitted, the order id is the key (see `idempotencyKeyOf`).
   */
  idempotencyKey?: string;
}

export const ORDER_ID_MAX_LENGTH = 128;
export const DESCRIPTION_MAX_LENGTH = 255;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 128;

/** Letters, digits and `. _ : -`: safe in URLs, logs, SQL keys and file names, and unambiguous to read. */
const SAFE_ID = /^[A-Za-z0-9._:-]+$/;
/**
 * Characters a description may not hold: control characters and line breaks (it is one line on
 * the payment screen), and bidirectional overrides, which could make the screen read differently
 * from what the user pays for.
 */
const UNSAFE_TEXT = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * Validates what an app sent to `payments.pay` and returns a clean request holding only the known
 * fields. Throws a `PaymentError` for the first field at fault (`error.field` names it).
 */
export function validatePayRequest(input: unknown): PayRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PaymentError(PaymentErrorCode.INVALID_REQUEST, `A payment request is an object, got ${describeValue(input)}`);
  }
  const fields = input as Record<string, unknown>;
  const orderId = safeId(fields.orderId, 'orderId', ORDER_ID_MAX_LENGTH);
  const amount = validateAmount(fields.amount);
  const currency = validateCurrency(fields.currency).code;
  const description = descriptionOf(fields.description);
  const request: PayRequest = { orderId, amount, currency, description };
  if (fields.idempotencyKey !== undefined) {
    request.idempotencyKey = safeId(fields.idempotencyKey, 'idempotencyKey', IDEMPOTENCY_KEY_MAX_LENGTH);
  }
  return request;
}

function safeId(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value === '') {
    throw new PaymentError(PaymentErrorCode.INVALID_REQUEST, `${field} must be a non-empty string, got ${describeValue(value)}`, field);
  }
  if (value.length > maxLength) {
    throw new PaymentError(PaymentErrorCode.INVALID_REQUEST, `${field} must have at most ${maxLength} characters, has ${value.length}`, field);
  }
  if (!SAFE_ID.test(value)) {
    throw new PaymentError(PaymentErrorCode.INVALID_REQUEST, `${field} may hold only letters, digits and . _ : -`, field);
  }
  return value;
}

function descriptionOf(value: unknown): string {
  const field = 'description';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PaymentError(PaymentErrorCode.INVALID_REQUEST, `${field} must be a non-blank string, got ${describeValue(value)}`, field);
  }
  // Counted in code points (what a reader sees as characters); the first test spares a long string the split.
  const length = value.length > DESCRIPTION_MAX_LENGTH * 2 ? value.length : [...value].length;
  if (length > DESCRIPTION_MAX_LENGTH) {
    throw new PaymentError(PaymentErrorCode.INVALID_REQUEST, `${field} must have at most ${DESCRIPTION_MAX_LENGTH} characters`, field);
  }
  if (UNSAFE_TEXT.test(value)) {
    throw new PaymentError(PaymentErrorCode.INVALID_REQUEST, `${field} may not hold control characters, line breaks or direction overrides`, field);
  }
  return value;
}
