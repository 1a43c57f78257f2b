/*
 * The operator's side: the chat list with unread counts, filters and search, the chat card with
 * the internal comment, assigning (to a department and employee, or claiming for oneself, once),
 * ending a dialog with its finish text, and the deep links a client may be sent.
 */
import { isWithin } from '../../chat/index.ts';
import type { BackendContext } from '../context.ts';
import { iso } from '../context.ts';
import { BackendError } from '../errors.ts';
import { Collection, type AppRecord, type UserRecord } from '../records.ts';
import { staffSeesObject, type StaffRecord } from '../staff.ts';
import { runBot } from './bot-step.ts';
import { listScreenOptions } from './deep-link-targets.ts';
import type { ChatCard, ChatListItem, ChatListResponse, DeepLinkOption } from './contract.ts';
import { ChatErrorCode, chatNotFound } from './errors.ts';
import { withConversation } from './messages.ts';
import { ChatCollection, type ConversationRecord } from './records.ts';
import { assertMayAct, clientSeesApp, viewerView, type ChatViewer } from './viewer.ts';
import { assigneeOf, loadWorld, type ChatWorld } from './world.ts';

export interface ChatListQuery {
  /** `unread`: only chats with client messages staff have not read. */
  tab: 'all' | 'unread';
  objectId?: string;
  appId?: string;
  clientId?: string;
  /** An employee id: the chats they have. */
  responsibleId?: string;
  createdFrom?: number;
  createdTo?: number;
  updatedFrom?: number;
  updatedTo?: number;
  /** A chat number (`12` or `#12`), or part of the client's name (any case). */
  search?: string;
  offset: number;
  limit: number;
}

function listItem(world: ChatWorld, conversation: ConversationRecord): ChatListItem {
  return {
    id: conversation.id,
    number: conversation.number,
    appId: conversation.appId,
    client: { id: conversation.clientId, name: conversation.clientName },
    objectId: conversation.objectId,
    status: conversation.status,
    assignee: assigneeOf(world, conversation),
    channel: conversation.channel,
    unread: conversation.unread.staff,
    createdAt: iso(conversation.createdAt),
    updatedAt: iso(conversation.updatedAt),
  };
}

function matches(world: ChatWorld, conversation: ConversationRecord, query: ChatListQuery): boolean {
  if (query.tab === 'unread' && conversation.unread.staff === 0) return false;
  if (query.objectId !== undefined && (conversation.objectId === null || !isWithin(world.directory.objects, conversation.objectId, query.objectId))) return false;
  if (query.appId !== undefined && conversation.appId !== query.appId) return false;
  if (query.clientId !== undefined && conversation.clientId !== query.clientId) return false;
  if (query.responsibleId !== undefined && (conversation.assignment?.kind !== 'employee' || conversation.assignment.employeeId !== query.responsibleId)) return false;
  if (query.createdFrom !== undefined && conversation.createdAt < query.createdFrom) return false;
  if (query.createdTo !== undefined && conversation.createdAt > query.createdTo) return false;
  if (query.updatedFrom !== undefined && conversation.updatedAt < query.updatedFrom) return false;
  if (query.updatedTo !== undefined && conversation.updatedAt > query.updatedTo) return false;
  if (query.search !== undefined && query.search.trim() !== '') {
    const term = query.search.trim();
    const number = /^#?(\d{1,15})$/.exec(term);
    const byNumber = number !== null && conversation.number === Number(number[1]);
    const byName = conversation.clientName.toLocaleLowerCase().includes(term.toLocaleLowerCase());
    if (!byNumber && !byName) return false;
  }
  return true;
}

/** The chats this staff member may see (objects they have access to), newest activity first. */
export async function listChats(ctx: BackendContext, staff: StaffRecord, query: ChatListQuery): Promise<ChatListResponse> {
  const [world, conversations] = await Promise.all([loadWorld(ctx.store), ctx.store.list<ConversationRecord>(ChatCollection.CONVERSATIONS)]);
  const visible = conversations
    .map((entry) => entry.value)
    .filter((conversation) => staffSeesObject(world.directory, staff, conversation.objectId) && matches(world, conversation, query))
    .sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number);
  const page = visible.slice(query.offset, query.offset + query.limit);
  const next = query.offset + page.length;
  return { items: page.map((conversation) => listItem(world, conversation)), total: visible.length, nextOffset: next < visible.length ? next : null };
}

export async function chatCard(ctx: BackendContext, viewer: Extract<ChatViewer, { side: 'staff' }>, conversation: ConversationRecord): Promise<ChatCard> {
  const world = await loadWorld(ctx.store);
  const user = await ctx.store.get<UserRecord>(Collection.USERS, conversation.clientId);
  const premises = user?.premises.find((p) => p.object.id === conversation.objectId) ?? user?.premises[0];
  return {
    ...listItem(world, conversation),
    client: {
      id: conversation.clientId,
      name: conversation.clientName,
      phone: user?.phone ?? null,
      premises: premises ? { id: premises.id, title: premises.title } : null,
      object: premises ? { id: premises.object.id, title: premises.object.title } : null,
    },
    internalComment: conversation.internalComment,
    viewer: viewerView(viewer),
  };
}

export async function setInternalComment(ctx: BackendContext, viewer: ChatViewer, conversationId: string, comment: string): Promise<{ internalComment: string }> {
  return withConversation(ctx, conversationId, async (write) => {
    assertMayAct(write.world, viewer, write.conversation, 'view');
    write.conversation.internalComment = comment;
    write.conversation.updatedAt = write.now;
    return { internalComment: comment };
  });
}

/** Assigns the dialog to a department and optionally one of its employees with access to the client's object. */
export async function assignChat(ctx: BackendContext, viewer: ChatViewer, conversationId: string, departmentId: string, employeeId: string | null): Promise<ChatCard> {
  await withConversation(ctx, conversationId, async (write, settings) => {
    assertMayAct(write.world, viewer, write.conversation, 'send');
    if (write.conversation.bot.kind === 'idle') throw noDialog();
    const result = await runBot(write, { type: 'staff-assigned', departmentId, employeeId }, settings);
    if (!result.assignment) {
      throw new BackendError('INVALID_REQUEST', 'The department is unknown, or the employee is not in it or has no access to the client’s object', { departmentId, employeeId });
    }
  });
  return cardAfter(ctx, viewer, conversationId);
}

/**
 * The staff member takes the dialog for themselves, atomically: of two claims of one chat the
 * first wins and the second is refused with `ALREADY_ASSIGNED`, whichever instance serves it.
 */
export async function claimChat(ctx: BackendContext, viewer: Extract<ChatViewer, { side: 'staff' }>, conversationId: string): Promise<ChatCard> {
  await withConversation(ctx, conversationId, async (write, settings) => {
    assertMayAct(write.world, viewer, write.conversation, 'send');
    const { assignment, bot } = write.conversation;
    if (bot.kind === 'idle') throw noDialog();
    if (assignment?.kind === 'employee') {
      if (assignment.employeeId === viewer.staff.id) return;
      throw new BackendError(ChatErrorCode.ALREADY_ASSIGNED, 'Someone else already has this chat', { assignee: assigneeOf(write.world, write.conversation) }, 409);
    }
    const departmentId = viewer.staff.departmentId;
    if (!departmentId) throw new BackendError('FORBIDDEN', 'Only staff of a chat department can take a chat');
    const result = await runBot(write, { type: 'staff-assigned', departmentId, employeeId: viewer.staff.id }, settings);
    if (!result.assignment) throw new BackendError('FORBIDDEN', 'You have no access to this client’s object');
  });
  return cardAfter(ctx, viewer, conversationId);
}

/** Ends the dialog with "Question resolved" or "User did not answer"; the bot sends its finish text. */
export async function endDialog(ctx: BackendContext, viewer: ChatViewer, conversationId: string, outcome: 'resolved' | 'no-answer'): Promise<ChatCard> {
  await withConversation(ctx, conversationId, async (write, settings) => {
    assertMayAct(write.world, viewer, write.conversation, 'send');
    if (write.conversation.bot.kind === 'idle') throw noDialog();
    await runBot(write, { type: 'staff-ended', outcome }, settings);
  });
  return cardAfter(ctx, viewer, conversationId);
}

const noDialog = () => new BackendError(ChatErrorCode.NO_DIALOG, 'The chat has no dialog under way', undefined, 409);

async function cardAfter(ctx: BackendContext, viewer: ChatViewer, conversationId: string): Promise<ChatCard> {
  const conversation = await ctx.store.get<ConversationRecord>(ChatCollection.CONVERSATIONS, conversationId);
  if (!conversation || viewer.side !== 'staff') throw chatNotFound();
  return chatCard(ctx, viewer, conversation);
}

/** An app's name as people see it. */
export function appTitle(app: AppRecord): string {
  const named = app as { name?: unknown; title?: unknown };
  return typeof named.name === 'string' ? named.name : typeof named.title === 'string' ? named.title : app.id;
}

/**
 * What staff may link this client to: the host's list screens this client can open (the tabs,
 * services, events, the marketplace and its categories; bills with premises) and the mini-apps
 * the client can open (Active, or Testing for a tester). Items of a screen (a service, a bill, an
 * event, a category) are linked by their id, and are available when their list screen is.
 */
export async function deepLinkOptions(ctx: BackendContext, conversation: ConversationRecord): Promise<{ options: DeepLinkOption[] }> {
  const apps = await ctx.store.list<AppRecord>(Collection.APPS);
  const options: DeepLinkOption[] = listScreenOptions(conversation);
  for (const { value: app } of apps) {
    if (await clientSeesApp(ctx.store, app.id, conversation.clientId)) options.push({ target: { kind: 'mini-app', appId: app.id }, title: appTitle(app) });
  }
  return { options };
}
