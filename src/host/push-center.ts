import type { BackendClient } from '../backend/client.ts';
import type { LiveEvent, PushEvent } from '../backend/contract.ts';
import type { LiveOptions, LiveState, LiveSubscription } from '../backend/live.ts';
import type { PushOpen } from '../protocol/index.ts';
import { cut } from './bounded.ts';
import { createBannerRegion, type BannerRegion } from './push-banner.ts';

/*
 * The host's push centre. It listens to the user's live channel and shows each `push.received`
 * as a system notification (when the user granted the permission) or as a host-drawn banner.
 * Tapping one opens its app at the push's route and anchor.
 *
 * The host does not store pushes (SPEC): the list below lives in this page's memory only, bounded,
 * and is gone on reload. Nothing is written to the backend, to web storage or to IndexedDB; the
 * mini-app keeps its own pushes (the SDK's inbox).
 */

/** A push as the centre lists it. */
export interface ReceivedPush extends PushOpen {
  appId: string;
  /** ISO 8601: when this page received it. */
  receivedAt: string;
  /** True once the user opened it. */
  read: boolean;
}

/** Where a tapped push leads: the app's route and anchor, and the push itself for the app. */
export interface PushTarget {
  route?: string;
  anchor?: string;
  push: PushOpen;
}

/** The parts of the browser's `Notification` the centre uses, so a host or a test may pass its own. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  new (title: string, options?: NotificationOptions): { onclick: ((event: Event) => unknown) | null; close(): void };
}

export interface PushCenterOptions {
  client: Pick<BackendClient, 'subscribe'>;
  /**
   * Opens the app of a tapped push. When that app is open, hand it the push without reloading
   * (`MiniAppHost.deliverPush`); otherwise launch it at `route` and `anchor` with the `push` option.
   */
  openApp(appId: string, target: PushTarget): void | Promise<void>;
  /** `ru` or `en` (the document's language by default). */
  locale?: string;
  /** Where the banners go; `document.body` by default. */
  container?: HTMLElement;
  /** The display name a banner and a notification show for an app; its id otherwise. */
  appName?(appId: string): string | undefined;
  /** How many pushes the list keeps, newest first (default 50). */
  limit?: number;
  /** How long a banner stays when nobody points at or focuses it (default 6000 ms; 0 keeps it). */
  bannerMs?: number;
  /** System notifications; the browser's `Notification` by default, `null` for banners only. */
  notifications?: NotificationApi | null;
  /** Brings the host's window forward when a system notification is tapped; `window.focus()` by default. */
  focusWindow?(): void;
  /** Options of the live subscription (a cursor to resume after, backoff). */
  live?: LiveOptions;
  /** The live channel's state (`open`, `reconnecting` …), e.g. to show that pushes may be late. */
  onLiveState?(state: LiveState): void;
}

export interface PushCenter {
  /** The pushes this page received, newest first. */
  list(): readonly ReceivedPush[];
  /** Called with the list whenever it changes; returns the function that stops it. */
  subscribe(listener: (pushes: readonly ReceivedPush[]) => void): () => void;
  /** Opens a listed push as a tap would: marks it read and calls `openApp`. */
  open(appId: string, id: string): Promise<void>;
  /** Takes a push off the list. */
  remove(appId: string, id: string): void;
  clear(): void;
  /** The live channel's subscription (its state, its cursor). */
  readonly live: LiveSubscription;
  /** Stops listening and removes the banners; the list is emptied. */
  close(): void;
}

const TEXTS = {
  en: { dismiss: 'Dismiss notification' },
  ru: { dismiss: 'Закрыть уведомление' },
};

/** Field bounds: the backend's limits in code points, counted here in UTF-16 units. */
const BOUNDS = { id: 128, appId: 128, title: 128, body: 512, route: 512, anchor: 128, sentAt: 40 };

export function createPushCenter(options: PushCenterOptions): PushCenter {
  const limit = Math.max(1, options.limit ?? 50);
  const locale = options.locale ?? document.documentElement.lang ?? 'en';
  const texts = locale.startsWith('ru') ? TEXTS.ru : TEXTS.en;
  const notifications = options.notifications === undefined ? (globalThis.Notification as NotificationApi | undefined) : options.notifications;
  const focusWindow = options.focusWindow ?? (() => window.focus());
  const listeners = new Set<(pushes: readonly ReceivedPush[]) => void>();
  let pushes: ReceivedPush[] = [];
  let region: BannerRegion | undefined = createBannerRegion(options.container ?? document.body, texts, options.bannerMs ?? 6000);

  const keyOf = (appId: string, id: string) => `${appId}\u0000${id}`;
  const find = (appId: string, id: string) => pushes.find((push) => push.appId === appId && push.id === id);
  const changed = () => {
    const snapshot = pushes;
    for (const listener of [...listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        reportLater(error);
      }
    }
  };

  const open = async (appId: string, id: string) => {
    const push = find(appId, id);
    if (!push) return;
    region?.hide(keyOf(appId, id));
    if (!push.read) {
      pushes = pushes.map((each) => (each === push ? { ...each, read: true } : each));
      changed();
    }
    const { appId: _app, receivedAt: _received, read: _read, ...opened } = push;
    await options.openApp(appId, {
      ...(push.route !== undefined && { route: push.route }),
      ...(push.anchor !== undefined && { anchor: push.anchor }),
      push: opened,
    });
  };
  const tap = (appId: string, id: string) => void open(appId, id).catch(reportLater);

  const present = (push: ReceivedPush) => {
    const app = options.appName?.(push.appId) ?? push.appId;
    if (notifications?.permission === 'granted') {
      try {
        const notification = new notifications(`${app}: ${push.title}`, { body: push.body, tag: keyOf(push.appId, push.id), lang: locale });
        notification.onclick = () => {
          focusWindow();
          notification.close();
          tap(push.appId, push.id);
        };
        return;
      } catch {
        // Some browsers show notifications only through a service worker: fall back to a banner.
      }
    }
    region?.show(keyOf(push.appId, push.id), { app, title: push.title, body: push.body }, {
      open: () => tap(push.appId, push.id),
      dismiss: () => undefined,
    });
  };

  const receive = (event: LiveEvent) => {
    if (event.type !== 'push.received') return;
    const push = readPush(event.data);
    // The backend delivers an id once a day and the channel never replays a cursor; this guards a
    // second subscription or device echo all the same.
    if (!push || find(push.appId, push.id)) return;
    pushes = [push, ...pushes].slice(0, limit);
    changed();
    present(push);
  };

  const live = options.client.subscribe({ onEvent: receive, ...(options.onLiveState && { onState: options.onLiveState }) }, options.live);

  return {
    list: () => pushes,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    open,
    remove(appId, id) {
      if (!find(appId, id)) return;
      region?.hide(keyOf(appId, id));
      pushes = pushes.filter((push) => !(push.appId === appId && push.id === id));
      changed();
    },
    clear() {
      region?.hide();
      pushes = [];
      changed();
    },
    live,
    close() {
      live.close();
      region?.remove();
      region = undefined;
      pushes = [];
      listeners.clear();
    },
  };
}

/** A `push.received` payload checked field by field; anything malformed is passed over. */
function readPush(data: unknown): ReceivedPush | undefined {
  const event = data as Partial<Record<keyof PushEvent, unknown>> | null;
  if (typeof event !== 'object' || event === null) return undefined;
  const { id, appId, title, body, route, anchor, sentAt } = event;
  if (typeof id !== 'string' || !id || typeof appId !== 'string' || !appId || typeof title !== 'string' || typeof body !== 'string' || typeof sentAt !== 'string') return undefined;
  if ((route !== undefined && typeof route !== 'string') || (anchor !== undefined && typeof anchor !== 'string')) return undefined;
  const extra = event.data;
  const plain = typeof extra === 'object' && extra !== null && !Array.isArray(extra);
  return {
    id: cut(id, BOUNDS.id),
    appId: cut(appId, BOUNDS.appId),
    title: cut(title, BOUNDS.title),
    body: cut(body, BOUNDS.body),
    ...(typeof route === 'string' && { route: cut(route, BOUNDS.route) }),
    ...(typeof anchor === 'string' && anchor !== '' && { anchor: cut(anchor, BOUNDS.anchor) }),
    ...(plain && { data: extra as Record<string, unknown> }),
    sentAt: cut(sentAt, BOUNDS.sentAt),
    receivedAt: new Date().toISOString(),
    read: false,
  };
}

function reportLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
