import { PaymentError, PaymentErrorCode, describeValue } from './errors.ts';

/**
 * The largest amount one payment may carry, in minor units of any currency: 12 digits, the width of
 * the amount field acquirers exchange (ISO 8583 field 4, n12), so any amount we accept can be sent
 * on unchanged. It is a format bound, not a business limit (10 billion roubles, 1 trillion yen): a
 * host puts its own per-app or per-user limits on top.
 */
export const MAX_PAYMENT_AMOUNT = 999_999_999_999;

/**
 * Checks an amount in minor units (kopecks for RUB, yen for JPY, fils for KWD): a positive integer
 * no larger than `MAX_PAYMENT_AMOUNT`. Decimals are refused, never rounded: 10.5 is a mistake
 * (probably major units), not 10 or 11 kopecks.
 */
export function validateAmount(amount: unknown, field = 'amount'): number {
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    throw new PaymentError(PaymentErrorCode.INVALID_AMOUNT, `${field} must be an integer number of minor units, got ${describeValue(amount)}`, field);
  }
  if (amount <= 0) {
    throw new PaymentError(PaymentErrorCode.INVALID_AMOUNT, `${field} must be positive, got ${describeValue(amount)}`, field);
  }
  if (amount > MAX_PAYMENT_AMOUNT) {
    throw new PaymentError(PaymentErrorCode.AMOUNT_TOO_LARGE, `${field} must be at most ${MAX_PAYMENT_AMOUNT} minor units, got ${describeValue(amount)}`, field);
  }
  return amount;
}

/** The amount in major units as a decimal string, exact (no floating point): 125050 RUB (2) → "1250.50". */
export function formatMinorUnits(amount: number, exponent: number): string {
  const digits = String(amount).padStart(exponent + 1, '0');
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
