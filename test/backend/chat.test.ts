import { expect } from 'chai';
import { DemoSmsInbox, startDemoBackend, type DemoBackend } from '../../demo/backend/index.ts';
import { ChatCollection, createBackendClient, createChatSession, createIdbChatOutbox, SEED_STAFF, SEED_USERS, type ChatSession, type ChatSessionOptions } from '../../src/backend/index.ts';
import { ChatValidationError, MAX_ATTACHMENT_BYTES, type ChatEntry } from '../../src/chat/index.ts';
import { deleteDatabase, openSecondTab, PATIENCE_MS } from './live-helpers.ts';

const anna = SEED_USERS[0]!;
const phoneOf = (id: string) => SEED_STAFF.find((s) => s.id === id)!.phone;
const FAST = { backoff: { initialMs: 5, maxMs: 50 } };

/** Resolves once `condition` holds after a change of the session; fails after PATIENCE_MS. */
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

/**
 * A network in front of the page's backend that a test can cut: `drop()` breaks every open
 * response (the live stream among them) as a lost connection would, and while held, new
 * requests fail at once as they do offline.
 */
function createDroppableFetch(inner: (request: Request) => Promise<Response>) {
  const open = new Set<AbortController>();
  let offline = false;
  return {
    async fetch(request: Request): Promise<Response> {
      if (offline) throw new TypeError('Failed to fetch');
      const abort = new AbortController();
      open.add(abort);
      request.signal.addEventListener('abort', () => abort.abort());
      const response = await inner(new Request(request, { signal: abort.signal }));
      if (!response.body) return response;
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      response.body.pipeTo(writable, { signal: abort.signal }).catch(() => undefined).finally(() => open.delete(abort));
      return new Response(readable, { status: response.status, headers: response.headers });
    },
    hold() {
      offline = true;
    },
    drop() {
      for (const abort of open) abort.abort(new Error('connection lost'));
    },
    release() {
      offline = false;
    },
  };
}

const texts = (session: ChatSession) => session.entries.filter((e) => e.kind !== 'bot').map((e) => e.text);

describe('the chat in the page (msw + IndexedDB + BroadcastChannel)', () => {
  const databaseName = `chat-${crypto.randomUUID()}`;
  const outboxName = `chat-outbox-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  const sessions: ChatSession[] = [];
  let backend: DemoBackend;
  const tokens: Record<string, string> = {};

  const signIn = async (phone: string) => {
    const client = createBackendClient({ baseUrl: '/api', getSessionToken: () => null });
    await client.requestCode(phone);
    return (await client.signIn(phone, sms.latest(phone)!.code)).sessionToken;
  };
  const session = (token: string, target: ChatSessionOptions['target'], options: Partial<ChatSessionOptions> = {}) => {
    const created = createChatSession({ api: { baseUrl: '/api', getSessionToken: () => token, ...options.api }, target, live: FAST, retryMs: 20, ...options });
    sessions.push(created);
    return created;
  };

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    tokens.anna = await signIn(anna.phone);
    tokens.alexei = await signIn(phoneOf('staff-alexei'));
  });
  afterEach(() => {
    for (const each of sessions.splice(0)) each.close();
  });
  after(async () => {
    await backend.stop();
    await Promise.all([deleteDatabase(databaseName), deleteDatabase(`${databaseName}-blobs`), deleteDatabase(outboxName)]);
  });

  it('a message sent offline waits, survives a reload of the session, and arrives once on both sides after reconnecting', async () => {
    const network = createDroppableFetch((request) => fetch(request));
    const outbox = createIdbChatOutbox(outboxName);
    const client = session(tokens.anna!, { side: 'client', appId: 'bakery' }, { api: { baseUrl: '/api', fetch: network.fetch, getSessionToken: () => tokens.anna! }, outbox });
    await client.ready;
    await until(client, () => client.online, 'online');
    const operator = session(tokens.alexei!, { side: 'staff', conversationId: client.conversationId! });
    await until(operator, () => operator.online, 'operator online');

    network.hold();
    network.drop();
    await until(client, () => !client.online, 'offline');
    client.send({ text: 'typed offline' });
    expect(client.pending.map((p) => p.text)).to.deep.equal(['typed offline']);
    client.close();

    // A new session on the same outbox, as after a reload; the network comes back.
    const reloaded = session(tokens.anna!, { side: 'client', appId: 'bakery' }, { api: { baseUrl: '/api', fetch: network.fetch, getSessionToken: () => tokens.anna! }, outbox });
    network.release();
    await reloaded.ready;
    await until(reloaded, () => reloaded.pending.length === 0 && texts(reloaded).includes('typed offline'), 'sent after reconnecting');
    await until(operator, () => texts(operator).includes('typed offline'), 'the operator got it live');
    expect(texts(reloaded).filter((t) => t === 'typed offline')).to.have.length(1);
    expect(texts(operator).filter((t) => t === 'typed offline')).to.have.length(1);
    expect(await outbox.load('client/bakery')).to.deep.equal([]);
    outbox.close();
  });

  it('the channel drops while the operator sends 5, edits 1 and deletes 1: the client shows the final state once', async () => {
    const network = createDroppableFetch((request) => fetch(request));
    const client = session(tokens.anna!, { side: 'client', appId: 'bakery' }, { api: { baseUrl: '/api', fetch: network.fetch, getSessionToken: () => tokens.anna! } });
    await client.ready;
    await until(client, () => client.online, 'online');
    const operator = session(tokens.alexei!, { side: 'staff', conversationId: client.conversationId! });
    await operator.ready;

    network.hold();
    network.drop();
    await until(client, () => !client.online, 'the client is offline');
    for (let n = 1; n <= 5; n++) operator.send({ text: `burst ${n}` });
    await until(operator, () => operator.pending.length === 0 && texts(operator).includes('burst 5'), 'the operator stored all five');
    const burst = operator.entries.filter((e) => e.text.startsWith('burst '));
    await operator.edit(burst[1]!.id, 'burst 2, edited');
    await operator.delete(burst[3]!.id);
    network.release();

    const finalIds = operator.entries.map((e) => `${e.id}@${e.rev}`);
    await until(client, () => client.entries.map((e) => `${e.id}@${e.rev}`).join() === finalIds.join(), 'the client caught up');
    const tail = client.entries.slice(-5);
    expect(tail.map((e) => e.text)).to.deep.equal(['burst 1', 'burst 2, edited', 'burst 3', '', 'burst 5']);
    expect(tail[3]!.deletedAt).to.not.equal(null);
    expect(new Set(client.entries.map((e) => e.id)).size, 'nothing shown twice').to.equal(client.entries.length);
  });

  it('operator replies from another tab arrive live; ticks change when the client reads', async () => {
    const client = session(tokens.anna!, { side: 'client', appId: 'bakery' });
    await client.ready;
    await until(client, () => client.online, 'online');
    const { tab, frame } = await openSecondTab(databaseName);
    try {
      // The operator's session is served by the other tab's own backend over the same IndexedDB.
      const operator = session(tokens.alexei!, { side: 'staff', conversationId: client.conversationId! }, { api: { baseUrl: 'http://localhost/api', fetch: (r) => tab.backend.app.fetch(r), getSessionToken: () => tokens.alexei! } });
      await operator.ready;
      await until(operator, () => operator.online, 'operator online in the other tab');
      operator.send({ text: 'reply from the other tab' });
      await until(client, () => texts(client).includes('reply from the other tab'), 'the reply arrived live');
      const reply = () => operator.entries.find((e) => e.text === 'reply from the other tab');
      await until(operator, () => reply() !== undefined, 'stored');
      expect(reply()!.readAt, 'one tick').to.equal(null);
      client.markRead();
      await until(operator, () => reply()!.readAt !== null, 'two ticks in the other tab');
      await until(client, () => client.entries.find((e) => e.id === reply()!.id)!.readAt === reply()!.readAt, 'the client has the read revision too');

      client.notifyTyping();
      await until(operator, () => operator.typing, 'the operator sees typing');
    } finally {
      await tab.backend.stop();
      frame.remove();
    }
  });

  it('refuses a 40 MiB + 1 byte file with no request sent; a small one uploads with progress and reads back', async () => {
    const client = session(tokens.anna!, { side: 'client', appId: 'bakery' });
    await client.ready;
    await until(client, () => client.online, 'online');
    const uploadsBefore = (await backend.store.list(ChatCollection.UPLOADS)).length;
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => requests.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource', buffered: false });
    const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], 'film.mp4', { type: 'video/mp4' });
    let refused: unknown;
    try {
      client.send({ text: 'too big', file: big });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ChatValidationError);
    expect((refused as ChatValidationError).errors[0]!.code).to.equal('ERR_ATTACHMENT_TOO_LARGE');
    expect(client.pending).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(requests.filter((url) => /\/(uploads|messages)/.test(url)), 'nothing was sent').to.deep.equal([]);
    expect((await backend.store.list(ChatCollection.UPLOADS)).length).to.equal(uploadsBefore);

    const bytes = new TextEncoder().encode('a small photo');
    client.send({ text: 'a photo', file: new File([bytes], 'photo.png', { type: 'image/png' }) });
    await until(client, () => client.pending.length === 0 && client.entries.some((e) => e.text === 'a photo'), 'uploaded and sent');
    const entry = client.entries.find((e) => e.text === 'a photo') as ChatEntry;
    expect(entry.attachment).to.deep.include({ kind: 'media', fileName: 'photo.png', mimeType: 'image/png', sizeBytes: bytes.length });
    const download = await fetch(`/api${entry.attachment!.url}`, { headers: { Authorization: `Bearer ${tokens.alexei}` } });
    expect(download.status).to.equal(200);
    expect(new Uint8Array(await download.arrayBuffer())).to.deep.equal(bytes);
  });
});
