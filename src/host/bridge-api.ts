import {
  ErrorCode,
  INTERACTIVE_TIMEOUT_MS,
  METHOD_CAPABILITY,
  type BridgeErrorPayload,
  type Capability,
  type CloseRequest,
  type MethodName,
} from '../protocol/index.ts';
import { cut, MAX_MESSAGE, quote } from './bounded.ts';
import type { CallLog, CallRecord } from './call-log.ts';
import type { CallContext, MethodHandlers } from './handlers.ts';
import { HostError } from './host-error.ts';
import { TokenBucket, type RateLimit } from './rate-limit.ts';
import { checkParams, isKnownMethod } from './schemas.ts';

/** The `app.*` methods every app may call; the host object reacts to them. */
export interface BuiltinMethods {
  ready(): void;
  close(request: CloseRequest | undefined): void;
  setClosingConfirmation(enabled: boolean): void;
  setBackHandling(enabled: boolean): void;
  backResult(id: number, handled: boolean): void;
}

/** Receives a call's outcome: an error payload, or undefined and the result. */
export type CallDone = (error: BridgeErrorPayload | undefined, result?: unknown) => void;

export interface BridgeApiOptions {
  appId: string;
  appName: string;
  launchId: string;
  capabilities: ReadonlySet<Capability>;
  handlers: MethodHandlers;
  builtins: BuiltinMethods;
  callLog: CallLog;
  rateLimit: RateLimit | false;
  signal: AbortSignal;
  /** The app's frame, handed to handlers in their context. */
  frame?: HTMLIFrameElement;
  /**
   * How long an asynchronous handler may take before the app gets TIMEOUT: 30 s by default, and
   * `INTERACTIVE_TIMEOUT_MS` for the methods that wait for the user.
   */
  callTimeoutMs?: number;
}

const CLOSING: BridgeErrorPayload = { code: ErrorCode.CANCELLED, message: 'The mini-app is closing' };
const THROTTLED: BridgeErrorPayload = { code: ErrorCode.RATE_LIMITED, message: 'Too many calls; slow down and retry later' };
const FAILED: BridgeErrorPayload = { code: ErrorCode.INTERNAL, message: 'The host could not complete the call' };

/**
 * One launch's API: the only thing a mini-app can reach. Every message an app sends is charged to
 * its rate limit first, refused or not; then a call goes through the same gate — known method,
 * granted capability, argument schema — then its handler, and lands in the call log whatever the
 * outcome. Refusals are plain payloads (no exception, no stack trace), so a flood of junk costs
 * the host little.
 */
export class BridgeApi {
  readonly #options: BridgeApiOptions;
  readonly #bucket: TokenBucket | undefined;
  readonly #context: CallContext;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #throttled = 0;

  constructor(options: BridgeApiOptions) {
    this.#options = options;
    this.#bucket = options.rateLimit ? new TokenBucket(options.rateLimit) : undefined;
    this.#context = { appId: options.appId, appName: options.appName, launchId: options.launchId, signal: options.signal, ...(options.frame && { frame: options.frame }) };
    options.signal.addEventListener('abort', () => {
      for (const timer of this.#timers) clearTimeout(timer);
      this.#timers.clear();
    }, { once: true });
  }

  /**
   * The methods this host answers (built in or implemented), whether or not granted: an app
   * learns from them what the host knows, and from `PERMISSION_DENIED` what it may not do.
   */
  availableMethods(): MethodName[] {
    return (Object.keys(METHOD_CAPABILITY) as MethodName[]).filter(
      (method) => method.startsWith('app.') || Boolean(this.#options.handlers[method as keyof MethodHandlers]),
    );
  }

  /** Charges `count` messages or calls, arrived at `now` when known, to the rate limit; false when over it. */
  admit(count = 1, now?: number): boolean {
    return !this.#bucket || this.#bucket.take(count, now);
  }

  /**
   * Runs one call and reports its outcome to `done`: at once when the handler answers
   * synchronously (no promise on the hot path), later when it returns a promise. `startedAt` is
   * when the call arrived: the port passes its message event's `timeStamp`, which costs nothing
   * to read, where a clock read in a page that is not cross-origin isolated is a measurable part
   * of a call.
   */
  invoke(method: string, params: unknown, done: CallDone, startedAt = performance.now()): void {
    const refusal = this.#gate(method, params, startedAt);
    if (refusal === THROTTLED) return this.#throttle(done);
    if (refusal) return this.#finish(method, params, startedAt, done, undefined, refusal);
    let result: unknown;
    try {
      result = this.#run(method as MethodName, params);
    } catch (error) {
      return this.#finish(method, params, startedAt, done, undefined, toPayload(error));
    }
    if (isThenable(result)) {
      // A handler that never settles must not leave the app waiting forever.
      let settled = false;
      const settle = (value: unknown, error?: BridgeErrorPayload) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#timers.delete(timer);
        this.#finish(method, params, startedAt, done, value, error, performance.now() - startedAt);
      };
      const limit = this.#options.callTimeoutMs ?? INTERACTIVE_TIMEOUT_MS[method as MethodName] ?? 30_000;
      const timer = setTimeout(() => settle(undefined, { code: ErrorCode.TIMEOUT, message: `The host did not answer ${method} within ${limit / 1000} s` }), limit);
      this.#timers.add(timer);
      result.then(
        (value) => settle(value),
        (error: unknown) => settle(undefined, toPayload(error)),
      );
    } else {
      this.#finish(method, params, startedAt, done, result);
    }
  }

  /**
   * Records something the app sent that is not a call (no id to answer), charged to the rate
   * limit like a call; past the limit it is dropped without a log entry.
   */
  malformed(what: string): void {
    if (!this.admit()) return void this.#throttle(() => undefined);
    this.record('(malformed)', undefined, { code: ErrorCode.INVALID_ARGUMENT, message: `Ignored ${what}` });
  }

  /** Writes one refused call or message to the log. */
  record(method: string, params: unknown, error: BridgeErrorPayload, startedAt = performance.now()): void {
    this.#options.callLog.add({
      appId: this.#options.appId,
      launchId: this.#options.launchId,
      method,
      args: params,
      startedAt,
      durationMs: performance.now() - startedAt,
      outcome: 'error',
      errorCode: error.code,
      errorMessage: error.message,
    });
  }

  /**
   * A call over the rate limit is answered at once and counted; the log gets one entry for all
   * the calls refused in the same task, so a flood costs the host little and cannot churn the log.
   */
  #throttle(done: CallDone): void {
    if (this.#throttled++ === 0) {
      queueMicrotask(() => {
        const count = this.#throttled;
        this.#throttled = 0;
        this.record('(rate limited)', { calls: count }, { code: ErrorCode.RATE_LIMITED, message: `${count} call${count === 1 ? '' : 's'} refused over the rate limit` });
      });
    }
    done(THROTTLED);
  }

  /**
   * Logs and answers a call. A call answered in the task it arrived in logs a duration of 0: the
   * page's clock is coarser (0.1 ms) than such a call, and a second clock read per call is not free.
   */
  #finish(method: string, params: unknown, startedAt: number, done: CallDone, result: unknown, error?: BridgeErrorPayload, durationMs = 0): void {
    const { appId, launchId, callLog } = this.#options;
    const record: CallRecord = { appId, launchId, method, args: params, startedAt, durationMs, outcome: error ? 'error' : 'ok' };
    if (error) {
      record.errorCode = error.code;
      record.errorMessage = error.message;
    }
    callLog.add(record);
    done(error, result);
  }

  /** Why the call may not run, or undefined. The method name is the app's: quoted cut, never echoed whole. */
  #gate(method: string, params: unknown, now: number): BridgeErrorPayload | undefined {
    if (this.#options.signal.aborted) return CLOSING;
    if (!this.admit(1, now)) return THROTTLED;
    if (!isKnownMethod(method)) return { code: ErrorCode.UNSUPPORTED, message: `Unknown method: ${quote(method)}` };
    const capability = METHOD_CAPABILITY[method];
    if (capability !== null && !this.#options.capabilities.has(capability)) {
      return { code: ErrorCode.PERMISSION_DENIED, message: `${method} needs the "${capability}" capability, which this mini-app has not been granted` };
    }
    const problem = checkParams(method, params);
    if (problem) return { code: ErrorCode.INVALID_ARGUMENT, message: problem.message, details: { issues: problem.issues } };
    return undefined;
  }

  #run(method: MethodName, params: unknown): unknown {
    switch (method) {
      case 'app.ready':
        return this.#options.builtins.ready();
      case 'app.close':
        return this.#options.builtins.close(params as CloseRequest | undefined);
      case 'app.setClosingConfirmation':
        return this.#options.builtins.setClosingConfirmation((params as { enabled: boolean }).enabled);
      case 'app.setBackHandling':
        return this.#options.builtins.setBackHandling((params as { enabled: boolean }).enabled);
      case 'app.backResult': {
        const { id, handled } = params as { id: number; handled: boolean };
        return this.#options.builtins.backResult(id, handled);
      }
      default: {
        const handler = this.#options.handlers[method] as ((p: unknown, c: CallContext) => unknown) | undefined;
        if (!handler) throw new HostError(ErrorCode.UNSUPPORTED, `This host does not implement ${method}`);
        return handler(params, this.#context);
      }
    }
  }
}

/** A handler's failure as the app sees it: a `HostError` keeps its code, anything else is INTERNAL. */
function toPayload(error: unknown): BridgeErrorPayload {
  if (error instanceof HostError) {
    const payload = error.toPayload();
    return { ...payload, message: cut(payload.message, MAX_MESSAGE) };
  }
  // A handler's own failure must not leak host internals to the app.
  console.error('bridge handler failed', error);
  return FAILED;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
