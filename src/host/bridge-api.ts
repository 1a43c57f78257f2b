import {
  ErrorCode,
  METHOD_CAPABILITY,
  type Capability,
  type CloseRequest,
  type MethodName,
} from '../protocol/index.ts';
import { redact, type CallLog } from './call-log.ts';
import type { CallContext, MethodHandlers } from './handlers.ts';
import { HostError } from './host-error.ts';
import { TokenBucket, type RateLimit } from './rate-limit.ts';
import { checkParams, isKnownMethod } from './schemas.ts';

/** The methods every app may call; the host object reacts to them. */
export interface BuiltinMethods {
  ready(): void;
  close(request: CloseRequest | undefined): void;
}

/** Receives a call's outcome: an error, or undefined and the result. */
export type CallDone = (error: HostError | undefined, result?: unknown) => void;

export interface BridgeApiOptions {
  appId: string;
  launchId: string;
  capabilities: ReadonlySet<Capability>;
  handlers: MethodHandlers;
  builtins: BuiltinMethods;
  callLog: CallLog;
  rateLimit: RateLimit | false;
  signal: AbortSignal;
  /** How long an asynchronous handler may take before the app gets TIMEOUT (default 30 s). */
  callTimeoutMs?: number;
}

/**
 * One launch's API: the only thing a mini-app can reach. Every call goes through the same gate —
 * known method, granted capability, rate limit, argument schema — then its handler, and lands in
 * the call log whatever the outcome.
 */
export class BridgeApi {
  readonly #options: BridgeApiOptions;
  readonly #bucket: TokenBucket | undefined;
  readonly #context: CallContext;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: BridgeApiOptions) {
    this.#options = options;
    this.#bucket = options.rateLimit ? new TokenBucket(options.rateLimit) : undefined;
    this.#context = { appId: options.appId, launchId: options.launchId, signal: options.signal };
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

  /**
   * Runs one call and reports its outcome to `done`: at once when the handler answers
   * synchronously (no promise on the hot path), later when it returns a promise.
   */
  invoke(method: string, params: unknown, done: CallDone): void {
    const startedAt = performance.now();
    let result: unknown;
    try {
      result = this.#run(method, params);
    } catch (error) {
      return this.#finish(method, params, startedAt, done, undefined, toHostError(error));
    }
    if (isThenable(result)) {
      // A handler that never settles must not leave the app waiting forever.
      let settled = false;
      const settle = (value: unknown, error?: HostError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#timers.delete(timer);
        this.#finish(method, params, startedAt, done, value, error);
      };
      const limit = this.#options.callTimeoutMs ?? 30_000;
      const timer = setTimeout(() => settle(undefined, new HostError(ErrorCode.TIMEOUT, `The host did not answer ${method} within ${limit / 1000} s`)), limit);
      this.#timers.add(timer);
      result.then(
        (value) => settle(value),
        (error: unknown) => settle(undefined, toHostError(error)),
      );
    } else {
      this.#finish(method, params, startedAt, done, result);
    }
  }

  #finish(method: string, params: unknown, startedAt: number, done: CallDone, result: unknown, error?: HostError): void {
    this.#log(method, params, startedAt, error);
    done(error, result);
  }

  #run(method: string, params: unknown): unknown {
    if (this.#options.signal.aborted) throw new HostError(ErrorCode.CANCELLED, 'The mini-app is closing');
    if (!isKnownMethod(method)) throw new HostError(ErrorCode.UNSUPPORTED, `Unknown method: ${describe(method)}`);
    const capability = METHOD_CAPABILITY[method];
    if (capability !== null && !this.#options.capabilities.has(capability)) {
      throw new HostError(ErrorCode.PERMISSION_DENIED, `${method} needs the "${capability}" capability, which this mini-app has not been granted`);
    }
    if (this.#bucket && !this.#bucket.take()) {
      throw new HostError(ErrorCode.RATE_LIMITED, `Too many calls; slow down and retry ${method} later`);
    }
    const problem = checkParams(method, params);
    if (problem) throw new HostError(ErrorCode.INVALID_ARGUMENT, problem.message, { issues: problem.issues });

    switch (method) {
      case 'app.ready':
        return this.#options.builtins.ready();
      case 'app.close':
        return this.#options.builtins.close(params as CloseRequest | undefined);
      default: {
        const handler = this.#options.handlers[method] as ((p: unknown, c: CallContext) => unknown) | undefined;
        if (!handler) throw new HostError(ErrorCode.UNSUPPORTED, `This host does not implement ${method}`);
        return handler(params, this.#context);
      }
    }
  }

  #log(method: string, params: unknown, startedAt: number, error?: HostError): void {
    const { appId, launchId, callLog } = this.#options;
    callLog.add({
      appId,
      launchId,
      method: typeof method === 'string' ? method : describe(method),
      args: redact(params),
      startedAt,
      durationMs: performance.now() - startedAt,
      outcome: error ? 'error' : 'ok',
      ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
    });
  }
}

export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  // A handler's own failure must not leak host internals to the app.
  console.error('bridge handler failed', error);
  return new HostError(ErrorCode.INTERNAL, 'The host could not complete the call');
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value;
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
