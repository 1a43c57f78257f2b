import type { ChatController, ChatEntry, PendingEntry } from '../../../src/chat/timeline.ts';

/*
 * The rows of the message list: stored entries then pending ones, each knowing whether it opens
 * a day (date separator), carries the unread marker, or starts a run of messages by one author.
 * Own messages are keyed by their client message id, so a pending row and the stored entry it
 * becomes share one key (and one DOM node): no duplicate, no flicker.
 *
 * What a row shows above itself depends only on the row before it, so rows are derived when the
 * list draws them, never for the whole history: a change (an older page, a new message, a
 * revision) costs what the rows on screen cost, not what 10,000 cost.
 */

export type Viewer = ChatController['viewer'];

/** What the list holds per row: a stored entry or a pending one. */
export type RowItem = ChatEntry | PendingEntry;

export interface ChatRow {
  key: string;
  entry: ChatEntry | null;
  pending: PendingEntry | null;
  /** Written by this viewer (shown on the right, with delivery marks). */
  own: boolean;
  /** Local midnight of the row's day when the row is the first of that day, else null. */
  day: number | null;
  /** The unread marker sits above this row. */
  unreadMarker: boolean;
  /** The first of consecutive messages by the same author: shows the name and the avatar. */
  groupStart: boolean;
  time: number;
}

export function isOwn(entry: ChatEntry, viewer: Viewer): boolean {
  return entry.author.kind === viewer.side && entry.author.id === viewer.id;
}

/** Client on one side; staff and the bot on the other. */
export function isFromOtherSide(entry: ChatEntry, viewer: Viewer): boolean {
  return (entry.author.kind === 'client' ? 'client' : 'staff') !== viewer.side;
}

/** An entry of the other side that still counts as unread. */
export function isUnreadFromOtherSide(entry: ChatEntry, viewer: Viewer): boolean {
  return entry.readAt === null && entry.deletedAt === null && isFromOtherSide(entry, viewer);
}

export function isStored(item: RowItem): item is ChatEntry {
  return 'seq' in item;
}

export function ownKey(clientMessageId: string): string {
  return `own:${clientMessageId}`;
}

export function entryKey(entry: ChatEntry, viewer: Viewer): string {
  return isOwn(entry, viewer) ? ownKey(entry.clientMessageId) : `entry:${entry.id}`;
}

/** The first entry of the other side not read yet, or null. */
export function firstUnreadId(entries: readonly ChatEntry[], viewer: Viewer): string | null {
  return entries.find((entry) => isUnreadFromOtherSide(entry, viewer))?.id ?? null;
}

function dayOf(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * The list's rows over a controller's entries and pending messages. `update` takes the new
 * arrays (cheap: no row is built); `row(index)` derives a row when it is drawn, and keeps it
 * while the row and the one before it are the same objects.
 */
export class ChatRows {
  /** What the list renders: the stored entries, then the pending ones not stored yet. */
  items: readonly RowItem[] = [];
  /** Index of the newest entry of the other side not read yet; -1 when there is none. */
  newestUnread = -1;
  private entries: readonly ChatEntry[] = [];
  private pending: readonly PendingEntry[] = [];
  private readonly viewer: Viewer;
  /** The entry the unread marker sits on (fixed when the chat opened). */
  private readonly unreadId: string | null;
  private readonly derived = new WeakMap<RowItem, { before: RowItem | undefined; row: ChatRow }>();

  constructor(viewer: Viewer, unreadId: string | null) {
    this.viewer = viewer;
    this.unreadId = unreadId;
  }

  get length(): number {
    return this.items.length;
  }

  /** Takes the controller's arrays; false when they are the ones already held. */
  update(entries: readonly ChatEntry[], pending: readonly PendingEntry[]): boolean {
    if (entries === this.entries && pending === this.pending) return false;
    this.entries = entries;
    this.pending = pending;
    // Pending messages are few; a stored entry for one of them is looked up by its id.
    const waiting = pending.filter((item) => !entries.some((entry) => entry.clientMessageId === item.clientMessageId && isOwn(entry, this.viewer)));
    this.items = waiting.length > 0 ? [...entries, ...waiting] : entries;
    this.newestUnread = -1;
    for (let i = entries.length - 1; i >= 0; i--) {
      if (isUnreadFromOtherSide(entries[i]!, this.viewer)) {
        this.newestUnread = i;
        break;
      }
    }
    return true;
  }

  keyOf(item: RowItem): string {
    return isStored(item) ? entryKey(item, this.viewer) : ownKey(item.clientMessageId);
  }

  /** The row at `index` (undefined past the end). */
  row(index: number): ChatRow | undefined {
    const item = this.items[index];
    if (!item) return undefined;
    const before = index > 0 ? this.items[index - 1] : undefined;
    const known = this.derived.get(item);
    if (known && known.before === before) return known.row;
    const row = this.derive(item, before);
    this.derived.set(item, { before, row });
    return row;
  }

  /** Where `item`, or the newer revision of its entry, is now; -1 when gone. */
  indexOf(item: RowItem): number {
    const index = this.items.indexOf(item);
    if (index >= 0 || !isStored(item)) return index;
    return this.items.findIndex((candidate) => isStored(candidate) && candidate.id === item.id);
  }

  private derive(item: RowItem, before: RowItem | undefined): ChatRow {
    const time = this.timeOf(item);
    const day = before === undefined || dayOf(this.timeOf(before)) !== dayOf(time) ? dayOf(time) : null;
    const entry = isStored(item) ? item : null;
    const unreadMarker = entry !== null && entry.id === this.unreadId;
    const groupStart = day !== null || unreadMarker || before === undefined || this.authorOf(item) !== this.authorOf(before);
    return {
      key: this.keyOf(item),
      entry,
      pending: entry ? null : (item as PendingEntry),
      own: entry ? isOwn(entry, this.viewer) : true,
      day,
      unreadMarker,
      groupStart,
      time,
    };
  }

  private timeOf(item: RowItem): number {
    return isStored(item) ? item.sentAt : item.createdAt;
  }

  /** Who a row counts as for grouping; a "… took over" line belongs to nobody. */
  private authorOf(item: RowItem): string {
    if (!isStored(item)) return `${this.viewer.side}:${this.viewer.id}`;
    return item.kind === 'bot' && item.bot?.kind === 'taken-over' ? '' : `${item.author.kind}:${item.author.id}`;
  }
}

/** Every row at once; `unreadId` is the entry the unread marker sits on. */
export function buildRows(entries: readonly ChatEntry[], pending: readonly PendingEntry[], viewer: Viewer, unreadId: string | null): ChatRow[] {
  const rows = new ChatRows(viewer, unreadId);
  rows.update(entries, pending);
  return rows.items.map((_, index) => rows.row(index)!);
}
