/*
 * What every chat write reads inside its transaction (the directory, staff, the app's settings)
 * and the few steps every write shares: numbering entries, revising them, and telling both sides
 * through the outbox in the same transaction.
 */
import type { ChatEntry, ChatMessage, Directory, ConversationStatus } from '../../chat/index.ts';
import type { BackendContext } from '../context.ts';
import { BackendError } from '../errors.ts';
import { Audience, MAX_EVENT_DATA_BYTES } from '../outbox.ts';
import { Collection } from '../records.ts';
import { loadDirectory, Permission, staffSeesObject, type StaffRecord } from '../staff.ts';
import { sequenceKey, type StoreReader, type StoreTransaction } from '../store.ts';
import type { ChatAssignee, ChatLiveData } from './contract.ts';
import { ChatErrorCode } from './errors.ts';
import { ChatCollection, type ChatSettingsRecord, type ConversationRecord, type EntryRecord } from './records.ts';

export interface ChatWorld {
  directory: Directory;
  /** The directory with offline employees left out: what automatic routing picks from. */
  onlineDirectory: Directory;
  staff: StaffRecord[];
}

export async function loadWorld(reader: StoreReader): Promise<ChatWorld> {
  const [directory, staffEntries] = await Promise.all([loadDirectory(reader), reader.list<StaffRecord>(Collection.STAFF)]);
  const staff = staffEntries.map((entry) => entry.value);
  const online = new Set(staff.filter((member) => member.online).map((member) => member.id));
  return { directory, onlineDirectory: { ...directory, employees: directory.employees.filter((e) => online.has(e.id)) }, staff };
}

export async function requireSettings(reader: StoreReader, appId: string): Promise<ChatSettingsRecord> {
  const record = await reader.get<ChatSettingsRecord>(ChatCollection.SETTINGS, appId);
  if (!record) throw new BackendError(ChatErrorCode.CHAT_DISABLED, `The app "${appId}" has no chat`, undefined, 404);
  return record;
}

/** Chat staff who may see this conversation: 'view mini-app chats' and access to the client's object. */
export function staffWhoSee(world: ChatWorld, conversation: Pick<ConversationRecord, 'objectId'>): StaffRecord[] {
  return world.staff.filter((member) => member.permissions.includes(Permission.CHATS_VIEW) && staffSeesObject(world.directory, member, conversation.objectId));
}

export function audiencesOf(world: ChatWorld, conversation: ConversationRecord): Audience[] {
  return [Audience.user(conversation.clientId), ...staffWhoSee(world, conversation).map((member) => Audience.staff(member.id))];
}

export function assigneeOf(world: ChatWorld, conversation: ConversationRecord): ChatAssignee | null {
  const assignment = conversation.assignment;
  if (!assignment) return null;
  const employeeId = assignment.kind === 'employee' ? assignment.employeeId : null;
  return {
    departmentId: assignment.departmentId,
    departmentName: world.directory.departments.find((d) => d.id === assignment.departmentId)?.name ?? assignment.departmentId,
    employeeId,
    employeeName: employeeId === null ? null : (world.staff.find((s) => s.id === employeeId)?.name ?? employeeId),
  };
}

export const entryKey = (conversationId: string, seq: number): string => `${conversationId}/${sequenceKey(seq)}`;
export const revisionKey = (conversationId: string, rev: number): string => `${conversationId}/${sequenceKey(rev)}`;

/** The stored entry as both sides see it (the dedupe scope and upload id stay inside). */
export function publicEntry(record: EntryRecord): ChatEntry {
  const { scope: _scope, uploadId: _uploadId, ...entry } = record;
  return structuredClone(entry) as ChatEntry;
}

/** An entry as the chat domain's message rules read it. */
export function asMessage(entry: EntryRecord): ChatMessage {
  return {
    clientMessageId: entry.clientMessageId,
    kind: entry.kind === 'deep-link' ? 'deep-link' : 'text',
    author: { kind: entry.author.kind, id: entry.author.id } as ChatMessage['author'],
    text: entry.text,
    attachment: entry.attachment ? { kind: entry.attachment.kind, fileName: entry.attachment.fileName, mimeType: entry.attachment.mimeType, sizeBytes: entry.attachment.sizeBytes } : null,
    deepLink: entry.deepLink,
    sentAt: entry.sentAt,
    editedAt: entry.editedAt,
    deletedAt: entry.deletedAt,
    readAt: entry.readAt,
  };
}

/** The side an author writes from: the bot writes for staff. */
export const sideOfAuthor = (kind: ChatEntry['author']['kind']): 'client' | 'staff' => (kind === 'client' ? 'client' : 'staff');

/** An entry before the conversation numbers it. */
export type NewEntry = Pick<
  EntryRecord,
  'clientMessageId' | 'scope' | 'uploadId' | 'author' | 'kind' | 'text' | 'bot' | 'attachment' | 'deepLink' | 'sentAt' | 'editedAt' | 'deletedAt' | 'readAt'
> & { id?: string };

/**
 * One transaction's view of a conversation: it revises entries and the status, and writes each
 * change to the outbox for both sides at once. `save()` writes the conversation back.
 */
export interface ConversationWrite {
  readonly tx: StoreTransaction;
  readonly ctx: BackendContext;
  readonly world: ChatWorld;
  readonly conversation: ConversationRecord;
  readonly now: number;
  /** Stores a new entry under the next `seq` and `rev`. */
  addEntry(entry: NewEntry): Promise<EntryRecord>;
  /** Stores a new revision of an entry. */
  reviseEntry(entry: EntryRecord): Promise<EntryRecord>;
  setStatus(status: ConversationStatus): Promise<void>;
  /** Tells both sides the status and assignee now (a new revision), even when the status is unchanged. */
  announceStatus(): Promise<void>;
  /** An event that is no revision (typing). */
  emit(data: ChatLiveData): Promise<void>;
  save(): Promise<void>;
}

/** Events stay well inside the outbox's cap; a larger entry is announced by revision only. */
const ENTRY_EVENT_BUDGET = MAX_EVENT_DATA_BYTES - 512;

export function beginWrite(ctx: BackendContext, tx: StoreTransaction, world: ChatWorld, conversation: ConversationRecord, newId: () => string): ConversationWrite {
  const now = ctx.clock.now();
  const audiences = () => audiencesOf(world, conversation);
  const emit = async (data: ChatLiveData) => {
    await ctx.outbox.emit(tx, audiences(), data.type, data);
  };
  const emitEntry = async (record: EntryRecord) => {
    const data: ChatLiveData = { type: 'chat.entry', conversationId: conversation.id, entry: publicEntry(record) };
    const fits = new TextEncoder().encode(JSON.stringify(data)).length <= ENTRY_EVENT_BUDGET;
    await emit(fits ? data : { type: 'chat.stale', conversationId: conversation.id, rev: record.rev });
  };
  const write: ConversationWrite = {
    tx,
    ctx,
    world,
    conversation,
    now,
    async addEntry(fields) {
      conversation.seq += 1;
      conversation.rev += 1;
      const record: EntryRecord = { ...fields, id: fields.id ?? newId(), conversationId: conversation.id, seq: conversation.seq, rev: conversation.rev } as EntryRecord;
      await tx.put(ChatCollection.ENTRIES, entryKey(conversation.id, record.seq), record);
      await tx.put(ChatCollection.REVISIONS, revisionKey(conversation.id, record.rev), { seq: record.seq });
      conversation.updatedAt = now;
      await emitEntry(record);
      return record;
    },
    async reviseEntry(entry) {
      await tx.delete(ChatCollection.REVISIONS, revisionKey(conversation.id, entry.rev));
      conversation.rev += 1;
      const record: EntryRecord = { ...entry, rev: conversation.rev };
      await tx.put(ChatCollection.ENTRIES, entryKey(conversation.id, record.seq), record);
      await tx.put(ChatCollection.REVISIONS, revisionKey(conversation.id, record.rev), { seq: record.seq });
      conversation.updatedAt = now;
      await emitEntry(record);
      return record;
    },
    async setStatus(status) {
      if (conversation.status === status) return;
      conversation.status = status;
      await write.announceStatus();
    },
    async announceStatus() {
      conversation.rev += 1;
      conversation.updatedAt = now;
      await emit({ type: 'chat.status', conversationId: conversation.id, rev: conversation.rev, status: conversation.status, assignee: assigneeOf(world, conversation) });
    },
    emit,
    async save() {
      await tx.put(ChatCollection.CONVERSATIONS, conversation.id, conversation);
    },
  };
  return write;
}
