import type { Capability } from './capabilities.ts';
import type { HostScreenLink } from './screens.ts';

/** The profile a host shares with a mini-app that holds the `user` capability. */
export interface UserProfile {
  id: string;
  name: string;
  /** E.164, e.g. `+79991234567`: the partner's key to link the user with its own records. */
  phone: string;
  premises?: { id: string; title: string };
  object?: { id: string; title: string };
}

export interface UserInfo {
  profile: UserProfile;
  /** A JWT (ES256) issued by the host for this user and app; verify it on your backend. */
  launchToken: string;
}

export interface CloseRequest {
  /** Free text for the host's log. */
  reason?: string;
}

/** What an app passes to `payments.pay`. */
export interface PayRequest {
  /** The app's own order id: 1–128 characters of `A–Z a–z 0–9 . _ : -`. */
  orderId: string;
  /** In minor units of `currency`: a positive integer (12 500 = 125.00 RUB). */
  amount: number;
  /** ISO 4217 alphabetic code of a currency in circulation, upper case. */
  currency: string;
  /** Shown on the host's payment screen: 1–255 characters, one line. */
  description: string;
  /** Every call with the same key is the same payment, never charged twice; the order id by default. */
  idempotencyKey?: string;
}

/** How a payment ended. More failure reasons may come: treat an unknown one as a failure. */
export interface PayResult {
  status: 'succeeded' | 'failed';
  paymentId: string;
  /** The signed receipt (JWT): verify it on your backend; it, not `status`, is the proof. */
  receipt: string;
  failureReason?: string;
}

export interface PaymentStatusResult {
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  /** `created`, `awaiting_confirmation`, `succeeded`, `failed`, `cancelled`, or one added later. */
  status: string;
  failureReason?: string;
  /** Present once the payment has ended. */
  receipt?: string;
}

/** A push notification to the app's own user. */
export interface PushRequest {
  /** At most 64 characters. */
  title: string;
  /** At most 256 characters. */
  body: string;
  /** The route inside the app that tapping the notification opens. */
  route?: string;
  /** The anchor on that route to scroll to, without `#`. */
  anchor?: string;
  /** Plain data handed back to the app when the notification opens it: at most 1 kB as JSON. */
  data?: Record<string, unknown>;
  /** The same id within 24 h is delivered once. */
  id?: string;
}

export interface PushResult {
  id: string;
  /** False when the same id was delivered within the last 24 h. */
  delivered: boolean;
}

export interface PopupButton {
  /** Returned when the user picks this button. At most 64 characters. */
  id: string;
  /** At most 64 characters. */
  text: string;
  /** `default`, `cancel` (closes like Escape), or `destructive`. */
  type?: 'default' | 'cancel' | 'destructive';
}

export interface PopupRequest {
  /** At most 64 characters. */
  title?: string;
  /** At most 256 characters. */
  message: string;
  /** One to three buttons; a single OK button when omitted. */
  buttons?: PopupButton[];
}

export interface PromptRequest {
  title?: string;
  message: string;
  placeholder?: string;
  /** The longest answer the user may type (at most 4,096, the default 256). */
  maxLength?: number;
}

export interface ShareRequest {
  text?: string;
  /** An http(s) URL. */
  url?: string;
}

export type HapticStyle = 'light' | 'medium' | 'heavy' | 'success' | 'warning' | 'error' | 'selection';

/** A file for the host to download: from an http(s) URL, or data the app made. */
export type DownloadRequest = { url: string; name?: string } | { data: Blob | ArrayBuffer | string; name: string; type?: string };

/**
 * Every method a host may answer: name → [params, result]. A method takes one plain-data argument
 * (or none) and resolves to plain data.
 */
export interface BridgeMethods {
  /** The app has painted and is ready; the host hides its loader. */
  'app.ready': [params: void, result: void];
  /** The app asks the host to close it. */
  'app.close': [params: CloseRequest | void, result: void];
  /** While enabled, the host asks the user before closing the app. */
  'app.setClosingConfirmation': [params: { enabled: boolean }, result: void];
  /** While enabled, the host's back button is sent to the app (`back` event) before it closes it. */
  'app.setBackHandling': [params: { enabled: boolean }, result: void];
  /** The app's answer to a `back` event: whether it went back itself; if not, the host closes it. */
  'app.backResult': [params: { id: number; handled: boolean }, result: void];
  /** The signed-in user and a launch token. Capability `user`. */
  'user.get': [params: void, result: UserInfo];
  /** Asks the user, in a host dialog, to share the phone number; refusal is CANCELLED. Capability `user`. */
  'user.requestPhone': [params: void, result: { phone: string }];
  /** Pays an order on the host's own payment screen; the user's cancel is CANCELLED. Capability `payments`. */
  'payments.pay': [params: PayRequest, result: PayResult];
  /** Where a payment of this app's user is, e.g. after a reload mid-payment. Capability `payments`. */
  'payments.status': [params: { paymentId: string }, result: PaymentStatusResult];
  /** A push to this app's own user. Capability `push`. */
  'push.send': [params: PushRequest, result: PushResult];
  /** Opens a host screen. Capability `navigation`. */
  'navigation.open': [params: HostScreenLink, result: void];
  /** Opens an external http(s) link after the user confirms; declining is CANCELLED. Capability `navigation`. */
  'navigation.openLink': [params: { url: string }, result: void];
  /** Opens this app's chat with the partner's staff over the app. Capability `chat`. */
  'chat.open': [params: void, result: void];
  /** A host-drawn popup; resolves with the chosen button's id, or null when dismissed. Capability `popups`. */
  'popup.show': [params: PopupRequest, result: { buttonId: string | null }];
  /** A host-drawn prompt; resolves with the text, or null when dismissed. Capability `popups`. */
  'popup.prompt': [params: PromptRequest, result: { value: string | null }];
  /** Shares text or a link through the host; the user's cancel is CANCELLED. Capability `share`. */
  'share.share': [params: ShareRequest, result: void];
  /** Writes text to the clipboard; needs a user gesture in the app. Capability `clipboard`. */
  'clipboard.write': [params: { text: string }, result: void];
  /** The values of these keys (null for a missing one). Capability `storage`. */
  'storage.get': [params: { keys: string[] }, result: Record<string, string | null>];
  'storage.set': [params: { key: string; value: string }, result: void];
  'storage.remove': [params: { keys: string[] }, result: void];
  'storage.keys': [params: void, result: string[]];
  /** Haptic feedback; nothing happens where the device has none. Capability `haptics`. */
  'haptics.impact': [params: { style: HapticStyle }, result: void];
  /** Downloads a file through the host. Capability `files`. */
  'files.download': [params: DownloadRequest, result: void];
}

export type MethodName = keyof BridgeMethods;
export type MethodParams<M extends MethodName> = BridgeMethods[M][0];
export type MethodResult<M extends MethodName> = BridgeMethods[M][1];

/** The capability each method needs; `null` for the ones every app may call. */
export const METHOD_CAPABILITY: { readonly [M in MethodName]: Capability | null } = {
  'app.ready': null,
  'app.close': null,
  'app.setClosingConfirmation': null,
  'app.setBackHandling': null,
  'app.backResult': null,
  'user.get': 'user',
  'user.requestPhone': 'user',
  'payments.pay': 'payments',
  'payments.status': 'payments',
  'push.send': 'push',
  'navigation.open': 'navigation',
  'navigation.openLink': 'navigation',
  'chat.open': 'chat',
  'popup.show': 'popups',
  'popup.prompt': 'popups',
  'share.share': 'share',
  'clipboard.write': 'clipboard',
  'storage.get': 'storage',
  'storage.set': 'storage',
  'storage.remove': 'storage',
  'storage.keys': 'storage',
  'haptics.impact': 'haptics',
  'files.download': 'files',
};

/** Limits a mini-app can rely on; the host enforces them (SPEC "Limits"). */
export const LIMITS = {
  push: { title: 64, body: 256, dataBytes: 1024, dedupeMs: 24 * 3600_000, minIntervalMs: 30_000, perDay: 100 },
  storage: { keys: 1024, keyLength: 128, valueLength: 4096 },
  popup: { buttons: 3, title: 64, message: 256, buttonText: 64, promptLength: 4096 },
} as const;

/**
 * Methods that wait for the user (a payment page, a dialog) and so may take longer than the usual
 * 30 s before TIMEOUT. The host announces them in the welcome (`timeouts`), and the SDK waits as
 * long for their answer.
 */
export const INTERACTIVE_TIMEOUT_MS: { readonly [M in MethodName]?: number } = {
  'payments.pay': 15 * 60_000,
  'user.requestPhone': 5 * 60_000,
  'navigation.openLink': 5 * 60_000,
  'popup.show': 15 * 60_000,
  'popup.prompt': 15 * 60_000,
  'share.share': 5 * 60_000,
};

