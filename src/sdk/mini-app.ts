import type {
  Capability,
  DownloadRequest,
  HapticStyle,
  HostEventName,
  HostEvents,
  HostScreenLink,
  LaunchParams,
  MethodName,
  MethodParams,
  MethodResult,
  PayRequest,
  PayResult,
  PaymentStatusResult,
  PopupRequest,
  PromptRequest,
  PushRequest,
  PushResult,
  ShareRequest,
  UserInfo,
  WelcomeMessage,
} from '../protocol/index.ts';

export interface CallOptions {
  /** This call's own timeout in ms, instead of `callTimeout`. */
  timeout?: number;
}

type ParamsArg<M extends MethodName> = MethodParams<M> extends void
  ? [params?: MethodParams<M>, options?: CallOptions]
  : [params: MethodParams<M>, options?: CallOptions];

/**
 * A connected mini-app: launch info, the typed bridge, host events. Every call settles: its
 * result, or a `MiniAppError` — from the host, or INVALID_ARGUMENT when the arguments are not
 * plain data, TIMEOUT, CANCELLED once disconnected, UNSUPPORTED for a method the host lacks.
 */
export interface MiniApp {
  readonly launch: LaunchParams;
  /** The host's protocol version. */
  readonly hostVersion: number;
  /** Capabilities the host granted this app. */
  readonly capabilities: readonly Capability[];
  /** True when this page is a reload of an earlier page of the same launch. */
  readonly reloaded: boolean;
  /** Whether this host answers `method` for this app (knows it, and the capability is granted): feature-detect with it. */
  supports(method: MethodName): boolean;
  /** Calls a bridge method by name. */
  call<M extends MethodName>(method: M, ...params: ParamsArg<M>): Promise<MethodResult<M>>;
  /** Tells the host the app has painted: the host hides its loader. */
  ready(): Promise<void>;
  /** Asks the host to close the app (a non-string reason, such as a click event, is left out). */
  close(reason?: string): Promise<void>;
  /** While enabled, the host asks the user before closing the app (unsaved work). */
  setClosingConfirmation(enabled: boolean): Promise<void>;
  /**
   * Handles the host's back button: `handler` returns true when it went back inside the app; when
   * no handler does, the host closes the app. Returns the function that removes the handler.
   */
  onBack(handler: () => boolean | Promise<boolean>): () => void;
  /** Listens to a host event; returns the function that stops listening. */
  on<E extends HostEventName>(event: E, listener: (data: HostEvents[E]) => void): () => void;
  readonly user: {
    get(): Promise<UserInfo>;
    /** Asks the user to share the phone number (a host dialog); refusal rejects with CANCELLED. */
    requestPhone(): Promise<string>;
  };
  readonly payments: {
    /** Pays on the host's own payment screen; cancel rejects with CANCELLED. Verify `receipt` on your backend. */
    pay(request: PayRequest): Promise<PayResult>;
    status(paymentId: string): Promise<PaymentStatusResult>;
  };
  readonly push: { send(request: PushRequest): Promise<PushResult> };
  readonly navigation: {
    /** Opens a host screen: `{ screen: 'bills' }`, `{ screen: 'event', id }`. */
    open(link: HostScreenLink): Promise<void>;
    /** Opens an external http(s) link once the user confirms; declining rejects with CANCELLED. */
    openLink(url: string): Promise<void>;
  };
  readonly chat: { open(): Promise<void> };
  readonly popup: {
    /** Up to three buttons; resolves with the chosen button's id, or null when dismissed. */
    show(request: PopupRequest): Promise<string | null>;
    alert(message: string, title?: string): Promise<void>;
    confirm(message: string, title?: string): Promise<boolean>;
    /** Resolves with the typed text, or null when dismissed. */
    prompt(request: PromptRequest): Promise<string | null>;
  };
  /** Shares text or a link through the host; the user's cancel rejects with CANCELLED. */
  share(request: ShareRequest): Promise<void>;
  /** Call from a click or key handler: the host needs the user's gesture. */
  readonly clipboard: { write(text: string): Promise<void> };
  /** A small store the host keeps for this app and user: ≤ 1,024 keys, key ≤ 128, value ≤ 4,096 characters. */
  readonly storage: {
    get(key: string): Promise<string | null>;
    getMany(keys: string[]): Promise<Record<string, string | null>>;
    set(key: string, value: string): Promise<void>;
    remove(...keys: string[]): Promise<void>;
    keys(): Promise<string[]>;
  };
  /** Does nothing where the device has no haptics. */
  readonly haptics: { impact(style?: HapticStyle): Promise<void> };
  readonly files: { download(request: DownloadRequest): Promise<void> };
}

type Call = (method: string, params?: unknown, options?: CallOptions) => Promise<unknown>;

export interface MiniAppParts {
  launch: LaunchParams;
  welcome: WelcomeMessage;
  call: Call;
  on(event: string, listener: (data: never) => void): () => void;
}

const BUTTONS = {
  ru: { ok: 'ОК', cancel: 'Отмена' },
  en: { ok: 'OK', cancel: 'Cancel' },
};

/** The typed API over one connection's `call`. */
export function createMiniApp({ launch, welcome, call, on }: MiniAppParts): MiniApp {
  const method =
    <R>(name: MethodName) =>
    (params?: unknown) =>
      call(name, params) as Promise<R>;
  const backHandlers = new Set<() => boolean | Promise<boolean>>();
  let stopBack: (() => void) | undefined;
  const texts = launch.locale.startsWith('ru') ? BUTTONS.ru : BUTTONS.en;
  const show = (request: PopupRequest) => call('popup.show', request).then((answer) => (answer as { buttonId: string | null }).buttonId);

  return {
    launch,
    hostVersion: welcome.version,
    capabilities: welcome.capabilities,
    reloaded: welcome.reloaded,
    supports: (name) => (welcome.allowed ?? welcome.methods).includes(name),
    call: call as MiniApp['call'],
    ready: method('app.ready'),
    close: (reason) => call('app.close', typeof reason === 'string' ? { reason } : undefined) as Promise<void>,
    setClosingConfirmation: (enabled) => call('app.setClosingConfirmation', { enabled }) as Promise<void>,
    onBack(handler) {
      backHandlers.add(handler);
      if (!stopBack) {
        void call('app.setBackHandling', { enabled: true }).catch(() => undefined);
        stopBack = on('back', (async ({ id }: HostEvents['back']) => {
          let handled = false;
          for (const each of [...backHandlers].reverse()) {
            if (await Promise.resolve().then(each).catch(() => false)) {
              handled = true;
              break;
            }
          }
          await call('app.backResult', { id, handled }).catch(() => undefined);
        }) as (data: never) => void);
      }
      return () => {
        backHandlers.delete(handler);
        if (backHandlers.size === 0 && stopBack) {
          stopBack();
          stopBack = undefined;
          void call('app.setBackHandling', { enabled: false }).catch(() => undefined);
        }
      };
    },
    on: on as MiniApp['on'],
    user: {
      get: method('user.get'),
      requestPhone: () => call('user.requestPhone').then((answer) => (answer as { phone: string }).phone),
    },
    payments: {
      pay: method('payments.pay'),
      status: (paymentId) => call('payments.status', { paymentId }) as Promise<PaymentStatusResult>,
    },
    push: { send: method('push.send') },
    navigation: {
      open: method('navigation.open'),
      openLink: (url) => call('navigation.openLink', { url }) as Promise<void>,
    },
    chat: { open: method('chat.open') },
    popup: {
      show,
      alert: (message, title) => show({ message, ...(title !== undefined && { title }) }).then(() => undefined),
      confirm: (message, title) =>
        show({ message, ...(title !== undefined && { title }), buttons: [{ id: 'cancel', text: texts.cancel, type: 'cancel' }, { id: 'ok', text: texts.ok }] }).then(
          (id) => id === 'ok',
        ),
      prompt: (request) => call('popup.prompt', request).then((answer) => (answer as { value: string | null }).value),
    },
    share: method('share.share'),
    clipboard: { write: (text) => call('clipboard.write', { text }) as Promise<void> },
    storage: {
      get: (key) => call('storage.get', { keys: [key] }).then((values) => (Object.hasOwn(values as object, key) ? (values as Record<string, string | null>)[key]! : null)),
      getMany: (keys) => call('storage.get', { keys }) as Promise<Record<string, string | null>>,
      set: (key, value) => call('storage.set', { key, value }) as Promise<void>,
      remove: (...keys) => call('storage.remove', { keys }) as Promise<void>,
      keys: method('storage.keys'),
    },
    haptics: { impact: (style = 'light') => call('haptics.impact', { style }) as Promise<void> },
    files: { download: method('files.download') },
  };
}
