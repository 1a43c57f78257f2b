/** Why a token was refused. Stable: callers switch on these. */
export const TokenErrorCode = {
  /** The token is not a compact JWS with JSON header and claims, or a claim has the wrong type. */
  MALFORMED: 'MALFORMED',
  /** The header names an algorithm other than ES256 (including `none` and HMAC). */
  UNSUPPORTED_ALGORITHM: 'UNSUPPORTED_ALGORITHM',
  /** No published key matches the token's `kid`. */
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  /** The signature does not match the header and claims. */
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  /** The `typ` header is not the expected one (e.g. a receipt presented as a launch token). */
  WRONG_TYPE: 'WRONG_TYPE',
  /** A required claim is absent. */
  MISSING_CLAIM: 'MISSING_CLAIM',
  /** `exp` has passed. */
  EXPIRED: 'EXPIRED',
  /** `nbf` is still in the future, or a receipt's `iat` is (receipts have no `nbf`). */
  NOT_YET_VALID: 'NOT_YET_VALID',
  /** `aud` is not the expected app id. */
  WRONG_AUDIENCE: 'WRONG_AUDIENCE',
  /** `iss` is not the expected host. */
  WRONG_ISSUER: 'WRONG_ISSUER',
  /** The issuer revoked the token (a newer one exists for the same user and app). */
  REVOKED: 'REVOKED',
} as const;

export type TokenErrorCode = (typeof TokenErrorCode)[keyof typeof TokenErrorCode];

/** A refused token. `code` says why; `claim` names the claim at fault when there is one. */
export class TokenError extends Error {
  override name = 'TokenError';
  constructor(
    readonly code: TokenErrorCode,
    message: string,
    readonly claim?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isTokenError(error: unknown, code?: TokenErrorCode): error is TokenError {
  return error instanceof TokenError && (code === undefined || error.code === code);
}
