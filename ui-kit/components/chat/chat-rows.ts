import type { ChatController, ChatEntry, PendingEntry } from '../../../src/chat/timeline.ts';

/*
 * The rows of the message list, as data: stored entries then pending ones, each knowing whether
 * it opens a day (date separator), carries the unread marker, or starts a run of messages by one
 * author. Own messages are keyed by their client message id, so a pending row and the stored
 * entry it becomes share one key (and one DOM node): no duplicate, no flicker.
 */

export type Viewer = ChatController['viewer'];

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

export function ownKey(clientMessageId: string): string {
  return `own:${clientMessageId}`;
}

export function entryKey(entry: ChatEntry, viewer: Viewer): string {
  return isOwn(entry, viewer) ? ownKey(entry.clientMessageId) : `entry:${entry.id}`;
}

/** The first entry of the other side not read yet, or null. */
export function firstUnreadId(entries: readonly ChatEntry[], viewer: Viewer): string | null {
  for (const entry of entries) {
    if (entry.readAt === null && entry.deletedAt === null && isFromOtherSide(entry, viewer)) return entry.id;
  }
  return null;
}

/** Builds the rows; `unreadId` is the entry the unread marker sits on (fixed when the chat opened). */
export function buildRows(entries: readonly ChatEntry[], pending: readonly PendingEntry[], viewer: Viewer, unreadId: string | null): ChatRow[] {
  const rows: ChatRow[] = [];
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  let lastAuthor = '';
  const push = (row: Omit<ChatRow, 'day' | 'groupStart'>, author: string): void => {
    let day: number | null = null;
    if (row.time < dayStart || row.time >= dayEnd) {
      const date = new Date(row.time);
      date.setHours(0, 0, 0, 0);
      dayStart = date.getTime();
      date.setDate(date.getDate() + 1);
      dayEnd = date.getTime();
      day = dayStart;
    }
    const groupStart = day !== null || row.unreadMarker || author !== lastAuthor;
    lastAuthor = author;
    rows.push({ ...row, day, groupStart });
  };
  const stored = new Set<string>();
  for (const entry of entries) {
    const own = isOwn(entry, viewer);
    if (own) stored.add(entry.clientMessageId);
    const author = entry.kind === 'bot' && entry.bot?.kind === 'taken-over' ? '' : `${entry.author.kind}:${entry.author.id}`;
    push({ key: own ? ownKey(entry.clientMessageId) : `entry:${entry.id}`, entry, pending: null, own, unreadMarker: entry.id === unreadId, time: entry.sentAt }, author);
  }
  for (const item of pending) {
    if (stored.has(item.clientMessageId)) continue;
    push({ key: ownKey(item.clientMessageId), entry: null, pending: item, own: true, unreadMarker: false, time: item.createdAt }, `${viewer.side}:${viewer.id}`);
  }
  return rows;
}
