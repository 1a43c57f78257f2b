import {
  ErrorCode,
  INTERACTIVE_TIMEOUT_MS,
  MAX_BATCH,
  METHOD_CAPABILITY,
  PROTOCOL_VERSION,
  REFUSED,
  WELCOME,
  type Capability,
  type CloseRequest,
  type HostEvents,
  type Insets,
  type LaunchParams,
  type LaunchTheme,
  type Platform,
  type RefusedMessage,
  type WelcomeMessage,
} from '../protocol/index.ts';
import { BridgeApi } from './bridge-api.ts';
import { CallLog, type CallLogEntry } from './call-log.ts';
import { allowList, appOriginOf, createAppFrame, LaunchConfigError, newLaunchId } from './frame.ts';
import type { MethodHandlers } from './handlers.ts';
import { HostError } from './host-error.ts';
import { acceptHello, MIN_PEER_VERSION } from './handshake.ts';
import { contentBox, measureFrameLayout, watchFrameLayout } from './layout.ts';
import { PortServer } from './port-server.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.ts';

/** What the host knows about the app it opens (from the catalog and the app's manifest). */
export interface MiniAppDescriptor {
  id: string;
  /** Display name, used as the frame's title and on the error screen. */
  name: string;
  /** Absolute URL of the app's entry page, on the app's own origin. */
  url: string;
  /** Capabilities granted by the catalog. */
  capabilities: readonly Capability[];
  /** Browser features the app needs (camera, geolocation …); nothing by default. */
  features?: readonly string[];
  /** `sdk` (default): ready when the app calls `ready()`; `load`: an app without the SDK is ready on load. */
  readiness?: 'sdk' | 'load';
}

export type LaunchErrorCode = 'READY_TIMEOUT' | 'LOAD_FAILED' | 'INVALID_URL' | 'SAME_ORIGIN' | 'INVALID_FEATURE';

export interface LaunchError {
  code: LaunchErrorCode;
  message: string;
}

export interface MiniAppHostOptions {
  app: MiniAppDescriptor;
  /** Where the iframe goes. */
  container: HTMLElement | ShadowRoot;
  handlers?: MethodHandlers;
  route?: string;
  anchor?: string;
  /** The app's theme; by default the system's colour scheme, followed while the app runs. */
  theme?: LaunchTheme;
  locale?: string;
  platform?: Platform;
  /** How long the app has to call `ready()`; 10 s by default. */
  readyTimeoutMs?: number;
  /** How long an app that is told `closing` may take for a last save; 300 ms by default. */
  closeGraceMs?: number;
  rateLimit?: RateLimit | false;
  /** How long an asynchronous handler may take before the app gets TIMEOUT (default 30 s). */
  callTimeoutMs?: number;
  /** Share one log between launches (the moderator page does); a new one otherwise. */
  callLog?: CallLog;
  /**
   * When the app has not said hello after this many ms, check that its URL answers at all, so a
   * dead server fails fast instead of at the ready timeout (default 1000; `false` turns it off).
   */
  probeAfterMs?: number | false;
  /**
   * Asked when the user closes an app that turned on closing confirmation; resolve true to close.
   * The browser's own `confirm()` by default.
   */
  confirmClose?: (app: MiniAppDescriptor) => boolean | Promise<boolean>;
  /** How long an app that handles back has to answer a `back` event before it is closed (default 1000 ms). */
  backTimeoutMs?: number;
  /**
   * The host's own chrome over the frame, in CSS px from each of its edges (say a translucent tab
   * bar over its bottom): the app keeps its content clear of it (`contentSafeArea`). None by default.
   */
  insets?: Partial<Insets>;
  /** The push the user tapped to open the app: it reaches the app in the launch fragment (`LaunchParams.push`). */
  push?: HostEvents['push-open'];
}

export type HostState = 'idle' | 'loading' | 'connected' | 'ready' | 'error' | 'closed';

export interface MiniAppHostEventMap {
  ready: CustomEvent<{ launchId: string }>;
  error: CustomEvent<LaunchError>;
  /** The app asked to close; call `preventDefault()` to keep it open. */
  'close-request': CustomEvent<CloseRequest | undefined>;
  closed: CustomEvent<{ reason: string }>;
  reload: CustomEvent<{ launchId: string }>;
  call: CustomEvent<CallLogEntry>;
}

/**
 * Opens one mini-app in a sandboxed iframe on its own origin and serves it the bridge.
 * `open()` launches, `retry()` relaunches with a new launch id, `close()` frees everything.
 */
export class MiniAppHost extends EventTarget {
  readonly app: MiniAppDescriptor;
  readonly callLog: CallLog;
  readonly appOrigin: string | undefined;
  #options: MiniAppHostOptions;
  #state: HostState = 'idle';
  #launch: LaunchParams | undefined;
  #iframe: HTMLIFrameElement | undefined;
  #server: PortServer | undefined;
  #api: BridgeApi | undefined;
  #abort: AbortController | undefined;
  #readyTimer: ReturnType<typeof setTimeout> | undefined;
  #probeTimer: ReturnType<typeof setTimeout> | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #unsubscribeLog: (() => void) | undefined;
  #configError: LaunchError | undefined;
  #callListeners = 0;
  #closingConfirmation = false;
  #backHandling = false;
  #backSeq = 0;
  readonly #backAnswers = new Map<number, (handled: boolean) => void>();

  constructor(options: MiniAppHostOptions) {
    super();
    this.#options = options;
    this.app = options.app;
    this.callLog = options.callLog ?? new CallLog();
    try {
      this.appOrigin = appOriginOf(options.app.url, location.origin);
      allowList(options.app.features ?? [], this.appOrigin);
    } catch (error) {
      if (!(error instanceof LaunchConfigError)) throw error;
      this.appOrigin = undefined;
      this.#configError = { code: error.code, message: error.message };
    }
  }

  get state(): HostState {
    return this.#state;
  }

  get launchId(): string | undefined {
    return this.#launch?.launchId;
  }

  get iframe(): HTMLIFrameElement | undefined {
    return this.#iframe;
  }

  /** Launches the app. A configuration problem (same origin, bad URL) ends in the `error` state. */
  open(): void {
    if (this.#state !== 'idle' && this.#state !== 'error') throw new Error(`Cannot open a mini-app that is ${this.#state}`);
    this.#teardown();
    if (this.#configError || !this.appOrigin) return this.#fail(this.#configError!);
    const appOrigin = this.appOrigin;
    const options = this.#options;
    const launch: LaunchParams = {
      launchId: newLaunchId(),
      hostOrigin: location.origin,
      appId: this.app.id,
      route: options.route ?? '/',
      anchor: options.anchor ?? '',
      theme: options.theme ?? { scheme: systemScheme() },
      locale: options.locale ?? document.documentElement.lang ?? 'en',
      platform: options.platform ?? 'web',
      // Measured before the frame exists: it will fill the container's content box.
      ...measureFrameLayout(contentBox(options.container instanceof ShadowRoot ? options.container.host : options.container), options.insets),
      ...(options.push && { push: options.push }),
    };
    this.#launch = launch;
    this.#state = 'loading';
    const abort = new AbortController();
    this.#abort = abort;

    // The frame starts loading first; everything it could talk to is in place before this task ends.
    const iframe = createAppFrame({ url: this.app.url, appOrigin, launch, features: this.app.features ?? [], title: this.app.name });
    this.#iframe = iframe;
    if (this.app.readiness === 'load') iframe.addEventListener('load', () => this.#markReady(), { signal: abort.signal, once: true });
    options.container.append(iframe);
    this.#api = new BridgeApi({
      appId: this.app.id,
      appName: this.app.name,
      launchId: launch.launchId,
      capabilities: new Set(this.app.capabilities),
      handlers: options.handlers ?? {},
      builtins: {
        ready: () => this.#markReady(),
        close: (request) => this.#appAsksToClose(request),
        setClosingConfirmation: (enabled) => (this.#closingConfirmation = enabled),
        setBackHandling: (enabled) => (this.#backHandling = enabled),
        backResult: (id, handled) => this.#backAnswers.get(id)?.(handled),
      },
      callLog: this.callLog,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      signal: abort.signal,
      frame: iframe,
      ...(options.callTimeoutMs !== undefined && { callTimeoutMs: options.callTimeoutMs }),
    });
    if (this.#callListeners > 0) this.#subscribeLog();

    window.addEventListener('message', this.#onWindowMessage, { signal: abort.signal });
    // With no theme of its own the host follows the system, and so does the app it runs.
    (darkQuery ??= matchMedia(DARK_QUERY)).addEventListener('change', () => {
      if (!this.#options.theme) this.#server?.emit('theme', { scheme: systemScheme() } satisfies HostEvents['theme']);
    }, { signal: abort.signal });
    this.#readyTimer = setTimeout(() => {
      this.#fail({ code: 'READY_TIMEOUT', message: `${this.app.name} did not get ready in ${this.#readyTimeoutMs / 1000} s` });
    }, this.#readyTimeoutMs);

    this.#observeSize(iframe);
    if (options.probeAfterMs !== false) this.#probeTimer = setTimeout(() => this.#probe(abort.signal), options.probeAfterMs ?? 1000);
  }

  /** Relaunches after an error (or at any time): a new iframe and a new launch id. */
  retry(): void {
    if (this.#state === 'closed') throw new Error('Cannot retry a closed mini-app');
    this.#teardown();
    this.#state = 'idle';
    this.open();
  }

  /**
   * Closes the app: tells it `closing`, waits the grace period if it is connected, then removes the
   * iframe and frees ports, listeners and timers. Safe to call more than once.
   */
  async close(reason = 'host'): Promise<void> {
    if (this.#state === 'closed') return;
    const connected = this.#state === 'connected' || this.#state === 'ready';
    const grace = this.#options.closeGraceMs ?? 300;
    if (connected && grace > 0) {
      this.#server?.emit('closing', { graceMs: grace } satisfies HostEvents['closing']);
      this.#state = 'closed';
      await new Promise((resolve) => setTimeout(resolve, grace));
    }
    this.#state = 'closed';
    this.#teardown();
    this.dispatchEvent(new CustomEvent('closed', { detail: { reason } }));
  }

  /**
   * Closes the app because the user asked to (a close button): when the app turned on closing
   * confirmation, the user is asked first. Resolves whether it closed.
   */
  async requestClose(reason = 'user'): Promise<boolean> {
    if (this.#state === 'closed') return true;
    const running = this.#state === 'connected' || this.#state === 'ready';
    if (running && this.#closingConfirmation && !(await this.#confirmClose())) return false;
    await this.close(reason);
    return true;
  }

  /**
   * The host's back button. An app that handles back gets a `back` event and answers whether it
   * went back itself; otherwise (or with no answer in time) the app is closed, with confirmation
   * if it asked for it. Resolves true when the app stays open.
   */
  async back(): Promise<boolean> {
    if (this.#backHandling && this.#server) {
      const id = ++this.#backSeq;
      const handled = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), this.#options.backTimeoutMs ?? 1000);
        this.#backAnswers.set(id, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
        this.#server!.emit('back', { id } satisfies HostEvents['back']);
      });
      this.#backAnswers.delete(id);
      if (handled) return true;
    }
    return !(await this.requestClose('back'));
  }

  async #confirmClose(): Promise<boolean> {
    const ask = this.#options.confirmClose ?? ((app: MiniAppDescriptor) => confirm(closeQuestion(app.name, this.#launch?.locale)));
    try {
      return (await ask(this.app)) === true;
    } catch {
      return false;
    }
  }

  /** Tells the app it is shown or hidden (the host moved to another screen). */
  setVisible(visible: boolean): void {
    this.#server?.emit(visible ? 'shown' : 'hidden', undefined);
  }

  /**
   * Hands a push the user tapped to the running app as `push-open`, without reloading it. Returns
   * false when no app is connected to receive it (launch it with the `push` option instead).
   */
  deliverPush(push: HostEvents['push-open']): boolean {
    if (!this.#server || (this.#state !== 'connected' && this.#state !== 'ready')) return false;
    this.#server.emit('push-open', push satisfies HostEvents['push-open']);
    return true;
  }

  /**
   * Opens the app's chat as the app's own `chat.open` would (the push of a staff message, say):
   * the same handler, for a running app that holds the `chat` capability. Rejects with a
   * `HostError`: UNSUPPORTED with no chat handler, PERMISSION_DENIED without the capability,
   * CANCELLED when the app is not running, or what the handler answers. Not an app call, so not logged.
   */
  async openChat(): Promise<void> {
    const handler = this.#options.handlers?.['chat.open'];
    const launch = this.#launch;
    const signal = this.#abort?.signal;
    if (!launch || !signal || (this.#state !== 'connected' && this.#state !== 'ready')) throw new HostError(ErrorCode.CANCELLED, `${this.app.name} is not running`);
    if (!handler) throw new HostError(ErrorCode.UNSUPPORTED, 'This host has no chat');
    if (!this.app.capabilities.includes(METHOD_CAPABILITY['chat.open']!)) throw new HostError(ErrorCode.PERMISSION_DENIED, `${this.app.name} has no chat capability`);
    await handler(undefined, { appId: this.app.id, appName: this.app.name, launchId: launch.launchId, signal, ...(this.#iframe && { frame: this.#iframe }) });
  }

  /** Sends a new theme to the running app. */
  setTheme(theme: LaunchTheme): void {
    this.#options = { ...this.#options, theme };
    this.#server?.emit('theme', theme satisfies HostEvents['theme']);
  }

  override addEventListener<K extends keyof MiniAppHostEventMap>(
    type: K,
    listener: ((event: MiniAppHostEventMap[K]) => void) | null,
    options?: AddEventListenerOptions | boolean,
  ): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    super.addEventListener(type, listener, options);
    // `call` events cost an event per bridge call, so they are produced only while someone listens.
    if (type === 'call' && listener && ++this.#callListeners === 1 && this.#abort) this.#subscribeLog();
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void {
    super.removeEventListener(type, listener, options);
    if (type === 'call' && listener && this.#callListeners > 0 && --this.#callListeners === 0) {
      this.#unsubscribeLog?.();
      this.#unsubscribeLog = undefined;
    }
  }

  #subscribeLog(): void {
    const launchId = this.#launch?.launchId;
    this.#unsubscribeLog?.();
    this.#unsubscribeLog = this.callLog.subscribe((entry) => {
      if (entry.launchId === launchId) this.dispatchEvent(new CustomEvent('call', { detail: entry }));
    });
  }

  get #readyTimeoutMs(): number {
    return this.#options.readyTimeoutMs ?? 10_000;
  }

  readonly #onWindowMessage = (event: MessageEvent): void => {
    const launch = this.#launch;
    if (!launch || !this.appOrigin || !this.#api) return;
    const hello = acceptHello(event, {
      frameWindow: () => this.#iframe?.contentWindow ?? null,
      appOrigin: this.appOrigin,
      launchId: launch.launchId,
    });
    if (!hello) return;
    // The SDK sends its end of the channel with the hello (so its first calls need not wait for
    // the welcome); a peer that sends none gets a port with the welcome instead.
    const [appPort, ...extra] = event.ports;
    for (const port of extra) port.close();
    const answer = (message: WelcomeMessage | RefusedMessage, port?: MessagePort) => {
      if (appPort) appPort.postMessage(message);
      else (event.source as Window).postMessage(message, this.appOrigin!, port ? [port] : []);
    };
    if (hello.version < MIN_PEER_VERSION) {
      answer({
        type: REFUSED,
        launchId: launch.launchId,
        version: PROTOCOL_VERSION,
        error: { code: ErrorCode.UNSUPPORTED, message: `This host needs protocol ${MIN_PEER_VERSION} or newer; the SDK speaks ${hello.version}` },
      });
      appPort?.close();
      return;
    }
    // A second hello for the same launch is the app reloading itself: new port, same state and log.
    const reloaded = this.#server !== undefined;
    this.#server?.close('replaced');
    if (reloaded) this.#forgetAppRequests();
    const channel = appPort ? undefined : new MessageChannel();
    const methods = this.#api.availableMethods();
    const welcome: WelcomeMessage = {
      type: WELCOME,
      launchId: launch.launchId,
      version: PROTOCOL_VERSION,
      capabilities: [...this.app.capabilities],
      methods,
      allowed: methods.filter((method) => {
        const capability = METHOD_CAPABILITY[method];
        return capability === null || this.app.capabilities.includes(capability);
      }),
      reloaded,
      maxBatch: MAX_BATCH,
      ...(this.#options.callTimeoutMs === undefined && { timeouts: { ...INTERACTIVE_TIMEOUT_MS } }),
      ...(hello.ready && { ready: true }),
    };
    // The welcome leaves before the server reads anything from the port, so it arrives first.
    answer(welcome, channel?.port2);
    this.#server = new PortServer(appPort ?? channel!.port1, this.#api);
    clearTimeout(this.#probeTimer);
    if (this.#state === 'loading') this.#state = 'connected';
    // A hello that says ready is the app's app.ready: through the same gate and into the log.
    if (hello.ready) this.#api.invoke('app.ready', undefined, () => undefined);
    if (reloaded) this.dispatchEvent(new CustomEvent('reload', { detail: { launchId: launch.launchId } }));
  };

  #markReady(): void {
    if (this.#state !== 'connected' && this.#state !== 'loading') return;
    clearTimeout(this.#readyTimer);
    // An app ready on load (no SDK, so no hello) has shown it is served: the load probe has nothing left to find.
    clearTimeout(this.#probeTimer);
    this.#readyTimer = this.#probeTimer = undefined;
    this.#state = 'ready';
    this.dispatchEvent(new CustomEvent('ready', { detail: { launchId: this.#launch!.launchId } }));
  }

  #appAsksToClose(request: CloseRequest | undefined): void {
    const event = new CustomEvent('close-request', { detail: request, cancelable: true });
    if (this.dispatchEvent(event)) void this.close('app');
  }

  #fail(error: LaunchError): void {
    if (this.#state === 'closed') return;
    this.#teardown();
    this.#state = 'error';
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  /** A dead server shows the error screen soon instead of after the ready timeout. */
  #probe(signal: AbortSignal): void {
    this.#probeTimer = undefined;
    fetch(this.app.url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal }).catch(() => {
      if (!signal.aborted) this.#fail({ code: 'LOAD_FAILED', message: `${this.app.name} could not be loaded from ${this.appOrigin}` });
    });
  }

  /**
   * Sends `viewport` whenever the frame's layout changes (its size, the keyboard, the insets), at
   * most once per animation frame. A page that connected after a change, or reloaded (and so painted
   * from the launch's layout again), is told the current layout once it is ready or reloaded.
   */
  #observeSize(iframe: HTMLIFrameElement): void {
    const signal = this.#abort!.signal;
    const { viewport, safeArea, contentSafeArea } = this.#launch!;
    const initial = contentSafeArea ? { viewport, safeArea, contentSafeArea } : { viewport, safeArea };
    let told: PortServer | undefined;
    const tell = (layout: HostEvents['viewport']) => {
      if (!this.#server) return;
      told = this.#server;
      this.#server.emit('viewport', layout);
    };
    const layout = watchFrameLayout(iframe, { signal, initial, ...(this.#options.insets && { insets: this.#options.insets }), onChange: tell });
    const catchUp = () => {
      if (this.#server !== told && layout.current && layout.current !== initial) tell(layout.current);
    };
    this.addEventListener('ready', catchUp, { signal });
    this.addEventListener('reload', catchUp, { signal });
    if (typeof ResizeObserver !== 'undefined') {
      this.#resizeObserver = new ResizeObserver(() => layout.schedule());
      this.#resizeObserver.observe(iframe);
    }
  }

  /** What the app asked of the host (confirmation, back handling) belongs to its page: a reload or close forgets it. */
  #forgetAppRequests(): void {
    this.#closingConfirmation = false;
    this.#backHandling = false;
    for (const answer of this.#backAnswers.values()) answer(false);
    this.#backAnswers.clear();
  }

  #teardown(): void {
    this.#forgetAppRequests();
    clearTimeout(this.#readyTimer);
    clearTimeout(this.#probeTimer);
    this.#readyTimer = this.#probeTimer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#server?.close();
    this.#server = undefined;
    this.#api = undefined;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#unsubscribeLog?.();
    this.#unsubscribeLog = undefined;
    this.#iframe?.remove();
    this.#iframe = undefined;
  }
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function closeQuestion(name: string, locale = 'en'): string {
  return locale.startsWith('ru') ? `Закрыть «${name}»? Несохранённые изменения могут пропасть.` : `Close ${name}? Unsaved changes may be lost.`;
}

let darkQuery: MediaQueryList | undefined;

function systemScheme(): LaunchTheme['scheme'] {
  darkQuery ??= matchMedia(DARK_QUERY);
  return darkQuery.matches ? 'dark' : 'light';
}
