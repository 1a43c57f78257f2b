import { PaymentError, PaymentErrorCode } from './errors.ts';
import { validatePayRequest, type PayRequest } from './pay-request.ts';
import { idempotencyKeyOf } from './idempotency.ts';
import type { PayableCurrencyCode } from './currencies.ts';
import {
  assertTransition,
  isTerminalStatus,
  PAYMENT_FAILURE_REASONS,
  type PaymentFailureReason,
  type PaymentStatus,
  type TerminalPaymentStatus,
} from './status-machine.ts';

/** A payment as the host backend stores it. Plain data; every change makes a new record. */
export interface Payment {
  readonly paymentId: string;
  readonly appId: string;
  readonly userId: string;
  readonly orderId: string;
  /** Minor units of `currency`. */
  readonly amount: number;
  readonly currency: PayableCurrencyCode;
  readonly description: string;
  /** The key the store holds unique per (app, user): the app's own, or the one derived from the order. */
  readonly idempotencyKey: string;
  readonly status: PaymentStatus;
  /** Only when `status` is `failed`. */
  readonly failureReason?: PaymentFailureReason;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface CreatePaymentInput {
  /** A fresh id from the backend's random source. */
  paymentId: string;
  appId: string;
  userId: string;
  /** What the app sent; validated again here, so no payment exists with fields the rules refuse. */
  request: PayRequest;
  /** Milliseconds since the epoch. */
  now: number;
}

/** A new payment in `created`. */
export function createPayment({ paymentId, appId, userId, request, now }: CreatePaymentInput): Payment {
  const valid = validatePayRequest(request);
  return Object.freeze({
    paymentId,
    appId,
    userId,
    orderId: valid.orderId,
    amount: valid.amount,
    currency: valid.currency,
    description: valid.description,
    idempotencyKey: idempotencyKeyOf(valid),
    status: 'created',
    createdAt: now,
    updatedAt: now,
  });
}

/** What happened to a payment: the next status, and for a failure, why. */
export type PaymentOutcome =
  | { to: 'awaiting_confirmation' }
  | { to: 'succeeded' }
  | { to: 'cancelled' }
  | { to: 'failed'; reason: PaymentFailureReason };

/** Moves a payment along the status table; throws PAYMENT_FINAL or ILLEGAL_TRANSITION for a move the table lacks. */
export function advancePayment(payment: Payment, outcome: PaymentOutcome, now: number): Payment {
  assertTransition(payment.status, outcome.to);
  if (outcome.to === 'failed') {
    if (!(PAYMENT_FAILURE_REASONS as readonly string[]).includes(outcome.reason)) {
      throw new PaymentError(PaymentErrorCode.ILLEGAL_TRANSITION, 'A failed payment needs one of the known failure reasons');
    }
    return Object.freeze({ ...payment, status: 'failed', failureReason: outcome.reason, updatedAt: now });
  }
  return Object.freeze({ ...payment, status: outcome.to, updatedAt: now });
}

/** The facts a receipt states (the shape `issueReceipt` of src/tokens takes). */
export interface PaymentReceiptFacts {
  appId: string;
  userId: string;
  paymentId: string;
  orderId: string;
  amount: number;
  currency: PayableCurrencyCode;
  status: TerminalPaymentStatus;
  failureReason?: PaymentFailureReason;
}

/** The facts for the receipt of an ended payment; PAYMENT_NOT_FINAL while it is still in progress. */
export function receiptFactsOf(payment: Payment): PaymentReceiptFacts {
  const { status } = payment;
  if (!isTerminalStatus(status)) {
    throw new PaymentError(PaymentErrorCode.PAYMENT_NOT_FINAL, `A receipt is issued once the payment has ended; it is ${status}`);
  }
  return {
    appId: payment.appId,
    userId: payment.userId,
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    amount: payment.amount,
    currency: payment.currency,
    status,
    ...(payment.failureReason === undefined ? {} : { failureReason: payment.failureReason }),
  };
}
