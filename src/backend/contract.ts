/**
 * The host backend's HTTP contract: routes, bodies and their schemas. The runtime's client and
 * the backend implementation both read it; docs/backend.md describes the same in prose.
 */
import * as v from 'valibot';
import type { JSONWebKeySet } from 'jose';
import type { UserProfile } from '../protocol/index.ts';

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
} as const;

const phone = v.pipe(
  v.string('The phone must be a string'),
  v.transform((input) => input.replace(/[\s()-]/g, '')),
  v.regex(/^\+[1-9]\d{7,14}$/, 'The phone must be in international format, e.g. +79991234567'),
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

/** Path parameters. */
export const AppIdParam = id;
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

/** Domain events the backend emits now (push and chat add theirs). */
export interface LiveEventTypes {
  /** The user accepted an app's offer (on this or another device). */
  'offer.accepted': { appId: string; version: number };
  /** A launch token of the user was revoked because a new one was issued. */
  'launchToken.revoked': { appId: string; jti: string };
}
