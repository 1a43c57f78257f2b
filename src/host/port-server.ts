import { ErrorCode, type BridgeErrorPayload, type WireReply } from '../protocol/index.ts';
import type { BridgeApi } from './bridge-api.ts';
import type { CallLog } from './call-log.ts';

/** Calls in one batch beyond this are refused as a whole. */
export const MAX_BATCH = 10_000;

const COMLINK_TYPES = new Set(['GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT', 'RELEASE']);

interface ComlinkMessage {
  id?: unknown;
  type: string;
  path?: unknown;
  argumentList?: unknown;
}

/**
 * Serves one launch's API on one MessagePort. It reads our compact tuples (and batches of them)
 * and comlink's message shape, answers only `BridgeApi` calls, and coalesces the replies that
 * become ready in the same task into one message.
 */
export class PortServer {
  readonly #port: MessagePort;
  readonly #api: BridgeApi;
  readonly #log: CallLog;
  readonly #context: { appId: string; launchId: string };
  #replies: WireReply[] = [];
  #receiving = false;
  #flushQueued = false;
  #closed = false;

  constructor(port: MessagePort, api: BridgeApi, log: CallLog, context: { appId: string; launchId: string }) {
    this.#port = port;
    this.#api = api;
    this.#log = log;
    this.#context = context;
    port.onmessage = (event) => this.#receive(event.data);
    port.onmessageerror = () => this.#malformed('a message that could not be deserialised');
  }

  /** Sends a host event (lifecycle, theme, viewport). */
  emit(event: string, data: unknown): void {
    if (!this.#closed) this.#port.postMessage({ event, data });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#port.onmessage = null;
    this.#port.onmessageerror = null;
    this.#port.close();
    this.#replies = [];
  }

  #receive(data: unknown): void {
    if (this.#closed) return;
    // Replies that are ready while this message is handled leave in one message at its end.
    this.#receiving = true;
    try {
      if (Array.isArray(data)) {
        if (Array.isArray(data[0])) {
          if (data.length > MAX_BATCH) return this.#malformed(`a batch of ${data.length} calls (max ${MAX_BATCH})`);
          for (const call of data) this.#callTuple(call);
        } else {
          this.#callTuple(data);
        }
      } else if (isComlinkMessage(data)) {
        this.#callComlink(data);
      } else {
        this.#malformed('a message that is neither a call nor a batch');
      }
    } catch (error) {
      // Nothing an app sends may break the host; record and carry on.
      this.#malformed(`a message that failed to process: ${String(error)}`);
    } finally {
      this.#receiving = false;
      this.#flush();
    }
  }

  #callTuple(call: unknown): void {
    if (!Array.isArray(call) || call.length !== 3 || !isCallId(call[0])) {
      return this.#malformed('a call that is not [id, method, params]');
    }
    const [id, method, params] = call as [number, unknown, unknown];
    if (typeof method !== 'string') {
      return this.#reply([id, 1, { code: ErrorCode.INVALID_ARGUMENT, message: 'The method name must be a string' }]);
    }
    this.#api.invoke(method, params, (error, result) => this.#reply(error ? [id, 1, error.toPayload()] : [id, 0, result]));
  }

  /** Later replies (async handlers) that become ready in the same task also leave together. */
  #reply(reply: WireReply): void {
    if (this.#closed) return;
    this.#replies.push(reply);
    if (this.#receiving || this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(this.#flush);
  }

  readonly #flush = (): void => {
    this.#flushQueued = false;
    const replies = this.#replies;
    this.#replies = [];
    if (this.#closed || replies.length === 0) return;
    try {
      this.#port.postMessage(replies.length === 1 ? replies[0] : replies);
    } catch {
      // A result that cannot be cloned: answer each call with an error instead of leaving it hanging.
      for (const [id] of replies) {
        this.#port.postMessage([id, 1, { code: ErrorCode.INTERNAL, message: 'The result could not be sent' }]);
      }
    }
  };

  /** comlink's shape: only APPLY on a one-segment path to a declared method is answered. */
  #callComlink(message: ComlinkMessage): void {
    const id = message.id;
    const answer = (value: unknown) => this.#port.postMessage({ id, type: 'RAW', value });
    const fail = (payload: BridgeErrorPayload) =>
      this.#port.postMessage({
        id,
        type: 'HANDLER',
        name: 'throw',
        value: { isError: true, value: { name: 'MiniAppError', message: payload.message, code: payload.code } },
      });

    if (message.type === 'RELEASE') return answer(undefined);
    const path = message.path;
    if (message.type !== 'APPLY' || !Array.isArray(path) || path.length !== 1 || typeof path[0] !== 'string') {
      const payload = { code: ErrorCode.UNSUPPORTED, message: `Only calls to declared methods are answered (got ${message.type})` };
      this.#logRefused(`comlink ${message.type}`, payload);
      return fail(payload);
    }
    const args = Array.isArray(message.argumentList) ? message.argumentList : [];
    if (args.length > 1 || args.some((arg) => !isRawWireValue(arg))) {
      const payload = { code: ErrorCode.INVALID_ARGUMENT, message: 'A method takes at most one plain-data argument' };
      this.#logRefused(path[0], payload);
      return fail(payload);
    }
    const params = (args[0] as { value: unknown } | undefined)?.value;
    this.#api.invoke(path[0], params, (error, result) => {
      if (this.#closed) return;
      if (error) fail(error.toPayload());
      else answer(result);
    });
  }

  #malformed(what: string): void {
    this.#logRefused('(malformed)', { code: ErrorCode.INVALID_ARGUMENT, message: `Ignored ${what}` });
  }

  #logRefused(method: string, payload: BridgeErrorPayload): void {
    this.#log.add({
      ...this.#context,
      method,
      args: undefined,
      startedAt: performance.now(),
      durationMs: 0,
      outcome: 'error',
      errorCode: payload.code,
      errorMessage: payload.message,
    });
  }
}

function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isComlinkMessage(data: unknown): data is ComlinkMessage {
  return typeof data === 'object' && data !== null && COMLINK_TYPES.has((data as { type?: unknown }).type as string);
}

function isRawWireValue(value: unknown): value is { type: 'RAW'; value: unknown } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'RAW';
}
