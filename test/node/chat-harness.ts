import { expect } from 'chai';
import type {
  Audience} from '../../src/backend/index.ts';
import {
  ChatCollection,
  Collection,
  SEED_STAFF,
  SEED_USERS,
  type ChatOpenResponse,
  type StaffRecord,
  type Store,
  type StoreTransaction,
  type UserRecord,
} from '../../src/backend/index.ts';
import type { ChatEntry, ChatSettings } from '../../src/chat/index.ts';
import { createHarness, type Harness } from '../backend/harness.ts';

export const anna = SEED_USERS.find((u) => u.id === 'user-anna')!;
export const maria = SEED_USERS.find((u) => u.id === 'user-maria')!;
export const staffPhone = (id: string) => SEED_STAFF.find((s) => s.id === id)!.phone;
export const BAKERY_KEY = 'pk_demo_bakery';

export interface Answer<T = any> {
  status: number;
  body: T;
}

export interface ChatTest {
  h: Harness;
  /** Signs in by phone and returns the session token. */
  signIn(phone: string): Promise<string>;
  call<T = any>(method: string, path: string, token: string | undefined, body?: unknown): Promise<Answer<T>>;
  /** A call that must succeed (2xx); returns the body. */
  ok<T = any>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T>;
  /** A call that must fail with this status and code; returns the error. */
  fails(method: string, path: string, token: string | undefined, body: unknown, status: number, code: string): Promise<{ code: string; message: string; details?: any }>;
  open(token: string, appId?: string): Promise<ChatOpenResponse>;
  send(token: string, chatId: string, text: string, clientMessageId?: string): Promise<ChatEntry>;
  entries(token: string, chatId: string): Promise<ChatEntry[]>;
  putSettings(appId: string, settings: ChatSettings, geography?: unknown): Promise<void>;
  /** A resident living in the object, signed in; `city` for the personal-manager strategy. */
  resident(n: number, objectId: string, city?: string): Promise<{ user: UserRecord; token: string }>;
  setStaff(id: string, change: Partial<StaffRecord>): Promise<void>;
  /** Chat events an audience got so far. */
  eventsOf(audience: Audience): Promise<{ type: string; data: any }[]>;
}

let messageCounter = 0;
export const nextMessageId = () => `m-${++messageCounter}`;

export async function createChatTest(options: { store?: Store } = {}): Promise<ChatTest> {
  const h = await createHarness(options.store ? { store: options.store } : {});
  const call = async (method: string, path: string, token: string | undefined, body?: unknown): Promise<Answer> => {
    const response = await h.request(method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const test: ChatTest = {
    h,
    async signIn(phone) {
      const client = h.client();
      await client.signInAs(phone);
      return client.session.token!;
    },
    call,
    async ok(method, path, token, body) {
      const answer = await call(method, path, token, body);
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).to.be.within(200, 299);
      return answer.body;
    },
    async fails(method, path, token, body, status, code) {
      const answer = await call(method, path, token, body);
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).to.equal(status);
      expect(answer.body.error.code).to.equal(code);
      expect(answer.body.error.message).to.be.a('string').with.length.above(0);
      return answer.body.error;
    },
    open: (token, appId = 'bakery') => test.ok('POST', `/apps/${appId}/chat`, token, {}),
    async send(token, chatId, text, clientMessageId = nextMessageId()) {
      return (await test.ok('POST', `/chats/${chatId}/messages`, token, { clientMessageId, text })).entry;
    },
    async entries(token, chatId) {
      return (await test.ok('GET', `/chats/${chatId}/entries?limit=200`, token)).entries;
    },
    async putSettings(appId, settings, geography) {
      await test.ok('PUT', `/partner/apps/${appId}/chat/settings`, `pk_demo_${appId}`, { settings, ...(geography === undefined ? {} : { geography }) });
    },
    async resident(n, objectId, city) {
      const user: UserRecord = {
        id: `user-r${n}`,
        name: `Resident ${n}`,
        phone: `+7999555${String(n).padStart(4, '0')}`,
        premises: [{ id: `premises-r${n}`, title: `Flat ${n}`, object: { id: objectId, title: objectId } }],
        ...(city ? { city } : {}),
      };
      await h.store.put(Collection.USERS, user.id, user);
      return { user, token: await test.signIn(user.phone) };
    },
    async setStaff(id, change) {
      await h.store.transaction(async (tx: StoreTransaction) => {
        const staff = (await tx.get<StaffRecord>(Collection.STAFF, id))!;
        await tx.put(Collection.STAFF, id, { ...staff, ...change });
      });
    },
    async eventsOf(audience) {
      const page = await h.app.outbox.read(h.store, [audience], 0, 10_000);
      if ('reset' in page) throw new Error('reset');
      return page.events.map((event) => ({ type: event.type, data: event.data }));
    },
  };
  return test;
}

/** Settings for the tests: the seed bakery's, with changes. */
export function bakerySettings(change: (settings: ChatSettings) => void = () => undefined): ChatSettings {
  const settings: ChatSettings = {
    welcomeTitle: 'Corner Bakery',
    welcomeText: 'Hello! We answer within a few minutes.',
    responsible: { departmentId: 'dept-support', employeeIds: [] },
    finishTexts: { resolved: 'Glad we could help.', noAnswer: 'We did not hear back.' },
    restartTimeoutMs: 30 * 60 * 1000,
    bot: {
      enabled: true,
      greetingEmployeeId: 'staff-olga',
      callToChooseTopic: 'What is your question about?',
      tags: [{ id: 'order', text: 'My order', autoReply: 'Tell us the order number.', rules: [{ objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [] }] }],
    },
  };
  change(settings);
  return settings;
}

export const botKinds = (entries: readonly ChatEntry[]) => entries.filter((e) => e.kind === 'bot').map((e) => e.bot!.kind);
export { ChatCollection };
