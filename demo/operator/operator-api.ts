/**
 * The operator console's calls: the staff routes of the chat (docs/backend.md, "Chat") over the
 * backend client's one call function, so every failure is a `BackendError` with its code.
 */
import type { ChatCard, ChatListResponse, DeepLinkOption, NotificationSettingsBody, StaffNotificationView } from '../../src/backend/chat/contract.ts';
import { createApiCall, type BackendClientOptions } from '../../src/backend/client.ts';
import type { StaffProfile } from '../../src/backend/staff.ts';

/** The list's query as the route takes it; absent fields are not sent. */
export interface ChatListFilters {
  tab: 'all' | 'unread';
  q?: string;
  objectId?: string;
  appId?: string;
  clientId?: string;
  responsibleId?: string;
  /** ISO 8601 times. */
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

export interface StaffEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  link: string;
  at: string;
}

export interface OperatorApi {
  me(): Promise<{ staff: StaffProfile }>;
  list(filters: ChatListFilters, offset?: number, limit?: number): Promise<ChatListResponse>;
  /** Every page of the list for these filters (the export takes them all). */
  listAll(filters: ChatListFilters): Promise<ChatListResponse['items']>;
  card(chatId: string): Promise<ChatCard>;
  comment(chatId: string, comment: string): Promise<{ internalComment: string }>;
  assign(chatId: string, departmentId: string, employeeId: string | null): Promise<ChatCard>;
  claim(chatId: string): Promise<ChatCard>;
  end(chatId: string, outcome: 'resolved' | 'no-answer'): Promise<ChatCard>;
  deepLinks(chatId: string): Promise<{ options: DeepLinkOption[] }>;
  notifications(): Promise<{ notifications: StaffNotificationView[] }>;
  notificationSettings(changes: NotificationSettingsBody): Promise<{ staff: StaffProfile }>;
  emails(): Promise<{ emails: StaffEmail[] }>;
}

const LIST_PAGE = 200;
const chat = (chatId: string) => `/staff/chats/${encodeURIComponent(chatId)}`;

export function listSearch(filters: ChatListFilters, offset = 0, limit = 50): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (typeof value === 'string' && value !== '') search.set(name, value);
  search.set('offset', String(offset));
  search.set('limit', String(limit));
  return search.toString();
}

export function createOperatorApi(options: BackendClientOptions): OperatorApi {
  const call = createApiCall(options);
  const session = { session: true } as const;
  const api: OperatorApi = {
    me: () => call('GET', '/staff/me', session),
    list: (filters, offset, limit) => call('GET', `/staff/chats?${listSearch(filters, offset, limit)}`, session),
    async listAll(filters) {
      const items: ChatListResponse['items'] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const page: ChatListResponse = await api.list(filters, offset, LIST_PAGE);
        items.push(...page.items);
        offset = page.nextOffset;
      }
      return items;
    },
    card: (chatId) => call('GET', chat(chatId), session),
    comment: (chatId, comment) => call('PUT', `${chat(chatId)}/comment`, session, { comment }),
    assign: (chatId, departmentId, employeeId) => call('POST', `${chat(chatId)}/assign`, session, { departmentId, employeeId }),
    claim: (chatId) => call('POST', `${chat(chatId)}/claim`, session, {}),
    end: (chatId, outcome) => call('POST', `${chat(chatId)}/end`, session, { outcome }),
    deepLinks: (chatId) => call('GET', `${chat(chatId)}/deep-links`, session),
    notifications: () => call('GET', '/staff/notifications', session),
    notificationSettings: (changes) => call('PATCH', '/staff/me/notifications', session, changes),
    emails: () => call('GET', '/staff/me/emails', session),
  };
  return api;
}
