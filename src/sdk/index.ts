import {
  ErrorCode,
  HELLO,
  PROTOCOL_VERSION,
  REFUSED,
  WELCOME,
  type BridgeErrorPayload,
  type Capability,
  type HostEventName,
  type HostEvents,
  type LaunchParams,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type UserInfo,
  type WelcomeMessage,
  type WireCall,
} from '../protocol/index.ts';
import { readLaunch } from './launch.ts';

export { ErrorCode } from '../protocol/index.ts';
export type * from '../protocol/index.ts';

/** A failure of a bridge call or of `connect()`; switch on `code`. */
export class MiniAppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'MiniAppError';
  }
}

export interface ConnectOptions {
  /** How long to wait for the host's answer, in ms (default 5000). */
  timeout?: number;
  /** Host origins this app agrees to run in; any by default. */
  hosts?: readonly string[];
  /** Send calls made in the same task as one message (default true). */
  coalesce?: boolean;
}

type ParamsArg<M extends MethodName> = MethodParams<M> extends void ? [params?: MethodParams<M>] : [params: MethodParams<M>];

/** A connected mini-app: launch info, the typed bridge, host events. */
export interface MiniApp {
  readonly launch: LaunchParams;
  /** The host's protocol version. */
  readonly hostVersion: number;
  /** Capabilities the host granted this app. */
  readonly capabilities: readonly Capability[];
  /** True when this page is a reload of an earlier page of the same launch. */
  readonly reloaded: boolean;
  /** Calls a bridge method; rejects with `MiniAppError`. */
  call<M extends MethodName>(method: M, ...params: ParamsArg<M>): Promise<MethodResult<M>>;
  /** Tells the host the app has painted: the host hides its loader. */
  ready(): Promise<void>;
  /** Asks the host to close the app. */
  close(reason?: string): Promise<void>;
  /** Listens to a host event; returns the function that stops listening. */
  on<E extends HostEventName>(event: E, listener: (data: HostEvents[E]) => void): () => void;
  readonly user: { get(): Promise<UserInfo> };
}

let connection: Promise<MiniApp> | undefined;

/**
 * Connects to the host that launched this page. Rejects with `NOT_EMBEDDED` at once when the page
 * is not in a host's frame, and after `timeout` when nobody answers; never hangs.
 */
export function connect(options: ConnectOptions = {}): Promise<MiniApp> {
  if (connection) return connection;
  connection = new Promise<MiniApp>((resolve, reject) => {
    const launch = readLaunch();
    const fail = (code: ErrorCode, message: string) => reject(new MiniAppError(code, message));
    if (window.parent === window || !launch) return fail(ErrorCode.NOT_EMBEDDED, 'Not running inside a mini-app host');
    const { hostOrigin, launchId } = launch;
    if (options.hosts && !options.hosts.includes(hostOrigin)) return fail(ErrorCode.NOT_EMBEDDED, `Not a trusted host: ${hostOrigin}`);

    const stop = () => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
    };
    const onMessage = ({ source, origin, data, ports }: MessageEvent) => {
      if (source !== parent || origin !== hostOrigin || data?.launchId !== launchId) return;
      if (data.type === REFUSED) {
        stop();
        fail(data.error.code, data.error.message);
      } else if (data.type === WELCOME && ports[0]) {
        stop();
        resolve(client(ports[0], launch, data, options.coalesce !== false));
      }
    };
    const timer = setTimeout(() => {
      stop();
      fail(ErrorCode.NOT_EMBEDDED, 'The host did not answer');
    }, options.timeout ?? 5000);
    addEventListener('message', onMessage);
    parent.postMessage({ type: HELLO, launchId, version: PROTOCOL_VERSION }, hostOrigin);
  });
  // A failed attempt may be retried.
  connection.catch(() => (connection = undefined));
  return connection;
}

function client(port: MessagePort, launch: LaunchParams, welcome: WelcomeMessage, coalesce: boolean): MiniApp {
  const pending = new Map<number, [(value: never) => void, (error: MiniAppError) => void]>();
  const listeners = new Map<string, Set<(data: never) => void>>();
  let nextId = 0;
  let queue: WireCall[] = [];

  const flush = () => {
    port.postMessage(queue.length === 1 ? queue[0] : queue);
    queue = [];
  };
  const settle = ([id, failed, value]: [number, 0 | 1, unknown]) => {
    const callbacks = pending.get(id);
    pending.delete(id);
    if (!callbacks) return;
    if (!failed) return callbacks[0](value as never);
    const error = value as BridgeErrorPayload;
    callbacks[1](new MiniAppError(error.code, error.message, error.details));
  };
  port.onmessage = ({ data }) => {
    if (Array.isArray(data)) for (const reply of Array.isArray(data[0]) ? data : [data]) settle(reply);
    else listeners.get(data?.event)?.forEach((listener) => listener(data.data as never));
  };

  const call = (method: string, params?: unknown) =>
    new Promise((resolve, reject) => {
      if (!welcome.methods.includes(method)) {
        return reject(new MiniAppError(ErrorCode.UNSUPPORTED, `The host does not support ${method}`));
      }
      pending.set(++nextId, [resolve, reject]);
      if (queue.push([nextId, method, params]) === 1) (coalesce ? queueMicrotask : (run: () => void) => run())(flush);
    });

  return {
    launch,
    hostVersion: welcome.version,
    capabilities: welcome.capabilities,
    reloaded: welcome.reloaded,
    call: call as MiniApp['call'],
    ready: () => call('app.ready') as Promise<void>,
    close: (reason) => call('app.close', reason ? { reason } : undefined) as Promise<void>,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener as (data: never) => void));
      return () => set.delete(listener as (data: never) => void);
    },
    user: { get: () => call('user.get') as Promise<UserInfo> },
  };
}
