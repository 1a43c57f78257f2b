/**
 * The chat routes' bodies and answers (docs/backend.md, "Chat"). Schemas check types and sizes
 * at the edge; the chat domain (src/chat) then applies its rules and names the field it refuses.
 */
import * as v from 'valibot';
import type { ChatEntry, ConversationStatus, HistoryPage } from '../../chat/index.ts';
import { ASSIGNMENT_STRATEGIES, CHAT_SETTINGS_LIMITS, MAX_MESSAGE_TEXT } from '../../chat/index.ts';
import type { StaffNotificationKind } from '../staff.ts';
import type { ChatChannel } from './records.ts';

export const CHAT_ROUTES = {
  openChat: 'POST /apps/:appId/chat',
  history: 'GET /chats/:chatId/entries',
  changes: 'GET /chats/:chatId/changes',
  declareUpload: 'POST /chats/:chatId/uploads',
  upload: 'PUT /chats/:chatId/uploads/:uploadId',
  attachment: 'GET /chats/:chatId/entries/:entryId/attachment',
  send: 'POST /chats/:chatId/messages',
  edit: 'PATCH /chats/:chatId/entries/:entryId',
  delete: 'DELETE /chats/:chatId/entries/:entryId',
  chooseTag: 'POST /chats/:chatId/tag',
  read: 'POST /chats/:chatId/read',
  typing: 'POST /chats/:chatId/typing',
  staffList: 'GET /staff/chats',
  staffCard: 'GET /staff/chats/:chatId',
  staffComment: 'PUT /staff/chats/:chatId/comment',
  staffAssign: 'POST /staff/chats/:chatId/assign',
  staffClaim: 'POST /staff/chats/:chatId/claim',
  staffEnd: 'POST /staff/chats/:chatId/end',
  staffDeepLinks: 'GET /staff/chats/:chatId/deep-links',
  staffNotifications: 'GET /staff/notifications',
  staffNotificationSettings: 'PATCH /staff/me/notifications',
  staffEmails: 'GET /staff/me/emails',
  settings: 'GET /partner/apps/:appId/chat/settings',
  putSettings: 'PUT /partner/apps/:appId/chat/settings',
} as const;

/** Ids chosen by a sender (client message ids): 1–128 of `A–Z a–z 0–9 . _ : -`. */
const senderId = v.pipe(v.string('Must be a string'), v.regex(/^[A-Za-z0-9._:-]{1,128}$/, '1–128 letters, digits or . _ : -'));
const recordId = v.pipe(v.string('Must be a string'), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'An id is 1–64 letters, digits, dots, hyphens or underscores'));
/** A text of at most `max` code points; the UTF-16 length is checked first so a huge string is refused unscanned. */
const text = (max: number) => v.pipe(v.string('Must be a string'), v.maxLength(max * 2, `At most ${max} characters`));

export const ChatIdParam = recordId;
export const EntryIdParam = recordId;
export const UploadIdParam = recordId;

export const CHAT_CHANNELS: readonly ChatChannel[] = ['ios', 'android', 'web'];

export const OpenChatBody = v.strictObject({
  /** The platform the client writes from (the chat card shows it); `web` when absent. */
  channel: v.optional(v.picklist(CHAT_CHANNELS, 'The channel is ios, android or web')),
});
export type OpenChatBody = v.InferInput<typeof OpenChatBody>;

const DeepLinkTargetSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('mini-app'), appId: recordId, route: v.optional(v.pipe(text(512), v.startsWith('/'))), anchor: v.optional(text(128)) }),
  v.strictObject({ kind: v.literal('service'), serviceId: recordId }),
  v.strictObject({ kind: v.literal('event'), eventId: recordId }),
  v.strictObject({ kind: v.literal('marketplace-category'), categoryId: recordId }),
  v.strictObject({ kind: v.literal('bills') }),
  v.strictObject({ kind: v.literal('services') }),
  v.strictObject({ kind: v.literal('category-list') }),
  v.strictObject({ kind: v.literal('event-category'), categoryId: recordId }),
  v.strictObject({ kind: v.picklist(['main', 'home', 'showcase', 'events', 'marketplace']) }),
  v.strictObject({ kind: v.literal('bill'), billId: recordId }),
]);

/** A deep link as staff send it: the target and what its source shows; the backend picks the look. */
export const DeepLinkBody = v.strictObject({
  target: DeepLinkTargetSchema,
  title: v.pipe(text(128), v.check((value) => value.trim() !== '', 'The title is required')),
  image: v.optional(v.pipe(text(2048), v.url('The image is an absolute URL'))),
  annotation: v.optional(text(255)),
});
export type DeepLinkBody = v.InferInput<typeof DeepLinkBody>;

export const SendMessageBody = v.strictObject({
  clientMessageId: senderId,
  text: text(MAX_MESSAGE_TEXT),
  /** An upload of this sender whose bytes are complete: the message's one attachment. */
  uploadId: v.optional(UploadIdParam),
  /** Staff only: one deep link per message. */
  deepLink: v.optional(DeepLinkBody),
});
export type SendMessageBody = v.InferInput<typeof SendMessageBody>;

/** Declares an attachment before any byte is sent; `checkAttachment` of src/chat rules it. */
export const DeclareUploadBody = v.strictObject({
  kind: v.picklist(['media', 'document'], 'The kind is media or document'),
  fileName: text(255),
  mimeType: v.pipe(v.string(), v.maxLength(255), v.regex(/^[\w.+-]+\/[\w.+-]+$|^$/, 'A MIME type such as image/png')),
  sizeBytes: v.number('The size is a number of bytes'),
});
export type DeclareUploadBody = v.InferInput<typeof DeclareUploadBody>;

export const EditMessageBody = v.strictObject({ text: text(MAX_MESSAGE_TEXT) });
export const ChooseTagBody = v.strictObject({ tagId: v.pipe(v.string(), v.maxLength(128)) });
export const AssignBody = v.strictObject({ departmentId: recordId, employeeId: v.nullable(recordId) });
export const EndDialogBody = v.strictObject({ outcome: v.picklist(['resolved', 'no-answer'], 'The outcome is resolved or no-answer') });
export const MAX_INTERNAL_COMMENT = 2000;
export const CommentBody = v.strictObject({ comment: text(MAX_INTERNAL_COMMENT) });

const channels = v.strictObject({ push: v.optional(v.boolean()), email: v.optional(v.boolean()) });
export const NotificationSettingsBody = v.strictObject({ assigned: v.optional(channels), 'client-message': v.optional(channels) });
export type NotificationSettingsBody = v.InferInput<typeof NotificationSettingsBody>;

const ids = v.pipe(v.array(recordId), v.maxLength(200));
const strategy = v.optional(v.picklist(ASSIGNMENT_STRATEGIES));
const RuleSchema = v.strictObject({ objectIds: ids, departmentId: v.string(), employeeIds: ids, strategy });

/** Chat settings of an app: the shape here, the rules (lengths, tags, references) in `validateChatSettings`. */
export const ChatSettingsBody = v.strictObject({
  settings: v.strictObject({
    welcomeTitle: text(CHAT_SETTINGS_LIMITS.welcomeTitle),
    welcomeText: text(CHAT_SETTINGS_LIMITS.welcomeText),
    responsible: v.strictObject({ departmentId: v.string(), employeeIds: ids, strategy }),
    finishTexts: v.strictObject({ resolved: text(CHAT_SETTINGS_LIMITS.finishText), noAnswer: text(CHAT_SETTINGS_LIMITS.finishText) }),
    restartTimeoutMs: v.number(),
    bot: v.strictObject({
      enabled: v.boolean(),
      greetingEmployeeId: v.nullable(v.string()),
      callToChooseTopic: text(CHAT_SETTINGS_LIMITS.callToChooseTopic),
      tags: v.pipe(
        v.array(
          v.strictObject({
            id: v.pipe(v.string(), v.maxLength(128)),
            text: text(CHAT_SETTINGS_LIMITS.tagText),
            autoReply: text(CHAT_SETTINGS_LIMITS.autoReply),
            rules: v.pipe(v.array(RuleSchema), v.maxLength(50)),
          }),
        ),
        // The domain reports "at most 10" with the count; this only bounds the work.
        v.maxLength(100),
      ),
    }),
  }),
  /** For the personal-manager strategy: city → region → branch → managers (staff ids, in queue order). */
  geography: v.optional(
    v.nullable(
      v.strictObject({
        cityRegion: v.record(v.string(), v.string()),
        regionBranch: v.record(v.string(), v.string()),
        branchManagers: v.record(v.string(), ids),
      }),
    ),
  ),
});
export type ChatSettingsBody = v.InferInput<typeof ChatSettingsBody>;

export interface ChatAssignee {
  departmentId: string;
  departmentName: string;
  employeeId: string | null;
  employeeName: string | null;
}

/** What a viewer needs about the conversation itself. */
export interface ChatConversationView {
  id: string;
  number: number;
  appId: string;
  status: ConversationStatus;
  assignee: ChatAssignee | null;
  /** The viewer's side and id, as entries name authors. */
  viewer: { side: 'client' | 'staff'; id: string; isAdministrator: boolean; canSend: boolean };
}

/** `POST /apps/:appId/chat` (client) and the staff card's first page. */
export interface ChatOpenResponse {
  conversation: ChatConversationView;
  page: HistoryPage;
}

/** `GET /chats/:chatId/changes?after=<rev>`: every entry whose `rev` is above `after`, and the status now. */
export interface ChatChangesResponse {
  entries: ChatEntry[];
  status: ConversationStatus;
  assignee: ChatAssignee | null;
  /** Catch up from here next time; when `more`, call again with it at once. */
  rev: number;
  more: boolean;
}

export interface SendMessageResponse {
  entry: ChatEntry;
  /** True when this client message id was stored before: nothing new was stored. */
  duplicate: boolean;
}

export interface DeclareUploadResponse {
  uploadId: string;
  /** Where to `PUT` the bytes (relative to the API root), with exactly `sizeBytes` bytes. */
  path: string;
  sizeBytes: number;
}

export interface ChatListItem {
  id: string;
  number: number;
  appId: string;
  client: { id: string; name: string };
  objectId: string | null;
  status: ConversationStatus;
  assignee: ChatAssignee | null;
  channel: ChatChannel;
  /** Client messages staff have not read. */
  unread: number;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

export interface ChatListResponse {
  items: ChatListItem[];
  /** Matching conversations in all (the tab, filters and search applied). */
  total: number;
  /** Pass as `offset` for the next page, or null at the end. */
  nextOffset: number | null;
}

export interface ChatCard extends ChatListItem {
  client: { id: string; name: string; phone: string | null; premises: { id: string; title: string } | null; object: { id: string; title: string } | null };
  /** Seen by staff only. */
  internalComment: string;
  viewer: ChatConversationView['viewer'];
}

export interface DeepLinkOption {
  target: DeepLinkBody['target'];
  title: string;
}

export interface StaffNotificationView {
  id: string;
  kind: StaffNotificationKind;
  conversationId: string;
  chatNumber: number;
  text: string;
  link: string;
  at: string;
  channels: { push: boolean; email: boolean };
}

/** What the live channel carries for chats (`data` of a `chat.*` event). */
export type ChatLiveData =
  | { type: 'chat.entry'; conversationId: string; entry: ChatEntry }
  /** An entry too large for an event: its revision is `rev`; fetch it with `changes?after=`. */
  | { type: 'chat.stale'; conversationId: string; rev: number }
  | { type: 'chat.status'; conversationId: string; rev: number; status: ConversationStatus; assignee: ChatAssignee | null }
  | { type: 'chat.typing'; conversationId: string; side: 'client' | 'staff'; until: number };
