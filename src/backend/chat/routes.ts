/**
 * The chat's routes on the backend's router (docs/backend.md, "Chat"): one call mounts them all.
 * Every route resolves its viewer first: the conversation's client, or staff with 'view mini-app
 * chats' and access to the client's object; staff writing also need 'send messages'.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import type { BackendContext } from '../context.ts';
import { BackendError } from '../errors.ts';
import { body, check, param } from '../http-input.ts';
import { requireApp } from '../launch-tokens.ts';
import { listEmails, listNotifications, updateNotificationSettings } from '../notifications.ts';
import { Audience } from '../outbox.ts';
import { sha256 } from '../ports.ts';
import { Collection, type AppRecord } from '../records.ts';
import { bearerToken, resolveSession } from '../sign-in.ts';
import { Permission, resolveStaff, type StaffRecord } from '../staff.ts';
import { AppIdParam } from '../contract.ts';
import {
  AssignBody,
  ChatIdParam,
  ChatSettingsBody,
  ChooseTagBody,
  CommentBody,
  DeclareUploadBody,
  EditMessageBody,
  EndDialogBody,
  EntryIdParam,
  NotificationSettingsBody,
  OpenChatBody,
  SendMessageBody,
  UploadIdParam,
} from './contract.ts';
import {
  changesAfter,
  chooseTag,
  conversationView,
  declareUpload,
  deleteMessage,
  editMessage,
  historyPage,
  markRead,
  MAX_HISTORY_PAGE,
  notifyTyping,
  openChat,
  readAttachment,
  receiveUpload,
  sendMessage,
} from './messages.ts';
import { getChatSettings, putChatSettings } from './settings.ts';
import { assignChat, chatCard, claimChat, deepLinkOptions, endDialog, listChats, setInternalComment, type ChatListQuery } from './staff-side.ts';
import { seedSampleConversations } from './samples.ts';
import { runChatTimeouts } from './timeouts.ts';
import { resolveViewer } from './viewer.ts';

/** Chat bodies are small: a message is at most 4,096 characters (a settings document a little more). */
const CHAT_BODY_BYTES = 64 * 1024;
const SETTINGS_BODY_BYTES = 256 * 1024;

const Count = (max: number) => v.pipe(v.string(), v.regex(/^\d{1,16}$/, 'A whole number'), v.transform(Number), v.check((n: number) => Number.isSafeInteger(n) && n <= max, `At most ${max}`));
const Rev = Count(Number.MAX_SAFE_INTEGER);
const Time = v.pipe(v.string(), v.isoTimestamp('An ISO 8601 time'), v.transform((value: string) => Date.parse(value)));
const QueryId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'An id'));

function query<S extends v.GenericSchema<string, unknown>>(c: Context, name: string, schema: S): v.InferOutput<S> | undefined {
  const value = c.req.query(name);
  return value === undefined ? undefined : check(schema, value, name);
}

export interface ChatRoutes {
  /** Ends dialogs past their restart timeout; the host calls it on a timer. Returns how many ended. */
  runTimeouts(): Promise<number>;
  /** Writes the demo's sample conversations into a store that never had one; returns how many. */
  seedSampleConversations(): Promise<number>;
}

/** The audiences of a session on the live channel: the user, and the staff member it signs in as. */
export async function sessionAudiences(ctx: BackendContext, userId: string): Promise<Audience[]> {
  const staff = await ctx.store.findUnique<StaffRecord>(Collection.STAFF, 'userId', userId);
  return staff ? [Audience.user(userId), Audience.staff(staff.value.id)] : [Audience.user(userId)];
}

export function mountChatRoutes(app: Hono, ctx: BackendContext): ChatRoutes {
  const auth = (c: Context) => c.req.header('Authorization');
  const viewerOf = (c: Context) => resolveViewer(ctx, auth(c), param(c, 'chatId', ChatIdParam));
  const staffViewerOf = async (c: Context) => {
    const resolved = await viewerOf(c);
    if (resolved.viewer.side !== 'staff') throw new BackendError('FORBIDDEN', 'This is a staff route');
    return { ...resolved, viewer: resolved.viewer };
  };

  // The client's side (a resident in a mini-app) and what both sides share.
  app.post('/apps/:appId/chat', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, auth(c));
    const { channel } = await body(c, OpenChatBody, CHAT_BODY_BYTES);
    return c.json(await openChat(ctx, user, appId, channel));
  });

  app.get('/chats/:chatId', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    return c.json({ conversation: await conversationView(ctx, conversation.id, viewer), page: await historyPage(ctx, conversation.id) });
  });

  app.get('/chats/:chatId/entries', async (c) => {
    const { conversation } = await viewerOf(c);
    return c.json(await historyPage(ctx, conversation.id, query(c, 'before', Rev), query(c, 'limit', Count(MAX_HISTORY_PAGE))));
  });

  app.get('/chats/:chatId/changes', async (c) => {
    const { conversation } = await viewerOf(c);
    return c.json(await changesAfter(ctx, conversation.id, query(c, 'after', Rev) ?? 0));
  });

  app.post('/chats/:chatId/messages', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    const answer = await sendMessage(ctx, viewer, conversation.id, await body(c, SendMessageBody, CHAT_BODY_BYTES));
    return c.json(answer, answer.duplicate ? 200 : 201);
  });

  app.patch('/chats/:chatId/entries/:entryId', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    const { text } = await body(c, EditMessageBody, CHAT_BODY_BYTES);
    return c.json(await editMessage(ctx, viewer, conversation.id, param(c, 'entryId', EntryIdParam), text));
  });

  app.delete('/chats/:chatId/entries/:entryId', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    return c.json(await deleteMessage(ctx, viewer, conversation.id, param(c, 'entryId', EntryIdParam)));
  });

  app.get('/chats/:chatId/entries/:entryId/attachment', async (c) => {
    const { conversation } = await viewerOf(c);
    return readAttachment(ctx, conversation.id, param(c, 'entryId', EntryIdParam));
  });

  app.post('/chats/:chatId/uploads', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    return c.json(await declareUpload(ctx, viewer, conversation.id, await body(c, DeclareUploadBody, CHAT_BODY_BYTES)), 201);
  });

  app.put('/chats/:chatId/uploads/:uploadId', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    return c.json(await receiveUpload(ctx, viewer, conversation.id, param(c, 'uploadId', UploadIdParam), c.req.raw));
  });

  app.post('/chats/:chatId/tag', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    const { tagId } = await body(c, ChooseTagBody, CHAT_BODY_BYTES);
    return c.json(await chooseTag(ctx, viewer, conversation.id, tagId));
  });

  app.post('/chats/:chatId/read', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    return c.json(await markRead(ctx, viewer, conversation.id));
  });

  app.post('/chats/:chatId/typing', async (c) => {
    const { viewer, conversation } = await viewerOf(c);
    return c.json(await notifyTyping(ctx, viewer, conversation.id));
  });

  // The operator's side.
  app.get('/staff/chats', async (c) => {
    const { staff } = await resolveStaff(ctx, auth(c), Permission.CHATS_VIEW);
    const tab = c.req.query('tab') ?? 'all';
    if (tab !== 'all' && tab !== 'unread') throw new BackendError('INVALID_REQUEST', 'Invalid tab: all or unread', { issues: [{ path: 'tab', message: 'all or unread' }] });
    const filters: ChatListQuery = {
      tab,
      offset: query(c, 'offset', Count(Number.MAX_SAFE_INTEGER)) ?? 0,
      limit: query(c, 'limit', Count(200)) ?? 50,
    };
    for (const name of ['objectId', 'appId', 'clientId', 'responsibleId'] as const) {
      const value = query(c, name, QueryId);
      if (value !== undefined) filters[name] = value;
    }
    for (const name of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const) {
      const value = query(c, name, Time);
      if (value !== undefined) filters[name] = value;
    }
    const search = query(c, 'q', v.pipe(v.string(), v.maxLength(128, 'At most 128 characters')));
    if (search !== undefined) filters.search = search;
    return c.json(await listChats(ctx, staff, filters));
  });

  app.get('/staff/chats/:chatId', async (c) => {
    const { viewer, conversation } = await staffViewerOf(c);
    return c.json(await chatCard(ctx, viewer, conversation));
  });

  app.put('/staff/chats/:chatId/comment', async (c) => {
    const { viewer, conversation } = await staffViewerOf(c);
    const { comment } = await body(c, CommentBody, CHAT_BODY_BYTES);
    return c.json(await setInternalComment(ctx, viewer, conversation.id, comment));
  });

  app.post('/staff/chats/:chatId/assign', async (c) => {
    const { viewer, conversation } = await staffViewerOf(c);
    const { departmentId, employeeId } = await body(c, AssignBody, CHAT_BODY_BYTES);
    return c.json(await assignChat(ctx, viewer, conversation.id, departmentId, employeeId));
  });

  app.post('/staff/chats/:chatId/claim', async (c) => {
    const { viewer, conversation } = await staffViewerOf(c);
    return c.json(await claimChat(ctx, viewer, conversation.id));
  });

  app.post('/staff/chats/:chatId/end', async (c) => {
    const { viewer, conversation } = await staffViewerOf(c);
    const { outcome } = await body(c, EndDialogBody, CHAT_BODY_BYTES);
    return c.json(await endDialog(ctx, viewer, conversation.id, outcome));
  });

  app.get('/staff/chats/:chatId/deep-links', async (c) => {
    const { conversation } = await staffViewerOf(c);
    return c.json(await deepLinkOptions(ctx, conversation));
  });

  app.get('/staff/notifications', async (c) => {
    const { staff } = await resolveStaff(ctx, auth(c));
    return c.json(await listNotifications(ctx, staff));
  });

  app.patch('/staff/me/notifications', async (c) => {
    const { staff } = await resolveStaff(ctx, auth(c));
    return c.json(await updateNotificationSettings(ctx, staff.id, await body(c, NotificationSettingsBody, CHAT_BODY_BYTES)));
  });

  app.get('/staff/me/emails', async (c) => {
    const { staff } = await resolveStaff(ctx, auth(c));
    return c.json(await listEmails(ctx, staff));
  });

  // The partner's side: the app's chat settings.
  app.get('/partner/apps/:appId/chat/settings', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    await requireAppEditor(ctx, c, appId);
    return c.json(await getChatSettings(ctx, appId));
  });

  app.put('/partner/apps/:appId/chat/settings', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    await requireAppEditor(ctx, c, appId);
    return c.json(await putChatSettings(ctx, appId, await body(c, ChatSettingsBody, SETTINGS_BODY_BYTES)));
  });

  return { runTimeouts: () => runChatTimeouts(ctx), seedSampleConversations: () => seedSampleConversations(ctx) };
}

/** The app's partner key, or a staff session with 'mini-apps: edit' of the app's organisation. */
async function requireAppEditor(ctx: BackendContext, c: Context, appId: string): Promise<void> {
  const app: AppRecord = await requireApp(ctx, appId);
  const authorization = c.req.header('Authorization');
  const key = bearerToken(authorization);
  if (key && (await sha256(key)) === app.partnerKeyHash) return;
  const { staff } = await resolveStaff(ctx, authorization, Permission.MINIAPPS_EDIT);
  const organisationId = typeof app['organisationId'] === 'string' ? app['organisationId'] : null;
  if (organisationId === null || staff.organisationId !== organisationId) {
    throw new BackendError('FORBIDDEN', 'Only the app’s own partner edits its chat settings');
  }
}
