import { PaymentError, PaymentErrorCode } from './errors.ts';
import type { PayRequest } from './pay-request.ts';
import type { Payment } from './payment.ts';

/**
 * The key a request is deduplicated by: the app's idempotency key, or, when it sent none, one
 * derived from the order id, so that every payment is under the store's unique constraint and an
 * order paid without a key is paid at most once. (After a cancelled or failed attempt the same
 * request answers that attempt again; a new attempt needs a new key or a new order id.)
 */
export function idempotencyKeyOf(request: Pick<PayRequest, 'orderId' | 'idempotencyKey'>): string {
  return request.idempotencyKey ?? `order:${request.orderId}`;
}

/**
 * The value the store keeps unique: `appId:userId:idempotencyKey`, each part percent-encoded so
 * that a colon inside one part cannot make two different triples collide.
 */
export function idempotencyScope(appId: string, userId: string, idempotencyKey: string): string {
  return [appId, userId, idempotencyKey].map(encodeURIComponent).join(':');
}

/** The fields a repeated request must match to be the same payment. The description is only a label. */
const SAME_PAYMENT_FIELDS = ['orderId', 'amount', 'currency'] as const;

export type IdempotencyDecision =
  /** No payment holds this key yet: create one under it. */
  | { kind: 'create'; idempotencyKey: string }
  /** The request repeats this payment (a double tap, a retry, a second tab): answer with it as it is now. */
  | { kind: 'existing'; payment: Payment };

/**
 * The idempotency rule. `existing` is the payment the store holds for (app, user, key), if any.
 * A repeat with the same order, amount and currency is that payment, whatever its status; a repeat
 * with any of them changed is IDEMPOTENCY_CONFLICT. Neither is ever a second charge.
 *
 * The backend runs it in one transaction: read by `idempotencyScope`, decide, and on `create`
 * insert under the store's unique constraint. An insert that loses a race (a unique violation)
 * reads the winner and decides again, which answers `existing` or a conflict, never `create`.
 */
export function resolveIdempotency(
  scope: { appId: string; userId: string },
  request: PayRequest,
  existing: Payment | undefined,
): IdempotencyDecision {
  const idempotencyKey = idempotencyKeyOf(request);
  if (existing === undefined) return { kind: 'create', idempotencyKey };
  if (existing.appId !== scope.appId || existing.userId !== scope.userId || existing.idempotencyKey !== idempotencyKey) {
    // The store answered for another key: a bug in the caller, and no reason to pay or to refuse.
    throw new TypeError('resolveIdempotency was given a payment of another app, user or key');
  }
  const changed = SAME_PAYMENT_FIELDS.filter((field) => existing[field] !== request[field]);
  if (changed.length > 0) {
    throw new PaymentError(
      PaymentErrorCode.IDEMPOTENCY_CONFLICT,
      `This idempotency key already belongs to payment ${existing.paymentId} with another ${changed.join(', ')}: use a new key for a new payment`,
      changed[0],
    );
  }
  return { kind: 'existing', payment: existing };
}
