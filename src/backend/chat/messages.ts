/*
 * The routes both sides share: opening the client's conversation, history by page and changes by
 * revision, sending (deduplicated by the sender's id), editing and deleting by the rules of
 * src/chat, read marks, topics, typing, and attachments declared before their bytes.
 */
import {
  authorChangeRefusal,
  ChatError,
  ChatValidationError,
  checkAttachment,
  deleteRefusal,
  IDLE,
  makeSnippet,
  validateDraft,
  type AttachmentDeclaration,
  type DeepLinkSnippet,
  type HistoryPage,
} from '../../chat/index.ts';
import type { BackendContext } from '../context.ts';
import { BackendError } from '../errors.ts';
import { randomUuid } from '../ports.ts';
import type { UserRecord } from '../records.ts';
import { sendPush } from '../push.ts';
import type { StoreEntry } from '../store.ts';
import { notifyStaff } from '../notifications.ts';
import { runBot } from './bot-step.ts';
import { screenAvailableTo } from './deep-link-targets.ts';
import type {
  ChatChangesResponse,
  ChatOpenResponse,
  DeclareUploadBody,
  DeclareUploadResponse,
  DeepLinkBody,
  SendMessageBody,
  SendMessageResponse,
} from './contract.ts';
import { ChatErrorCode, chatBackendError, chatNotFound, entryNotFound } from './errors.ts';
import { ChatCollection, type ChatChannel, type ConversationRecord, type EntryRecord, type UploadRecord } from './records.ts';
import { actorOf, assertMayAct, clientSeesApp, viewerId, viewerView, type ChatViewer } from './viewer.ts';
import { asMessage, assigneeOf, beginWrite, entryKey, loadWorld, publicEntry, requireSettings, revisionKey, sideOfAuthor, staffWhoSee, type ConversationWrite } from './world.ts';
import { requireVisibleApp } from '../launch-tokens.ts';

/** Entries of one history page unless asked otherwise, and at most. */
export const HISTORY_PAGE = 50;
export const MAX_HISTORY_PAGE = 200;
/** Changes served by one catch-up call at most; the rest with `more`. */
export const CHANGES_PAGE = 500;
/** A side's typing events: at most one per this long; each says "typing" for `TYPING_FOR_MS`. */
export const TYPING_INTERVAL_MS = 2000;
export const TYPING_FOR_MS = 5000;
/** Where a chat push leads (documented): the host opens the app's chat. */
export const CHAT_PUSH_ROUTE = '/chat';

const newId = (ctx: BackendContext) => () => randomUuid(ctx.random);

/**
 * Runs `fn` on the conversation as read inside one transaction, with the world (directory,
 * staff) and the app's settings, then saves the conversation. Chat domain errors become backend
 * errors; nothing is written when anything throws.
 */
export async function withConversation<R>(
  ctx: BackendContext,
  conversationId: string,
  fn: (write: ConversationWrite, settings: Awaited<ReturnType<typeof requireSettings>>) => Promise<R>,
): Promise<R> {
  try {
    return await ctx.store.transaction(async (tx) => {
      const conversation = await tx.get<ConversationRecord>(ChatCollection.CONVERSATIONS, conversationId);
      if (!conversation) throw chatNotFound();
      const [world, settings] = await Promise.all([loadWorld(tx), requireSettings(tx, conversation.appId)]);
      const write = beginWrite(ctx, tx, world, conversation, newId(ctx));
      const result = await fn(write, settings);
      await write.save();
      return result;
    });
  } catch (error) {
    throw error instanceof ChatError ? chatBackendError(error) : error;
  }
}

/** The client's conversation with the app: created on the first visit, the same one on every later visit; the visit is a bot event. */
export async function openChat(ctx: BackendContext, user: UserRecord, appId: string, channel: ChatChannel = 'web'): Promise<ChatOpenResponse> {
  await requireVisibleApp(ctx, appId, user.id);
  await requireSettings(ctx.store, appId);
  const pair = `${appId}/${user.id}`;
  const premises = user.premises[0];
  const conversationId = await ctx.store.transaction(async (tx) => {
    const found = await tx.findUnique<ConversationRecord>(ChatCollection.CONVERSATIONS, 'pair', pair);
    if (found) return found.value.id;
    const now = ctx.clock.now();
    const counter = (await tx.get<{ last: number }>(ChatCollection.COUNTERS, 'conversations')) ?? { last: 0 };
    const number = counter.last + 1;
    await tx.put(ChatCollection.COUNTERS, 'conversations', { last: number });
    const conversation: ConversationRecord = {
      id: randomUuid(ctx.random),
      number,
      pair,
      appId,
      clientId: user.id,
      clientName: user.name,
      objectId: premises?.object.id ?? null,
      city: typeof user['city'] === 'string' ? user['city'] : null,
      channel,
      createdAt: now,
      updatedAt: now,
      status: 'bot',
      bot: IDLE,
      assignment: null,
      internalComment: '',
      seq: 0,
      rev: 0,
      readThrough: { client: 0, staff: 0 },
      unread: { staff: 0, client: 0 },
      deadlineKey: null,
      typingAt: { client: 0, staff: 0 },
    };
    await tx.put(ChatCollection.CONVERSATIONS, conversation.id, conversation);
    return conversation.id;
  });
  await withConversation(ctx, conversationId, async (write, settings) => {
    const { conversation } = write;
    conversation.clientName = user.name;
    conversation.objectId = premises?.object.id ?? conversation.objectId;
    conversation.channel = channel;
    await runBot(write, { type: 'client-opened' }, settings);
  });
  const viewer: ChatViewer = { side: 'client', user };
  return { conversation: await conversationView(ctx, conversationId, viewer), page: await historyPage(ctx, conversationId) };
}

export async function conversationView(ctx: BackendContext, conversationId: string, viewer: ChatViewer): Promise<ChatOpenResponse['conversation']> {
  const conversation = (await ctx.store.get<ConversationRecord>(ChatCollection.CONVERSATIONS, conversationId))!;
  const world = await loadWorld(ctx.store);
  return { id: conversation.id, number: conversation.number, appId: conversation.appId, status: conversation.status, assignee: assigneeOf(world, conversation), viewer: viewerView(viewer) };
}

/** The page of entries before `before` (a `seq`), newest last; the last page when absent. */
export async function historyPage(ctx: BackendContext, conversationId: string, before?: number, limit = HISTORY_PAGE): Promise<HistoryPage> {
  const conversation = await ctx.store.get<ConversationRecord>(ChatCollection.CONVERSATIONS, conversationId);
  if (!conversation) throw chatNotFound();
  // The revision is read before the entries: a change in between is caught up, never skipped.
  const end = Math.min(before ?? conversation.seq + 1, conversation.seq + 1);
  const from = Math.max(1, end - limit);
  const entries = end <= from ? [] : await ctx.store.list<EntryRecord>(ChatCollection.ENTRIES, { prefix: `${conversationId}/`, after: entryKey(conversationId, from - 1), limit: end - from });
  return { entries: entries.map((entry) => publicEntry(entry.value)), hasOlder: from > 1, rev: conversation.rev };
}

/** Every entry revised after `after` (new, edited, deleted, read), in revision order, and the status now. */
export async function changesAfter(ctx: BackendContext, conversationId: string, after: number): Promise<ChatChangesResponse> {
  const conversation = await ctx.store.get<ConversationRecord>(ChatCollection.CONVERSATIONS, conversationId);
  if (!conversation) throw chatNotFound();
  const revisions = await ctx.store.list<{ seq: number }>(ChatCollection.REVISIONS, {
    prefix: `${conversationId}/`,
    after: revisionKey(conversationId, Math.min(after, Number.MAX_SAFE_INTEGER)),
    limit: CHANGES_PAGE + 1,
  });
  const more = revisions.length > CHANGES_PAGE;
  const page = revisions.slice(0, CHANGES_PAGE);
  const entries: EntryRecord[] = [];
  for (const { value } of page) {
    const entry = await ctx.store.get<EntryRecord>(ChatCollection.ENTRIES, entryKey(conversationId, value.seq));
    if (entry) entries.push(entry);
  }
  const world = await loadWorld(ctx.store);
  const lastRev = entries.at(-1)?.rev ?? after;
  return {
    entries: entries.map(publicEntry),
    status: conversation.status,
    assignee: assigneeOf(world, conversation),
    rev: more ? lastRev : Math.max(conversation.rev, lastRev),
    more,
  };
}

function scopeOf(conversationId: string, viewer: ChatViewer, clientMessageId: string): string {
  return `${conversationId}/${viewer.side}:${viewerId(viewer)}/${clientMessageId}`;
}

function authorOf(viewer: ChatViewer): EntryRecord['author'] {
  return viewer.side === 'client' ? { kind: 'client', id: viewer.user.id, name: viewer.user.name } : { kind: 'staff', id: viewer.staff.id, name: viewer.staff.name };
}

async function deepLinkSnippet(write: ConversationWrite, viewer: ChatViewer, deepLink: DeepLinkBody): Promise<DeepLinkSnippet> {
  if (viewer.side !== 'staff') throw new BackendError('FORBIDDEN', 'Only staff send deep links');
  const { target } = deepLink;
  if (target.kind === 'mini-app' && !(await clientSeesApp(write.tx, target.appId, write.conversation.clientId))) {
    throw new BackendError(ChatErrorCode.DEEP_LINK_UNAVAILABLE, `The client cannot open the app "${target.appId}"`, { target }, 400);
  }
  if (target.kind !== 'mini-app' && !screenAvailableTo(write.conversation, target)) {
    throw new BackendError(ChatErrorCode.DEEP_LINK_UNAVAILABLE, `The client cannot open the screen "${target.kind}"`, { target }, 400);
  }
  return makeSnippet(target, { title: deepLink.title, ...(deepLink.image ? { image: deepLink.image } : {}), ...(deepLink.annotation ? { annotation: deepLink.annotation } : {}) });
}

/**
 * Stores a message once per sender and client message id: a repeat answers with the stored entry
 * (`duplicate: true`) and stores nothing. A client's message is a bot event (free text before a
 * tag hands the dialog to the default responsible); a staff message steps in for the bot.
 */
export async function sendMessage(ctx: BackendContext, viewer: ChatViewer, conversationId: string, body: SendMessageBody): Promise<SendMessageResponse> {
  const scope = scopeOf(conversationId, viewer, body.clientMessageId);
  let pushFor: { entry: EntryRecord; conversation: ConversationRecord } | null = null;
  const answer = await withConversation(ctx, conversationId, async (write, settings): Promise<SendMessageResponse> => {
    const { tx, conversation, world, now } = write;
    assertMayAct(world, viewer, conversation, 'send');
    const existing = await tx.findUnique<EntryRecord>(ChatCollection.ENTRIES, 'scope', scope);
    if (existing) return { entry: publicEntry(existing.value), duplicate: true };

    let upload: UploadRecord | undefined;
    if (body.uploadId !== undefined) {
      upload = await tx.get<UploadRecord>(ChatCollection.UPLOADS, body.uploadId);
      if (!upload || upload.conversationId !== conversationId || upload.uploader.id !== viewerId(viewer) || upload.uploader.kind !== viewer.side) {
        throw new BackendError(ChatErrorCode.UPLOAD_NOT_FOUND, `No upload "${body.uploadId}" of yours in this chat`, undefined, 404);
      }
      if (upload.completedAt === null) throw new BackendError(ChatErrorCode.UPLOAD_STATE, 'The upload has not received all its bytes yet', undefined, 409);
      if (upload.entryId !== null) throw new BackendError(ChatErrorCode.UPLOAD_STATE, 'The upload belongs to another message', undefined, 409);
    }
    const deepLink = body.deepLink ? await deepLinkSnippet(write, viewer, body.deepLink) : null;
    const errors = validateDraft({ clientMessageId: body.clientMessageId, text: body.text, attachments: upload ? [upload.declaration] : [], deepLink });
    if (errors.length > 0) throw new ChatValidationError(errors);

    const id = randomUuid(ctx.random);
    const entry = await write.addEntry({
      id,
      clientMessageId: body.clientMessageId,
      scope,
      uploadId: upload?.id ?? null,
      author: authorOf(viewer),
      kind: deepLink ? 'deep-link' : 'text',
      text: body.text,
      bot: null,
      attachment: upload ? { ...upload.declaration, url: attachmentPath(conversationId, id) } : null,
      deepLink,
      sentAt: now,
      editedAt: null,
      deletedAt: null,
      readAt: null,
    });
    if (upload) await tx.put(ChatCollection.UPLOADS, upload.id, { ...upload, entryId: entry.id });

    if (viewer.side === 'client') {
      conversation.unread.staff += 1;
      await runBot(write, { type: 'client-sent-text', text: body.text }, settings);
      await notifyAboutClientMessage(write, body.text);
    } else {
      conversation.unread.client += 1;
      await runBot(write, { type: 'staff-sent-message', employeeId: viewer.staff.id }, settings);
      pushFor = { entry, conversation: structuredClone(conversation) };
    }
    return { entry: publicEntry(entry), duplicate: false };
  });
  if (pushFor) await pushToClient(ctx, pushFor);
  return answer;
}

/** Who hears of a client's message: the employee who has the dialog, or the department's staff who see the chat. */
async function notifyAboutClientMessage(write: ConversationWrite, text: string): Promise<void> {
  const { conversation, world } = write;
  if (conversation.status !== 'open' || !conversation.assignment) return;
  const assignment = conversation.assignment;
  const recipients =
    assignment.kind === 'employee'
      ? world.staff.filter((member) => member.id === assignment.employeeId)
      : staffWhoSee(world, conversation).filter((member) => member.departmentId === assignment.departmentId);
  for (const staff of recipients) await notifyStaff(write.ctx, write.tx, staff, 'client-message', conversation, text || 'Attachment');
}

/** A push to the client's devices that opens the chat; a push the limits refuse is skipped (the live event carries the message anyway). */
async function pushToClient(ctx: BackendContext, { entry, conversation }: { entry: EntryRecord; conversation: ConversationRecord }): Promise<void> {
  const title = [...entry.author.name.replace(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu, ' ')].slice(0, 64).join('').trim() || 'New message';
  const text = entry.text || (entry.attachment ? entry.attachment.fileName : entry.deepLink?.title ?? '');
  const body = [...text.replace(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu, ' ')].slice(0, 256).join('');
  try {
    await sendPush(ctx, conversation.appId, conversation.clientId, {
      id: `chat-${entry.id}`,
      title,
      body,
      route: CHAT_PUSH_ROUTE,
      data: { chat: { conversationId: conversation.id, entryId: entry.id } },
    });
  } catch (error) {
    if (!(error instanceof BackendError)) throw error;
  }
}

/** Where an upload's bytes are kept in the blob port. */
export const chatBlobKey = (uploadId: string): string => `chat/${uploadId}`;

export const attachmentPath = (conversationId: string, entryId: string): string => `/chats/${conversationId}/entries/${entryId}/attachment`;

async function findEntry(write: ConversationWrite, entryId: string): Promise<EntryRecord> {
  const found = await write.tx.findUnique<EntryRecord>(ChatCollection.ENTRIES, 'id', entryId);
  if (!found || found.value.conversationId !== write.conversation.id) throw entryNotFound(entryId);
  return found.value;
}

/** Edits the viewer's own message: within the hour, while the other side has not read it. */
export async function editMessage(ctx: BackendContext, viewer: ChatViewer, conversationId: string, entryId: string, text: string): Promise<{ entry: ReturnType<typeof publicEntry> }> {
  return withConversation(ctx, conversationId, async (write) => {
    assertMayAct(write.world, viewer, write.conversation, viewer.side === 'staff' ? 'send' : 'view');
    const entry = await findEntry(write, entryId);
    const refusal = authorChangeRefusal(asMessage(entry), actorOf(viewer), write.now);
    if (refusal) throw refusal;
    const errors = validateDraft({ clientMessageId: entry.clientMessageId, text, attachments: entry.attachment ? [entry.attachment] : [], deepLink: entry.deepLink });
    if (errors.length > 0) throw new ChatValidationError(errors);
    return { entry: publicEntry(await write.reviseEntry({ ...entry, text, editedAt: write.now })) };
  });
}

/** Deletes a message (a tombstone stays): the author by the edit rules, an administrator any. */
export async function deleteMessage(ctx: BackendContext, viewer: ChatViewer, conversationId: string, entryId: string): Promise<{ entry: ReturnType<typeof publicEntry> }> {
  let uploadId: string | null = null;
  const answer = await withConversation(ctx, conversationId, async (write) => {
    assertMayAct(write.world, viewer, write.conversation, 'view');
    const entry = await findEntry(write, entryId);
    const refusal = deleteRefusal(asMessage(entry), actorOf(viewer), write.now);
    if (refusal) throw refusal;
    if (entry.readAt === null) {
      const readerSide = sideOfAuthor(entry.author.kind) === 'client' ? 'staff' : 'client';
      write.conversation.unread[readerSide] = Math.max(0, write.conversation.unread[readerSide] - 1);
    }
    uploadId = entry.uploadId;
    const tombstone: EntryRecord = { ...entry, text: '', attachment: null, deepLink: null, bot: null, uploadId: null, deletedAt: write.now };
    return { entry: publicEntry(await write.reviseEntry(tombstone)) };
  });
  if (uploadId) {
    await ctx.blobs.delete(chatBlobKey(uploadId));
    await ctx.store.delete(ChatCollection.UPLOADS, uploadId);
  }
  return answer;
}

/** Marks everything the other side sent as read by the viewer: each such entry gets its `readAt` and a revision. */
export async function markRead(ctx: BackendContext, viewer: ChatViewer, conversationId: string): Promise<{ rev: number; read: number }> {
  return withConversation(ctx, conversationId, async (write) => {
    assertMayAct(write.world, viewer, write.conversation, 'view');
    const { conversation, tx, now } = write;
    const side = viewer.side;
    const unread: StoreEntry<EntryRecord>[] = await tx.list<EntryRecord>(ChatCollection.ENTRIES, {
      prefix: `${conversationId}/`,
      after: entryKey(conversationId, conversation.readThrough[side]),
    });
    let read = 0;
    for (const { value } of unread) {
      if (value.readAt !== null || value.deletedAt !== null || sideOfAuthor(value.author.kind) === side) continue;
      await write.reviseEntry({ ...value, readAt: now });
      read++;
    }
    conversation.readThrough[side] = conversation.seq;
    conversation.unread[side] = 0;
    return { rev: conversation.rev, read };
  });
}

/** The client chose a topic of the bot's call. */
export async function chooseTag(ctx: BackendContext, viewer: ChatViewer, conversationId: string, tagId: string): Promise<{ rev: number }> {
  if (viewer.side !== 'client') throw new BackendError('FORBIDDEN', 'Only the client chooses a topic');
  return withConversation(ctx, conversationId, async (write, settings) => {
    assertMayAct(write.world, viewer, write.conversation, 'view');
    await runBot(write, { type: 'client-chose-tag', tagId }, settings);
    return { rev: write.conversation.rev };
  });
}

/** "Typing…" for the other side: an event, never stored in the history; at most one per side every 2 s. */
export async function notifyTyping(ctx: BackendContext, viewer: ChatViewer, conversationId: string): Promise<{ sent: boolean }> {
  return withConversation(ctx, conversationId, async (write) => {
    assertMayAct(write.world, viewer, write.conversation, viewer.side === 'staff' ? 'send' : 'view');
    const { conversation, now } = write;
    if (now - conversation.typingAt[viewer.side] < TYPING_INTERVAL_MS) return { sent: false };
    conversation.typingAt[viewer.side] = now;
    await write.emit({ type: 'chat.typing', conversationId, side: viewer.side, until: now + TYPING_FOR_MS });
    return { sent: true };
  });
}

/** Declares an attachment; `checkAttachment` refuses a size over 40 MiB here, before any byte is sent. */
export async function declareUpload(ctx: BackendContext, viewer: ChatViewer, conversationId: string, body: DeclareUploadBody): Promise<DeclareUploadResponse> {
  const declaration: AttachmentDeclaration = { kind: body.kind, fileName: body.fileName, mimeType: body.mimeType, sizeBytes: body.sizeBytes };
  const errors = checkAttachment('attachment', declaration);
  if (errors.length > 0) throw chatBackendError(new ChatValidationError(errors));
  return withConversation(ctx, conversationId, async (write) => {
    assertMayAct(write.world, viewer, write.conversation, 'send');
    const record: UploadRecord = {
      id: randomUuid(ctx.random),
      conversationId,
      uploader: { kind: viewer.side, id: viewerId(viewer) },
      declaration,
      createdAt: write.now,
      completedAt: null,
      entryId: null,
    };
    await write.tx.put(ChatCollection.UPLOADS, record.id, record);
    return { uploadId: record.id, path: `/chats/${conversationId}/uploads/${record.id}`, sizeBytes: declaration.sizeBytes };
  });
}

function sizeMismatch(declared: number, got: string): BackendError {
  return new BackendError('INVALID_REQUEST', `The upload was declared with ${declared} bytes and got ${got}`, { declared }, 400);
}

/** Receives an upload's bytes: exactly as many as declared; a longer body is cut off at the declared size and refused (413). */
export async function receiveUpload(ctx: BackendContext, viewer: ChatViewer, conversationId: string, uploadId: string, request: Request): Promise<{ uploadId: string; sizeBytes: number }> {
  const upload = await ctx.store.get<UploadRecord>(ChatCollection.UPLOADS, uploadId);
  if (!upload || upload.conversationId !== conversationId || upload.uploader.id !== viewerId(viewer) || upload.uploader.kind !== viewer.side) {
    throw new BackendError(ChatErrorCode.UPLOAD_NOT_FOUND, `No upload "${uploadId}" of yours in this chat`, undefined, 404);
  }
  if (upload.completedAt !== null) throw new BackendError(ChatErrorCode.UPLOAD_STATE, 'The upload already has its bytes', undefined, 409);
  const declared = upload.declaration.sizeBytes;
  const tooLarge = () => new BackendError('PAYLOAD_TOO_LARGE', `The upload was declared with ${declared} bytes`, { maxBytes: declared }, 413);
  const length = request.headers.get('Content-Length');
  if (length !== null && Number(length) > declared) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > declared) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (received !== declared) throw sizeMismatch(declared, String(received));
  await ctx.blobs.put(chatBlobKey(uploadId), { bytes: new Blob(chunks as BlobPart[], { type: upload.declaration.mimeType }), mimeType: upload.declaration.mimeType });
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get<UploadRecord>(ChatCollection.UPLOADS, uploadId);
    if (current) await tx.put(ChatCollection.UPLOADS, uploadId, { ...current, completedAt: ctx.clock.now() });
  });
  return { uploadId, sizeBytes: declared };
}

/** The bytes of an entry's attachment. */
export async function readAttachment(ctx: BackendContext, conversationId: string, entryId: string): Promise<Response> {
  const found = await ctx.store.findUnique<EntryRecord>(ChatCollection.ENTRIES, 'id', entryId);
  if (!found || found.value.conversationId !== conversationId || !found.value.uploadId || !found.value.attachment) throw entryNotFound(entryId);
  const blob = await ctx.blobs.get(chatBlobKey(found.value.uploadId));
  if (!blob) throw entryNotFound(entryId);
  const name = encodeURIComponent(found.value.attachment.fileName);
  return new Response(blob.bytes, {
    status: 200,
    headers: {
      'Content-Type': blob.mimeType || 'application/octet-stream',
      'Content-Length': String(blob.bytes.size),
      'Content-Disposition': `${found.value.attachment.kind === 'media' ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
