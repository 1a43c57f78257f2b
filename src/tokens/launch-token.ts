import type { UserProfile } from '../protocol/index.ts';
import type { SigningKey } from './keys.ts';
import { signJwt, verifyJwt, type VerificationKeys } from './jwt.ts';
import { TokenError, TokenErrorCode } from './token-error.ts';

/** The `typ` header of launch tokens; other token kinds (receipts) use their own. */
export const LAUNCH_TOKEN_TYPE = 'miniapp-launch+jwt';

/** A launch token lives a day, or until the next one for the same user and app. */
export const LAUNCH_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** The claims of a launch token. Times are seconds since the epoch, as in every JWT. */
export interface LaunchTokenClaims {
  /** The host that issued it. */
  iss: string;
  /** The mini-app it was issued for. */
  aud: string;
  /** The user id. */
  sub: string;
  iat: number;
  nbf: number;
  exp: number;
  /** Unique id, for revocation checks. */
  jti: string;
  name: string;
  /** E.164; the partner's key to link the user with its own records. */
  phone: string;
  premises?: { id: string; title: string };
  object?: { id: string; title: string };
  /** Set on tokens a partner generated to test without a widget. */
  test?: true;
}

const REQUIRED_CLAIMS = ['sub', 'iat', 'nbf', 'exp', 'jti', 'name', 'phone'] as const;

export interface IssueLaunchTokenOptions {
  issuer: string;
  appId: string;
  profile: UserProfile;
  key: SigningKey;
  /** Milliseconds since the epoch. */
  now: number;
  /** The id of the token currently registered for this user and app, if any. */
  currentJti?: string;
  /** A fresh id; a random UUID when omitted. */
  jti?: string;
  test?: boolean;
}

export interface IssuedLaunchToken {
  token: string;
  claims: LaunchTokenClaims;
  /** The token this one replaces: the registry must mark it revoked. */
  revokes?: string;
}

/**
 * Signs a launch token for a user and an app. It does not touch any registry: the caller stores
 * the new `jti` as current for (user, app) and revokes `revokes`, in one transaction.
 */
export async function issueLaunchToken(options: IssueLaunchTokenOptions): Promise<IssuedLaunchToken> {
  const { profile } = options;
  const iat = Math.floor(options.now / 1000);
  const claims: LaunchTokenClaims = {
    iss: options.issuer,
    aud: options.appId,
    sub: profile.id,
    iat,
    nbf: iat,
    exp: iat + LAUNCH_TOKEN_TTL_MS / 1000,
    jti: options.jti ?? crypto.randomUUID(),
    name: profile.name,
    phone: profile.phone,
    ...(profile.premises ? { premises: { ...profile.premises } } : {}),
    ...(profile.object ? { object: { ...profile.object } } : {}),
    ...(options.test ? { test: true as const } : {}),
  };
  const token = await signJwt({ typ: LAUNCH_TOKEN_TYPE, key: options.key, claims: { ...claims } });
  return options.currentJti === undefined ? { token, claims } : { token, claims, revokes: options.currentJti };
}

export type VerifyLaunchTokenOptions = VerificationKeys & {
  /** The host's issuer id. */
  issuer: string;
  /** Your app id. */
  audience: string;
  /** Milliseconds since the epoch; the real time when omitted. */
  now?: number;
  /** Asks the issuer's registry; a `true` answer refuses the token as REVOKED. */
  isRevoked?: (jti: string) => boolean | Promise<boolean>;
};

/**
 * Verifies a launch token and returns its claims, or throws a `TokenError` whose `code` says why:
 * only ES256, the launch `typ`, the issuer, the audience, the time window, every required claim.
 */
export async function verifyLaunchToken(token: string, options: VerifyLaunchTokenOptions): Promise<LaunchTokenClaims> {
  const payload = await verifyJwt(token, { ...options, typ: LAUNCH_TOKEN_TYPE, requiredClaims: REQUIRED_CLAIMS });
  const claims = checkLaunchClaims(payload);
  if (options.isRevoked && (await options.isRevoked(claims.jti))) {
    throw new TokenError(TokenErrorCode.REVOKED, 'The token was revoked: a newer one was issued for this user and app', 'jti');
  }
  return claims;
}

/** The profile a launch token carries, in the shape the bridge hands to mini-apps. */
export function profileFromClaims(claims: LaunchTokenClaims): UserProfile {
  return {
    id: claims.sub,
    name: claims.name,
    phone: claims.phone,
    ...(claims.premises ? { premises: { ...claims.premises } } : {}),
    ...(claims.object ? { object: { ...claims.object } } : {}),
  };
}

function checkLaunchClaims(payload: Record<string, unknown>): LaunchTokenClaims {
  for (const claim of ['iss', 'aud', 'sub', 'jti', 'name', 'phone']) {
    if (typeof payload[claim] !== 'string') throw malformed(claim);
  }
  for (const place of ['premises', 'object']) {
    const value = payload[place];
    if (value === undefined) continue;
    if (!isRecord(value) || typeof value.id !== 'string' || typeof value.title !== 'string') throw malformed(place);
  }
  if (payload.test !== undefined && payload.test !== true) throw malformed('test');
  return payload as unknown as LaunchTokenClaims;
}

function malformed(claim: string): TokenError {
  return new TokenError(TokenErrorCode.MALFORMED, `Claim "${claim}" has the wrong type`, claim);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
