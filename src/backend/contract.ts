/**
 * The host backend's HTTP contract: routes, bodies and their schemas. The runtime's client and
 * the backend implementation both read it; docs/backend.md describes the same in prose.
 */
import * as v from 'valibot';
import type { JSONWebKeySet } from 'jose';
import type { PaymentStatusResult } from '../payments/index.ts';
import { LIMITS, type PushResult, type UserProfile } from '../protocol/index.ts';
import type { PaymentPayee } from './records.ts';

/** Every route lives under this path on the host's origin. */
export const API_PREFIX = '/api';

/** Method and path of each route, relative to `API_PREFIX`. */
export const ROUTES = {
  requestCode: 'POST /auth/code',
  signIn: 'POST /auth/session',
  signOut: 'DELETE /auth/session',
  me: 'GET /me',
  issueLaunchToken: 'POST /apps/:appId/launch-token',
  jwks: 'GET /.well-known/jwks.json',
  tokenStatus: 'GET /tokens/:jti',
  offer: 'GET /apps/:appId/offer',
  offerAcceptance: 'GET /apps/:appId/offer/acceptance',
  acceptOffer: 'PUT /apps/:appId/offer/acceptance',
  issueTestToken: 'POST /partner/apps/:appId/test-tokens',
  publishOffer: 'PUT /partner/apps/:appId/offer',
  events: 'GET /events',
  createPayment: 'POST /apps/:appId/payments',
  payment: 'GET /payments/:paymentId',
  confirmPayment: 'POST /payments/:paymentId/confirm',
  confirmPaymentCode: 'POST /payments/:paymentId/3ds',
  cancelPayment: 'POST /payments/:paymentId/cancel',
  sendPush: 'POST /apps/:appId/push',
  storageGet: 'POST /apps/:appId/storage/get',
  storageSet: 'PUT /apps/:appId/storage',
  storageRemove: 'POST /apps/:appId/storage/remove',
  storageKeys: 'GET /apps/:appId/storage/keys',
} as const;

/**
 * A phone as people type it, in E.164 where it can be told: separators dropped, `00` read as `+`,
 * and the Russian forms completed (`8 999 …` and `7999…` with 11 digits, `999…` with 10). Anything
 * else comes back without separators, for the schema to refuse with its message.
 */
export function normalisePhone(input: string): string {
  const compact = input.trim().replace(/[\s().\u00a0\u2010-\u2015-]/g, '');
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (/^[78]\d{10}$/.test(compact)) return `+7${compact.slice(1)}`;
  if (/^9\d{9}$/.test(compact)) return `+7${compact}`;
  return compact;
}

const phone = v.pipe(
  v.string('The phone must be a string'),
  v.maxLength(64, 'The phone is too long'),
  v.transform(normalisePhone),
  v.regex(/^\+[1-9]\d{7,14}$/, 'The phone must be a Russian number such as 8 999 000-00-01, or in international format, e.g. +79991234567'),
);

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'An id is 1–64 letters, digits, dots, hyphens or underscores'));

export const RequestCodeBody = v.strictObject({ phone });
export type RequestCodeBody = v.InferInput<typeof RequestCodeBody>;

export const SignInBody = v.strictObject({
  phone,
  code: v.pipe(v.string('The code must be a string'), v.trim(), v.regex(/^\d{4,8}$/, 'The code is 4–8 digits')),
});
export type SignInBody = v.InferInput<typeof SignInBody>;

export const AcceptOfferBody = v.strictObject({
  version: v.pipe(v.number('The version must be a number'), v.integer(), v.minValue(1)),
});
export type AcceptOfferBody = v.InferInput<typeof AcceptOfferBody>;

export const TestTokenBody = v.strictObject({
  userId: id,
  premisesId: v.optional(id),
});
export type TestTokenBody = v.InferInput<typeof TestTokenBody>;

export const PublishOfferBody = v.strictObject({
  title: v.pipe(v.string(), v.trim(), v.minLength(1, 'The title is required'), v.maxLength(200)),
  text: v.pipe(v.string(), v.trim(), v.minLength(1, 'The text is required'), v.maxLength(100_000)),
  url: v.optional(v.pipe(v.string(), v.url('The url must be an absolute URL'))),
});
export type PublishOfferBody = v.InferInput<typeof PublishOfferBody>;

/**
 * A live-channel cursor: the decimal number of an outbox event (`0` = before the first one). In
 * the `after` query parameter or the `Last-Event-ID` header of `GET /events`.
 */
export const EventCursor = v.pipe(
  v.string('The cursor must be a string'),
  v.regex(/^(0|[1-9][0-9]{0,15})$/, 'A cursor is the decimal id of the last event received, e.g. "42" (0 for the beginning)'),
  v.transform(Number),
  v.check((cursor: number) => Number.isSafeInteger(cursor), 'The cursor is out of range'),
);

/**
 * Text of at most `max` characters (code points, as a reader counts them), one line. The UTF-16
 * length is checked first, so a huge string is refused before it is split or scanned.
 */
const line = (max: number) =>
  v.pipe(
    v.string('Must be a string'),
    v.maxLength(max * 2, `At most ${max} characters`),
    v.check((value) => [...value].length <= max, `At most ${max} characters`),
    v.check((value) => !UNSAFE_TEXT.test(value), 'No control characters, line breaks or direction overrides'),
  );
const UNSAFE_TEXT = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const filledLine = (max: number) => v.pipe(line(max), v.check((value) => value.trim() !== '', 'Must not be blank'));
/** An id an app chooses: 1–128 of `A–Z a–z 0–9 . _ : -`. */
const appChosenId = v.pipe(
  v.string('Must be a string'),
  v.maxLength(128, 'At most 128 characters'),
  v.regex(/^[A-Za-z0-9._:-]+$/, 'Only letters, digits and . _ : -'),
);

/**
 * `payments.pay` as the host forwards it. Here only types and sizes are checked; the payments
 * domain (`validatePayRequest`) then applies its rules (ISO 4217, minor units, the id alphabet).
 */
export const PayBody = v.strictObject({
  orderId: v.pipe(v.string('The order id must be a string'), v.maxLength(128, 'At most 128 characters')),
  amount: v.number('The amount must be a number of minor units'),
  currency: v.pipe(v.string('The currency must be an ISO 4217 code'), v.maxLength(8, 'An ISO 4217 code has 3 letters')),
  description: v.pipe(v.string('The description must be a string'), v.maxLength(1024, 'At most 255 characters')),
  idempotencyKey: v.optional(v.pipe(v.string('The idempotency key must be a string'), v.maxLength(128, 'At most 128 characters'))),
});
export type PayBody = v.InferInput<typeof PayBody>;

/** The user's choice on the (simulated) bank page. */
export const PAYMENT_CONFIRM_OUTCOMES = ['succeed', 'decline', 'insufficient_funds', 'require_3ds'] as const;
export type PaymentConfirmOutcome = (typeof PAYMENT_CONFIRM_OUTCOMES)[number];

export const ConfirmPaymentBody = v.strictObject({
  outcome: v.picklist(PAYMENT_CONFIRM_OUTCOMES, `The outcome is one of ${PAYMENT_CONFIRM_OUTCOMES.join(', ')}`),
});
export type ConfirmPaymentBody = v.InferInput<typeof ConfirmPaymentBody>;

export const ConfirmPaymentCodeBody = v.strictObject({
  code: v.pipe(v.string('The code must be a string'), v.maxLength(16, 'The code is 4–8 digits'), v.regex(/^\d{4,8}$/, 'The code is 4–8 digits')),
});
export type ConfirmPaymentCodeBody = v.InferInput<typeof ConfirmPaymentCodeBody>;

/** The JSON size of `data` in UTF-8 bytes is at most `max` (the UTF-16 length is looked at first). */
function jsonBytesAtMost(data: unknown, max: number): boolean {
  const json = JSON.stringify(data);
  return json.length <= max && new TextEncoder().encode(json).length <= max;
}

/** `push.send` as the host forwards it (SPEC limits: `LIMITS.push`). */
export const PushBody = v.strictObject({
  title: filledLine(LIMITS.push.title),
  body: line(LIMITS.push.body),
  route: v.optional(v.pipe(line(512), v.startsWith('/', 'A route starts with /'))),
  anchor: v.optional(v.pipe(line(128), v.regex(/^[^\s#]*$/, 'An anchor has no spaces or #'))),
  data: v.optional(
    v.pipe(
      v.custom<Record<string, unknown>>((data) => typeof data === 'object' && data !== null && !Array.isArray(data), 'data must be an object'),
      v.check((data) => jsonBytesAtMost(data, LIMITS.push.dataBytes), `data must be JSON of at most ${LIMITS.push.dataBytes} bytes`),
    ),
  ),
  id: v.optional(appChosenId),
});
export type PushBody = v.InferInput<typeof PushBody>;

/** Keys and values are counted in UTF-16 code units, as `String.length` counts them. */
const storageKey = v.pipe(
  v.string('A key must be a string'),
  v.minLength(1, 'A key is not empty'),
  v.maxLength(LIMITS.storage.keyLength, `A key has at most ${LIMITS.storage.keyLength} characters`),
);
/** At most this many keys are read or removed in one request. */
export const STORAGE_KEYS_PER_REQUEST = 100;

export const StorageKeysBody = v.strictObject({
  keys: v.pipe(
    v.array(storageKey, 'keys must be an array of strings'),
    v.minLength(1, 'At least one key'),
    v.maxLength(STORAGE_KEYS_PER_REQUEST, `At most ${STORAGE_KEYS_PER_REQUEST} keys at a time`),
  ),
});
export type StorageKeysBody = v.InferInput<typeof StorageKeysBody>;

export const StorageSetBody = v.strictObject({
  key: storageKey,
  value: v.pipe(
    v.string('A value must be a string'),
    v.maxLength(LIMITS.storage.valueLength, `A value has at most ${LIMITS.storage.valueLength} characters`),
  ),
});
export type StorageSetBody = v.InferInput<typeof StorageSetBody>;

/** Path parameters. */
export const AppIdParam = id;
/** Payment ids are UUIDs; anything in the id alphabet is looked up (and not found), anything else refused. */
export const PaymentIdParam = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._:-]{1,128}$/, 'Not a payment id'));
export const JtiParam = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,128}$/, 'Not a token id'));

export interface CodeSentResponse {
  /** The phone, normalised. */
  phone: string;
  /** ISO 8601: the code stops working then. */
  expiresAt: string;
  /** ISO 8601: the earliest time another code may be requested. */
  resendAt: string;
  codeLength: number;
}

export interface SessionResponse {
  /** The bearer token for `Authorization: Bearer …`. */
  sessionToken: string;
  /** ISO 8601. */
  expiresAt: string;
  user: UserProfile;
}

export interface MeResponse {
  user: UserProfile;
  /** ISO 8601. */
  sessionExpiresAt: string;
}

export interface LaunchTokenResponse {
  /** The JWT (ES256, `typ: miniapp-launch+jwt`). */
  token: string;
  jti: string;
  /** ISO 8601. */
  expiresAt: string;
  profile: UserProfile;
  /** The token this one replaced, now revoked. */
  revoked?: string;
}

export type TokenStatus = 'valid' | 'revoked' | 'expired';

export interface TokenStatusResponse {
  jti: string;
  appId: string;
  userId: string;
  status: TokenStatus;
  test: boolean;
  issuedAt: string;
  expiresAt: string;
  revokedAt?: string;
}

export interface OfferResponse {
  appId: string;
  /** Grows by one each time the partner replaces the offer. */
  version: number;
  title: string;
  text: string;
  url?: string;
  publishedAt: string;
}

export interface OfferAcceptanceResponse {
  appId: string;
  currentVersion: number;
  /** The version this user accepted last, or null. */
  acceptedVersion: number | null;
  /** True when the user accepted the current version. */
  accepted: boolean;
  acceptedAt: string | null;
}

export type JwksResponse = JSONWebKeySet;

/**
 * The live channel's messages (`GET /events`, `text/event-stream`). Each has `id: <cursor>`; the
 * SSE `event` field is the event type for domain events (dotted: `offer.accepted`), or one of the
 * channel's own `ready` and `reset`.
 */
export interface LiveEvent<T = unknown> {
  /** Compare as numbers; remember the last one to resume after it. */
  cursor: string;
  type: string;
  /** ISO 8601: when the change was committed. */
  at: string;
  data: T;
}

/** Sent once the backlog is served: live from here. */
export interface LiveReady {
  cursor: string;
}

/**
 * The cursor is too old (events after it were pruned) or unknown (the outbox was reset): events
 * may be missing, so reload the state from the routes, then carry on from `cursor`.
 */
export interface LiveReset {
  reason: 'pruned' | 'unknown-cursor';
  cursor: string;
}

/**
 * A payment as the host's payment screen needs it: the status answer of the bridge plus what the
 * screen shows (description, payee) and, while a code is awaited, how many tries are left.
 */
export interface PaymentResponse extends PaymentStatusResult {
  appId: string;
  description: string;
  /** The app's idempotency key, or `order:<orderId>` when it sent none. */
  idempotencyKey: string;
  payee: PaymentPayee;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  /** Only while `status` is `awaiting_confirmation`. */
  confirmation?: { attemptsLeft: number };
}

export type PushResponse = PushResult;

/** What the user's devices receive for a push (`push.received`); the host keeps none of it. */
export interface PushEvent {
  id: string;
  appId: string;
  title: string;
  body: string;
  route?: string;
  anchor?: string;
  data?: Record<string, unknown>;
  /** ISO 8601. */
  sentAt: string;
}

export interface StorageValuesResponse {
  /** Every key asked for: its value, or null when the app keeps nothing under it. */
  values: Record<string, string | null>;
}

export interface StorageKeysResponse {
  /** In code-unit order. */
  keys: string[];
}

/** Domain events the backend emits now (chat adds its own). */
export interface LiveEventTypes {
  /** A payment of the user moved (to `awaiting_confirmation` or an end; the receipt once ended). */
  'payment.updated': PaymentStatusResult & { appId: string };
  /** A push from an app to the user. */
  'push.received': PushEvent;
  /** The user accepted an app's offer (on this or another device). */
  'offer.accepted': { appId: string; version: number };
  /** A launch token of the user was revoked because a new one was issued. */
  'launchToken.revoked': { appId: string; jti: string };
}
