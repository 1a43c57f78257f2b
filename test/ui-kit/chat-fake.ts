/**
 * A `ChatController` for the widget's tests: the conversation is plain data the test sets, and
 * every call the widget makes is recorded. `loadOlder` serves `olderPages` (oldest page last
 * taken) and resolves when they are merged. Nothing here talks to a network.
 */
import { AttachmentTooLargeError, ChatValidationError, MessageAlreadyReadError, NotAuthorError } from '../../src/chat/errors.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/chat/messages.ts';
import { mergeEntries } from '../../src/chat/timeline.ts';
import type { BotLine, ChatController, ChatEntry, ConversationStatus, PendingEntry, SendInput } from '../../src/chat/timeline.ts';

export const CLIENT = { kind: 'client' as const, id: 'client-1', name: 'Maria Ivanova' };
export const STAFF = { kind: 'staff' as const, id: 'emp-7', name: 'Anna Petrova' };
export const BOT = { kind: 'bot' as const, id: 'bot', name: 'Helper' };

const BASE_TIME = Date.UTC(2026, 2, 10, 9, 0);
let nextId = 1;

/** An entry with sensible defaults: `seq` orders it, `sentAt` defaults to a minute per seq. */
export function entry(fields: Partial<ChatEntry> & { seq: number }): ChatEntry {
  const id = fields.id ?? `e${fields.seq}`;
  return {
    id,
    conversationId: 'conv-1',
    rev: fields.seq,
    clientMessageId: `cm-${id}`,
    author: STAFF,
    kind: 'text',
    text: `Message ${fields.seq}`,
    bot: null,
    attachment: null,
    deepLink: null,
    sentAt: BASE_TIME + fields.seq * 60_000,
    editedAt: null,
    deletedAt: null,
    readAt: null,
    ...fields,
  };
}

export function botEntry(seq: number, bot: BotLine, fields: Partial<ChatEntry> = {}): ChatEntry {
  return entry({ seq, author: BOT, kind: 'bot', text: 'text' in bot ? bot.text : '', bot, ...fields });
}

/** `count` alternating messages ending at seq `last`, a minute apart. */
export function conversation(count: number, last = count, fields: (seq: number) => Partial<ChatEntry> = () => ({})): ChatEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = last - count + 1 + i;
    return entry({ seq, author: seq % 2 ? STAFF : CLIENT, text: `Message ${seq}`, readAt: BASE_TIME + seq * 60_000 + 1, ...fields(seq) });
  });
}

export interface FakeCalls {
  send: SendInput[];
  retry: string[];
  cancel: string[];
  edit: { entryId: string; text: string }[];
  delete: string[];
  chooseTag: string[];
  markRead: number;
  notifyTyping: number;
  loadOlder: number;
}

export class FakeChatController extends EventTarget implements ChatController {
  viewer: ChatController['viewer'] = { side: 'client', id: CLIENT.id };
  entries: readonly ChatEntry[] = [];
  pending: readonly PendingEntry[] = [];
  status: ConversationStatus = 'open';
  hasOlder = false;
  typing = false;
  online = true;
  /** Pages `loadOlder` serves, the next one first. */
  olderPages: ChatEntry[][] = [];
  /** Decides edit and delete; by default the author may while unread. */
  refusal: (entry: ChatEntry) => Error | null = (item) => {
    if (item.author.kind !== this.viewer.side || item.author.id !== this.viewer.id) return new NotAuthorError(item.clientMessageId);
    if (item.readAt !== null) return new MessageAlreadyReadError(item.clientMessageId);
    return null;
  };
  /** What `loadOlder` waits for before merging (a test may hold it). */
  olderGate: Promise<void> = Promise.resolve();
  calls: FakeCalls = { send: [], retry: [], cancel: [], edit: [], delete: [], chooseTag: [], markRead: 0, notifyTyping: 0, loadOlder: 0 };
  private counter = 0;

  constructor(init: Partial<Pick<FakeChatController, 'viewer' | 'entries' | 'pending' | 'status' | 'hasOlder' | 'typing' | 'online' | 'olderPages'>> = {}) {
    super();
    Object.assign(this, init);
  }

  /** Changes what the controller exposes and tells the widget. */
  update(change: Partial<Pick<FakeChatController, 'entries' | 'pending' | 'status' | 'hasOlder' | 'typing' | 'online'>>): void {
    Object.assign(this, change);
    this.dispatchEvent(new Event('change'));
  }

  /** A new or revised entry arrives (merged by revision, as the real client does). */
  receive(...incoming: ChatEntry[]): void {
    this.update({ entries: mergeEntries(this.entries, incoming) });
  }

  /** The server stored the pending message: it leaves the outbox and comes back as an entry. */
  store(clientMessageId: string, fields: Partial<ChatEntry> = {}): ChatEntry {
    const item = this.pending.find((p) => p.clientMessageId === clientMessageId)!;
    const seq = (this.entries.at(-1)?.seq ?? 0) + 1;
    const stored = entry({
      seq,
      id: `s${nextId++}`,
      clientMessageId,
      author: CLIENT,
      text: item.text,
      attachment: item.attachment ? { ...item.attachment, url: null } : null,
      sentAt: item.createdAt,
      ...fields,
    });
    this.update({ entries: mergeEntries(this.entries, [stored]), pending: this.pending.filter((p) => p !== item) });
    return stored;
  }

  setPending(clientMessageId: string, change: Partial<PendingEntry>): void {
    this.update({ pending: this.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...change } : p)) });
  }

  async loadOlder(): Promise<void> {
    this.calls.loadOlder++;
    await this.olderGate;
    const page = this.olderPages.shift() ?? [];
    this.update({ entries: mergeEntries(this.entries, page), hasOlder: this.olderPages.length > 0 });
  }

  send(input: SendInput): void {
    const file = input.file ?? null;
    if (file && file.size > MAX_ATTACHMENT_BYTES) {
      throw new ChatValidationError([new AttachmentTooLargeError('attachments[0].sizeBytes', MAX_ATTACHMENT_BYTES, file.size)]);
    }
    this.calls.send.push(input);
    const name = file instanceof File ? file.name : 'file';
    this.update({
      pending: [
        ...this.pending,
        {
          clientMessageId: `local-${++this.counter}`,
          text: input.text,
          attachment: file ? { kind: file.type.startsWith('image/') ? 'media' : 'document', fileName: name, mimeType: file.type, sizeBytes: file.size } : null,
          deepLink: input.deepLink ?? null,
          createdAt: Date.now(),
          state: file ? 'uploading' : 'sending',
          progress: file ? 0 : null,
          error: null,
          previewUrl: null,
        },
      ],
    });
  }

  retry(clientMessageId: string): void {
    this.calls.retry.push(clientMessageId);
    this.setPending(clientMessageId, { state: 'sending', error: null });
  }

  cancel(clientMessageId: string): void {
    this.calls.cancel.push(clientMessageId);
    this.update({ pending: this.pending.filter((p) => p.clientMessageId !== clientMessageId) });
  }

  editRefusal(item: ChatEntry): Error | null {
    return this.refusal(item);
  }

  deleteRefusal(item: ChatEntry): Error | null {
    return this.refusal(item);
  }

  async edit(entryId: string, text: string): Promise<void> {
    this.calls.edit.push({ entryId, text });
    const known = this.entries.find((e) => e.id === entryId)!;
    this.receive({ ...known, text, editedAt: Date.now(), rev: known.rev + 1000 });
  }

  async delete(entryId: string): Promise<void> {
    this.calls.delete.push(entryId);
    const known = this.entries.find((e) => e.id === entryId)!;
    this.receive({ ...known, text: '', attachment: null, deepLink: null, deletedAt: Date.now(), rev: known.rev + 1000 });
  }

  async chooseTag(tagId: string): Promise<void> {
    this.calls.chooseTag.push(tagId);
  }

  markRead(): void {
    this.calls.markRead++;
  }

  notifyTyping(): void {
    this.calls.notifyTyping++;
  }
}
