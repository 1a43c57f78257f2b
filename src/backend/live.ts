/**
 * The client of the live channel: `GET /api/events` read with `fetch` streaming (EventSource
 * cannot send the `Authorization` header). It remembers the last cursor, reconnects with backoff
 * and jitter, resumes after the cursor, and drops anything at or below it as a last guard.
 */
import type { LiveEvent, LiveReset } from './contract.ts';
import { BackendError, type ErrorBody } from './errors.ts';
import { systemTimers, type Timers } from './event-bus.ts';
import { createSseParser, type SseMessage } from './sse.ts';

/**
 * `connecting`: first connection, before `ready`; `open`: live; `reconnecting`: the stream dropped,
 * waiting or connecting again; `closed`: stopped by `close()` or by a refusal that retrying cannot
 * fix (`UNAUTHORIZED`, `INVALID_REQUEST`): see `lastError`.
 */
export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveHandlers {
  onEvent(event: LiveEvent): void;
  /** Events may be missing (the cursor was too old): reload state from the routes. */
  onReset?(reset: LiveReset): void;
  onState?(state: LiveState, detail: { error?: BackendError; retryInMs?: number }): void;
}

export interface LiveBackoff {
  /** The first delay before reconnecting. */
  initialMs: number;
  /** The longest delay. */
  maxMs: number;
}

export interface LiveOptions {
  /** Resume after this cursor (kept by the app from an earlier subscription); from now when absent. */
  cursor?: string | null;
  backoff?: Partial<LiveBackoff>;
  /** Reconnect when nothing (not even a heartbeat) arrived for this long. */
  idleTimeoutMs?: number;
  /** In [0, 1): the jitter of the backoff. */
  random?: () => number;
  timers?: Timers;
}

export interface LiveConnection {
  baseUrl: string;
  fetch?: (request: Request) => Promise<Response>;
  getSessionToken: () => string | null | undefined | Promise<string | null | undefined>;
}

export interface LiveSubscription {
  readonly state: LiveState;
  /** The last cursor received: pass it as `cursor` to a later subscription to resume. */
  readonly cursor: string | null;
  readonly lastError: BackendError | undefined;
  /** Stops for good: the stream is cancelled and no timer is left. */
  close(): void;
}

export const DEFAULT_BACKOFF: LiveBackoff = { initialMs: 500, maxMs: 30_000 };
/** Three heartbeats of the backend's default 15 s. */
export const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

/** Whether cursor `a` comes after `b` (decimal strings without leading zeros; null is before all). */
export function cursorAfter(a: string, b: string | null): boolean {
  if (b === null) return true;
  return a.length !== b.length ? a.length > b.length : a > b;
}

/** The delay before reconnect attempt `attempt` (0-based): exponential, in [half, full] of the step. */
export function backoffDelay(attempt: number, backoff: LiveBackoff, random: () => number): number {
  const step = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (step / 2) * random());
}

const CURSOR = /^(0|[1-9][0-9]{0,15})$/;
/** Refusals that the same request would get again. */
const FINAL_CODES = new Set(['UNAUTHORIZED', 'INVALID_REQUEST']);

export function subscribeLive(connection: LiveConnection, handlers: LiveHandlers, options: LiveOptions = {}): LiveSubscription {
  const root = connection.baseUrl.replace(/\/+$/, '');
  const send = connection.fetch ?? ((request: Request) => fetch(request));
  const timers = options.timers ?? systemTimers;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const random = options.random ?? Math.random;

  let cursor = options.cursor && CURSOR.test(options.cursor) ? options.cursor : null;
  let state: LiveState = 'connecting';
  let lastError: BackendError | undefined;
  let closed = false;
  let attempt = 0;
  let opened = false;
  let abort: AbortController | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let idle: unknown;
  let wait: { handle: unknown; resolve: () => void } | undefined;

  const setState = (next: LiveState, detail: { error?: BackendError; retryInMs?: number } = {}) => {
    if (state === next && detail.retryInMs === undefined) return;
    state = next;
    call(() => handlers.onState?.(next, detail));
  };
  /** An app's handler that throws must not break the channel; its error is reported, not swallowed. */
  const call = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  };

  const handle = (message: SseMessage) => {
    if (message.id === undefined || !CURSOR.test(message.id)) return;
    if (message.event === 'ready') {
      if (cursorAfter(message.id, cursor)) cursor = message.id;
      attempt = 0;
      opened = true;
      setState('open');
      return;
    }
    if (message.event === 'reset') {
      // The stream moved on from a cursor it could not honour: follow it, even backwards.
      cursor = message.id;
      call(() => handlers.onReset?.({ ...(JSON.parse(message.data) as LiveReset), cursor: message.id! }));
      return;
    }
    if (!cursorAfter(message.id, cursor)) return;
    cursor = message.id;
    // A message that is not JSON is reported (by `call`) and passed over, not retried for ever.
    call(() => handlers.onEvent({ ...(JSON.parse(message.data) as LiveEvent), cursor: message.id!, type: message.event }));
  };

  const armIdle = () => {
    timers.clearTimeout(idle);
    idle = timers.setTimeout(() => abort?.abort(), idleTimeoutMs);
  };

  /** One connection: resolves when the stream ends or fails, or throws a final refusal. */
  const connect = async (): Promise<void> => {
    const token = await connection.getSessionToken();
    if (closed) return;
    if (!token) throw new BackendError('UNAUTHORIZED', 'Not signed in', undefined, 401);
    abort = new AbortController();
    const query = cursor === null ? '' : `?after=${cursor}`;
    const request = new Request(`${root}/events${query}`, {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
    armIdle();
    const response = await send(request);
    if (!response.ok) {
      const payload = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
      const error = payload?.error;
      if (error && typeof error.code === 'string' && typeof error.message === 'string') {
        throw new BackendError(error.code, error.message, error.details, response.status);
      }
      throw new BackendError('NETWORK', `Unexpected answer from the live channel (HTTP ${response.status})`, undefined, response.status);
    }
    if (!response.headers.get('Content-Type')?.startsWith('text/event-stream') || !response.body) {
      await response.body?.cancel();
      throw new BackendError('NETWORK', 'The live channel did not answer with an event stream', undefined, response.status);
    }
    reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done || closed) return;
      armIdle();
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        handle(message);
        if (closed) return;
      }
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wait = { handle: timers.setTimeout(resolve, ms), resolve };
    });

  const run = async () => {
    while (!closed) {
      try {
        await connect();
        lastError = undefined;
      } catch (error) {
        if (closed) break;
        lastError = error instanceof BackendError ? error : new BackendError('NETWORK', 'The live channel dropped', { cause: String(error) }, 0);
        if (FINAL_CODES.has(lastError.code)) {
          stop();
          call(() => handlers.onState?.('closed', { error: lastError! }));
          return;
        }
      } finally {
        timers.clearTimeout(idle);
        abort?.abort();
        void reader?.cancel().catch(() => undefined);
        reader = undefined;
      }
      if (closed) break;
      const retryInMs = backoffDelay(attempt++, backoff, random);
      setState(opened ? 'reconnecting' : 'connecting', { ...(lastError ? { error: lastError } : {}), retryInMs });
      await sleep(retryInMs);
      wait = undefined;
    }
  };

  const stop = () => {
    closed = true;
    state = 'closed';
    timers.clearTimeout(idle);
    if (wait) {
      timers.clearTimeout(wait.handle);
      wait.resolve();
    }
    abort?.abort();
    void reader?.cancel().catch(() => undefined);
  };

  void run();
  return {
    get state() {
      return state;
    },
    get cursor() {
      return cursor;
    },
    get lastError() {
      return lastError;
    },
    close() {
      if (closed) return;
      stop();
      call(() => handlers.onState?.('closed', {}));
    },
  };
}
