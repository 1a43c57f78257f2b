/**
 * Staff notifications: "you were assigned to a chat" and "new message from a client". Each staff
 * member chooses, per kind, push (a `staff.notification` live event to them) and e-mail (kept in
 * the e-mail outbox that a mail relay, or the demo's screen, reads). Both are written in the
 * transaction of the change they report, and each links to its chat in the operator console.
 */
import type { BackendContext } from './context.ts';
import { iso } from './context.ts';
import type { NotificationSettingsBody, StaffNotificationView } from './chat/contract.ts';
import { ChatCollection, type ConversationRecord, type EmailRecord, type StaffNotificationRecord } from './chat/records.ts';
import { Audience } from './outbox.ts';
import { randomUuid } from './ports.ts';
import { Collection } from './records.ts';
import type { StaffNotificationKind, StaffProfile, StaffRecord } from './staff.ts';
import { staffProfile } from './staff.ts';
import { sequenceKey, type StoreTransaction } from './store.ts';

/** The operator console's page of a chat: where every notification about it leads. */
export const operatorChatLink = (conversationId: string): string => `/operator/chats/${encodeURIComponent(conversationId)}`;

const SUBJECTS: Record<StaffNotificationKind, (conversation: ConversationRecord) => string> = {
  assigned: (c) => `You were assigned to chat ${c.number} (${c.clientName})`,
  'client-message': (c) => `New message from ${c.clientName} in chat ${c.number}`,
};

/** A short, one-line preview of a text. */
export function preview(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

/** Notifies one staff member as their settings for this kind say; nothing when both channels are off. */
export async function notifyStaff(
  ctx: BackendContext,
  tx: StoreTransaction,
  staff: StaffRecord,
  kind: StaffNotificationKind,
  conversation: ConversationRecord,
  detail: string,
): Promise<StaffNotificationRecord | null> {
  const channels = staff.notifications[kind] ?? { push: false, email: false };
  if (!channels.push && !channels.email) return null;
  const now = ctx.clock.now();
  const id = randomUuid(ctx.random);
  const subject = SUBJECTS[kind](conversation);
  const link = operatorChatLink(conversation.id);
  const record: StaffNotificationRecord = {
    id,
    staffId: staff.id,
    kind,
    conversationId: conversation.id,
    chatNumber: conversation.number,
    clientName: conversation.clientName,
    text: detail ? `${subject}: ${preview(detail)}` : subject,
    link,
    at: now,
    channels: { push: channels.push, email: channels.email },
  };
  // Numbered per staff member, so their list keeps the order of the changes even within one millisecond.
  const counterKey = `notifications/${staff.id}`;
  const number = ((await tx.get<{ last: number }>(ChatCollection.COUNTERS, counterKey))?.last ?? 0) + 1;
  await tx.put(ChatCollection.COUNTERS, counterKey, { last: number });
  await tx.put(ChatCollection.NOTIFICATIONS, `${staff.id}/${sequenceKey(number)}`, record);
  if (channels.push) await ctx.outbox.emit(tx, Audience.staff(staff.id), 'staff.notification', notificationView(record));
  if (channels.email) {
    const email: EmailRecord = { id, staffId: staff.id, to: staff.email, subject, text: `${record.text}\n\nOpen the chat: ${link}`, link, at: now };
    await tx.put(ChatCollection.EMAILS, `${staff.id}/${sequenceKey(number)}`, email);
  }
  return record;
}

export function notificationView(record: StaffNotificationRecord): StaffNotificationView {
  return {
    id: record.id,
    kind: record.kind,
    conversationId: record.conversationId,
    chatNumber: record.chatNumber,
    text: record.text,
    link: record.link,
    at: iso(record.at),
    channels: { ...record.channels },
  };
}

/** The staff member's notifications, newest first. */
export async function listNotifications(ctx: BackendContext, staff: StaffRecord, limit = 50): Promise<{ notifications: StaffNotificationView[] }> {
  const entries = await ctx.store.list<StaffNotificationRecord>(ChatCollection.NOTIFICATIONS, { prefix: `${staff.id}/`, reverse: true, limit });
  return { notifications: entries.map((entry) => notificationView(entry.value)) };
}

/** The e-mails sent to this staff member, newest first (the demo shows them on screen). */
export async function listEmails(ctx: BackendContext, staff: StaffRecord, limit = 50): Promise<{ emails: (Omit<EmailRecord, 'at'> & { at: string })[] }> {
  const entries = await ctx.store.list<EmailRecord>(ChatCollection.EMAILS, { prefix: `${staff.id}/`, reverse: true, limit });
  return { emails: entries.map(({ value }) => ({ ...value, at: iso(value.at) })) };
}

/** Turns push and e-mail on or off per kind; what the body leaves out stays as it was. */
export async function updateNotificationSettings(ctx: BackendContext, staffId: string, changes: NotificationSettingsBody): Promise<{ staff: StaffProfile }> {
  return ctx.store.transaction(async (tx) => {
    const staff = (await tx.get<StaffRecord>(Collection.STAFF, staffId))!;
    for (const kind of ['assigned', 'client-message'] as const) {
      const change = changes[kind];
      if (!change) continue;
      const current = staff.notifications[kind] ?? { push: false, email: false };
      staff.notifications[kind] = { push: change.push ?? current.push, email: change.email ?? current.email };
    }
    await tx.put(Collection.STAFF, staffId, staff);
    return { staff: staffProfile(staff) };
  });
}
