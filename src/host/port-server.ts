import { ErrorCode, MAX_BATCH, type BridgeErrorPayload, type HostEvents, type WireReply } from '../protocol/index.ts';
import type { BridgeApi } from './bridge-api.ts';

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
  #replies: WireReply[] = [];
  #receiving = false;
  #flushQueued = false;
  #closed = false;

  constructor(port: MessagePort, api: BridgeApi) {
    this.#port = port;
    this.#api = api;
    port.onmessage = (event) => this.#receive(event.data, event.timeStamp);
    port.onmessageerror = () => this.#malformed('a message that could not be deserialised');
  }

  /** Sends a host event (lifecycle, theme, viewport). */
  emit(event: string, data: unknown): void {
    if (!this.#closed) this.#port.postMessage({ event, data });
  }

  /**
   * Stops serving. The app is told first (`disconnected`), so the SDK settles every call still in
   * flight on this port instead of waiting for answers that will never come.
   */
  close(reason: HostEvents['disconnected']['reason'] = 'closed'): void {
    if (this.#closed) return;
    this.emit('disconnected', { reason } satisfies HostEvents['disconnected']);
    this.#closed = true;
    this.#port.onmessage = null;
    this.#port.onmessageerror = null;
    this.#port.close();
    this.#replies = [];
  }

  /** `at` is when the message arrived (its event's timeStamp, on the page's performance clock). */
  #receive(data: unknown, at: number): void {
    if (this.#closed) return;
    // Replies that are ready while this message is handled leave in one message at its end.
    this.#receiving = true;
    try {
      if (Array.isArray(data)) {
        // A call starts with its id; any other array is a batch, each of its items answered on its own.
        if (isCallId(data[0])) {
          this.#callTuple(data, at);
        } else {
          if (data.length > MAX_BATCH) return this.#refuseBatch(data, at);
          for (const call of data) this.#callTuple(call, at);
        }
      } else if (isComlinkMessage(data)) {
        this.#callComlink(data, at);
      } else {
        this.#malformed('a message that is neither a call nor a batch');
      }
    } catch (error) {
      // Nothing an app sends may break the host; record and carry on.
      console.error('bridge message failed', error);
      this.#malformed('a message that failed to process');
    } finally {
      this.#receiving = false;
      this.#flush();
    }
  }

  #callTuple(call: unknown, at: number): void {
    if (!Array.isArray(call) || call.length !== 3 || !isCallId(call[0])) {
      return this.#malformed('a call that is not [id, method, params]');
    }
    const id = call[0] as number;
    const method: unknown = call[1];
    if (typeof method !== 'string') {
      if (!this.#api.admit(1, at)) return this.#reply([id, 1, THROTTLED]);
      this.#api.record(`(${typeof method})`, undefined, NOT_A_NAME, at);
      return this.#reply([id, 1, NOT_A_NAME]);
    }
    this.#api.invoke(method, call[2], (error, result) => this.#reply(error ? [id, 1, error] : [id, 0, result]), at);
  }

  /**
   * A batch above the limit the welcome announced: every call in it is answered with the same
   * error (none runs), the whole batch is charged to the rate limit and logged once.
   */
  #refuseBatch(batch: unknown[], at: number): void {
    this.#api.admit(batch.length, at);
    const error: BridgeErrorPayload = { code: ErrorCode.INVALID_ARGUMENT, message: `A batch holds at most ${MAX_BATCH} calls; this one held ${batch.length}` };
    this.#api.record('(batch)', undefined, error, at);
    for (const call of batch) if (Array.isArray(call) && isCallId(call[0])) this.#replies.push([call[0], 1, error]);
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
  #callComlink(message: ComlinkMessage, at: number): void {
    const id = message.id;
    const answer = (value: unknown) => this.#port.postMessage({ id, type: 'RAW', value });
    const fail = (payload: BridgeErrorPayload) =>
      this.#port.postMessage({
        id,
        type: 'HANDLER',
        name: 'throw',
        value: { isError: true, value: { name: 'MiniAppError', message: payload.message, code: payload.code } },
      });

    if (message.type === 'RELEASE') return this.#api.admit() ? answer(undefined) : fail(THROTTLED);
    const path = message.path;
    if (message.type !== 'APPLY' || !Array.isArray(path) || path.length !== 1 || typeof path[0] !== 'string') {
      if (!this.#api.admit()) return fail(THROTTLED);
      const payload = { code: ErrorCode.UNSUPPORTED, message: `Only calls to declared methods are answered (got ${message.type})` };
      this.#api.record(`comlink ${message.type}`, undefined, payload);
      return fail(payload);
    }
    const args = Array.isArray(message.argumentList) ? message.argumentList : [];
    if (args.length > 1 || args.some((arg) => !isRawWireValue(arg))) {
      if (!this.#api.admit()) return fail(THROTTLED);
      const payload = { code: ErrorCode.INVALID_ARGUMENT, message: 'A method takes at most one plain-data argument' };
      this.#api.record(path[0], undefined, payload);
      return fail(payload);
    }
    const params = (args[0] as { value: unknown } | undefined)?.value;
    this.#api.invoke(
      path[0],
      params,
      (error, result) => {
        if (this.#closed) return;
        if (error) fail(error);
        else answer(result);
      },
      at,
    );
  }

  #malformed(what: string): void {
    this.#api.malformed(what);
  }
}

const THROTTLED: BridgeErrorPayload = { code: ErrorCode.RATE_LIMITED, message: 'Too many calls; slow down and retry later' };
const NOT_A_NAME: BridgeErrorPayload = { code: ErrorCode.INVALID_ARGUMENT, message: 'The method name must be a string' };

function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isComlinkMessage(data: unknown): data is ComlinkMessage {
  return typeof data === 'object' && data !== null && COMLINK_TYPES.has((data as { type?: unknown }).type as string);
}

function isRawWireValue(value: unknown): value is { type: 'RAW'; value: unknown } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'RAW';
}
