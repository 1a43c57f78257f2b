import { expect } from 'chai';
import fc from 'fast-check';
import {
  advancePayment,
  createPayment,
  idempotencyKeyOf,
  idempotencyScope,
  PaymentErrorCode,
  resolveIdempotency,
  validatePayRequest,
  type Payment,
  type PayRequest,
} from '../../src/payments/index.ts';
import { expectPaymentError } from './helpers.ts';

const T0 = Date.UTC(2025, 4, 1, 10, 0, 0);
const scope = { appId: 'bakery', userId: 'user-1' };
const request: PayRequest = { orderId: 'order-42', amount: 125_050, currency: 'RUB', description: 'Bread', idempotencyKey: 'tap-1' };

/**
 * A store holding payments under a unique (app, user, key), as the backend's will: `pay` is what
 * the backend does per request, the insert refusing a second row for the same key.
 */
function createStore() {
  const rows = new Map<string, Payment>();
  let charges = 0;
  let ids = 0;
  return {
    rows,
    get charges() {
      return charges;
    },
    pay(appId: string, userId: string, input: PayRequest): Payment {
      const valid = validatePayRequest(input);
      const key = idempotencyScope(appId, userId, idempotencyKeyOf(valid));
      const decision = resolveIdempotency({ appId, userId }, valid, rows.get(key));
      if (decision.kind === 'existing') return decision.payment;
      if (rows.has(key)) throw new Error('unique constraint violated');
      const payment = createPayment({ paymentId: `pay-${++ids}`, appId, userId, request: valid, now: T0 });
      rows.set(key, payment);
      charges += 1;
      return payment;
    },
  };
}

describe('payments: one idempotency key never pays twice', () => {
  it('answers the same request twice (a double tap) with the same payment', () => {
    const store = createStore();
    const first = store.pay('bakery', 'user-1', request);
    const second = store.pay('bakery', 'user-1', { ...request });
    expect(second).to.equal(first);
    expect(store.charges).to.equal(1);
  });

  it('answers a repeat with the payment as it is now, whatever its status', () => {
    const created = createPayment({ paymentId: 'pay-1', ...scope, request, now: T0 });
    for (const payment of [created, advancePayment(created, { to: 'succeeded' }, T0 + 1), advancePayment(created, { to: 'cancelled' }, T0 + 1)]) {
      expect(resolveIdempotency(scope, request, payment)).to.deep.equal({ kind: 'existing', payment });
    }
  });

  it('asks to create a payment under the key when none holds it', () => {
    expect(resolveIdempotency(scope, request, undefined)).to.deep.equal({ kind: 'create', idempotencyKey: 'tap-1' });
    const { idempotencyKey: _omitted, ...withoutKey } = request;
    expect(resolveIdempotency(scope, withoutKey, undefined)).to.deep.equal({ kind: 'create', idempotencyKey: 'order:order-42' });
  });

  for (const [label, change, field] of [
    ['a changed amount', { amount: 125_051 }, 'amount'],
    ['another currency', { currency: 'USD' }, 'currency'],
    ['another order', { orderId: 'order-43' }, 'orderId'],
  ] as const) {
    it(`refuses the same key with ${label} as IDEMPOTENCY_CONFLICT, charging nothing`, () => {
      const store = createStore();
      store.pay('bakery', 'user-1', request);
      const error = expectPaymentError(() => store.pay('bakery', 'user-1', { ...request, ...change }), PaymentErrorCode.IDEMPOTENCY_CONFLICT, field);
      expect(error.message).to.include('pay-1');
      expect(store.charges).to.equal(1);
    });
  }

  it('treats a changed description as the same payment (it is only a label)', () => {
    const store = createStore();
    const first = store.pay('bakery', 'user-1', request);
    expect(store.pay('bakery', 'user-1', { ...request, description: 'Bread, again' })).to.equal(first);
  });

  it('without a key, pays an order once: the order id is the key', () => {
    const store = createStore();
    const { idempotencyKey: _omitted, ...withoutKey } = request;
    const first = store.pay('bakery', 'user-1', withoutKey);
    expect(store.pay('bakery', 'user-1', withoutKey)).to.equal(first);
    expect(first.idempotencyKey).to.equal('order:order-42');
    expect(store.pay('bakery', 'user-1', { ...withoutKey, orderId: 'order-43' })).to.not.equal(first);
    expect(store.charges).to.equal(2);
  });

  it('keeps keys apart per app and per user', () => {
    const store = createStore();
    const mine = store.pay('bakery', 'user-1', request);
    expect(store.pay('bakery', 'user-2', request)).to.not.equal(mine);
    expect(store.pay('fitness', 'user-1', request)).to.not.equal(mine);
    expect(store.charges).to.equal(3);
  });

  it('makes the stored scope unambiguous even with colons inside the parts', () => {
    expect(idempotencyScope('bakery', 'user-1', 'tap-1')).to.equal('bakery:user-1:tap-1');
    expect(idempotencyScope('a:b', 'c', 'd')).to.not.equal(idempotencyScope('a', 'b:c', 'd'));
    fc.assert(
      fc.property(fc.tuple(fc.string(), fc.string(), fc.string()), fc.tuple(fc.string(), fc.string(), fc.string()), (a, b) => {
        const same = a.every((part, i) => part === b[i]);
        expect(idempotencyScope(...a) === idempotencyScope(...b)).to.equal(same);
      }),
    );
  });

  it('refuses a payment of another scope handed to it by mistake', () => {
    const other = createPayment({ paymentId: 'pay-9', appId: 'bakery', userId: 'user-2', request, now: T0 });
    expect(() => resolveIdempotency(scope, request, other)).to.throw(TypeError);
    const otherKey = createPayment({ paymentId: 'pay-9', ...scope, request: { ...request, idempotencyKey: 'tap-2' }, now: T0 });
    expect(() => resolveIdempotency(scope, request, otherKey)).to.throw(TypeError);
  });

  it('whatever arrives (double taps, retries, two tabs, changed fields), each key is charged at most once', () => {
    const attempt = fc.record({
      userId: fc.constantFrom('user-1', 'user-2'),
      idempotencyKey: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
      orderId: fc.constantFrom('o1', 'o2'),
      amount: fc.constantFrom(100, 200),
      currency: fc.constantFrom('RUB', 'USD'),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (attempts) => {
        const store = createStore();
        const firstFor = new Map<string, PayRequest>();
        for (const { userId, ...fields } of attempts) {
          const input: PayRequest = { ...fields, currency: fields.currency as PayRequest['currency'], description: 'Bread' };
          const key = idempotencyScope('bakery', userId, idempotencyKeyOf(input));
          const first = firstFor.get(key);
          try {
            const payment = store.pay('bakery', userId, input);
            // Only the first request under a key creates; every later one matches it field for field.
            const original = first ?? input;
            expect(payment).to.include({ orderId: original.orderId, amount: original.amount, currency: original.currency });
            if (!first) firstFor.set(key, input);
          } catch (error) {
            expect(first, 'only a repeat can conflict').to.not.equal(undefined);
            expectPaymentError(() => {
              throw error;
            }, PaymentErrorCode.IDEMPOTENCY_CONFLICT);
          }
        }
        expect(store.charges).to.equal(firstFor.size);
        expect(store.rows.size).to.equal(firstFor.size);
      }),
    );
  });
});
