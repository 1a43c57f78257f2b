import { canSeeApp } from '../../catalog/index.ts';
import type { ChatActor } from '../../chat/index.ts';
import type { BackendContext } from '../context.ts';
import { BackendError } from '../errors.ts';
import { Collection, type AppRecord, type UserRecord } from '../records.ts';
import { resolveSession } from '../sign-in.ts';
import { hasPermission, loadDirectory, Permission, staffSeesObject, type StaffRecord } from '../staff.ts';
import type { StoreReader } from '../store.ts';
import type { ChatConversationView } from './contract.ts';
import { chatNotFound } from './errors.ts';
import { ChatCollection, type ConversationRecord } from './records.ts';
import type { ChatWorld } from './world.ts';

/** Who acts on a conversation: its client, or a staff member who may see it. */
export type ChatViewer =
  | { side: 'client'; user: UserRecord }
  | { side: 'staff'; user: UserRecord; staff: StaffRecord };

export function viewerId(viewer: ChatViewer): string {
  return viewer.side === 'client' ? viewer.user.id : viewer.staff.id;
}

export function actorOf(viewer: ChatViewer): ChatActor {
  return viewer.side === 'client'
    ? { kind: 'client', id: viewer.user.id }
    : { kind: 'staff', id: viewer.staff.id, isAdministrator: hasPermission(viewer.staff, Permission.CHATS_ADMIN) };
}

export function viewerView(viewer: ChatViewer): ChatConversationView['viewer'] {
  if (viewer.side === 'client') return { side: 'client', id: viewer.user.id, isAdministrator: false, canSend: true };
  return {
    side: 'staff',
    id: viewer.staff.id,
    isAdministrator: hasPermission(viewer.staff, Permission.CHATS_ADMIN),
    canSend: hasPermission(viewer.staff, Permission.CHATS_SEND),
  };
}

/**
 * The session's viewer of a conversation: its client, or staff with 'view mini-app chats' and
 * access to the client's object. Anyone else gets `CHAT_NOT_FOUND`, as for a chat that does not
 * exist, so nothing tells them it does.
 */
export async function resolveViewer(ctx: BackendContext, authorization: string | undefined, conversationId: string): Promise<{ viewer: ChatViewer; conversation: ConversationRecord }> {
  const { user } = await resolveSession(ctx, authorization);
  const conversation = await ctx.store.get<ConversationRecord>(ChatCollection.CONVERSATIONS, conversationId);
  if (!conversation) throw chatNotFound();
  if (conversation.clientId === user.id) return { viewer: { side: 'client', user }, conversation };
  const staff = await ctx.store.findUnique<StaffRecord>(Collection.STAFF, 'userId', user.id);
  if (!staff || !hasPermission(staff.value, Permission.CHATS_VIEW)) throw chatNotFound();
  if (!staffSeesObject(await loadDirectory(ctx.store), staff.value, conversation.objectId)) throw chatNotFound();
  return { viewer: { side: 'staff', user, staff: staff.value }, conversation };
}

/**
 * Checks the viewer again on the conversation as read inside a write's transaction (its client
 * object may have moved since), and that staff may write when `write` is asked.
 */
export function assertMayAct(world: ChatWorld, viewer: ChatViewer, conversation: ConversationRecord, needs: 'view' | 'send'): void {
  if (viewer.side === 'client') {
    if (conversation.clientId !== viewer.user.id) throw chatNotFound();
    return;
  }
  const staff = world.staff.find((member) => member.id === viewer.staff.id);
  if (!staff || !hasPermission(staff, Permission.CHATS_VIEW) || !staffSeesObject(world.directory, staff, conversation.objectId)) throw chatNotFound();
  if (needs === 'send' && !hasPermission(staff, Permission.CHATS_SEND)) {
    throw new BackendError('FORBIDDEN', `This needs the permission "${Permission.CHATS_SEND}"`, { missing: [Permission.CHATS_SEND] });
  }
}

/** Whether the client may open the app (and so a deep link to it). */
export async function clientSeesApp(reader: StoreReader, appId: string, clientId: string): Promise<boolean> {
  const app = await reader.get<AppRecord>(Collection.APPS, appId);
  if (!app) return false;
  return canSeeApp({ status: app.status ?? 'active' }, { isTester: app.testerIds?.includes(clientId) ?? false });
}
