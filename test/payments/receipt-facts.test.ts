// The payments domain and the tokens domain meet in the backend; here they are checked to agree.
import { expect } from 'chai';
import {
  advancePayment,
  createPayment,
  PAYMENT_FAILURE_REASONS,
  receiptFactsOf,
  TERMINAL_PAYMENT_STATUSES,
} from '../../src/payments/index.ts';
import { createKeyRing, generateSigningKey, issueReceipt, keyRingJwks, RECEIPT_STATUSES, verifyReceipt } from '../../src/tokens/index.ts';

const T0 = Date.UTC(2025, 4, 1, 10, 0, 0);
const issuer = 'https://host.example';

describe('payments and receipts agree', () => {
  it('a receipt states exactly the final statuses of a payment', () => {
    expect([...RECEIPT_STATUSES].sort()).to.deep.equal([...TERMINAL_PAYMENT_STATUSES].sort());
  });

  it('every ended payment gets a receipt that verifies and states its facts', async () => {
    const ring = createKeyRing(await generateSigningKey({ now: T0 }));
    const created = createPayment({
      paymentId: 'pay-1',
      appId: 'bakery',
      userId: 'user-1',
      request: { orderId: 'order-42', amount: 1_250, currency: 'JPY', description: 'Bread' },
      now: T0,
    });
    const ended = [
      advancePayment(created, { to: 'succeeded' }, T0),
      advancePayment(created, { to: 'cancelled' }, T0),
      ...PAYMENT_FAILURE_REASONS.map((reason) => advancePayment(created, { to: 'failed', reason }, T0)),
    ];
    for (const payment of ended) {
      const facts = receiptFactsOf(payment);
      const { token } = await issueReceipt(ring, facts, { issuer, now: T0, jti: `r-${payment.status}-${payment.failureReason ?? ''}` });
      const claims = await verifyReceipt(token, { jwks: keyRingJwks(ring) }, { issuer, audience: 'bakery', now: T0 });
      expect(claims).to.deep.include({ aud: 'bakery', sub: 'user-1', paymentId: 'pay-1', orderId: 'order-42', amount: 1_250, currency: 'JPY', status: payment.status });
      expect(claims.failureReason).to.equal(payment.failureReason);
    }
  });
});
