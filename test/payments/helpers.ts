import { expect } from 'chai';
import { PaymentError, type PaymentErrorCode } from '../../src/payments/index.ts';

/** Runs something that must be refused, and checks the reason (and the field, when given). */
export function expectPaymentError(attempt: () => unknown, code: PaymentErrorCode, field?: string): PaymentError {
  let caught: unknown;
  try {
    attempt();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a PaymentError ${code}`).to.be.instanceOf(PaymentError);
  const error = caught as PaymentError;
  expect(error.code, error.message).to.equal(code);
  if (field !== undefined) expect(error.field).to.equal(field);
  return error;
}
