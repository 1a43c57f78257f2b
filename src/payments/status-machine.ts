import { PaymentError, PaymentErrorCode } from './errors.ts';

/**
 * Where a payment is in the acquiring flow: `created` (the host made it and opened its payment
 * screen), `awaiting_confirmation` (the bank asked the user to confirm: a 3-D Secure-like step),
 * then one of the final states.
 */
export const PAYMENT_STATUSES = ['created', 'awaiting_confirmation', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The final states: a payment that reached one never moves again, and only these get a receipt. */
export const TERMINAL_PAYMENT_STATUSES = ['succeeded', 'failed', 'cancelled'] as const satisfies readonly PaymentStatus[];
export type TerminalPaymentStatus = (typeof TERMINAL_PAYMENT_STATUSES)[number];

/** Why a payment failed, as the receipt and the app see it. More may be added: treat an unknown one as a failure. */
export const PAYMENT_FAILURE_REASONS = [
  /** The bank refused the card or the account. */
  'declined',
  'insufficient_funds',
  /** The user did not pass the confirmation step (wrong code, refused in the bank's app). */
  'authentication_failed',
  /** The confirmation step was not completed in time. */
  'confirmation_timeout',
  /** The bank or the acquirer could not be reached or answered with an error: a technical failure. */
  'bank_unavailable',
] as const;
export type PaymentFailureReason = (typeof PAYMENT_FAILURE_REASONS)[number];

/** One legal move of the status machine, with the event that causes it. */
export interface PaymentTransition {
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;
  readonly when: string;
}

const move = (from: PaymentStatus, to: PaymentStatus, when: string): PaymentTransition => Object.freeze({ from, to, when });

/**
 * The status machine, in one table. A move that is not a row here is refused; nothing leaves a
 * final state. A payment may end straight from `created`: most payments need no confirmation step
 * (a frictionless authentication, a saved card), some are declined at once, and the user may close
 * the payment screen before the bank answers.
 */
export const PAYMENT_TRANSITIONS: readonly PaymentTransition[] = Object.freeze([
  move('created', 'awaiting_confirmation', 'the bank asks the user to confirm the payment'),
  move('created', 'succeeded', 'the bank authorises without a confirmation step'),
  move('created', 'failed', 'the bank declines, or cannot be reached'),
  move('created', 'cancelled', 'the user closes the payment screen'),
  move('awaiting_confirmation', 'succeeded', 'the user confirms and the bank authorises'),
  move('awaiting_confirmation', 'failed', 'the confirmation fails or times out, or the bank declines'),
  move('awaiting_confirmation', 'cancelled', 'the user abandons the confirmation step'),
]);

export function isTerminalStatus(status: PaymentStatus): status is TerminalPaymentStatus {
  return (TERMINAL_PAYMENT_STATUSES as readonly PaymentStatus[]).includes(status);
}

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS.some((row) => row.from === from && row.to === to);
}

/** Throws PAYMENT_FINAL (from a final state) or ILLEGAL_TRANSITION (no such row) unless the move is in the table. */
export function assertTransition(from: PaymentStatus, to: PaymentStatus): void {
  if (canTransition(from, to)) return;
  if (isTerminalStatus(from)) {
    throw new PaymentError(PaymentErrorCode.PAYMENT_FINAL, `The payment has ended (${from}): it cannot become ${to}`);
  }
  throw new PaymentError(PaymentErrorCode.ILLEGAL_TRANSITION, `A payment cannot go from ${from} to ${to}`);
}
