/// <reference types="node" />
/**
 * Chat across two instances on one PostgreSQL: a message sent through A reaches a stream on B once
 * (heartbeats out of reach, so only the NOTIFY wake-up can deliver it in time) and a catch-up by
 * revision on B returns it once; one client message id sent through both instances stores one
 * entry; a client's message through B reaches the operator's stream on A once.
 */
import { expect } from 'chai';
import {
  ChatCollection,
  SEED_STAFF,
  SEED_USERS,
  type ChatChangesResponse,
  type ChatLiveData,
  type ChatOpenResponse,
  type EntryRecord,
  type LiveEvent,
  type LiveState,
  type SendMessageResponse,
} from '../../src/backend/index.ts';
import type { PostgresEventBus } from '../../src/node/postgres-bus.ts';
import { clientOf, eventually, startTestServer, type TestClient, type TestServer } from './server-helpers.ts';
import { freshSchema } from './sql-test-databases.ts';

const anna = SEED_USERS.find((user) => user.id === 'user-anna')!;
// Olga sees the North block, where Anna lives.
const olga = SEED_STAFF.find((staff) => staff.id === 'staff-olga')!;
/** Far beyond every wait here: within these tests only a wake-up from the other instance delivers. */
const HEARTBEAT_OUT_OF_REACH = { liveHeartbeatMs: 120_000 };
/** How long a chat event may take to cross instances before the test gives up. */
const DELIVERY_MS = 5_000;

interface Answer<T> {
  status: number;
  body: T;
}

/** One chat call with the client's session; any non-2xx answer throws with its body. */
async function chatCall<T>(client: TestClient, server: TestServer, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${server.server.url}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${client.session.token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const payload = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} on ${server.server.url}: ${response.status} ${JSON.stringify(payload)}`);
  return { status: response.status, body: payload };
}

const openChat = (client: TestClient, server: TestServer, appId: string) => chatCall<ChatOpenResponse>(client, server, 'POST', `/apps/${appId}/chat`, {});
const sendMessage = (client: TestClient, server: TestServer, chatId: string, text: string, clientMessageId: string = crypto.randomUUID()) =>
  chatCall<SendMessageResponse>(client, server, 'POST', `/chats/${chatId}/messages`, { clientMessageId, text });

async function changesAfter(client: TestClient, server: TestServer, chatId: string, after: number): Promise<ChatChangesResponse['entries']> {
  const entries: ChatChangesResponse['entries'] = [];
  for (let rev = after; ; ) {
    const { body } = await chatCall<ChatChangesResponse>(client, server, 'GET', `/chats/${chatId}/changes?after=${rev}`);
    entries.push(...body.entries);
    if (!body.more) return entries;
    rev = body.rev;
  }
}

/** A live stream of `client` on `server`, open before this resolves. */
async function stream(client: TestClient, what: string) {
  const events: LiveEvent[] = [];
  let state: LiveState = 'connecting';
  const live = client.subscribe({ onEvent: (event) => void events.push(event), onState: (next) => void (state = next) });
  await eventually(() => state === 'open', 10_000, `${what} to open`);
  /** The ids of the `chat.entry` events of the conversation, in the order they came. */
  const entryIds = (conversationId: string) =>
    events
      .filter((event) => event.type === 'chat.entry')
      .map((event) => event.data as Extract<ChatLiveData, { type: 'chat.entry' }>)
      .filter((data) => data.conversationId === conversationId)
      .map((data) => data.entry.id);
  return { events, entryIds, close: () => live.close() };
}

/** Signs in through `via` and returns the session token. */
async function signIn(phone: string, via: TestServer, codes: () => TestServer['codes']): Promise<string> {
  const client = clientOf(`${via.server.url}/api`, codes);
  await client.signInAs(phone);
  return client.session.token!;
}

/** A client of `server` holding the session `token`. */
function clientWith(token: string, server: TestServer): TestClient {
  const client = clientOf(`${server.server.url}/api`, () => []);
  client.session.token = token;
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('chat on two Node instances on one PostgreSQL', function () {
  this.timeout(60_000);
  const schema = freshSchema('scalechat');
  let a: TestServer;
  let b: TestServer;
  const codes = () => [...a.codes, ...b.codes];

  // One session each, signed in on A, used on every instance: a code may not be asked for twice in a row.
  let annaToken: string;
  let olgaToken: string;

  before(async () => {
    a = await startTestServer({ database: 'postgres', schema, limits: HEARTBEAT_OUT_OF_REACH });
    b = await startTestServer({ database: 'postgres', schema, limits: HEARTBEAT_OUT_OF_REACH });
    annaToken = await signIn(anna.phone, a, codes);
    olgaToken = await signIn(olga.phone, a, codes);
  });
  after(async () => {
    await Promise.all([a?.server.shutdown(), b?.server.shutdown()]);
  });

  it('delivers an operator’s message sent through A to the client streaming from B once, and B’s catch-up by revision has it once', async () => {
    const [annaOnA, annaOnB, olgaOnA] = [clientWith(annaToken, a), clientWith(annaToken, b), clientWith(olgaToken, a)];
    const { body: opened } = await openChat(annaOnA, a, 'bakery');
    const chatId = opened.conversation.id;
    const revBefore = opened.page.rev;
    const live = await stream(annaOnB, 'Anna’s stream on B');
    try {
      const { body: sent } = await sendMessage(olgaOnA, a, chatId, 'Your bread is ready');
      expect(sent.duplicate).to.equal(false);
      await eventually(() => live.entryIds(chatId).includes(sent.entry.id), DELIVERY_MS, 'the message on B');
      // A later message through A: once it is there, a second copy of the first would have been too.
      const { body: later } = await sendMessage(olgaOnA, a, chatId, 'Open until eight');
      await eventually(() => live.entryIds(chatId).includes(later.entry.id), DELIVERY_MS, 'the later message on B');
      expect(live.entryIds(chatId).filter((id) => id === sent.entry.id)).to.have.length(1);
      expect(live.entryIds(chatId).filter((id) => id === later.entry.id)).to.have.length(1);
      expect(b.server.liveStreams).to.equal(1);

      const caughtUp = await changesAfter(annaOnB, b, chatId, revBefore);
      expect(caughtUp.filter((entry) => entry.id === sent.entry.id).map((entry) => entry.text)).to.deep.equal(['Your bread is ready']);
      expect(caughtUp.filter((entry) => entry.id === later.entry.id)).to.have.length(1);
      const revs = caughtUp.map((entry) => entry.rev);
      expect(revs.every((rev, index) => index === 0 || rev > revs[index - 1]!), 'revisions only grow').to.equal(true);
    } finally {
      live.close();
    }
  });

  it('repeats no chat event on a stream whose heartbeats re-read the outbox many times', async () => {
    // A third instance beating every 100 ms: each beat drains the outbox after the stream's cursor.
    const c = await startTestServer({ database: 'postgres', schema, limits: { liveHeartbeatMs: 100 } });
    try {
      const [annaOnA, annaOnC, olgaOnA] = [clientWith(annaToken, a), clientWith(annaToken, c), clientWith(olgaToken, a)];
      const chatId = (await openChat(annaOnA, a, 'bakery')).body.conversation.id;
      const live = await stream(annaOnC, 'Anna’s stream on C');
      try {
        const { body: sent } = await sendMessage(olgaOnA, a, chatId, 'Still warm');
        await eventually(() => live.entryIds(chatId).includes(sent.entry.id), DELIVERY_MS, 'the message on C');
        await sleep(1_000);
        expect(live.events.filter((event) => event.type === 'chat.entry' && (event.data as { entry: { id: string } }).entry.id === sent.entry.id)).to.have.length(1);
        const cursors = live.events.map((event) => BigInt(event.cursor));
        expect(cursors.every((cursor, index) => index === 0 || cursor > cursors[index - 1]!), 'cursors only grow').to.equal(true);
      } finally {
        live.close();
      }
    } finally {
      await c.server.shutdown();
    }
  });

  it('stores one entry for a client message id sent through A and again through B, also when both race', async () => {
    const [annaOnA, annaOnB] = [clientWith(annaToken, a), clientWith(annaToken, b)];
    const { body: opened } = await openChat(annaOnB, b, 'service-desk');
    const chatId = opened.conversation.id;
    expect((await openChat(annaOnA, a, 'service-desk')).body.conversation.id, 'one conversation, whichever instance opens it').to.equal(chatId);

    const retriedId = `retry-${crypto.randomUUID()}`;
    const first = await sendMessage(annaOnA, a, chatId, 'The lift is stuck', retriedId);
    const retried = await sendMessage(annaOnB, b, chatId, 'The lift is stuck', retriedId);
    expect([first.status, first.body.duplicate]).to.deep.equal([201, false]);
    expect([retried.status, retried.body.duplicate]).to.deep.equal([200, true]);
    expect(retried.body.entry.id).to.equal(first.body.entry.id);

    const racedId = `race-${crypto.randomUUID()}`;
    const raced = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 ? sendMessage(annaOnB, b, chatId, 'Still stuck', racedId) : sendMessage(annaOnA, a, chatId, 'Still stuck', racedId))),
    );
    expect(new Set(raced.map((answer) => answer.body.entry.id)).size).to.equal(1);
    expect(raced.filter((answer) => !answer.body.duplicate).map((answer) => answer.status)).to.deep.equal([201]);

    const stored = (await a.server.store.list<EntryRecord>(ChatCollection.ENTRIES)).map((entry) => entry.value).filter((entry) => entry.conversationId === chatId);
    expect(stored.filter((entry) => entry.clientMessageId === retriedId)).to.have.length(1);
    expect(stored.filter((entry) => entry.clientMessageId === racedId)).to.have.length(1);
    const history = await changesAfter(annaOnB, b, chatId, 0);
    expect(history.filter((entry) => entry.clientMessageId === retriedId)).to.have.length(1);
    expect(history.filter((entry) => entry.clientMessageId === racedId)).to.have.length(1);
  });

  it('delivers the client’s message sent through B to the operator streaming from A once', async () => {
    const [annaOnB, olgaOnA] = [clientWith(annaToken, b), clientWith(olgaToken, a)];
    const chatId = (await openChat(annaOnB, b, 'bakery')).body.conversation.id;
    const live = await stream(olgaOnA, 'Olga’s stream on A');
    try {
      const { body: sent } = await sendMessage(annaOnB, b, chatId, 'Do you have rye today?');
      await eventually(() => live.entryIds(chatId).includes(sent.entry.id), DELIVERY_MS, 'the client’s message on A');
      const { body: later } = await sendMessage(annaOnB, b, chatId, 'Two loaves, please');
      await eventually(() => live.entryIds(chatId).includes(later.entry.id), DELIVERY_MS, 'the later message on A');
      expect(live.entryIds(chatId).filter((id) => id === sent.entry.id)).to.have.length(1);
      expect(live.entryIds(chatId).filter((id) => id === later.entry.id)).to.have.length(1);
      expect(a.server.liveStreams).to.equal(1);
    } finally {
      live.close();
    }
  });

  describe('when A sends no NOTIFY', () => {
    let quietA: TestServer;
    let listeningB: TestServer;
    const quietCodes = () => [...quietA.codes, ...listeningB.codes];
    before(async () => {
      const quietSchema = freshSchema('scalechatquiet');
      quietA = await startTestServer({ database: 'postgres', schema: quietSchema, limits: HEARTBEAT_OUT_OF_REACH });
      listeningB = await startTestServer({ database: 'postgres', schema: quietSchema, limits: HEARTBEAT_OUT_OF_REACH });
      // A closed bus still wakes A's own streams but notifies no other instance.
      await (quietA.server.bus as PostgresEventBus).close();
    });
    after(async () => {
      await Promise.all([quietA?.server.shutdown(), listeningB?.server.shutdown()]);
    });

    it('leaves the message off B’s stream for the whole wait, so only the wake-up delivers it above, though B’s catch-up has it', async () => {
      const annaToken = await signIn(anna.phone, quietA, quietCodes);
      const [annaOnA, annaOnB, olgaOnA] = [clientWith(annaToken, quietA), clientWith(annaToken, listeningB), clientWith(await signIn(olga.phone, quietA, quietCodes), quietA)];
      const { body: opened } = await openChat(annaOnA, quietA, 'bakery');
      const chatId = opened.conversation.id;
      const live = await stream(annaOnB, 'Anna’s stream on B');
      try {
        const { body: sent } = await sendMessage(olgaOnA, quietA, chatId, 'Your bread is ready');
        await sleep(DELIVERY_MS);
        expect(live.entryIds(chatId)).to.deep.equal([]);
        const caughtUp = await changesAfter(annaOnB, listeningB, chatId, opened.page.rev);
        expect(caughtUp.filter((entry) => entry.id === sent.entry.id)).to.have.length(1);
      } finally {
        live.close();
      }
    });
  });
});
