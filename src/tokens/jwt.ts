import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { SIGNING_ALGORITHM, type SigningKey } from './keys.ts';
import { TokenError, TokenErrorCode } from './token-error.ts';

/** Where verification finds the public key: a JWKS, one key, or a resolver (e.g. a remote JWKS). */
export type VerificationKeys =
  | { jwks: JSONWebKeySet; key?: never; getKey?: never }
  | { key: CryptoKey | JWK; jwks?: never; getKey?: never }
  | { getKey: JWTVerifyGetKey; jwks?: never; key?: never };

export interface SignJwtOptions {
  /** The `typ` header, e.g. `miniapp-launch+jwt`; verification insists on it. */
  typ: string;
  key: SigningKey;
  claims: JWTPayload;
}

/** Signs claims as a compact JWS (ES256), naming the key in `kid`. */
export function signJwt({ typ, key, claims }: SignJwtOptions): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: SIGNING_ALGORITHM, typ, kid: key.kid }).sign(key.privateKey);
}

export type VerifyJwtOptions = VerificationKeys & {
  typ: string;
  issuer: string;
  audience: string;
  /** Claims that must be present besides `iss` and `aud`. */
  requiredClaims: readonly string[];
  /** Milliseconds since the epoch; the real time when omitted. */
  now?: number;
};

/**
 * Verifies signature, algorithm, type, issuer, audience and time claims; every refusal is a
 * `TokenError` whose code says why.
 */
export async function verifyJwt(token: string, options: VerifyJwtOptions): Promise<JWTPayload> {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new TokenError(TokenErrorCode.MALFORMED, 'Not a compact JWS (three dot-separated parts)');
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw new TokenError(TokenErrorCode.MALFORMED, 'The token header is not valid base64url JSON', undefined, { cause });
  }
  // Checked before any key is looked at: `none` and HMAC keyed with our public key never get that far.
  if (header.alg !== SIGNING_ALGORITHM) {
    throw new TokenError(TokenErrorCode.UNSUPPORTED_ALGORITHM, `Algorithm ${String(header.alg)} is not accepted; only ${SIGNING_ALGORITHM}`);
  }
  try {
    const { payload } = await jwtVerify(token, keyResolver(options), {
      algorithms: [SIGNING_ALGORITHM],
      typ: options.typ,
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: [...options.requiredClaims],
      ...(options.now === undefined ? {} : { currentDate: new Date(options.now) }),
    });
    return payload;
  } catch (error) {
    throw toTokenError(error);
  }
}

function keyResolver(options: VerificationKeys): JWTVerifyGetKey | CryptoKey | JWK {
  if (options.getKey) return options.getKey;
  if (options.jwks) return createLocalJWKSet(options.jwks);
  const key = options.key;
  const kid = 'kid' in key && typeof key.kid === 'string' ? key.kid : undefined;
  if (kid === undefined) return key;
  // A single key with an id answers only the tokens that name it.
  return (header) => {
    if (header.kid !== undefined && header.kid !== kid) {
      throw new errors.JWKSNoMatchingKey();
    }
    return key;
  };
}

const claimCodes: Record<string, TokenErrorCode> = {
  nbf: TokenErrorCode.NOT_YET_VALID,
  aud: TokenErrorCode.WRONG_AUDIENCE,
  iss: TokenErrorCode.WRONG_ISSUER,
  typ: TokenErrorCode.WRONG_TYPE,
};

/** Maps jose's refusals to our codes; failures that say nothing about the token (a JWKS that cannot be fetched) pass through. */
function toTokenError(error: unknown): unknown {
  if (error instanceof TokenError) return error;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return error;
  // jose's plain JOSEError (no subclass) is a key set answered with an HTTP error: nothing about the token.
  if (error instanceof errors.JOSEError && error.constructor === errors.JOSEError) return error;
  const fail = (code: TokenErrorCode, message: string, claim?: string) => new TokenError(code, message, claim, { cause: error });
  if (error instanceof errors.JWTExpired) return fail(TokenErrorCode.EXPIRED, 'The token has expired', 'exp');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return fail(TokenErrorCode.MISSING_CLAIM, `Missing claim "${error.claim}"`, error.claim);
    if (error.reason === 'invalid') return fail(TokenErrorCode.MALFORMED, `Claim "${error.claim}" has the wrong type`, error.claim);
    const code = claimCodes[error.claim];
    if (code) return fail(code, error.message, error.claim);
    return fail(TokenErrorCode.MALFORMED, error.message, error.claim);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return fail(TokenErrorCode.BAD_SIGNATURE, 'The signature does not match');
  if (error instanceof errors.JOSEAlgNotAllowed) return fail(TokenErrorCode.UNSUPPORTED_ALGORITHM, 'Algorithm not accepted');
  if (error instanceof errors.JWKSNoMatchingKey) return fail(TokenErrorCode.UNKNOWN_KEY, 'No published key matches the token\'s "kid"');
  if (error instanceof errors.JOSEError) return fail(TokenErrorCode.MALFORMED, error.message);
  return error;
}
