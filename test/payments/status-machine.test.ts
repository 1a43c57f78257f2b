import { expect } from 'chai';
import fc from 'fast-check';
import { ErrorCode } from '../../src/protocol/index.ts';
import {
  advancePayment,
  assertTransition,
  canTransition,
  createPayment,
  isTerminalStatus,
  PAYMENT_FAILURE_REASONS,
  PAYMENT_STATUSES,
  PAYMENT_TRANSITIONS,
  PaymentError,
  PaymentErrorCode,
  paymentStatusResult,
  receiptFactsOf,
  TERMINAL_PAYMENT_STATUSES,
  type Payment,
  type PaymentOutcome,
  type PaymentStatus,
} from '../../src/payments/index.ts';
import { expectPaymentError } from './helpers.ts';

/*
 * The acquiring flow written out independently of the code's table, one legal move a line:
 * create payment → (the bank's confirmation step) → result. Nothing leaves a result.
 */
const LEGAL = `
created → awaiting_confirmation
created → succeeded
created → failed
created → cancelled
awaiting_confirmation → succeeded
awaiting_confirmation → failed
awaiting_confirmation → cancelled
`
  .trim()
  .split('\n')
  .map((line) => line.split(' → ') as [PaymentStatus, PaymentStatus]);
const FINAL: PaymentStatus[] = ['succeeded', 'failed', 'cancelled'];

const T0 = Date.UTC(2025, 4, 1, 10, 0, 0);
const newPayment = (): Payment =>
  createPayment({
    paymentId: 'pay-1',
    appId: 'bakery',
    userId: 'user-1',
    request: { orderId: 'order-42', amount: 125_050, currency: 'RUB', description: 'Bread' },
    now: T0,
  });
const outcomeTo = (to: PaymentStatus): PaymentOutcome => (to === 'failed' ? { to, reason: 'declined' } : ({ to } as PaymentOutcome));
const inStatus = (status: PaymentStatus): Payment => ({ ...newPayment(), status, ...(status === 'failed' ? { failureReason: 'declined' as const } : {}) });

describe('payments: the status machine', () => {
  it('has the five statuses, three of them final', () => {
    expect([...PAYMENT_STATUSES].sort()).to.deep.equal(['awaiting_confirmation', 'cancelled', 'created', 'failed', 'succeeded']);
    expect([...TERMINAL_PAYMENT_STATUSES].sort()).to.deep.equal([...FINAL].sort());
    for (const status of PAYMENT_STATUSES) expect(isTerminalStatus(status), status).to.equal(FINAL.includes(status));
  });

  it('holds exactly the legal moves, each once', () => {
    const table = PAYMENT_TRANSITIONS.map((row) => `${row.from} → ${row.to}`);
    expect([...table].sort()).to.deep.equal(LEGAL.map(([from, to]) => `${from} → ${to}`).sort());
    expect(new Set(table).size).to.equal(table.length);
    for (const row of PAYMENT_TRANSITIONS) expect(row.when, `${row.from} → ${row.to}`).to.be.a('string').with.length.above(10);
  });

  for (const from of PAYMENT_STATUSES) {
    for (const to of PAYMENT_STATUSES) {
      const legal = LEGAL.some(([f, t]) => f === from && t === to);
      const refusal = FINAL.includes(from) ? PaymentErrorCode.PAYMENT_FINAL : PaymentErrorCode.ILLEGAL_TRANSITION;
      it(`${from} → ${to}: ${legal ? 'allowed' : `refused as ${refusal}`}`, () => {
        expect(canTransition(from, to)).to.equal(legal);
        if (legal) {
          expect(() => assertTransition(from, to)).to.not.throw();
          const next = advancePayment(inStatus(from), outcomeTo(to), T0 + 1000);
          expect(next.status).to.equal(to);
          expect(next.updatedAt).to.equal(T0 + 1000);
        } else {
          expectPaymentError(() => assertTransition(from, to), refusal);
          expectPaymentError(() => advancePayment(inStatus(from), outcomeTo(to), T0 + 1000), refusal);
        }
      });
    }
  }

  it('creates a payment in created, keyed by the order when the app sent no key', () => {
    const payment = newPayment();
    expect(payment).to.deep.equal({
      paymentId: 'pay-1',
      appId: 'bakery',
      userId: 'user-1',
      orderId: 'order-42',
      amount: 125_050,
      currency: 'RUB',
      description: 'Bread',
      idempotencyKey: 'order:order-42',
      status: 'created',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(Object.isFrozen(payment)).to.equal(true);
  });

  it('refuses to create a payment from a request the rules refuse', () => {
    const base = { paymentId: 'p', appId: 'a', userId: 'u', now: T0 };
    expectPaymentError(() => createPayment({ ...base, request: { orderId: 'o', amount: 0, currency: 'RUB', description: 'd' } }), PaymentErrorCode.INVALID_AMOUNT);
    expectPaymentError(() => createPayment({ ...base, request: { orderId: 'o', amount: 1, currency: 'XXX' as 'RUB', description: 'd' } }), PaymentErrorCode.CURRENCY_NOT_PAYABLE);
  });

  it('records why a payment failed, and refuses a failure without a known reason', () => {
    const failed = advancePayment(advancePayment(newPayment(), { to: 'awaiting_confirmation' }, T0 + 1), { to: 'failed', reason: 'authentication_failed' }, T0 + 2);
    expect(failed).to.include({ status: 'failed', failureReason: 'authentication_failed', createdAt: T0, updatedAt: T0 + 2 });
    expectPaymentError(() => advancePayment(newPayment(), { to: 'failed', reason: 'because' as 'declined' }, T0), PaymentErrorCode.ILLEGAL_TRANSITION);
  });

  it('never changes the payment it is given', () => {
    const payment = newPayment();
    advancePayment(payment, { to: 'succeeded' }, T0 + 5);
    expect(payment.status).to.equal('created');
  });

  it('gives receipt facts only for an ended payment', () => {
    for (const status of ['created', 'awaiting_confirmation'] as const) {
      expectPaymentError(() => receiptFactsOf(inStatus(status)), PaymentErrorCode.PAYMENT_NOT_FINAL);
    }
    expect(receiptFactsOf(advancePayment(newPayment(), { to: 'succeeded' }, T0))).to.deep.equal({
      appId: 'bakery', userId: 'user-1', paymentId: 'pay-1', orderId: 'order-42', amount: 125_050, currency: 'RUB', status: 'succeeded',
    });
    expect(receiptFactsOf(advancePayment(newPayment(), { to: 'failed', reason: 'bank_unavailable' }, T0))).to.include({ status: 'failed', failureReason: 'bank_unavailable' });
  });

  it('answers payments.status with the payment\'s facts, and its receipt once it has ended', () => {
    expect(paymentStatusResult(advancePayment(newPayment(), { to: 'awaiting_confirmation' }, T0))).to.deep.equal({
      paymentId: 'pay-1', orderId: 'order-42', amount: 125_050, currency: 'RUB', status: 'awaiting_confirmation',
    });
    const failed = advancePayment(newPayment(), { to: 'failed', reason: 'declined' }, T0);
    expect(paymentStatusResult(failed, 'receipt.jwt')).to.deep.equal({
      paymentId: 'pay-1', orderId: 'order-42', amount: 125_050, currency: 'RUB', status: 'failed', failureReason: 'declined', receipt: 'receipt.jwt',
    });
    // Nothing of the store's bookkeeping (user, key, description, times) goes to the app.
    for (const key of ['appId', 'userId', 'idempotencyKey', 'description', 'createdAt', 'updatedAt']) expect(paymentStatusResult(failed)).to.not.have.property(key);
  });

  it('a refused move is the host\'s fault on the bridge (INTERNAL)', () => {
    const error = expectPaymentError(() => assertTransition('succeeded', 'cancelled'), PaymentErrorCode.PAYMENT_FINAL);
    expect(error.toBridgeError().code).to.equal(ErrorCode.INTERNAL);
  });

  it('no sequence of outcomes leaves a final state or reaches a status by a move outside the table', () => {
    const outcome: fc.Arbitrary<PaymentOutcome> = fc.oneof(
      fc.constantFrom<PaymentOutcome>({ to: 'awaiting_confirmation' }, { to: 'succeeded' }, { to: 'cancelled' }),
      fc.constantFrom(...PAYMENT_FAILURE_REASONS).map((reason): PaymentOutcome => ({ to: 'failed', reason })),
    );
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 12 }), (outcomes) => {
        let payment = newPayment();
        let endedAs: PaymentStatus | undefined;
        for (const next of outcomes) {
          const before = payment.status;
          try {
            payment = advancePayment(payment, next, T0);
            expect(LEGAL.some(([from, to]) => from === before && to === payment.status)).to.equal(true);
          } catch (error) {
            expect(error).to.be.instanceOf(PaymentError);
            expect(payment.status).to.equal(before);
          }
          if (endedAs !== undefined) expect(payment.status).to.equal(endedAs);
          if (FINAL.includes(payment.status)) endedAs = payment.status;
        }
        expect(payment.failureReason !== undefined).to.equal(payment.status === 'failed');
      }),
    );
  });
});
