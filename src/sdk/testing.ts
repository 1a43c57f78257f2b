/**
 * `miniapps/sdk/testing`: a mock host, so a mini-app's own code — the real SDK included — runs in
 * a plain test page with no super-app and no iframe. The mock speaks the real protocol: the SDK's
 * hello goes to the page's own window, the host side's port server answers on the MessageChannel
 * the SDK made, through the real gate (capabilities, argument schemas), and records every call.
 */
import { BridgeApi, type CallDone } from '../host/bridge-api.ts';
import { CallLog } from '../host/call-log.ts';
import { acceptHello } from '../host/handshake.ts';
import type { MethodHandlers } from '../host/handlers.ts';
import { PortServer } from '../host/port-server.ts';
import {
  ALL_CAPABILITIES,
  INTERACTIVE_TIMEOUT_MS,
  MAX_BATCH,
  METHOD_CAPABILITY,
  PROTOCOL_VERSION,
  WELCOME,
  type BridgeErrorPayload,
  type Capability,
  type HostEventName,
  type HostEvents,
  type LaunchParams,
  type LaunchTheme,
  type UserProfile,
  type WelcomeMessage,
} from '../protocol/index.ts';
import { useMockLaunch } from './session.ts';

export { HostError } from '../host/host-error.ts';
export type { CallContext, MethodHandler, MethodHandlers } from '../host/handlers.ts';

export interface MockHostOptions {
  /** The signed-in user: `user.get` answers with it, `user.requestPhone` with its phone. */
  user?: UserProfile;
  /** The launch token `user.get` hands out; by default an unsigned token no backend accepts. */
  launchToken?: string;
  /** Capabilities granted to the app (all by default); a method behind any other is PERMISSION_DENIED. */
  capabilities?: readonly Capability[];
  /** Answers to the bridge methods, as a real host's handlers: return a result, or throw a `HostError` for a typed error. */
  handlers?: MethodHandlers;
  /** The theme in the launch parameters (light by default). */
  theme?: LaunchTheme;
  /** Anything else in the launch parameters: route, anchor, locale, platform, viewport, push. */
  launchParams?: Partial<Omit<LaunchParams, 'launchId' | 'hostOrigin' | 'theme'>>;
}

/** One call the app made, as the host answered it. */
export interface MockCall {
  method: string;
  params: unknown;
  /** Unset while the handler has not answered yet. */
  outcome?: 'ok' | 'error';
  result?: unknown;
  error?: BridgeErrorPayload;
}

export interface MockHost {
  /** The launch parameters the app reads (`app.launch`). */
  readonly launch: LaunchParams;
  /** Every call the app made, in order, with its outcome: the built-in `app.*` ones too. */
  readonly calls: readonly MockCall[];
  /** The calls to one method. */
  callsTo(method: string): MockCall[];
  /** Resolves with the next answered call to `method` (or the last one, if one was answered already and none is pending). */
  waitForCall(method: string): Promise<MockCall>;
  /** Whether the app said it is ready (`ready()`, with the hello or as a call). */
  readonly ready: boolean;
  /** Sends a host event to the app: `theme`, `viewport`, `shown`, `push-open` … */
  emit<E extends HostEventName>(event: E, data: HostEvents[E]): void;
  /** Presses the host's back button: resolves with whether the app handled it (false when it handles no back). */
  back(): Promise<boolean>;
  /**
   * Ends the mock: the app is told `disconnected` (calls in flight settle with CANCELLED) and the
   * SDK forgets the connection, so the next `mockHost()` starts afresh.
   */
  dispose(): void;
}

let active: MockHost | undefined;

/**
 * Starts a mock host in this page; `connect()` of `miniapps/sdk` then connects to it. One at a
 * time: dispose it (in `afterEach`) before starting the next.
 */
export function mockHost(options: MockHostOptions = {}): MockHost {
  if (active) throw new Error('A mock host is already running in this page; dispose() it before starting another');
  const { user, handlers = {} } = options;
  const launch: LaunchParams = {
    appId: 'mock-app',
    route: '/',
    anchor: '',
    locale: 'en',
    platform: 'web',
    viewport: { width: innerWidth, height: innerHeight, stableHeight: innerHeight },
    safeArea: { top: 0, right: 0, bottom: 0, left: 0 },
    ...options.launchParams,
    theme: options.theme ?? { scheme: 'light' },
    launchId: crypto.randomUUID(),
    hostOrigin: location.origin,
  };
  const capabilities = new Set(options.capabilities ?? ALL_CAPABILITIES);
  const userHandlers: MethodHandlers = user
    ? {
        'user.get': () => ({ profile: structuredClone(user), launchToken: options.launchToken ?? unsignedToken(user, launch.appId) }),
        'user.requestPhone': () => ({ phone: user.phone }),
      }
    : {};
  const calls: MockCall[] = [];
  const waiters: { method: string; resolve(call: MockCall): void }[] = [];
  const backAnswers = new Map<number, (handled: boolean) => void>();
  let backHandling = false;
  let backSeq = 0;
  let ready = false;
  const abort = new AbortController();

  const settled = (call: MockCall) => {
    for (const waiter of waiters.filter((each) => each.method === call.method)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  };
  const api = new (class extends BridgeApi {
    override invoke(method: string, params: unknown, done: CallDone, startedAt?: number): void {
      const call: MockCall = { method, params };
      calls.push(call);
      super.invoke(method, params, (error, result) => {
        Object.assign(call, error ? { outcome: 'error', error } : { outcome: 'ok', result });
        done(error, result);
        settled(call);
      }, startedAt);
    }
  })({
    appId: launch.appId,
    appName: 'Mock app',
    launchId: launch.launchId,
    capabilities,
    handlers: { ...userHandlers, ...handlers },
    builtins: {
      ready: () => void (ready = true),
      close: () => undefined,
      setClosingConfirmation: () => undefined,
      setBackHandling: (enabled) => void (backHandling = enabled),
      backResult: (id, handled) => backAnswers.get(id)?.(handled),
    },
    callLog: new CallLog(),
    rateLimit: false,
    signal: abort.signal,
  });

  let server: PortServer | undefined;
  const onMessage = (event: MessageEvent) => {
    const hello = acceptHello(event, { frameWindow: () => window, appOrigin: location.origin, launchId: launch.launchId });
    const [port] = event.ports;
    if (!hello || !port) return;
    // A second hello of the same launch (the app connecting again) replaces the first port.
    server?.close('replaced');
    const methods = api.availableMethods();
    const welcome: WelcomeMessage = {
      type: WELCOME,
      launchId: launch.launchId,
      version: PROTOCOL_VERSION,
      capabilities: [...capabilities],
      methods,
      allowed: methods.filter((method) => METHOD_CAPABILITY[method] === null || capabilities.has(METHOD_CAPABILITY[method]!)),
      reloaded: server !== undefined,
      maxBatch: MAX_BATCH,
      timeouts: { ...INTERACTIVE_TIMEOUT_MS },
      ...(hello.ready && { ready: true }),
    };
    port.postMessage(welcome);
    server = new PortServer(port, api);
    if (hello.ready) api.invoke('app.ready', undefined, () => undefined);
  };
  window.addEventListener('message', onMessage, { signal: abort.signal });
  useMockLaunch(launch);

  const host: MockHost = {
    launch,
    calls,
    get ready() {
      return ready;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCall(method) {
      const last = calls.findLast((call) => call.method === method);
      if (last?.outcome && !calls.some((call) => call.method === method && !call.outcome)) return Promise.resolve(last);
      return new Promise((resolve) => waiters.push({ method, resolve }));
    },
    emit(event, data) {
      if (!server) throw new Error(`The app has not connected yet; cannot send ${event}`);
      server.emit(event, data);
    },
    back() {
      if (!server || !backHandling) return Promise.resolve(false);
      const id = ++backSeq;
      return new Promise<boolean>((resolve) => {
        backAnswers.set(id, (handled) => {
          backAnswers.delete(id);
          resolve(handled);
        });
        server!.emit('back', { id } satisfies HostEvents['back']);
      });
    },
    dispose() {
      if (active !== host) return;
      active = undefined;
      server?.close('closed');
      abort.abort();
      useMockLaunch(undefined);
      for (const answer of backAnswers.values()) answer(false);
    },
  };
  active = host;
  return host;
}

/** A JWT with `alg: none`: it reads like a launch token, and any backend's verification refuses it. */
function unsignedToken(user: UserProfile, appId: string): string {
  const encode = (value: unknown) => btoa(String.fromCodePoint(...new TextEncoder().encode(JSON.stringify(value)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: 'miniapps-mock-host', sub: user.id, aud: appId, phone: user.phone, iat: now, exp: now + 3600 })}.`;
}
