/*
 * The answers of the `payments` bridge methods (the request is `PayRequest`, in pay-request.ts).
 * They belong with the wire contract in src/protocol; they live here until the bridge method is
 * added there.
 */
import type { PayableCurrencyCode } from './currencies.ts';
import type { Payment } from './payment.ts';
import type { PaymentFailureReason, PaymentStatus, TerminalPaymentStatus } from './status-machine.ts';

/** What `payments.pay` resolves with once the payment has ended. */
export interface PayResult {
  status: TerminalPaymentStatus;
  paymentId: string;
  /** The signed receipt (JWT): send it to your backend and verify it there; it, not `status`, is the proof. */
  receipt: string;
  /** Only when `status` is `failed`. */
  failureReason?: PaymentFailureReason;
}

/** What `payments.status(paymentId)` resolves with. */
export interface PaymentStatusResult {
  paymentId: string;
  orderId: string;
  amount: number;
  currency: PayableCurrencyCode;
  status: PaymentStatus;
  failureReason?: PaymentFailureReason;
  /** Present once the payment has ended. */
  receipt?: string;
}

/** The answer to `payments.status` for a stored payment and, once it has ended, its receipt. */
export function paymentStatusResult(payment: Payment, receipt?: string): PaymentStatusResult {
  return {
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    ...(payment.failureReason === undefined ? {} : { failureReason: payment.failureReason }),
    ...(receipt === undefined ? {} : { receipt }),
  };
}
