/**
 * The chat's client side: one conversation seen by one viewer (a resident in a mini-app, or an
 * operator), as the `ChatController` that `<ma-chat>` drives. History comes over HTTP, changes
 * over the live channel; after every (re)connect the session asks for every change after the
 * revision it holds, so a gap is filled and, merged by revision, nothing shows twice. Messages go
 * through a persistent outbox in the order they were sent, each with a client message id chosen
 * before sending, so a retry is the same message.
 */
import {
  authorChangeRefusal,
  ChatValidationError,
  deleteRefusal,
  mergeEntries,
  validateDraft,
  type AttachmentDeclaration,
  type ChatActor,
  type ChatController,
  type ChatEntry,
  type ChatMessage,
  type ConversationStatus,
  type PendingEntry,
  type SendInput,
} from '../chat/index.ts';
import type { ChatChangesResponse, ChatLiveData, ChatOpenResponse, DeclareUploadResponse, DeepLinkBody, SendMessageResponse } from './chat/contract.ts';
import type { ChatChannel } from './chat/records.ts';
import { createMemoryChatOutbox, type ChatOutboxItem, type ChatOutboxStorage } from './chat-outbox.ts';
import { defaultUploader, type Uploader } from './chat-upload.ts';
import { createApiCall, type BackendClientOptions } from './client.ts';
import { BackendError } from './errors.ts';
import { systemTimers, type Timers } from './event-bus.ts';
import { subscribeLive, type LiveOptions, type LiveSubscription } from './live.ts';

export type ChatTarget = { side: 'client'; appId: string; channel?: ChatChannel } | { side: 'staff'; conversationId: string };

export interface ChatSessionOptions {
  api: BackendClientOptions;
  target: ChatTarget;
  /** Where unsent messages wait; in memory when absent (lost on reload). */
  outbox?: ChatOutboxStorage;
  uploader?: Uploader;
  /** Reconnect backoff and timers of the live channel. */
  live?: LiveOptions;
  timers?: Timers;
  now?: () => number;
  /** Client message ids; random UUIDs by default. */
  newMessageId?: () => string;
  /** A failed send is tried again after this long (doubling up to 30 s) while the live channel stays up. */
  retryMs?: number;
}

/** A `ChatController` over the backend, plus what its owner needs. */
export interface ChatSession extends ChatController {
  /** Resolves once the conversation is loaded (retried until it is, or the session is closed). */
  readonly ready: Promise<void>;
  readonly conversationId: string | null;
  /** The revision the session has caught up to. */
  readonly rev: number;
  /** The last failure the session could not act on (shown as a banner, say). */
  readonly lastError: BackendError | null;
  close(): void;
}

/** "typing…" stays on this long after the other side's last notice. */
export const TYPING_SHOWN_MS = 5000;
/** This viewer's own typing notices go at most this often. */
export const TYPING_NOTICE_MS = 2000;
const MAX_RETRY_MS = 30_000;

type ItemState = { state: PendingEntry['state']; progress: number | null; error: string | null; abort: AbortController | null };

function declarationOf(file: File | Blob): AttachmentDeclaration {
  const mimeType = file.type;
  return {
    kind: /^(image|video|audio)\//.test(mimeType) ? 'media' : 'document',
    fileName: 'name' in file && typeof file.name === 'string' && file.name !== '' ? file.name : 'file',
    mimeType,
    sizeBytes: file.size,
  };
}

function asMessage(entry: ChatEntry): ChatMessage {
  return {
    clientMessageId: entry.clientMessageId,
    kind: entry.kind === 'deep-link' ? 'deep-link' : 'text',
    author: { kind: entry.author.kind, id: entry.author.id } as ChatMessage['author'],
    text: entry.text,
    attachment: entry.attachment,
    deepLink: entry.deepLink,
    sentAt: entry.sentAt,
    editedAt: entry.editedAt,
    deletedAt: entry.deletedAt,
    readAt: entry.readAt,
  };
}

const isNetwork = (error: unknown) => error instanceof BackendError && (error.code === 'NETWORK' || error.status >= 500);
const asBackendError = (error: unknown) => (error instanceof BackendError ? error : new BackendError('INTERNAL', String(error), undefined, 0));

class BackendChatSession extends EventTarget implements ChatSession {
  viewer: ChatController['viewer'];
  entries: readonly ChatEntry[] = [];
  status: ConversationStatus = 'bot';
  hasOlder = false;
  online = false;
  conversationId: string | null = null;
  rev = 0;
  lastError: BackendError | null = null;
  readonly ready: Promise<void>;

  private readonly call;
  private readonly outbox: ChatOutboxStorage;
  private readonly uploader: Uploader;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly newMessageId: () => string;
  private readonly sessionKey: string;
  private items: ChatOutboxItem[] = [];
  private readonly itemStates = new Map<string, ItemState>();
  private readonly previews = new Map<string, string>();
  private subscription: LiveSubscription | null = null;
  private closed = false;
  private typingTimer: unknown = null;
  private typingUntil = 0;
  private lastTypingNotice = -Infinity;
  private flushing = false;
  private flushAgain = false;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private retryTimer: unknown = null;
  private retryDelay: number;
  private changeQueued = false;

  constructor(private readonly options: ChatSessionOptions) {
    super();
    this.call = createApiCall(options.api);
    this.outbox = options.outbox ?? createMemoryChatOutbox();
    this.uploader = options.uploader ?? defaultUploader(options.api.fetch);
    this.timers = options.timers ?? systemTimers;
    this.now = options.now ?? (() => Date.now());
    this.newMessageId = options.newMessageId ?? (() => crypto.randomUUID());
    this.retryDelay = options.retryMs ?? 1000;
    const { target } = options;
    this.sessionKey = target.side === 'client' ? `client/${target.appId}` : `staff/${target.conversationId}`;
    this.viewer = { side: target.side, id: '' };
    this.ready = this.start();
    // Awaiting `ready` reports a refusal; a session nobody awaits does not raise it unhandled.
    this.ready.catch(() => undefined);
  }

  get typing(): boolean {
    return this.typingUntil > this.now();
  }

  get pending(): readonly PendingEntry[] {
    const stored = new Set(this.entries.filter((e) => this.isMine(e)).map((e) => e.clientMessageId));
    return this.items
      .filter((item) => !stored.has(item.clientMessageId))
      .map((item) => {
        const state = this.itemStates.get(item.clientMessageId) ?? { state: 'queued', progress: null, error: null };
        return {
          clientMessageId: item.clientMessageId,
          text: item.text,
          attachment: item.attachment,
          deepLink: item.snippet,
          createdAt: item.createdAt,
          state: state.state,
          progress: state.progress,
          error: state.error,
          previewUrl: this.previews.get(item.clientMessageId) ?? null,
        };
      });
  }

  // Loading and catching up.

  private async start(): Promise<void> {
    this.items = await this.outbox.load(this.sessionKey);
    this.changed();
    for (let delay = this.retryDelay; !this.closed; delay = Math.min(MAX_RETRY_MS, delay * 2)) {
      try {
        await this.open();
        break;
      } catch (error) {
        this.lastError = asBackendError(error);
        this.changed();
        if (!isNetwork(error)) throw error;
        await new Promise<void>((resolve) => this.timers.setTimeout(resolve, delay));
      }
    }
    if (this.closed) return;
    this.subscription = subscribeLive(
      { baseUrl: this.options.api.baseUrl, ...(this.options.api.fetch ? { fetch: this.options.api.fetch } : {}), getSessionToken: this.options.api.getSessionToken },
      {
        onEvent: (event) => this.onLive(event.type, event.data),
        onReset: () => void this.catchUp(),
        onState: (state) => {
          const online = state === 'open';
          if (online !== this.online) {
            this.online = online;
            this.changed();
          }
          if (online) {
            void this.catchUp().then(() => this.flush());
          }
        },
      },
      { ...this.options.live, ...(this.options.timers ? { timers: this.options.timers } : {}) },
    );
    void this.flush();
  }

  private async open(): Promise<void> {
    const { target } = this.options;
    const answer =
      target.side === 'client'
        ? await this.call<ChatOpenResponse>('POST', `/apps/${encodeURIComponent(target.appId)}/chat`, { session: true }, { channel: target.channel ?? 'web' })
        : await this.call<ChatOpenResponse>('GET', `/chats/${encodeURIComponent(target.conversationId)}`, { session: true });
    const { conversation, page } = answer;
    this.conversationId = conversation.id;
    this.viewer = { side: conversation.viewer.side, id: conversation.viewer.id, isAdministrator: conversation.viewer.isAdministrator };
    this.entries = mergeEntries(this.entries, page.entries);
    this.hasOlder = page.hasOlder;
    this.status = conversation.status;
    this.rev = Math.max(this.rev, page.rev);
    this.lastError = null;
    this.changed();
  }

  private path(rest = ''): string {
    return `/chats/${encodeURIComponent(this.conversationId!)}${rest}`;
  }

  private onLive(type: string, data: unknown): void {
    if (!type.startsWith('chat.')) return;
    const change = data as ChatLiveData;
    if (change.conversationId !== this.conversationId) return;
    switch (change.type) {
      case 'chat.typing':
        if (change.side !== this.viewer.side) this.showTyping();
        return;
      case 'chat.entry':
        this.merge([change.entry]);
        this.advance(change.entry.rev);
        return;
      case 'chat.status':
        if (change.rev > this.rev) {
          this.status = change.status;
          this.changed();
        }
        this.advance(change.rev);
        return;
      case 'chat.stale':
        this.advance(change.rev, true);
        return;
    }
  }

  /** Revisions arrive one by one; a jump means some were missed, and an announcement without data means fetch it. */
  private advance(rev: number, fetch = false): void {
    if (rev === this.rev + 1 && !fetch) this.rev = rev;
    else if (rev > this.rev) void this.catchUp();
  }

  private merge(entries: readonly ChatEntry[]): void {
    const next = mergeEntries(this.entries, entries);
    if (next === this.entries) return;
    this.entries = next;
    // A stored entry of ours ends its pending copy.
    for (const entry of entries) if (this.isMine(entry) && this.items.some((item) => item.clientMessageId === entry.clientMessageId)) void this.forget(entry.clientMessageId);
    this.changed();
  }

  /** Every change after the held revision, page by page; one at a time, once more if asked meanwhile. */
  private catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false;
          for (;;) {
            const answer = await this.call<ChatChangesResponse>('GET', this.path(`/changes?after=${this.rev}`), { session: true });
            this.merge(answer.entries);
            if (answer.rev >= this.rev) {
              this.rev = answer.rev;
              if (this.status !== answer.status) {
                this.status = answer.status;
                this.changed();
              }
            }
            if (!answer.more) break;
          }
        } while (this.catchUpAgain && !this.closed);
      } catch (error) {
        // The next reconnect catches up again.
        this.lastError = asBackendError(error);
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  async loadOlder(): Promise<void> {
    await this.ready;
    const first = this.entries[0];
    if (!first || !this.hasOlder) return;
    const page = await this.call<{ entries: ChatEntry[]; hasOlder: boolean }>('GET', this.path(`/entries?before=${first.seq}`), { session: true });
    this.hasOlder = page.hasOlder;
    this.merge(page.entries);
    this.changed();
  }

  // Sending, through the outbox.

  send(input: SendInput): void {
    if (this.closed) throw new Error('The chat session is closed');
    const clientMessageId = this.newMessageId();
    const attachment = input.file ? declarationOf(input.file) : null;
    const snippet = input.deepLink ?? null;
    const errors = validateDraft({ clientMessageId, text: input.text, attachments: attachment ? [attachment] : [], deepLink: snippet });
    if (errors.length > 0) throw new ChatValidationError(errors);
    const deepLink: DeepLinkBody | null = snippet
      ? { target: snippet.target as DeepLinkBody['target'], title: snippet.title, ...(snippet.image ? { image: snippet.image } : {}), ...(snippet.annotation ? { annotation: snippet.annotation } : {}) }
      : null;
    const createdAt = Math.max(this.now(), (this.items.at(-1)?.createdAt ?? 0) + 1);
    const item: ChatOutboxItem = { sessionKey: this.sessionKey, clientMessageId, text: input.text, deepLink, snippet, attachment, file: input.file ?? null, createdAt, uploadId: null, uploaded: false };
    this.items = [...this.items, item];
    if (input.file && attachment?.kind === 'media' && typeof URL.createObjectURL === 'function') this.previews.set(clientMessageId, URL.createObjectURL(input.file));
    this.changed();
    void this.outbox.put(item).then(() => this.flush());
  }

  retry(clientMessageId: string): void {
    const state = this.itemStates.get(clientMessageId);
    if (state?.state !== 'failed') return;
    this.itemStates.set(clientMessageId, { state: 'queued', progress: null, error: null, abort: null });
    this.changed();
    void this.flush();
  }

  cancel(clientMessageId: string): void {
    this.itemStates.get(clientMessageId)?.abort?.abort();
    void this.forget(clientMessageId);
    this.changed();
  }

  private async forget(clientMessageId: string): Promise<void> {
    const url = this.previews.get(clientMessageId);
    if (url) URL.revokeObjectURL(url);
    this.previews.delete(clientMessageId);
    this.items = this.items.filter((item) => item.clientMessageId !== clientMessageId);
    this.itemStates.delete(clientMessageId);
    await this.outbox.delete(this.sessionKey, clientMessageId);
  }

  private setState(clientMessageId: string, state: Partial<ItemState>): void {
    const current = this.itemStates.get(clientMessageId) ?? { state: 'queued', progress: null, error: null, abort: null };
    this.itemStates.set(clientMessageId, { ...current, ...state });
    this.changed();
  }

  /** Sends the queued items one after another, oldest first; stops at the first network failure and tries again later. */
  private async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    if (!this.conversationId || this.closed) return;
    this.flushing = true;
    try {
      do {
        this.flushAgain = false;
        for (const item of [...this.items]) {
          if (this.closed) return;
          if (!this.items.includes(item) || this.itemStates.get(item.clientMessageId)?.state === 'failed') continue;
          const outcome = await this.sendItem(item);
          if (outcome === 'network') {
            this.scheduleRetry();
            return;
          }
        }
      } while (this.flushAgain);
      this.retryDelay = this.options.retryMs ?? 1000;
    } finally {
      this.flushing = false;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.closed) return;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.retryDelay);
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2);
  }

  private async sendItem(item: ChatOutboxItem): Promise<'sent' | 'network' | 'failed' | 'cancelled'> {
    const id = item.clientMessageId;
    try {
      if (item.file && item.attachment && !item.uploaded) {
        const abort = new AbortController();
        this.setState(id, { state: 'uploading', progress: 0, error: null, abort });
        if (!item.uploadId) {
          const declared = await this.call<DeclareUploadResponse>('POST', this.path('/uploads'), { session: true }, item.attachment);
          item.uploadId = declared.uploadId;
          await this.outbox.put(item);
        }
        const token = await this.options.api.getSessionToken();
        if (!token) throw new BackendError('UNAUTHORIZED', 'Not signed in', undefined, 401);
        try {
          await this.uploader({
            url: `${this.options.api.baseUrl.replace(/\/+$/, '')}${this.path(`/uploads/${encodeURIComponent(item.uploadId)}`)}`,
            token,
            body: item.file,
            signal: abort.signal,
            onProgress: (progress) => this.setState(id, { progress }),
          });
        } catch (error) {
          // Bytes that already arrived (the answer was lost) count as sent.
          if (!(error instanceof BackendError && error.code === 'UPLOAD_STATE')) throw error;
        }
        item.uploaded = true;
        await this.outbox.put(item);
      }
      if (!this.items.includes(item)) return 'cancelled';
      this.setState(id, { state: 'sending', progress: null, error: null, abort: null });
      const answer = await this.call<SendMessageResponse>('POST', this.path('/messages'), { session: true }, {
        clientMessageId: id,
        text: item.text,
        ...(item.uploadId ? { uploadId: item.uploadId } : {}),
        ...(item.deepLink ? { deepLink: item.deepLink } : {}),
      });
      await this.forget(id);
      this.merge([answer.entry]);
      this.advance(answer.entry.rev);
      this.changed();
      return 'sent';
    } catch (error) {
      if (!this.items.includes(item)) return 'cancelled';
      const failure = asBackendError(error);
      if (failure.code === 'CANCELLED') return 'cancelled';
      if (isNetwork(failure)) {
        this.setState(id, { state: 'queued', progress: null, error: null, abort: null });
        return 'network';
      }
      this.setState(id, { state: 'failed', progress: null, error: failure.message, abort: null });
      return 'failed';
    }
  }

  // Acting on stored entries.

  private actor(): ChatActor {
    return this.viewer.side === 'client' ? { kind: 'client', id: this.viewer.id } : { kind: 'staff', id: this.viewer.id, isAdministrator: this.viewer.isAdministrator ?? false };
  }

  private isMine(entry: ChatEntry): boolean {
    return entry.author.kind === this.viewer.side && entry.author.id === this.viewer.id;
  }

  editRefusal(entry: ChatEntry): Error | null {
    return authorChangeRefusal(asMessage(entry), this.actor(), this.now());
  }

  deleteRefusal(entry: ChatEntry): Error | null {
    return deleteRefusal(asMessage(entry), this.actor(), this.now());
  }

  async edit(entryId: string, text: string): Promise<void> {
    const { entry } = await this.call<{ entry: ChatEntry }>('PATCH', this.path(`/entries/${encodeURIComponent(entryId)}`), { session: true }, { text });
    this.merge([entry]);
    this.advance(entry.rev);
  }

  async delete(entryId: string): Promise<void> {
    const { entry } = await this.call<{ entry: ChatEntry }>('DELETE', this.path(`/entries/${encodeURIComponent(entryId)}`), { session: true });
    this.merge([entry]);
    this.advance(entry.rev);
  }

  async chooseTag(tagId: string): Promise<void> {
    await this.ready;
    await this.call('POST', this.path('/tag'), { session: true }, { tagId });
    await this.catchUp();
  }

  markRead(): void {
    if (!this.conversationId) return;
    const unread = this.entries.some((e) => e.readAt === null && e.deletedAt === null && (e.author.kind === 'client') !== (this.viewer.side === 'client'));
    if (!unread) return;
    // A mark that does not reach the server is sent again with the next call.
    this.call('POST', this.path('/read'), { session: true }).catch(() => undefined);
  }

  notifyTyping(): void {
    if (!this.conversationId || this.now() - this.lastTypingNotice < TYPING_NOTICE_MS) return;
    this.lastTypingNotice = this.now();
    this.call('POST', this.path('/typing'), { session: true }).catch(() => undefined);
  }

  private showTyping(): void {
    this.typingUntil = this.now() + TYPING_SHOWN_MS;
    this.timers.clearTimeout(this.typingTimer);
    this.typingTimer = this.timers.setTimeout(() => this.changed(), TYPING_SHOWN_MS);
    this.changed();
  }

  /** One `change` per task, however many things changed in it. */
  private changed(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      this.dispatchEvent(new Event('change'));
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.subscription?.close();
    this.timers.clearTimeout(this.typingTimer);
    this.timers.clearTimeout(this.retryTimer);
    for (const state of this.itemStates.values()) state.abort?.abort();
    for (const url of this.previews.values()) URL.revokeObjectURL(url);
    this.online = false;
  }
}

/**
 * Opens a chat session: for a client, the conversation with the app (`POST /apps/:appId/chat`,
 * a visit); for staff, the conversation by id. Use it at once: messages sent before it is ready
 * wait in the outbox.
 */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  return new BackendChatSession(options);
}
