import {
  ErrorCode,
  HELLO,
  MAX_BATCH,
  PROTOCOL_VERSION,
  REFUSED,
  WELCOME,
  type BridgeErrorPayload,
  type LaunchParams,
  type WelcomeMessage,
  type WireCall,
} from '../protocol/index.ts';
import { MiniAppError } from './errors.ts';
import { createMiniApp, type CallOptions, type MiniApp } from './mini-app.ts';
import { notPlainData } from './plain-data.ts';

export interface ConnectOptions {
  /** How long to wait for the host's answer, in ms (default 5000). */
  timeout?: number;
  /** How long a call may wait for its answer before it rejects with TIMEOUT, in ms (default 30,000). */
  callTimeout?: number;
  /** Host origins this app agrees to run in; any by default. */
  hosts?: readonly string[];
  /** Send calls made in the same task as one message (default true). */
  coalesce?: boolean;
}

export interface Session {
  app: Promise<MiniApp>;
  call(method: string, params?: unknown, options?: CallOptions): Promise<unknown>;
  /** Says ready: with the hello itself when it has not left yet, else as an `app.ready` call. */
  ready(): Promise<void>;
}

/**
 * The launch a mock host serves in this very page (`mockHost()` of `miniapps/sdk/testing`, for
 * tests outside any host): the SDK then says hello to its own window. A real host never sets it.
 */
export let mockLaunch: LaunchParams | undefined;

/** Sets or clears the mock host's launch; only `miniapps/sdk/testing` calls it. */
export function useMockLaunch(launch: LaunchParams | undefined): void {
  mockLaunch = launch;
}

/**
 * Schedules the flush of calls made in one task. A settled promise's `then` is a V8 microtask;
 * `queueMicrotask` goes through the page's bindings and cost about 2–3 µs more per round trip in the bridge bench.
 */
const settledPromise = Promise.resolve();

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: MiniAppError): void;
  method: string;
  deadline: number;
}

/**
 * One handshake and the calls over its port. The SDK makes the channel and sends one end with its
 * `hello`, so calls to `app.*` can go before the host's `welcome` comes back on the port: the host
 * reads them once it has checked the hello.
 *
 * The function expressions a launch runs (this one, the promise's executor, the hello, `ready`,
 * `readLaunch`, `connect` and `ready` of the entry) are wrapped in parentheses: V8 compiles such a
 * function with its module (which Chromium can do off the main thread as the script streams in)
 * instead of at its first call. In a fresh frame those first-call compilations cost ~1 ms of the
 * launch. tsc and bundlers (esbuild, rolldown) keep the parentheses: test/node/sdk-launch-compile.
 */
export const open = (function open(launch: LaunchParams, options: ConnectOptions): Session {
  const { port1: port, port2 } = new MessageChannel();
  const pending = new Map<number, PendingCall>();
  const listeners = new Map<string, Set<(data: never) => void>>();
  let welcome: WelcomeMessage | undefined;
  let known: Set<string> | undefined;
  let resolveApp!: (app: MiniApp) => void;
  let rejectApp!: (error: MiniAppError) => void;
  const app = new Promise<MiniApp>(((resolve, reject) => {
    resolveApp = resolve;
    rejectApp = reject;
  }));
  const coalesce = options.coalesce !== false;
  const callTimeout = options.callTimeout ?? 30_000;
  let nextId = 0;
  let queue: WireCall[] = [];
  let disconnected: MiniAppError | undefined;
  // One timer for all calls, set for the earliest deadline: no timer per call on the hot path.
  // Deadlines read Date.now(): performance.now() in a frame that is not cross-origin isolated is
  // clamped and jittered per read, which costs measurably on every call; a timeout needs only ms.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;

  const fail = (id: number, error: MiniAppError) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    call.reject(error);
  };
  const arm = (deadline: number) => {
    if (deadline >= timerAt) return;
    clearTimeout(timer);
    timerAt = deadline;
    timer = setTimeout(sweep, deadline - Date.now());
  };
  const sweep = () => {
    timerAt = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const [id, call] of pending) {
      if (call.deadline <= now + 1) fail(id, new MiniAppError(ErrorCode.TIMEOUT, `${call.method} got no answer in time`));
      else next = Math.min(next, call.deadline);
    }
    if (next < Infinity) arm(next);
  };
  const send = (message: WireCall | WireCall[]) => {
    try {
      port.postMessage(message);
    } catch {
      // One call that cannot be cloned must not take the others with it: send them one by one.
      for (const call of Array.isArray(message[0]) ? (message as WireCall[]) : [message as WireCall]) {
        try {
          port.postMessage(call);
        } catch (error) {
          fail(call[0], new MiniAppError(ErrorCode.INVALID_ARGUMENT, `The arguments of ${call[1]} cannot be sent: ${(error as Error).message}`));
        }
      }
    }
  };
  const flush = () => {
    const calls = queue;
    queue = [];
    const maxBatch = welcome?.maxBatch ?? MAX_BATCH;
    for (let start = 0; start < calls.length; start += maxBatch) {
      const batch = calls.length <= maxBatch ? calls : calls.slice(start, start + maxBatch);
      send(batch.length === 1 ? batch[0]! : batch);
    }
  };
  const settle = ([id, failed, value]: [number, 0 | 1, unknown]) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (!failed) return call.resolve(value);
    const error = value as BridgeErrorPayload;
    call.reject(new MiniAppError(error?.code ?? ErrorCode.INTERNAL, String(error?.message ?? 'The host failed'), error?.details));
  };
  const emit = (event: string, data: unknown) => listeners.get(event)?.forEach((listener) => listener(data as never));
  const end = (error: MiniAppError) => {
    disconnected = error;
    queue = [];
    for (const id of [...pending.keys()]) fail(id, error);
  };
  const refused = (error: MiniAppError) => {
    clearTimeout(connectTimer);
    rejectApp(error);
    end(error);
    port.close();
  };
  port.onmessage = ({ data }) => {
    if (Array.isArray(data)) {
      for (const reply of Array.isArray(data[0]) ? data : [data]) settle(reply);
    } else if (!welcome) {
      if (data?.type === WELCOME && data.launchId === launch.launchId) {
        welcome = data as WelcomeMessage;
        known = new Set(welcome.methods);
        clearTimeout(connectTimer);
        resolveApp(connected(welcome));
      } else if (data?.type === REFUSED) {
        refused(new MiniAppError(data.error?.code ?? ErrorCode.UNSUPPORTED, String(data.error?.message)));
      }
    } else if (data?.event === 'disconnected') {
      end(new MiniAppError(ErrorCode.CANCELLED, `The host ended this connection (${data.data?.reason})`));
      emit(data.event, data.data);
    } else {
      emit(data?.event, data?.data);
    }
  };

  const call = (method: string, params?: unknown, callOptions?: CallOptions) =>
    new Promise((resolve, reject) => {
      if (disconnected) return reject(disconnected);
      // Before the welcome only the built-in app.* methods, which every host answers, may go.
      if (welcome ? !known!.has(method) : !method.startsWith('app.')) {
        return reject(new MiniAppError(ErrorCode.UNSUPPORTED, `The host does not support ${method}`));
      }
      const problem = typeof params === 'object' || typeof params === 'function' || typeof params === 'symbol' ? notPlainData(params) : undefined;
      if (problem) return reject(new MiniAppError(ErrorCode.INVALID_ARGUMENT, `The arguments of ${method} are not plain data: ${problem}`));
      const deadline = Date.now() + (callOptions?.timeout ?? Math.max(callTimeout, welcome?.timeouts?.[method] ?? 0));
      pending.set(++nextId, { resolve, reject, method, deadline });
      arm(deadline);
      if (!coalesce) send([nextId, method, params]);
      else if (queue.push([nextId, method, params]) === 1) settledPromise.then(flush);
    });

  const on = (event: string, listener: (data: never) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set.add(listener));
    return () => void set.delete(listener);
  };
  const connected = (welcome: WelcomeMessage) => createMiniApp({ launch, welcome, call, on });

  const connectTimer = setTimeout(() => refused(new MiniAppError(ErrorCode.NOT_EMBEDDED, 'The host did not answer')), options.timeout ?? 5000);
  // The hello leaves at the end of this task, so a ready() made in the same task travels with it.
  let helloSent = false;
  let readyInHello = false;
  queueMicrotask((() => {
    helloSent = true;
    const hello = { type: HELLO, launchId: launch.launchId, version: PROTOCOL_VERSION, ...(readyInHello && { ready: true }) };
    (mockLaunch ? window : parent).postMessage(hello, launch.hostOrigin, [port2]);
  }));
  const ready = ((): Promise<void> => {
    if (helloSent) return call('app.ready') as Promise<void>;
    readyInHello = true;
    // A host that did not take the ready from the hello gets the call.
    return app.then(() => (welcome!.ready ? undefined : (call('app.ready') as Promise<void>)));
  });
  return { app, call, ready };
});

