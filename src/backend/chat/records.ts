import type { Assignment, BotState, ChatEntry, ChatSettings, ConversationStatus, Geography } from '../../chat/index.ts';
import type { AttachmentDeclaration } from '../../chat/index.ts';
import type { StaffNotificationKind } from '../staff.ts';
import type { StoreSchema } from '../store.ts';

/** The chat's collections (docs/backend.md, "Chat"). */
export const ChatCollection = {
  /** Key: app id → `ChatSettingsRecord`. */
  SETTINGS: 'chatSettings',
  /** Key: conversation id; unique `pair` (`appId/clientId`): one conversation per client and app. */
  CONVERSATIONS: 'chatConversations',
  /** Key: `conversationId/sequenceKey(seq)`; unique `id` and `scope` (the sender's id for the message). */
  ENTRIES: 'chatEntries',
  /** Key: `conversationId/sequenceKey(rev)` → `{ seq }`: the entry that took revision `rev`. */
  REVISIONS: 'chatRevisions',
  /** Key: upload id → `UploadRecord`; the bytes are in the blob port under `chat/<uploadId>`. */
  UPLOADS: 'chatUploads',
  /** Key: `sequenceKey(deadline)/conversationId`: when a dialog ends unless the client answers. */
  DEADLINES: 'chatDeadlines',
  /** Key `conversations` → `{ last }` (chat numbers); `queue/<departmentId>` and `branch/<branchId>` → round-robin state. */
  COUNTERS: 'chatCounters',
  /** Key: `appId/clientId` → `{ managerId }`: the client's personal manager. */
  PERSONAL_MANAGERS: 'chatPersonalManagers',
  /** Key: `staffId/sequenceKey(n)` → `StaffNotificationRecord`, numbered per staff member (`notifications/<staffId>` in counters). */
  NOTIFICATIONS: 'staffNotifications',
  /** Key: `staffId/sequenceKey(n)` → `EmailRecord`: the e-mails sent to staff (the demo shows them). */
  EMAILS: 'emailOutbox',
} as const;

export const CHAT_SCHEMA: StoreSchema = {
  [ChatCollection.SETTINGS]: {},
  [ChatCollection.CONVERSATIONS]: { unique: ['pair', 'number'] },
  [ChatCollection.ENTRIES]: { unique: ['id', 'scope'] },
  [ChatCollection.REVISIONS]: {},
  [ChatCollection.UPLOADS]: {},
  [ChatCollection.DEADLINES]: {},
  [ChatCollection.COUNTERS]: {},
  [ChatCollection.PERSONAL_MANAGERS]: {},
  [ChatCollection.NOTIFICATIONS]: {},
  [ChatCollection.EMAILS]: {},
};

export type ChatChannel = 'ios' | 'android' | 'web';

/** Key: app id. The app's chat settings (src/chat) and, for the personal-manager strategy, its geography. */
export interface ChatSettingsRecord {
  [field: string]: unknown;
  appId: string;
  settings: ChatSettings;
  geography: Geography | null;
  updatedAt: number;
}

export interface AssigneeRecord {
  departmentId: string;
  employeeId: string | null;
}

/** Key: conversation id. */
export interface ConversationRecord {
  [field: string]: unknown;
  id: string;
  /** The chat number staff search by: 1, 2, 3 … across the host. */
  number: number;
  /** `appId/clientId`, unique. */
  pair: string;
  appId: string;
  clientId: string;
  clientName: string;
  /** The building of the client's premises when the conversation was opened last. */
  objectId: string | null;
  city: string | null;
  channel: ChatChannel;
  createdAt: number;
  updatedAt: number;
  status: ConversationStatus;
  bot: BotState;
  assignment: Assignment | null;
  internalComment: string;
  /** The last entry's number and the last revision handed out. */
  seq: number;
  rev: number;
  /** Entries up to this `seq` are read by that side (all of the other side's before it). */
  readThrough: { client: number; staff: number };
  /** Entries of the client that staff have not read, and the reverse. */
  unread: { staff: number; client: number };
  /** The deadline key in `chatDeadlines`, while one is set. */
  deadlineKey: string | null;
  /** When each side last said it was typing (rate limit of the typing event). */
  typingAt: { client: number; staff: number };
}

/** Key: `conversationId/sequenceKey(seq)`. A `ChatEntry` as stored, plus its dedupe scope. */
export interface EntryRecord extends ChatEntry {
  [field: string]: unknown;
  /** `conversationId/authorKind:authorId/clientMessageId`, unique: a retried send finds it. */
  scope: string;
  /** The upload holding the attachment's bytes. */
  uploadId: string | null;
}

/** Key: upload id. An attachment declared before its bytes are sent. */
export interface UploadRecord {
  [field: string]: unknown;
  id: string;
  conversationId: string;
  uploader: { kind: 'client' | 'staff'; id: string };
  declaration: AttachmentDeclaration;
  createdAt: number;
  /** Set once the bytes are stored. */
  completedAt: number | null;
  /** The entry the attachment belongs to, once sent. */
  entryId: string | null;
}

/** Key: `staffId/sequenceKey(n)`. */
export interface StaffNotificationRecord {
  [field: string]: unknown;
  id: string;
  staffId: string;
  kind: StaffNotificationKind;
  conversationId: string;
  chatNumber: number;
  clientName: string;
  /** Who or what it is about, for the list: "Anna Petrova: Hello" or "Chat 12 was assigned to you". */
  text: string;
  /** Where a tap leads: the chat in the operator console. */
  link: string;
  at: number;
  channels: { push: boolean; email: boolean };
}

/** Key: `staffId/sequenceKey(n)`. */
export interface EmailRecord {
  [field: string]: unknown;
  id: string;
  staffId: string;
  to: string;
  subject: string;
  text: string;
  link: string;
  at: number;
}
