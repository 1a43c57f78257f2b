import { expect } from 'chai';
import { createChatSession, createMemoryChatOutbox, type ChatSession } from '../../src/backend/index.ts';
import { ChatValidationError, MAX_ATTACHMENT_BYTES } from '../../src/chat/index.ts';
import { ORIGIN } from '../backend/harness.ts';
import { anna, createChatTest, staffPhone, type ChatTest } from './chat-harness.ts';

const PATIENCE_MS = 5000;

/** Resolves once the session's state satisfies `condition` (checked on each change); fails after PATIENCE_MS. */
function until(session: ChatSession, condition: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!condition()) return;
      clearTimeout(timer);
      session.removeEventListener('change', check);
      resolve();
    };
    const timer = setTimeout(() => {
      session.removeEventListener('change', check);
      reject(new Error(`never happened within ${PATIENCE_MS} ms: ${what}`));
    }, PATIENCE_MS);
    session.addEventListener('change', check);
    check();
  });
}

/** A network in front of the handler that can go down: open streams break, new requests fail. */
function network(t: ChatTest) {
  let up = true;
  const live = new Set<AbortController>();
  const requests: string[] = [];
  return {
    requests,
    async fetch(request: Request): Promise<Response> {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      if (!up) throw new TypeError('Failed to fetch');
      const abort = new AbortController();
      live.add(abort);
      request.signal.addEventListener('abort', () => abort.abort());
      const response = await t.h.app.fetch(new Request(request, { signal: abort.signal }));
      if (!response.body) return response;
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      response.body.pipeTo(writable, { signal: abort.signal }).catch(() => undefined).finally(() => live.delete(abort));
      return new Response(readable, { status: response.status, headers: response.headers });
    },
    down() {
      up = false;
      for (const abort of live) abort.abort(new Error('connection lost'));
    },
    up() {
      up = true;
    },
  };
}

const FAST = { backoff: { initialMs: 5, maxMs: 20 } };

describe('chat client session over the handler', () => {
  let t: ChatTest;
  const sessions: ChatSession[] = [];
  const open = (token: string, target: Parameters<typeof createChatSession>[0]['target'], extra: Partial<Parameters<typeof createChatSession>[0]> = {}) => {
    const session = createChatSession({ api: { baseUrl: `${ORIGIN}/api`, fetch: (r) => t.h.app.fetch(r), getSessionToken: () => token }, target, live: FAST, retryMs: 10, now: () => t.h.clock.now(), ...extra });
    sessions.push(session);
    return session;
  };
  beforeEach(async () => {
    t = await createChatTest();
  });
  afterEach(() => {
    for (const session of sessions.splice(0)) session.close();
  });

  it('a client and an operator see each other’s messages live, once each, with the bot lines and the status', async () => {
    const client = open(await t.signIn(anna.phone), { side: 'client', appId: 'bakery' });
    await client.ready;
    expect(client.status).to.equal('bot');
    expect(client.entries.map((e) => e.bot?.kind)).to.deep.equal(['greeting', 'choose-topic']);
    await until(client, () => client.online, 'the client is online');
    await client.chooseTag('order');
    expect(client.status).to.equal('open');

    const operator = open(await t.signIn(staffPhone('staff-alexei')), { side: 'staff', conversationId: client.conversationId! });
    await operator.ready;
    await until(operator, () => operator.online, 'the operator is online');
    expect(operator.viewer).to.deep.include({ side: 'staff', id: 'staff-alexei', isAdministrator: true });

    client.send({ text: 'Hello from Anna' });
    expect(client.pending.map((p) => p.text), 'shown at once as pending').to.deep.equal(['Hello from Anna']);
    await until(operator, () => operator.entries.some((e) => e.text === 'Hello from Anna'), 'the operator sees it');
    await until(client, () => client.pending.length === 0, 'the pending copy is gone');
    expect(client.entries.filter((e) => e.text === 'Hello from Anna')).to.have.length(1);

    operator.send({ text: 'Hi Anna' });
    await until(client, () => client.entries.some((e) => e.text === 'Hi Anna'), 'the client sees the reply');
    await until(operator, () => operator.rev === client.rev, 'both at the same revision');
    expect(client.entries).to.deep.equal(operator.entries);
  });

  it('refuses a 40 MiB + 1 byte file before sending anything', async () => {
    const fetched: string[] = [];
    const token = await t.signIn(anna.phone);
    const client = open(token, { side: 'client', appId: 'bakery' }, { api: { baseUrl: `${ORIGIN}/api`, fetch: (r) => (fetched.push(r.url), t.h.app.fetch(r)), getSessionToken: () => token } });
    await client.ready;
    const before = fetched.length;
    const big = { size: MAX_ATTACHMENT_BYTES + 1, type: 'video/mp4', name: 'big.mp4' } as unknown as File;
    expect(() => client.send({ text: '', file: big })).to.throw(ChatValidationError).with.property('errors').that.satisfies((errors: { code: string }[]) => errors[0]!.code === 'ERR_ATTACHMENT_TOO_LARGE');
    expect(client.pending).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetched.slice(before).filter((url) => /\/(uploads|messages)/.test(url))).to.deep.equal([]);
  });

  it('messages sent offline wait in the outbox, survive a new session, and go once, in order, on reconnect', async () => {
    const token = await t.signIn(anna.phone);
    const net = network(t);
    const outbox = createMemoryChatOutbox();
    const first = open(token, { side: 'client', appId: 'bakery' }, { api: { baseUrl: `${ORIGIN}/api`, fetch: net.fetch, getSessionToken: () => token }, outbox });
    await first.ready;
    await until(first, () => first.online, 'online');
    net.down();
    await until(first, () => !first.online, 'offline');
    first.send({ text: 'one' });
    first.send({ text: 'two' });
    first.send({ text: 'three' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(first.pending.map((p) => [p.text, p.state])).to.deep.equal([['one', 'queued'], ['two', 'queued'], ['three', 'queued']]);
    first.close();
    expect(outbox.size).to.equal(3);

    net.up();
    const second = open(token, { side: 'client', appId: 'bakery' }, { api: { baseUrl: `${ORIGIN}/api`, fetch: net.fetch, getSessionToken: () => token }, outbox });
    await second.ready;
    await until(second, () => second.pending.length === 0 && second.entries.filter((e) => e.kind === 'text').length === 3, 'all three stored');
    const texts = second.entries.filter((e) => e.kind === 'text').map((e) => e.text);
    expect(texts).to.deep.equal(['one', 'two', 'three']);
    expect(outbox.size).to.equal(0);
    const stored = await t.entries(token, second.conversationId!);
    expect(stored.filter((e) => e.kind === 'text').map((e) => e.text), 'exactly one copy each on the server').to.deep.equal(['one', 'two', 'three']);
  });

  it('after a dropped channel the client catches up on new messages, edits and deletes by revision', async () => {
    const token = await t.signIn(anna.phone);
    const net = network(t);
    const client = open(token, { side: 'client', appId: 'bakery' }, { api: { baseUrl: `${ORIGIN}/api`, fetch: net.fetch, getSessionToken: () => token } });
    await client.ready;
    await until(client, () => client.online, 'online');
    const olga = await t.signIn(staffPhone('staff-olga'));
    net.down();
    const sent = [];
    for (let n = 1; n <= 5; n++) sent.push(await t.send(olga, client.conversationId!, `reply ${n}`));
    await t.ok('PATCH', `/chats/${client.conversationId}/entries/${sent[1]!.id}`, olga, { text: 'reply 2, edited' });
    await t.ok('DELETE', `/chats/${client.conversationId}/entries/${sent[3]!.id}`, olga);
    net.up();
    const final = await t.entries(olga, client.conversationId!);
    await until(client, () => JSON.stringify(client.entries) === JSON.stringify(final), 'the final state');
    expect(client.entries.filter((e) => e.kind === 'text').map((e) => e.text)).to.deep.equal(['reply 1', 'reply 2, edited', 'reply 3', '', 'reply 5']);
    expect(new Set(client.entries.map((e) => e.id)).size).to.equal(client.entries.length);
  });

  it('edit and delete refusals follow the rules; ticks change when the other side reads; typing shows on the other side', async () => {
    const clientToken = await t.signIn(anna.phone);
    const client = open(clientToken, { side: 'client', appId: 'bakery' });
    await client.ready;
    await until(client, () => client.online, 'online');
    client.send({ text: 'Read me' });
    await until(client, () => client.entries.some((e) => e.text === 'Read me'), 'stored');
    const mine = client.entries.find((e) => e.text === 'Read me')!;
    expect(client.editRefusal(mine)).to.equal(null);
    expect(client.editRefusal(client.entries[0]!)!.constructor.name).to.equal('NotAuthorError');

    const operator = open(await t.signIn(staffPhone('staff-alexei')), { side: 'staff', conversationId: client.conversationId! });
    await operator.ready;
    await until(operator, () => operator.online, 'operator online');
    operator.markRead();
    await until(client, () => client.entries.find((e) => e.id === mine.id)!.readAt !== null, 'two ticks');
    expect(client.editRefusal(client.entries.find((e) => e.id === mine.id)!)!.constructor.name).to.equal('MessageAlreadyReadError');
    expect(operator.deleteRefusal(client.entries.find((e) => e.id === mine.id)!), 'an administrator deletes any').to.equal(null);

    operator.notifyTyping();
    await until(client, () => client.typing, 'the client sees “typing…”');
    expect(operator.typing).to.equal(false);
  });
});
