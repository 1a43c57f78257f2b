/**
 * Payments on the host backend: the acquiring flow simulated (create → the bank's page → maybe a
 * confirmation code → the end), over the pure payments domain. Every move goes through the
 * domain's status machine; an ended payment gets a signed receipt, and every move reaches the
 * user's devices as a `payment.updated` event written in the same transaction.
 */
import {
  advancePayment,
  createPayment,
  idempotencyScope,
  isPaymentError,
  isTerminalStatus,
  paymentStatusResult,
  receiptFactsOf,
  resolveIdempotency,
  validatePayRequest,
  type Payment,
  type PaymentError,
  type PaymentOutcome,
  type PaymentStatusResult,
} from '../payments/index.ts';
import { issueReceipt, signedWithRingKey } from '../tokens/index.ts';
import type { BackendContext } from './context.ts';
import { iso } from './context.ts';
import type { PayBody, PaymentConfirmOutcome, PaymentResponse } from './contract.ts';
import { BackendError } from './errors.ts';
import { requireApp } from './launch-tokens.ts';
import { Audience } from './outbox.ts';
import { randomUuid } from './ports.ts';
import { Collection, type AppRecord, type PaymentPayee, type PaymentRecord } from './records.ts';
import { StoreConstraintError, type StoreTransaction } from './store.ts';

/** The code the simulated bank accepts on its confirmation step. */
export const DEMO_CONFIRMATION_CODE = '123456';

/** How often a move prepared outside the store is tried again when another request moved the payment first. */
const MOVE_ATTEMPTS = 5;

/**
 * Creates the payment a request asks for, or answers with the payment that already holds its
 * idempotency key (see docs/backend.md, "Payments"): one key never pays twice.
 */
export async function startPayment(ctx: BackendContext, appId: string, userId: string, body: PayBody): Promise<PaymentResponse> {
  const request = domainCall(() => validatePayRequest(body));
  const app = await requireApp(ctx, appId);
  const payee = payeeOf(app);
  const now = ctx.clock.now();
  const fresh = createPayment({ paymentId: randomUuid(ctx.random), appId, userId, request, now });
  const scope = idempotencyScope(appId, userId, fresh.idempotencyKey);
  const record: PaymentRecord = { ...fresh, payee, scope, version: 1 };

  // The read inside the transaction answers most repeats; the unique `scope` is what holds when two
  // writers both read nothing (an adapter whose transactions overlap): the loser reads the winner.
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await ctx.store.transaction(async (tx) => {
        const holder = await tx.findUnique<PaymentRecord>(Collection.PAYMENTS, 'scope', scope);
        const decision = domainCall(() => resolveIdempotency({ appId, userId }, request, holder?.value), holder?.value);
        if (decision.kind === 'existing') return holder!.value;
        await tx.put(Collection.PAYMENTS, record.paymentId, record);
        return record;
      });
      return responseOf(await withVerifiableReceipt(ctx, answer));
    } catch (error) {
      if (!(error instanceof StoreConstraintError) || attempt > 0) throw error;
    }
  }
}

/** The user's choice on the bank's page, for a payment still in `created`. */
export function confirmPayment(ctx: BackendContext, userId: string, paymentId: string, outcome: PaymentConfirmOutcome): Promise<PaymentResponse> {
  return movePayment(ctx, userId, paymentId, (payment) => {
    if (payment.status === 'awaiting_confirmation') {
      throw new BackendError('ILLEGAL_TRANSITION', 'The payment awaits its confirmation code: send it to /3ds', { status: payment.status });
    }
    return { outcome: OUTCOMES[outcome] };
  });
}

const OUTCOMES: Readonly<Record<PaymentConfirmOutcome, PaymentOutcome>> = {
  succeed: { to: 'succeeded' },
  decline: { to: 'failed', reason: 'declined' },
  insufficient_funds: { to: 'failed', reason: 'insufficient_funds' },
  require_3ds: { to: 'awaiting_confirmation' },
};

/**
 * The confirmation code for a payment in `awaiting_confirmation`: the right one ends it as
 * succeeded; a wrong one costs an attempt (`WRONG_CODE`), and the last one fails it with
 * `authentication_failed`.
 */
export async function confirmPaymentCode(ctx: BackendContext, userId: string, paymentId: string, code: string): Promise<PaymentResponse> {
  let attemptsLeft = 0;
  const response = await movePayment(ctx, userId, paymentId, (payment) => {
    if (payment.status !== 'awaiting_confirmation') {
      throw isTerminalStatus(payment.status)
        ? finalError(payment)
        : new BackendError('ILLEGAL_TRANSITION', 'No confirmation code was asked for this payment', { status: payment.status });
    }
    if (code === DEMO_CONFIRMATION_CODE) return { outcome: { to: 'succeeded' } };
    attemptsLeft = (payment.confirmationAttemptsLeft ?? 1) - 1;
    if (attemptsLeft <= 0) return { outcome: { to: 'failed', reason: 'authentication_failed' } };
    // A wrong code with tries left moves nothing but the count, which must be kept.
    return { outcome: null, patch: { confirmationAttemptsLeft: attemptsLeft } };
  });
  if (response.status === 'awaiting_confirmation') {
    throw new BackendError('WRONG_CODE', `Wrong code; ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left`, { attemptsLeft });
  }
  return response;
}

/** The user closed the payment screen or abandoned the confirmation step. */
export function cancelPayment(ctx: BackendContext, userId: string, paymentId: string): Promise<PaymentResponse> {
  return movePayment(ctx, userId, paymentId, () => ({ outcome: { to: 'cancelled' } }));
}

/** The bridge's `payments.status` answer, for the payment's own user (and app, when given) only. */
export async function paymentStatus(ctx: BackendContext, userId: string, paymentId: string, appId?: string): Promise<PaymentStatusResult> {
  const record = await ownPayment(ctx, userId, paymentId);
  if (appId !== undefined && record.appId !== appId) throw notFound();
  const current = await withVerifiableReceipt(ctx, record);
  return paymentStatusResult(current, current.receipt);
}

/**
 * The payment with a receipt the published keys verify. A receipt outlives its signing key (keys
 * are retired a day after a rotation), so one whose key is gone is signed again, from the same
 * facts, with the active key, and kept: a partner that asks again gets a receipt it can verify.
 * Its `jti` and `iat` are new; the payment it states is the same (handle receipts by `paymentId`).
 */
async function withVerifiableReceipt(ctx: BackendContext, record: PaymentRecord): Promise<PaymentRecord> {
  if (record.receipt === undefined || signedWithRingKey(await ctx.keys.ring(), record.receipt)) return record;
  const next: PaymentRecord = { ...record, receipt: await signReceipt(ctx, record, ctx.clock.now()), version: record.version + 1 };
  const kept = await ctx.store.transaction(async (tx) => {
    const stored = await tx.get<PaymentRecord>(Collection.PAYMENTS, record.paymentId);
    if (stored?.version !== record.version) return false;
    await tx.put(Collection.PAYMENTS, record.paymentId, next);
    return true;
  });
  // Another request re-signed it first: either receipt verifies, so this one is answered as is.
  return kept ? next : { ...record, receipt: next.receipt };
}

type Move =
  | { outcome: PaymentOutcome; patch?: Partial<PaymentRecord> }
  | { outcome: null; patch: Partial<PaymentRecord> };

/**
 * Reads the payment, lets `decide` choose the move, signs the receipt when the move ends it (outside
 * the transaction: no slow work inside), then commits the move, the receipt and its event together,
 * but only over the version it read. A payment moved meanwhile is read again and decided again.
 */
async function movePayment(ctx: BackendContext, userId: string, paymentId: string, decide: (payment: PaymentRecord) => Move): Promise<PaymentResponse> {
  for (let attempt = 1; ; attempt++) {
    const current = await ownPayment(ctx, userId, paymentId);
    const now = ctx.clock.now();
    const move = decide(current);
    const advanced = move.outcome ? domainCall(() => advancePayment(current, move.outcome!, now), current) : current;
    const next: PaymentRecord = { ...current, ...advanced, ...move.patch, version: current.version + 1 };
    if (next.status === 'awaiting_confirmation' && current.status !== 'awaiting_confirmation') {
      next.confirmationAttemptsLeft = ctx.limits.paymentConfirmationAttempts;
    }
    if (move.outcome && isTerminalStatus(advanced.status)) {
      delete next.confirmationAttemptsLeft;
      next.receipt = await signReceipt(ctx, advanced, now);
      if (releasesKey(advanced)) delete next.scope;
    }
    const committed = await ctx.store.transaction(async (tx) => {
      const stored = await tx.get<PaymentRecord>(Collection.PAYMENTS, paymentId);
      if (!stored || stored.version !== current.version) return false;
      await tx.put(Collection.PAYMENTS, paymentId, next);
      if (move.outcome) await emitUpdate(ctx, tx, next);
      return true;
    });
    if (committed) return responseOf(next);
    if (attempt >= MOVE_ATTEMPTS) throw new BackendError('INTERNAL', 'The payment keeps changing; try again');
  }
}

/**
 * Without an idempotency key of its own, a payment holds its order's default key
 * (`order:<orderId>`) only while it may still succeed or has succeeded: once it failed or was
 * cancelled, the key is let go so the order can be paid again. An app's own key is never let go.
 */
function releasesKey(payment: Payment): boolean {
  return (payment.status === 'failed' || payment.status === 'cancelled') && payment.idempotencyKey === `order:${payment.orderId}`;
}

async function signReceipt(ctx: BackendContext, payment: Payment, now: number): Promise<string> {
  const ring = await ctx.keys.ring();
  const issued = await issueReceipt(ring, receiptFactsOf(payment), { issuer: ctx.issuer, now, jti: randomUuid(ctx.random) });
  return issued.token;
}

async function emitUpdate(ctx: BackendContext, tx: StoreTransaction, record: PaymentRecord): Promise<void> {
  await ctx.outbox.emit(tx, Audience.user(record.userId), 'payment.updated', { ...paymentStatusResult(record, record.receipt), appId: record.appId });
}

async function ownPayment(ctx: BackendContext, userId: string, paymentId: string): Promise<PaymentRecord> {
  const record = await ctx.store.get<PaymentRecord>(Collection.PAYMENTS, paymentId);
  // Another user's payment is "not found", like one that does not exist: ids do not leak.
  if (!record || record.userId !== userId) throw notFound();
  return record;
}

function notFound(): BackendError {
  return new BackendError('PAYMENT_NOT_FOUND', 'No such payment');
}

function payeeOf(app: AppRecord): PaymentPayee {
  if (!app.takesPayments || !app.payee || !app.bankAccount) throw new BackendError('PAYMENTS_DISABLED', `The app "${app.id}" takes no payments`);
  return { legalName: app.payee.legalName, taxId: app.payee.taxId, bankAccount: { ...app.bankAccount } };
}

function responseOf(record: PaymentRecord): PaymentResponse {
  return {
    ...paymentStatusResult(record, record.receipt),
    appId: record.appId,
    description: record.description,
    idempotencyKey: record.idempotencyKey,
    payee: record.payee,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    ...(record.status === 'awaiting_confirmation' ? { confirmation: { attemptsLeft: record.confirmationAttemptsLeft ?? 0 } } : {}),
  };
}

function finalError(payment: Payment): BackendError {
  return new BackendError('PAYMENT_FINAL', `The payment has ended (${payment.status})`, { status: payment.status });
}

/** Runs a domain function, turning its `PaymentError` into the contract's error. */
function domainCall<R>(fn: () => R, payment?: Payment): R {
  try {
    return fn();
  } catch (error) {
    if (isPaymentError(error)) throw backendErrorOf(error, payment);
    throw error;
  }
}

function backendErrorOf(error: PaymentError, payment: Payment | undefined): BackendError {
  switch (error.code) {
    case 'IDEMPOTENCY_CONFLICT':
      return new BackendError('IDEMPOTENCY_CONFLICT', error.message, { field: error.field, paymentId: payment?.paymentId });
    case 'ILLEGAL_TRANSITION':
    case 'PAYMENT_FINAL':
      return new BackendError(error.code, error.message, { status: payment?.status });
    case 'PAYMENT_NOT_FINAL':
      return new BackendError('INTERNAL', error.message);
    default:
      return new BackendError('INVALID_REQUEST', error.message, { issues: [{ path: error.field ?? 'body', message: error.message }], reason: error.code });
  }
}
