import { activeSigningKey, type KeyRing } from './keys.ts';
import { signJwt, verifyJwt, type VerificationKeys } from './jwt.ts';
import { TokenError, TokenErrorCode } from './token-error.ts';

/** The `typ` header of payment receipts: a launch token is never accepted as a receipt, nor the reverse. */
export const RECEIPT_TOKEN_TYPE = 'miniapp-receipt+jwt';

/**
 * The outcomes a receipt can state: the final states of a payment. A payment still in progress
 * gets no receipt, so a receipt never has to be superseded.
 */
export const RECEIPT_STATUSES = ['succeeded', 'failed', 'cancelled'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/**
 * How far in the future a receipt's `iat` may lie, in seconds: the host's and the partner's clocks
 * are never exactly in step, and a receipt is usually verified the moment it is issued.
 */
export const RECEIPT_CLOCK_SKEW_S = 60;

/** The claims of a receipt. `iat` is in seconds since the epoch, as in every JWT. */
export interface ReceiptClaims {
  /** The host that took the payment. */
  iss: string;
  /** The mini-app the payment was for: its app id. */
  aud: string;
  /** The user who paid. */
  sub: string;
  iat: number;
  /** The receipt's own id. The payment is `paymentId`: handle a receipt idempotently by that. */
  jti: string;
  paymentId: string;
  /** The mini-app's order id, as it passed it to `payments.pay`. */
  orderId: string;
  /** In minor units of `currency` (kopecks, cents; yen have none). */
  amount: number;
  /** ISO 4217 alphabetic code. */
  currency: string;
  status: ReceiptStatus;
  /** Why the payment failed; only on `failed` receipts. */
  failureReason?: string;
}

/** The facts a receipt states, as the host's payment record holds them. */
export interface ReceiptFacts {
  appId: string;
  userId: string;
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  status: ReceiptStatus;
  failureReason?: string;
}

export interface IssueReceiptOptions {
  issuer: string;
  /** Milliseconds since the epoch. */
  now: number;
  /** A fresh unique id for this receipt. */
  jti: string;
}

export interface IssuedReceipt {
  token: string;
  claims: ReceiptClaims;
}

const REQUIRED_CLAIMS = ['sub', 'iat', 'jti', 'paymentId', 'orderId', 'amount', 'currency', 'status'] as const;
const STRING_CLAIMS = ['iss', 'aud', 'sub', 'jti', 'paymentId', 'orderId'] as const;
const CURRENCY_CODE = /^[A-Z]{3}$/;
const FAILURE_REASON = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Signs a receipt with the ring's active key. It refuses (as `TokenError` MALFORMED) facts that
 * `verifyReceipt` would refuse, so the host never hands out a receipt no partner can accept.
 */
export async function issueReceipt(ring: KeyRing, facts: ReceiptFacts, options: IssueReceiptOptions): Promise<IssuedReceipt> {
  const claims: ReceiptClaims = {
    iss: options.issuer,
    aud: facts.appId,
    sub: facts.userId,
    iat: Math.floor(options.now / 1000),
    jti: options.jti,
    paymentId: facts.paymentId,
    orderId: facts.orderId,
    amount: facts.amount,
    currency: facts.currency,
    status: facts.status,
    ...(facts.failureReason === undefined ? {} : { failureReason: facts.failureReason }),
  };
  checkReceiptClaims(claims as unknown as Record<string, unknown>);
  const token = await signJwt({ typ: RECEIPT_TOKEN_TYPE, key: activeSigningKey(ring), claims: { ...claims } });
  return { token, claims };
}

export interface VerifyReceiptOptions {
  /** The host's issuer id. */
  issuer: string;
  /** Your app id: a receipt for another app is refused. */
  audience: string;
  /** Milliseconds since the epoch. */
  now: number;
}

/**
 * Verifies a receipt and returns its claims, or throws a `TokenError` whose `code` says why: only
 * ES256, the receipt `typ`, the issuer, the audience, every required claim with its type.
 *
 * A receipt has no `exp`: it is the proof of a past fact (this payment ended this way), which does
 * not stop being true, and a partner may need to check it days later (a delayed webhook, a support
 * case). What it must not do is claim a time that has not come yet: an `iat` more than
 * `RECEIPT_CLOCK_SKEW_S` ahead of `now` is refused as NOT_YET_VALID. Replays are harmless when the
 * partner handles receipts idempotently by `paymentId`.
 */
export async function verifyReceipt(token: string, keys: VerificationKeys, options: VerifyReceiptOptions): Promise<ReceiptClaims> {
  const payload = await verifyJwt(token, {
    ...keys,
    typ: RECEIPT_TOKEN_TYPE,
    issuer: options.issuer,
    audience: options.audience,
    requiredClaims: REQUIRED_CLAIMS,
    now: options.now,
  });
  const claims = checkReceiptClaims(payload);
  if (claims.iat > options.now / 1000 + RECEIPT_CLOCK_SKEW_S) {
    throw new TokenError(TokenErrorCode.NOT_YET_VALID, 'The receipt claims to be issued in the future', 'iat');
  }
  return claims;
}

function checkReceiptClaims(payload: Record<string, unknown>): ReceiptClaims {
  for (const claim of STRING_CLAIMS) {
    if (typeof payload[claim] !== 'string' || payload[claim] === '') throw malformed(claim);
  }
  if (!Number.isSafeInteger(payload.iat)) throw malformed('iat');
  const amount = payload.amount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) throw malformed('amount');
  if (typeof payload.currency !== 'string' || !CURRENCY_CODE.test(payload.currency)) throw malformed('currency');
  if (!(RECEIPT_STATUSES as readonly unknown[]).includes(payload.status)) throw malformed('status');
  const reason = payload.failureReason;
  if (payload.status === 'failed') {
    if (reason === undefined) throw new TokenError(TokenErrorCode.MISSING_CLAIM, 'A failed payment\'s receipt says why it failed', 'failureReason');
    if (typeof reason !== 'string' || !FAILURE_REASON.test(reason)) throw malformed('failureReason');
  } else if (reason !== undefined) {
    throw malformed('failureReason');
  }
  return payload as unknown as ReceiptClaims;
}

function malformed(claim: string): TokenError {
  return new TokenError(TokenErrorCode.MALFORMED, `Claim "${claim}" is missing or has the wrong type or value`, claim);
}
