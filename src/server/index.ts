/**
 * For partner backends (Node 20+): verify the launch token a mini-app sends you, and the receipt
 * of a payment it took, against the host's published keys. See docs/partner-backend.md.
 */
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import {
  verifyLaunchToken as verifyWithKeys,
  verifyReceipt as verifyReceiptWithKeys,
  type LaunchTokenClaims,
  type ReceiptClaims,
  type VerifyLaunchTokenOptions as TokenOptions,
} from '../tokens/index.ts';

export { profileFromClaims, TokenError, TokenErrorCode, isTokenError, LAUNCH_TOKEN_TYPE } from '../tokens/index.ts';
export type { LaunchTokenClaims } from '../tokens/index.ts';
export { RECEIPT_TOKEN_TYPE, RECEIPT_STATUSES } from '../tokens/index.ts';
export type { ReceiptClaims, ReceiptStatus } from '../tokens/index.ts';

export interface VerifyLaunchTokenOptions {
  /** The host's JWKS URL, e.g. `https://host.example/api/.well-known/jwks.json` (fetched and cached). */
  jwksUrl?: string | URL;
  /** Or the key set itself. */
  jwks?: JSONWebKeySet;
  /** The host's issuer id (`iss`). */
  issuer: string;
  /** Your app id (`aud`). */
  audience: string;
  /** Milliseconds since the epoch; the real time when omitted. */
  now?: number;
  /** Revocation check, e.g. `revocationChecker(apiUrl)`. Without it, a replaced token stays valid until it expires. */
  isRevoked?: TokenOptions['isRevoked'];
}

const remoteSets = new Map<string, JWTVerifyGetKey>();

/** One cached remote key set per URL: keys are fetched once, and again when an unknown `kid` shows up. */
function remoteKeys(url: string | URL): JWTVerifyGetKey {
  const href = new URL(url).href;
  let keys = remoteSets.get(href);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(href));
    remoteSets.set(href, keys);
  }
  return keys;
}

/**
 * Verifies a launch token and returns its claims (user id in `sub`, `phone`, `name`, `premises`,
 * `object`), or throws a `TokenError` whose `code` says why.
 */
export function verifyLaunchToken(token: string, options: VerifyLaunchTokenOptions): Promise<LaunchTokenClaims> {
  const { jwksUrl, jwks, ...rest } = options;
  return verifyWithKeys(token, { ...rest, getKey: keysFrom(jwksUrl, jwks) });
}

export interface VerifyReceiptOptions {
  /** The host's JWKS URL (fetched and cached, shared with `verifyLaunchToken`). */
  jwksUrl?: string | URL;
  /** Or the key set itself. */
  jwks?: JSONWebKeySet;
  /** The host's issuer id (`iss`). */
  issuer: string;
  /** Your app id (`aud`): a receipt for another app is refused. */
  audience: string;
  /** Milliseconds since the epoch; the real time when omitted. */
  now?: number;
}

/**
 * Verifies a payment receipt and returns its claims (`paymentId`, `orderId`, `amount` in minor
 * units, `currency`, `status`, `failureReason`), or throws a `TokenError` whose `code` says why.
 * Then compare `orderId`, `amount` and `currency` with your own order before marking it paid.
 */
export function verifyReceipt(token: string, options: VerifyReceiptOptions): Promise<ReceiptClaims> {
  const { jwksUrl, jwks, now, ...rest } = options;
  return verifyReceiptWithKeys(token, { getKey: keysFrom(jwksUrl, jwks) }, { ...rest, now: now ?? Date.now() });
}

function keysFrom(jwksUrl: string | URL | undefined, jwks: JSONWebKeySet | undefined): JWTVerifyGetKey {
  if ((jwksUrl === undefined) === (jwks === undefined)) {
    throw new TypeError('Pass exactly one of jwksUrl or jwks');
  }
  return jwksUrl !== undefined ? remoteKeys(jwksUrl) : createLocalJWKSet(jwks!);
}

/**
 * Asks the host whether a token was revoked (`GET {apiUrl}/tokens/{jti}`). An unknown token counts
 * as revoked; a host that cannot be reached makes the check throw.
 */
export function revocationChecker(apiUrl: string | URL, fetchImpl: typeof fetch = fetch): (jti: string) => Promise<boolean> {
  const root = new URL(apiUrl).href.replace(/\/+$/, '');
  return async (jti) => {
    const response = await fetchImpl(`${root}/tokens/${encodeURIComponent(jti)}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return true;
    if (!response.ok) throw new Error(`Token status check failed: HTTP ${response.status}`);
    const { status } = (await response.json()) as { status?: string };
    return status !== 'valid';
  };
}
