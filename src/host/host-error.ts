import type { BridgeErrorPayload, ErrorCode } from '../protocol/index.ts';

/** An error a handler throws to answer the mini-app with a specific code. */
export class HostError extends Error {
  override name = 'HostError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toPayload(): BridgeErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
