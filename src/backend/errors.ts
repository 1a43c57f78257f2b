/** Error codes in the backend's error bodies `{ error: { code, message, details? } }`. */
export const BackendErrorCode = {
  /** 400: the body, a parameter or a header does not match the contract. `details.issues` lists what. */
  INVALID_REQUEST: 'INVALID_REQUEST',
  /** 400: no account has this phone number. */
  UNKNOWN_PHONE: 'UNKNOWN_PHONE',
  /** 400: no code was requested for this phone, or it was already used. */
  NO_CODE: 'NO_CODE',
  /** 400: the code (sign-in, or a payment's confirmation) does not match; `details.attemptsLeft`. */
  WRONG_CODE: 'WRONG_CODE',
  /** 400: the code is older than its lifetime; request a new one. */
  CODE_EXPIRED: 'CODE_EXPIRED',
  /** 400: too many wrong codes; this code is burnt, request a new one. */
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  /** 400: the user in the body does not exist. */
  UNKNOWN_USER: 'UNKNOWN_USER',
  /** 400: the premises in the body do not belong to the user. */
  UNKNOWN_PREMISES: 'UNKNOWN_PREMISES',
  /** 401: no session, or it ended; sign in again. Also a wrong partner key. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** 403: signed in, but not staff, or without the permission the route needs (named in the message; `details.missing`), or without access to the object. */
  FORBIDDEN: 'FORBIDDEN',
  /** 404: no such app. */
  APP_NOT_FOUND: 'APP_NOT_FOUND',
  /** 404: no token with this id was issued. */
  TOKEN_NOT_FOUND: 'TOKEN_NOT_FOUND',
  /** 404: no such route. */
  NOT_FOUND: 'NOT_FOUND',
  /** 404: no payment with this id belongs to the session's user (and app). */
  PAYMENT_NOT_FOUND: 'PAYMENT_NOT_FOUND',
  /** 403: the app takes no payments (it has no payee). */
  PAYMENTS_DISABLED: 'PAYMENTS_DISABLED',
  /** 403: the app is not available to this user (Testing and the user is no tester, or not published). */
  APP_NOT_AVAILABLE: 'APP_NOT_AVAILABLE',
  /** 404: the app has no widget with this id. */
  WIDGET_NOT_FOUND: 'WIDGET_NOT_FOUND',
  /** 404: the app has no build with this id, or its bytes are not kept. */
  BUILD_NOT_FOUND: 'BUILD_NOT_FOUND',
  /** 400: no partner organisation has this id. */
  UNKNOWN_ORGANISATION: 'UNKNOWN_ORGANISATION',
  /** 409: the catalog's status table has no such move from the app's status; `details.action`, `details.status`. */
  TRANSITION_FORBIDDEN: 'TRANSITION_FORBIDDEN',
  /** 409: the move is possible only after the app has passed moderation; `details.action`, `details.status`. */
  REVIEW_REQUIRED: 'REVIEW_REQUIRED',
  /** 409: the app is not ready for the move (`details.reason`: `no-build`, `no-licence`). */
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  /** 409: only Active and Testing apps can be placed as widgets; `details.status`. */
  APP_NOT_PLACEABLE: 'APP_NOT_PLACEABLE',
  /** 409: the offer changed since it was shown; `details.currentVersion`. */
  OFFER_CHANGED: 'OFFER_CHANGED',
  /** 409: the idempotency key already belongs to a payment with another order, amount or currency; `details.field`, `details.paymentId`. */
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  /** 409: the payment cannot make this move from where it is; `details.status`. */
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** 409: the payment has ended; nothing moves it again. `details.status`. */
  PAYMENT_FINAL: 'PAYMENT_FINAL',
  /** 409: the app's storage for this user holds the most keys it may; `details.maxKeys`. */
  STORAGE_FULL: 'STORAGE_FULL',
  /** 413: the body is larger than the route takes; `details.maxBytes`. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** 429: too many requests; `details.retryAfterSeconds` (also the `Retry-After` header). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** 500: anything else. */
  INTERNAL: 'INTERNAL',
  /** Client side only (status 0): the backend could not be reached or did not answer with JSON. */
  NETWORK: 'NETWORK',
} as const;

export type BackendErrorCode = (typeof BackendErrorCode)[keyof typeof BackendErrorCode];

export const BACKEND_ERROR_STATUS: { readonly [C in BackendErrorCode]: number } = {
  INVALID_REQUEST: 400,
  UNKNOWN_PHONE: 400,
  NO_CODE: 400,
  WRONG_CODE: 400,
  CODE_EXPIRED: 400,
  TOO_MANY_ATTEMPTS: 400,
  UNKNOWN_USER: 400,
  UNKNOWN_PREMISES: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  APP_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  NOT_FOUND: 404,
  PAYMENT_NOT_FOUND: 404,
  PAYMENTS_DISABLED: 403,
  APP_NOT_AVAILABLE: 403,
  WIDGET_NOT_FOUND: 404,
  BUILD_NOT_FOUND: 404,
  UNKNOWN_ORGANISATION: 400,
  TRANSITION_FORBIDDEN: 409,
  REVIEW_REQUIRED: 409,
  PRECONDITION_FAILED: 409,
  APP_NOT_PLACEABLE: 409,
  OFFER_CHANGED: 409,
  IDEMPOTENCY_CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  PAYMENT_FINAL: 409,
  STORAGE_FULL: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NETWORK: 0,
};

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: BackendErrorCode | (string & {}); message: string; details?: unknown };
}

/**
 * A refusal from the backend: thrown by route handlers (and turned into an error body) and by the
 * client (rebuilt from the error body), so both sides switch on the same `code`.
 */
export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    readonly code: BackendErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
    readonly status: number = BACKEND_ERROR_STATUS[code as BackendErrorCode] ?? 500,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export function isBackendError(error: unknown, code?: BackendErrorCode): error is BackendError {
  return error instanceof BackendError && (code === undefined || error.code === code);
}
