/** Error codes that cross the bridge. The SDK rethrows them as `MiniAppError` with the same code. */
export const ErrorCode = {
  /** The page is not running inside a host (no parent, no launch parameters, no answer). */
  NOT_EMBEDDED: 'NOT_EMBEDDED',
  /** The user's session has ended or the user is not signed in. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** The capability behind the method is not granted to this mini-app. */
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  /** The arguments do not match the method's schema. */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** The user cancelled (closed the payment screen, declined a prompt). */
  CANCELLED: 'CANCELLED',
  /** No answer in time. */
  TIMEOUT: 'TIMEOUT',
  /** Too many calls; try again later. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The peer does not know the method or speaks another protocol version. */
  UNSUPPORTED: 'UNSUPPORTED',
  /** Anything else that went wrong on the host. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error as it travels on the wire. */
export interface BridgeErrorPayload {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable details (e.g. the failing field for INVALID_ARGUMENT). */
  details?: unknown;
}

const codes = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && codes.has(value);
}
