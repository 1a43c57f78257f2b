import type { AttachmentDeclaration, MessageAuthor } from './messages.ts';
import type { BotOutgoing } from './bot.ts';
import type { DeepLinkSnippet } from './deep-links.ts';

/*
 * A conversation as both sides see it over the wire: entries (messages and the bot's lines) that
 * the server numbers and revises, and the changes the live channel carries. A client keeps the
 * newest revision of each entry, so applying a change twice, or an older one late, changes
 * nothing: that is what makes delivery exactly-once on screen however often a change arrives.
 */

/** *bot* while the bot owns the dialog, *open* once a person takes over, *closed* when it ended. */
export type ConversationStatus = 'bot' | 'open' | 'closed';

/** A bot line as data, with the names a reader needs to word "… took over". */
export type BotLine = BotOutgoing & { departmentName?: string; employeeName?: string | null };

export interface EntryAuthor {
  kind: MessageAuthor['kind'];
  id: string;
  /** As shown to the other side: the client's name, the employee's name, or the bot's. */
  name: string;
}

export interface EntryAttachment extends AttachmentDeclaration {
  /** Where the uploaded bytes are read; null until the upload finished. */
  url: string | null;
}

export interface ChatEntry {
  /** Server id, unique across conversations. */
  id: string;
  conversationId: string;
  /** Position in the conversation: 1, 2, 3 … in the order the server stored them; never reused. */
  seq: number;
  /**
   * The conversation's revision when this entry last changed (sent, edited, deleted, read). A
   * reader keeps the entry with the highest `rev`; revisions grow across the whole conversation,
   * so "everything after revision R" is every change a reader at R has not seen.
   */
  rev: number;
  /** Chosen by the sender before sending; the server keeps one entry per sender and id. */
  clientMessageId: string;
  author: EntryAuthor;
  kind: 'text' | 'deep-link' | 'bot';
  text: string;
  /** Set on the bot's lines (kind 'bot'); the widget words them, e.g. the tags as chips. */
  bot: BotLine | null;
  attachment: EntryAttachment | null;
  deepLink: DeepLinkSnippet | null;
  /** Epoch milliseconds. */
  sentAt: number;
  editedAt: number | null;
  /** A deleted entry stays as a tombstone with no content. */
  deletedAt: number | null;
  /** When the other side read it; null while unread. */
  readAt: number | null;
}

/** One page of history, newest last. */
export interface HistoryPage {
  entries: ChatEntry[];
  /** True when entries older than the first one exist. */
  hasOlder: boolean;
  /** The conversation's revision when the page was read: catch up from here. */
  rev: number;
}

/** What the live channel and a catch-up carry for a conversation. */
export type ChatChange =
  /** A new entry, or a new revision of one (edited, deleted, read). */
  | { type: 'chat.entry'; conversationId: string; entry: ChatEntry }
  | { type: 'chat.status'; conversationId: string; rev: number; status: ConversationStatus; assignee: { departmentId: string; departmentName: string; employeeId: string | null; employeeName: string | null } | null }
  /** Ephemeral: the other side is typing until `until` (epoch ms). Not kept, not replayed. */
  | { type: 'chat.typing'; conversationId: string; side: 'client' | 'staff'; until: number };

/**
 * Merges entries into an ordered list (by `seq`), keeping the highest revision of each: the one
 * rule that makes a repeated, reordered or late change harmless. Returns the input when nothing
 * changed, so a caller can skip a render.
 */
export function mergeEntries(current: readonly ChatEntry[], incoming: readonly ChatEntry[]): readonly ChatEntry[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((entry) => [entry.id, entry]));
  let changed = false;
  for (const entry of incoming) {
    const known = byId.get(entry.id);
    if (known && known.rev >= entry.rev) continue;
    byId.set(entry.id, entry);
    changed = true;
  }
  if (!changed) return current;
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** A message the viewer sent that has not reached the server yet (kept in the outbox). */
export interface PendingEntry {
  clientMessageId: string;
  text: string;
  attachment: AttachmentDeclaration | null;
  deepLink: DeepLinkSnippet | null;
  /** When the viewer pressed send (epoch ms); pending entries show after stored ones, in this order. */
  createdAt: number;
  state: 'queued' | 'uploading' | 'sending' | 'failed';
  /** Upload progress 0…1 while uploading. */
  progress: number | null;
  /** Why the last attempt failed, for the viewer. */
  error: string | null;
  /** An object URL for an image preview, if any. */
  previewUrl: string | null;
}

/** What a viewer asks to send. */
export interface SendInput {
  text: string;
  file?: File | Blob | null;
  /** Staff only: one deep link per message. */
  deepLink?: DeepLinkSnippet | null;
}

/**
 * What `<ma-chat>` renders and drives: one conversation seen by one viewer. The client side
 * (src/backend chat client over HTTP + the live channel) and test fakes implement it; the widget
 * never talks to the network itself. It dispatches `change` whenever anything it exposes changed.
 */
export interface ChatController extends EventTarget {
  readonly viewer: { side: 'client' | 'staff'; id: string; isAdministrator?: boolean };
  /** Stored entries loaded so far, ordered by `seq`. */
  readonly entries: readonly ChatEntry[];
  /** Sent by this viewer, not yet stored: shown after `entries`, in order. */
  readonly pending: readonly PendingEntry[];
  readonly status: ConversationStatus;
  readonly hasOlder: boolean;
  /** The other side is typing now. */
  readonly typing: boolean;
  /** False while the live channel is down (messages still queue). */
  readonly online: boolean;
  /** Loads the page before the oldest loaded entry; resolves when merged. */
  loadOlder(): Promise<void>;
  /** Optimistic: the message shows at once as pending and goes when it can. Throws a `ChatValidationError` for an invalid draft (e.g. a file over 40 MiB) before anything is sent. */
  send(input: SendInput): void;
  retry(clientMessageId: string): void;
  /** Drops a pending message (and cancels its upload). */
  cancel(clientMessageId: string): void;
  /** Null when allowed now, else the reason (a `ChatError`) — drives the context menu. */
  editRefusal(entry: ChatEntry): Error | null;
  deleteRefusal(entry: ChatEntry): Error | null;
  edit(entryId: string, text: string): Promise<void>;
  delete(entryId: string): Promise<void>;
  /** The client tapped a topic chip of a bot line. */
  chooseTag(tagId: string): Promise<void>;
  /** Marks everything the other side sent as read. */
  markRead(): void;
  /** Tells the other side this viewer is typing (throttled by the implementation). */
  notifyTyping(): void;
}
