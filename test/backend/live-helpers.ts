import { expect } from 'chai';
import type { LiveTab } from './fixtures/live-tab.ts';
import {
  createLocalEventBus,
  createSseParser,
  systemTimers,
  type EventBus,
  type SseMessage,
  type Timers,
} from '../../src/backend/index.ts';

/** How long a test waits for something that should come at once, before failing instead of hanging. */
export const PATIENCE_MS = 5000;

export interface SseReader {
  /** The next message (comments are only counted); fails if the stream ends or nothing comes. */
  next(): Promise<SseMessage>;
  /** The next `n` messages. */
  take(n: number): Promise<SseMessage[]>;
  /** Messages up to and including the first that matches. */
  until(predicate: (message: SseMessage) => boolean): Promise<SseMessage[]>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  /** Heartbeats and other comments seen so far. */
  readonly comments: number;
  /** Resolves once `count` comments have been seen. */
  commentsReach(count: number): Promise<void>;
  cancel(): Promise<void>;
}

/** Reads a `text/event-stream` response as it arrives. */
export function readSse(response: Response): SseReader {
  expect(response.status, 'an event stream answers 200').to.equal(200);
  expect(response.headers.get('Content-Type')).to.match(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const queue: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let done = false;
  let failure: unknown;
  const wakeAll = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const ended = (async () => {
    try {
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        queue.push(...parser.push(decoder.decode(value, { stream: true })));
        wakeAll();
      }
    } catch (error) {
      failure = error;
    } finally {
      done = true;
      wakeAll();
    }
  })();

  const waitFor = <T>(ready: () => T | undefined, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value !== undefined) return finish(() => resolve(value));
        if (done) return finish(() => reject(new Error(`the stream ended while waiting for ${what}${failure ? `: ${String(failure)}` : ''}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`nothing came within ${PATIENCE_MS} ms while waiting for ${what}`))), PATIENCE_MS);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  const self: SseReader = {
    next: () => waitFor(() => queue.shift(), 'a message'),
    async take(n) {
      const out: SseMessage[] = [];
      while (out.length < n) out.push(await self.next());
      return out;
    },
    async until(predicate) {
      const out: SseMessage[] = [];
      for (;;) {
        const message = await self.next();
        out.push(message);
        if (predicate(message)) return out;
      }
    },
    ended: ended.then(() => undefined),
    get comments() {
      return parser.comments;
    },
    commentsReach: (count) => waitFor(() => (parser.comments >= count ? true : undefined), `${count} comments`).then(() => undefined),
    cancel: () => reader.cancel(),
  };
  return self;
}

/** The payload of a domain event message. */
export function eventOf(message: SseMessage): { cursor: string; type: string; at: string; data: any } {
  return JSON.parse(message.data);
}

/** Timers that know which of them are still pending. */
export function createCountingTimers(base: Timers = systemTimers): Timers & { readonly pending: number } {
  const live = new Map<unknown, unknown>();
  let nextId = 0;
  return {
    setTimeout(callback, ms) {
      const id = ++nextId;
      live.set(
        id,
        base.setTimeout(() => {
          live.delete(id);
          callback();
        }, ms),
      );
      return id;
    },
    clearTimeout(id) {
      if (!live.has(id)) return;
      base.clearTimeout(live.get(id));
      live.delete(id);
    },
    get pending() {
      return live.size;
    },
  };
}

/** A bus that counts its listeners. */
export function createCountingBus(): EventBus & { readonly listenerCount: number; readonly published: number } {
  const bus = createLocalEventBus();
  let published = 0;
  return {
    publish(wakeUp) {
      published++;
      bus.publish(wakeUp);
    },
    subscribe: (listener) => bus.subscribe(listener),
    get listenerCount() {
      return bus.listenerCount;
    },
    get published() {
      return published;
    },
  };
}

/** Resolves when `condition` holds, checked on each macrotask; fails after PATIENCE_MS. */
export async function eventually(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export interface DroppableFetch {
  fetch(request: Request): Promise<Response>;
  /** Every request made, in order. */
  readonly requests: Request[];
  /** Breaks the current stream as a lost connection would (the reader errors; the server sees an abort). */
  drop(): void;
  /** New requests wait until `release()`. */
  hold(): void;
  release(): void;
  /** Resolves when the `n`-th request (1-based) has been made. */
  requestMade(n: number): Promise<Request>;
}

/** A fetch in front of the backend that a test can cut, as a network drop would. */
export function createDroppableFetch(inner: (request: Request) => Promise<Response>): DroppableFetch {
  const requests: Request[] = [];
  const waiters: (() => void)[] = [];
  let current: AbortController | undefined;
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  return {
    requests,
    async fetch(request) {
      await gate?.promise;
      requests.push(request);
      for (const waiter of waiters.splice(0)) waiter();
      const abort = new AbortController();
      current = abort;
      const forward = () => abort.abort();
      request.signal.addEventListener('abort', forward);
      const response = await inner(new Request(request, { signal: abort.signal }));
      if (!response.body) return response;
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      response.body.pipeTo(writable, { signal: abort.signal }).catch(() => undefined);
      return new Response(readable, { status: response.status, headers: response.headers });
    },
    drop() {
      current?.abort(new Error('connection lost'));
    },
    hold() {
      let open!: () => void;
      gate = { promise: new Promise((resolve) => (open = resolve)), open };
    },
    release() {
      gate?.open();
      gate = undefined;
    },
    requestMade(n) {
      return new Promise((resolve) => {
        const check = () => (requests.length >= n ? resolve(requests[n - 1]!) : waiters.push(check));
        check();
      });
    },
  };
}

/** Collects what a live subscription hands the app, with awaitable counts. */
export function createLiveRecorder() {
  const events: { cursor: string; type: string; data: any }[] = [];
  const resets: { reason: string; cursor: string }[] = [];
  const states: string[] = [];
  const retries: number[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const waitFor = (condition: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`never happened within ${PATIENCE_MS} ms: ${what} (events ${events.map((event) => event.cursor).join(',')}; states ${states.join(',')})`));
      }, PATIENCE_MS);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return {
    events,
    resets,
    states,
    retries,
    handlers: {
      onEvent(event: { cursor: string; type: string; data: unknown }) {
        events.push(event);
        notify();
      },
      onReset(reset: { reason: string; cursor: string }) {
        resets.push(reset);
        notify();
      },
      onState(state: string, detail: { retryInMs?: number }) {
        states.push(state);
        if (detail.retryInMs !== undefined) retries.push(detail.retryInMs);
        notify();
      },
    },
    /** Resolves once `condition` holds after an event, reset or state; fails after PATIENCE_MS. */
    waitFor,
    eventCount: (n: number) => waitFor(() => events.length >= n, `${n} events`),
    state: (state: string, times = 1) => waitFor(() => states.filter((each) => each === state).length >= times, `state ${state} ×${times}`),
    resetCount: (n: number) => waitFor(() => resets.length >= n, `${n} resets`),
  };
}

export function deleteDatabase(name: string): Promise<unknown> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}

/** A second tab of the demo in a same-origin frame: its own msw handlers and backend, the same IndexedDB. */
export async function openSecondTab(databaseName: string): Promise<{ tab: LiveTab; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = `/test/backend/fixtures/live-tab.html?db=${encodeURIComponent(databaseName)}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const tab = await (frame.contentWindow as unknown as { liveTab: Promise<LiveTab> }).liveTab;
  return { tab, frame };
}
