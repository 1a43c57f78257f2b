/*
 * The app's own list of its pushes (the host keeps none): those it sent through the inbox (unread
 * until tapped), the push that launched it (`app.launch.push`) and every push the user tapped
 * while it ran (`push-open`), newest first, bounded, one entry per id. A separate entry point (`miniapps/sdk/inbox`), so apps that do not
 * use it pay nothing for it.
 *
 * Where it persists: in a mini-app's frame (cross-site, sandboxed) browsers may block every storage
 * of the frame's own — localStorage, sessionStorage, IndexedDB and CacheStorage all throw there in
 * Chromium with third-party storage blocked, and the Storage Access API is refused to a sandbox —
 * and where they are not blocked they are partitioned per host and shared by every user of the
 * device. So the inbox keeps its pushes in the host's storage (`storage.*`, per app and user) when
 * the app holds the `storage` capability, and in memory otherwise; an app may pass its own store.
 */
import type { PushOpen, PushRequest, PushResult } from '../protocol/index.ts';
import type { MiniApp } from './mini-app.ts';

export interface InboxItem extends PushOpen {
  /** True once the user opened it (a push that launched the app, or that the user tapped, is read). */
  read: boolean;
  /** ISO 8601: when this app received it. */
  receivedAt: string;
}

export interface InboxTarget {
  route?: string;
  anchor?: string;
}

/** Where an inbox keeps its items between launches. */
export interface InboxStore {
  load(): Promise<InboxItem[]>;
  put(item: InboxItem): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

export interface InboxOptions {
  /** How many pushes it keeps, newest first (default 100). */
  limit?: number;
  /** `auto` (default): the host's storage when the app may use it, memory otherwise. */
  store?: 'auto' | 'memory' | InboxStore;
  /** The prefix of its keys in the host's storage (default `inbox:`): one key per push. */
  keyPrefix?: string;
  /**
   * The app's router: gets the route and anchor of a push the user opens. Without one, the inbox
   * scrolls to the element whose id is the anchor.
   */
  navigate?(target: InboxTarget, push: PushOpen): void;
  /** Failures of the store (the inbox goes on in memory). */
  onError?(error: unknown): void;
}

export interface Inbox {
  /** Settles once the pushes of earlier launches are loaded. */
  readonly ready: Promise<void>;
  /** Where the items persist. */
  readonly storage: 'host' | 'memory' | 'custom';
  /** Newest first. */
  list(): readonly InboxItem[];
  readonly unread: number;
  markRead(id: string): void;
  markAllRead(): void;
  remove(id: string): void;
  clear(): void;
  /** Called with the list whenever it changes; returns the function that stops it. */
  onChange(listener: (items: readonly InboxItem[]) => void): () => void;
  /** Marks a push read and goes to its route and anchor. */
  open(id: string): void;
  /**
   * Sends a push to the user (`app.push.send`) and keeps it, unread until the user taps it: the
   * app's own record of what it told its user, since the host keeps none.
   */
  send(request: PushRequest): Promise<PushResult>;
  /** Settles once every change so far has reached the store (e.g. on `closing`). */
  saved(): Promise<void>;
  /** Stops listening to the host; the stored items stay. */
  close(): void;
}

/** Goes to a push's place: the app's router when given, or a scroll to the element with the anchor's id. */
export function goTo(target: InboxTarget, navigate?: (target: InboxTarget) => void): void {
  if (navigate) return navigate(target);
  if (target.anchor) document.getElementById(target.anchor)?.scrollIntoView({ block: 'start' });
}

/** Keeps the pushes `app` receives. */
export function createInbox(app: MiniApp, options: InboxOptions = {}): Inbox {
  const limit = Math.max(1, options.limit ?? 100);
  const onError = options.onError ?? (() => undefined);
  const hostStorage = ['storage.get', 'storage.set', 'storage.remove', 'storage.keys'].every((method) => app.supports(method as 'storage.get'));
  const choice = options.store ?? 'auto';
  const store: InboxStore | undefined =
    typeof choice === 'object' ? choice : choice === 'auto' && hostStorage ? hostStore(app, options.keyPrefix ?? 'inbox:') : undefined;
  const listeners = new Set<(items: readonly InboxItem[]) => void>();
  let items: InboxItem[] = [];
  // Writes go one after another, so a markRead never lands before the put it follows.
  let writes = Promise.resolve();
  const write = (run: (store: InboxStore) => Promise<void>) => {
    if (store) writes = writes.then(() => run(store)).catch(onError);
  };

  const changed = () => {
    for (const listener of [...listeners]) listener(items);
  };
  /** Sorts, cuts to the limit and forgets what fell off, here and in the store. */
  const settle = (next: InboxItem[]) => {
    next.sort((a, b) => compare(b.sentAt, a.sentAt) || compare(b.receivedAt, a.receivedAt));
    const dropped = next.splice(limit).map((item) => item.id);
    items = next;
    if (dropped.length) write((s) => s.remove(dropped));
    changed();
  };
  /** Adds a push, or marks the one with its id read; answers the item as kept (undefined when malformed). */
  const add = (push: PushOpen, read: boolean): InboxItem | undefined => {
    const item = readItem({ ...push, read, receivedAt: new Date().toISOString() });
    if (!item) return undefined;
    const known = items.find((each) => each.id === item.id);
    if (known) {
      if (read && !known.read) update(known.id, { read: true });
      return known;
    }
    write((s) => s.put(item));
    settle([...items, item]);
    return item;
  };
  const update = (id: string, change: Partial<InboxItem>) => {
    const known = items.find((each) => each.id === id);
    if (!known) return;
    const next = { ...known, ...change };
    write((s) => s.put(next));
    items = items.map((each) => (each === known ? next : each));
    changed();
  };
  const go = (item: InboxItem) => {
    const target = { ...(item.route !== undefined && { route: item.route }), ...(item.anchor !== undefined && { anchor: item.anchor }) };
    goTo(target, options.navigate && ((place) => options.navigate!(place, withoutState(item))));
  };
  const open = (id: string) => {
    const item = items.find((each) => each.id === id);
    if (!item) return;
    if (!item.read) update(id, { read: true });
    go(item);
  };

  // The push that launched the app was tapped: it is read, and the app starts at its route and
  // anchor (`launch.route`, `launch.anchor`) as it does for any deep link.
  if (app.launch.push) add(app.launch.push, true);
  // A push tapped while the app runs: kept (even one older than all it keeps is still gone to).
  const stop = app.on('push-open', (push) => {
    const item = add(push, true);
    if (item) go(item);
  });

  const ready = store
    ? store.load().then(
        (stored) => {
          const merged = new Map<string, InboxItem>();
          for (const each of stored) {
            const item = readItem(each);
            if (item) merged.set(item.id, item);
          }
          for (const item of items) {
            const earlier = merged.get(item.id);
            merged.set(item.id, earlier ? { ...earlier, read: earlier.read || item.read } : item);
          }
          settle([...merged.values()]);
        },
        onError,
      )
    : Promise.resolve();

  return {
    ready,
    storage: typeof choice === 'object' ? 'custom' : store ? 'host' : 'memory',
    list: () => items,
    get unread() {
      return items.filter((item) => !item.read).length;
    },
    markRead: (id) => update(id, { read: true }),
    markAllRead() {
      for (const item of items) if (!item.read) update(item.id, { read: true });
    },
    remove(id) {
      if (!items.some((item) => item.id === id)) return;
      write((s) => s.remove([id]));
      items = items.filter((item) => item.id !== id);
      changed();
    },
    clear() {
      const ids = items.map((item) => item.id);
      if (ids.length) write((s) => s.remove(ids));
      items = [];
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    open,
    async send(request) {
      const result = await app.push.send(request);
      const { id: _id, ...push } = request;
      add({ ...push, id: result.id, sentAt: new Date().toISOString() }, false);
      return result;
    },
    saved: () => ready.then(() => writes),
    close: stop,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function withoutState({ read: _read, receivedAt: _received, ...push }: InboxItem): PushOpen {
  return push;
}

/** An item read back from a store or the host, field by field; anything malformed is passed over. */
function readItem(value: unknown): InboxItem | undefined {
  const item = value as Partial<InboxItem> | null;
  if (typeof item?.id !== 'string' || !item.id || typeof item.title !== 'string' || typeof item.body !== 'string' || typeof item.sentAt !== 'string') return undefined;
  const text = (field: unknown) => (typeof field === 'string' ? field : undefined);
  const route = text(item.route);
  const anchor = text(item.anchor);
  const data = item.data;
  return {
    id: item.id,
    title: item.title,
    body: item.body,
    ...(route !== undefined && { route }),
    ...(anchor !== undefined && anchor !== '' && { anchor }),
    ...(typeof data === 'object' && data !== null && !Array.isArray(data) && { data }),
    sentAt: item.sentAt,
    read: item.read === true,
    receivedAt: text(item.receivedAt) ?? item.sentAt,
  };
}

/** Host storage keys hold at most 128 characters; a longer id is cut and told apart by a hash. */
const MAX_KEY = 128;
/** The host keeps values of at most 4,096 characters; an item over it is kept without its data. */
const MAX_VALUE = 4096;
/** The host reads at most this many keys in one call. */
const KEYS_PER_CALL = 100;

function keyOf(prefix: string, id: string): string {
  const key = prefix + id;
  if (key.length <= MAX_KEY) return key;
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  return `${key.slice(0, MAX_KEY - 9)}~${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/** One host storage key per push: a push arriving or read is one small write. */
function hostStore(app: MiniApp, prefix: string): InboxStore {
  return {
    async load() {
      const keys = (await app.storage.keys()).filter((key) => key.startsWith(prefix));
      const items: InboxItem[] = [];
      for (let start = 0; start < keys.length; start += KEYS_PER_CALL) {
        const values = await app.storage.getMany(keys.slice(start, start + KEYS_PER_CALL));
        for (const value of Object.values(values)) {
          try {
            if (value) items.push(JSON.parse(value) as InboxItem);
          } catch {
            // A value this inbox did not write: passed over.
          }
        }
      }
      return items;
    },
    async put(item) {
      let value = JSON.stringify(item);
      if (value.length > MAX_VALUE) {
        const { data: _data, ...rest } = item;
        value = JSON.stringify(rest);
      }
      await app.storage.set(keyOf(prefix, item.id), value);
    },
    async remove(ids) {
      const keys = ids.map((id) => keyOf(prefix, id));
      for (let start = 0; start < keys.length; start += KEYS_PER_CALL) await app.storage.remove(...keys.slice(start, start + KEYS_PER_CALL));
    },
  };
}
