import type { Capability } from './capabilities.ts';
import type { BridgeErrorPayload } from './errors.ts';
import type { FrameLayout, LaunchTheme } from './launch.ts';

/**
 * Version of the wire contract. The host answers `hello` with its own version; each side then
 * uses only what both know, and anything else ends in `UNSUPPORTED`, never in a hang.
 */
export const PROTOCOL_VERSION = 1;

/**
 * The most calls one batch message may hold. The host answers every call of a larger batch with
 * INVALID_ARGUMENT and runs none; the SDK splits its batches to the limit the welcome announces.
 * One batch is handled in one task, so the limit also bounds how long an app can hold the host's
 * event loop with one message (a few ms); larger bursts are spread over several tasks.
 */
export const MAX_BATCH = 1000;

/** Posted by the SDK to `parent` at the host origin, once per page load. */
export interface HelloMessage {
  type: 'miniapp:hello';
  launchId: string;
  version: number;
  /** The app has painted already (from the launch parameters): the hello is also its `app.ready`. */
  ready?: boolean;
}

/** The host's answer, posted to the frame with a `MessagePort` transferred alongside. */
export interface WelcomeMessage {
  type: 'miniapp:welcome';
  launchId: string;
  version: number;
  capabilities: Capability[];
  /** The methods the host answers, granted to this app or not. */
  methods: string[];
  /** Of those, the ones this app may call (their capability is granted). */
  allowed?: string[];
  /** True when this `hello` came from a reload of the same launch. */
  reloaded: boolean;
  /** True when the host took the hello's `ready` (an older host leaves it out: call `app.ready`). */
  ready?: boolean;
  /** The most calls the host takes in one batch (`MAX_BATCH` when absent). */
  maxBatch?: number;
  /** Methods that wait for the user, and how long the host lets them take (ms); the SDK waits as long. */
  timeouts?: Record<string, number>;
}

/** Posted by the host instead of `welcome` when it will not talk to this SDK. */
export interface RefusedMessage {
  type: 'miniapp:refused';
  launchId: string;
  version: number;
  error: BridgeErrorPayload;
}

export const HELLO = 'miniapp:hello';
export const WELCOME = 'miniapp:welcome';
export const REFUSED = 'miniapp:refused';

/*
 * On the port, after the handshake. Compact tuples, because structured clone of nested objects
 * is most of a call's cost after Chromium's own per-message work:
 *   call   [id, method, params]
 *   reply  [id, 0, result] | [id, 1, error]
 *   batch  an array of calls (or replies) sent as one message when made in the same task
 *   event  { event, data } from the host: lifecycle, theme, viewport
 * The host also answers comlink's own message shape (APPLY on a one-segment path), so a mini-app
 * may use comlink's `wrap` on the port; comlink's other operations are refused.
 */
export type CallId = number;
export type WireCall = [id: CallId, method: string, params: unknown];
export type WireReply = [id: CallId, ok: 0, result: unknown] | [id: CallId, failed: 1, error: BridgeErrorPayload];
export interface WireEvent<N extends string = string, D = unknown> {
  event: N;
  data: D;
}

/** Lifecycle and environment events the host sends. */
export interface HostEvents {
  /** The mini-app became visible again. */
  shown: undefined;
  /** The host moved to another screen; the app keeps running. */
  hidden: undefined;
  /** The host is about to close the app; `graceMs` to save state. */
  closing: { graceMs: number };
  /** The host's theme changed (the host's own, or the system's it follows). */
  theme: LaunchTheme;
  /** The frame was resized, the keyboard opened or closed, or the insets over the frame changed. */
  viewport: FrameLayout;
  /**
   * The host stopped serving this port: `replaced` by a newer handshake of the same launch, or
   * `closed`. Calls in flight on it settle with CANCELLED; later ones fail at once.
   */
  disconnected: { reason: 'replaced' | 'closed' };
  /**
   * The user pressed the host's back button while the app handles back (`app.setBackHandling`):
   * answer with `app.backResult({ id, handled })`; unhandled or unanswered, the host closes the app.
   */
  back: { id: number };
  /** The user tapped a push of this app while it was open: go to `route`, scroll to `anchor`. */
  'push-open': PushOpen;
}

/** A push the user tapped, as the app receives it (at launch in `LaunchParams.push`, or as `push-open`). */
export interface PushOpen {
  id: string;
  title: string;
  body: string;
  route?: string;
  anchor?: string;
  data?: Record<string, unknown>;
  /** ISO 8601. */
  sentAt: string;
}
export type HostEventName = keyof HostEvents;
