import { ErrorCode, type BridgeErrorPayload } from '../protocol/index.ts';

/** Why a payment request or a payment step was refused. Stable: callers switch on these. */
export const PaymentErrorCode = {
  /** A field of the request is missing, of the wrong type, too long, or outside its alphabet; `field` names it. */
  INVALID_REQUEST: 'INVALID_REQUEST',
  /** The amount is not a positive integer number of minor units. */
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  /** The amount is above `MAX_PAYMENT_AMOUNT`. */
  AMOUNT_TOO_LARGE: 'AMOUNT_TOO_LARGE',
  /** Not an ISO 4217 code (also: lower case, withdrawn). */
  UNKNOWN_CURRENCY: 'UNKNOWN_CURRENCY',
  /** An ISO 4217 code that is not a currency one pays in (funds codes, metals, XTS, XXX …). */
  CURRENCY_NOT_PAYABLE: 'CURRENCY_NOT_PAYABLE',
  /** The same idempotency key came with another order, amount or currency: never a second charge. */
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  /** The status machine has no such move (e.g. created → created). */
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** The payment already ended (succeeded, failed, cancelled): nothing moves it again. */
  PAYMENT_FINAL: 'PAYMENT_FINAL',
  /** A receipt was asked for a payment that has not ended yet. */
  PAYMENT_NOT_FINAL: 'PAYMENT_NOT_FINAL',
} as const;

export type PaymentErrorCode = (typeof PaymentErrorCode)[keyof typeof PaymentErrorCode];

/**
 * How each refusal crosses the bridge: a bad request is the app's mistake (INVALID_ARGUMENT); a
 * move the status machine refuses is the host's (INTERNAL).
 */
export const PAYMENT_ERROR_BRIDGE_CODES: Readonly<Record<PaymentErrorCode, ErrorCode>> = Object.freeze({
  INVALID_REQUEST: ErrorCode.INVALID_ARGUMENT,
  INVALID_AMOUNT: ErrorCode.INVALID_ARGUMENT,
  AMOUNT_TOO_LARGE: ErrorCode.INVALID_ARGUMENT,
  UNKNOWN_CURRENCY: ErrorCode.INVALID_ARGUMENT,
  CURRENCY_NOT_PAYABLE: ErrorCode.INVALID_ARGUMENT,
  IDEMPOTENCY_CONFLICT: ErrorCode.INVALID_ARGUMENT,
  ILLEGAL_TRANSITION: ErrorCode.INTERNAL,
  PAYMENT_FINAL: ErrorCode.INTERNAL,
  PAYMENT_NOT_FINAL: ErrorCode.INTERNAL,
});

/** A refused payment request or step. `code` says why; `field` names the request field at fault. */
export class PaymentError extends Error {
  override name = 'PaymentError';
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** The error as it travels to the mini-app. */
  toBridgeError(): BridgeErrorPayload {
    return {
      code: PAYMENT_ERROR_BRIDGE_CODES[this.code],
      message: this.message,
      details: this.field === undefined ? { reason: this.code } : { reason: this.code, field: this.field },
    };
  }
}

export function isPaymentError(error: unknown, code?: PaymentErrorCode): error is PaymentError {
  return error instanceof PaymentError && (code === undefined || error.code === code);
}

/** A short description of a value for an error message: never more than a few dozen characters of the input. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length <= 24 ? JSON.stringify(value) : `a string of ${value.length} characters`;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
