import type { ErrorCode } from '../protocol/index.ts';

/** A failure of a bridge call or of `connect()`; switch on `code`. */
export class MiniAppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'MiniAppError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}
