import { expect } from 'chai';
import {
  Audience,
  BACKEND_SCHEMA,
  createLocalEventBus,
  createMemoryStore,
  OutboxCollection,
  SEED_APPS,
  SEED_USERS,
  type EventBus,
  type Store,
} from '../../src/backend/index.ts';
import { createHarness, expectErrorBody, type Harness } from '../backend/harness.ts';
import { createCountingBus, createCountingTimers, eventOf, readSse, type SseReader } from '../backend/live-helpers.ts';

const [anna, ivan] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];
const bakery = SEED_APPS[0]!;
const DAY = 24 * 60 * 60 * 1000;

/** A new session (a device) of the user; the clock moves past the resend interval of codes. */
async function signedIn(h: Harness, phone: string): Promise<string> {
  const client = h.client();
  await client.signInAs(phone);
  h.clock.advance(61_000);
  return client.session.token!;
}

function open(h: Harness, token: string, options: { after?: string; lastEventId?: string; signal?: AbortSignal } = {}): Promise<SseReader> {
  const query = options.after === undefined ? '' : `?after=${encodeURIComponent(options.after)}`;
  return h
    .request('GET', `/events${query}`, {
      token,
      ...(options.lastEventId === undefined ? {} : { headers: { 'Last-Event-ID': options.lastEventId } }),
      ...(options.signal ? { signal: options.signal } : {}),
    })
    .then(readSse);
}

const ids = (messages: { id?: string }[]) => messages.map((message) => message.id);

describe('backend: the live channel (GET /api/events)', () => {
  let h: Harness;
  let annaToken: string;
  const streams: SseReader[] = [];
  const opened = async (reader: Promise<SseReader>) => {
    const stream = await reader;
    streams.push(stream);
    return stream;
  };

  beforeEach(async () => {
    h = await createHarness();
    annaToken = await signedIn(h, anna.phone);
  });

  afterEach(async () => {
    for (const stream of streams.splice(0)) await stream.cancel();
  });

  describe('refusals', () => {
    it('needs a session', async () => {
      await expectErrorBody(await h.request('GET', '/events'), 401, 'UNAUTHORIZED');
      await expectErrorBody(await h.request('GET', '/events', { token: 'not-a-session' }), 401, 'UNAUTHORIZED');
    });

    for (const bad of ['abc', '-1', '01', '1.5', '1e3', ' 7', '99999999999999999', '']) {
      it(`refuses the cursor ${JSON.stringify(bad)} with 400 naming the parameter`, async () => {
        const error = await expectErrorBody(await h.request('GET', `/events?after=${encodeURIComponent(bad)}`, { token: annaToken }), 400, 'INVALID_REQUEST');
        expect(error.message).to.match(/after/);
        expect(error.message).to.match(/cursor/i);
      });
    }

    it('refuses a malformed Last-Event-ID with 400 naming the header', async () => {
      const response = await h.request('GET', '/events?after=3', { token: annaToken, headers: { 'Last-Event-ID': 'x7' } });
      const error = await expectErrorBody(response, 400, 'INVALID_REQUEST');
      expect(error.message).to.match(/Last-Event-ID/);
    });

    it('opens no subscription for a refused request', async () => {
      const bus = createCountingBus();
      h = await createHarness({ bus });
      await h.request('GET', '/events?after=nope', { token: await signedIn(h, anna.phone) });
      await h.request('GET', '/events');
      expect(bus.listenerCount).to.equal(0);
    });
  });

  describe('backlog and live events', () => {
    it('serves the backlog after the cursor in order, each with its cursor as id, then ready', async () => {
      for (let n = 1; n <= 5; n++) await h.emit(Audience.user(anna.id), 'test.note', { n });
      const response = await h.request('GET', '/events?after=2', { token: annaToken });
      expect(response.headers.get('Cache-Control')).to.equal('no-store');
      const stream = await opened(Promise.resolve(readSse(response)));
      const messages = await stream.take(4);
      expect(ids(messages)).to.deep.equal(['3', '4', '5', '5']);
      expect(messages.map((message) => message.event)).to.deep.equal(['test.note', 'test.note', 'test.note', 'ready']);
      expect(eventOf(messages[0]!)).to.deep.equal({ cursor: '3', type: 'test.note', at: new Date(h.clock.now()).toISOString(), data: { n: 3 } });
      expect(JSON.parse(messages[3]!.data)).to.deep.equal({ cursor: '5' });
    });

    it('starts at the head without a cursor: only events written after it', async () => {
      await h.emit(Audience.user(anna.id), 'test.note', { n: 1 });
      await h.emit(Audience.user(anna.id), 'test.note', { n: 2 });
      const stream = await opened(open(h, annaToken));
      const ready = await stream.next();
      expect(ready).to.include({ event: 'ready', id: '2' });
      await h.emit(Audience.user(anna.id), 'test.note', { n: 3 });
      const live = await stream.next();
      expect(live.id).to.equal('3');
      expect(eventOf(live).data).to.deep.equal({ n: 3 });
    });

    it('from cursor 0 serves every retained event', async () => {
      await h.emit(Audience.user(anna.id), 'test.note', { n: 1 });
      const stream = await opened(open(h, annaToken, { after: '0' }));
      expect(ids(await stream.take(2))).to.deep.equal(['1', '1']);
    });

    it('delivers live events in commit order, each once, however many are written at once', async () => {
      const stream = await opened(open(h, annaToken, { after: '0' }));
      expect((await stream.next()).event).to.equal('ready');
      await Promise.all(Array.from({ length: 30 }, (_, n) => h.emit(Audience.user(anna.id), 'test.note', { n })));
      const messages = await stream.take(30);
      expect(ids(messages)).to.deep.equal(Array.from({ length: 30 }, (_, n) => String(n + 1)));
      await h.emit(Audience.user(anna.id), 'test.note', { n: 'last' });
      expect((await stream.next()).id, 'nothing repeated before the next event').to.equal('31');
    });

    it('resumes by Last-Event-ID, which wins over ?after (the URL an EventSource keeps)', async () => {
      for (let n = 1; n <= 4; n++) await h.emit(Audience.user(anna.id), 'test.note', { n });
      const stream = await opened(open(h, annaToken, { after: '1', lastEventId: '3' }));
      expect(ids(await stream.take(2))).to.deep.equal(['4', '4']);
    });

    it('pages a long backlog without losing or repeating an event', async () => {
      h = await createHarness({ limits: { liveEventPageSize: 7 } });
      annaToken = await signedIn(h, anna.phone);
      const mine: string[] = [];
      for (let n = 0; n < 60; n++) {
        const cursor = await h.emit(Audience.user(n % 3 === 0 ? ivan.id : anna.id), 'test.note', { n });
        if (n % 3 !== 0) mine.push(cursor);
      }
      const stream = await opened(open(h, annaToken, { after: '0' }));
      const messages = await stream.until((message) => message.event === 'ready');
      expect(ids(messages.slice(0, -1))).to.deep.equal(mine);
      expect(messages.at(-1)!.id).to.equal('60');
    });

    it('reads no further than a reader that stopped reading has room for', async () => {
      let pageReads = 0;
      const store = createMemoryStore(BACKEND_SCHEMA);
      const counting: Store = {
        ...store,
        list: (collection, options) => {
          if (collection === OutboxCollection.BY_AUDIENCE) pageReads++;
          return store.list(collection, options);
        },
      };
      h = await createHarness({ store: counting, limits: { liveEventPageSize: 10 } });
      const token = await signedIn(h, anna.phone);
      await h.store.transaction(async (tx) => {
        for (let n = 0; n < 1000; n++) await h.app.outbox.emit(tx, Audience.user(anna.id), 'test.note', { n });
      });
      const response = await h.request('GET', '/events?after=0', { token });
      // The memory store answers in microtasks: one macrotask turn would let an unbounded stream read all 100 pages.
      await new Promise((resolve) => setImmediate(resolve));
      const readWhileStalled = pageReads;
      expect(readWhileStalled).to.be.within(1, 10);
      const stream = await opened(Promise.resolve(readSse(response)));
      const messages = await stream.until((message) => message.event === 'ready');
      expect(messages).to.have.length(1001);
      expect(pageReads).to.be.greaterThan(readWhileStalled);
    });

    it('pages the merged lists of several audiences in cursor order, each event once', async () => {
      h = await createHarness({ limits: { liveEventPageSize: 3 } });
      const { outbox } = h.app;
      const audiences = [Audience.user(anna.id), Audience.appStaff(bakery.id)];
      // Write straight into the outbox, then read it as a two-audience session would.
      const expected: number[] = [];
      for (let n = 1; n <= 20; n++) {
        const to = n % 4 === 0 ? audiences : n % 2 === 0 ? [audiences[0]!] : n % 3 === 0 ? [audiences[1]!] : [Audience.user(ivan.id)];
        await h.emit(to, 'test.note', { n });
        if (to.some((audience) => audiences.includes(audience))) expected.push(n);
      }
      const served: number[] = [];
      let position = 0;
      for (let pages = 0; pages < 50; pages++) {
        const page = await outbox.read(h.store, audiences, position, 3);
        if ('reset' in page) throw new Error('unexpected reset');
        served.push(...page.events.map((event) => event.cursor));
        position = page.position;
        if (!page.more) break;
      }
      expect(served).to.deep.equal(expected);
      expect(position).to.equal(20);
    });
  });

  describe('audiences', () => {
    it("never serves another user's events, in the backlog or live", async () => {
      const ivanToken = await signedIn(h, ivan.phone);
      await h.emit(Audience.user(ivan.id), 'test.secret', { for: 'ivan' });
      await h.emit(Audience.user(anna.id), 'test.note', { for: 'anna' });
      await h.emit(Audience.staff('operator-1'), 'test.secret', { for: 'staff' });
      await h.emit(Audience.appStaff(bakery.id), 'test.secret', { for: 'bakery staff' });
      const annaStream = await opened(open(h, annaToken, { after: '0' }));
      const ivanStream = await opened(open(h, ivanToken, { after: '0' }));
      const backlog = await annaStream.until((message) => message.event === 'ready');
      expect(backlog.map((message) => [message.event, message.id])).to.deep.equal([
        ['test.note', '2'],
        ['ready', '4'],
      ]);
      expect((await ivanStream.take(2)).map((message) => message.id)).to.deep.equal(['1', '4']);

      await h.emit(Audience.user(ivan.id), 'test.secret', { for: 'ivan' });
      await h.emit(Audience.user(anna.id), 'test.note', { for: 'anna' });
      const live = await annaStream.next();
      expect(live.id).to.equal('6');
      expect(eventOf(live).data).to.deep.equal({ for: 'anna' });
      expect((await ivanStream.next()).id).to.equal('5');
    });

    it('serves an event addressed to several audiences once', async () => {
      const stream = await opened(open(h, annaToken, { after: '0' }));
      await stream.next();
      await h.emit([Audience.user(anna.id), Audience.user(ivan.id), Audience.user(anna.id)], 'test.note', {});
      await h.emit(Audience.user(anna.id), 'test.note', {});
      expect(ids(await stream.take(2))).to.deep.equal(['1', '2']);
    });
  });

  describe('producers', () => {
    it('reports an offer acceptance to the same user on their other devices', async () => {
      const stream = await opened(open(h, annaToken));
      await stream.next();
      const phone = h.client();
      phone.session.token = await signedIn(h, anna.phone);
      await phone.acceptOffer(bakery.id, 1);
      const message = await stream.next();
      expect(message.event).to.equal('offer.accepted');
      expect(eventOf(message).data).to.deep.equal({ appId: bakery.id, version: 1 });
    });

    it('reports a launch token revoked by the next one', async () => {
      const client = h.client();
      client.session.token = annaToken;
      const first = await client.issueLaunchToken(bakery.id);
      const stream = await opened(open(h, annaToken));
      await stream.next();
      await client.issueLaunchToken(bakery.id);
      const message = await stream.next();
      expect(message.event).to.equal('launchToken.revoked');
      expect(eventOf(message).data).to.deep.equal({ appId: bakery.id, jti: first.jti });
    });

    it('emits nothing for a change that rolls back, and gives its cursor to the next event', async () => {
      const stream = await opened(open(h, annaToken));
      await stream.next();
      const client = h.client();
      await client.partner.publishOffer(bakery.id, { title: 'New terms', text: 'Changed.' }, bakery.partnerKey);
      const refused = await h.request('PUT', `/apps/${bakery.id}/offer/acceptance`, { token: annaToken, body: { version: 1 } });
      expect(refused.status).to.equal(409);
      const failed = h.store.transaction(async (tx) => {
        await h.app.outbox.emit(tx, Audience.user(anna.id), 'test.note', { lost: true });
        throw new Error('rolled back');
      });
      await failed.catch(() => undefined);
      await h.emit(Audience.user(anna.id), 'test.note', { kept: true });
      const message = await stream.next();
      expect(message.id).to.equal('1');
      expect(eventOf(message).data).to.deep.equal({ kept: true });
    });

    it('refuses an event it could not serve, rolling back the change with it', async () => {
      const attempt = (audience: any, type: string, data?: unknown) =>
        h.store.transaction(async (tx) => {
          await tx.put('users', 'ghost', { id: 'ghost' });
          await h.app.outbox.emit(tx, audience, type, data);
        });
      const failures = await Promise.allSettled([
        attempt('everyone', 'test.note'),
        attempt([], 'test.note'),
        attempt(Audience.user(anna.id), 'ready'),
        attempt(Audience.user(anna.id), 'Test.Note'),
        attempt(Audience.user(anna.id), 'test.note', { big: 'x'.repeat(9000) }),
        attempt(Audience.user(anna.id), 'test.note', () => 1),
      ]);
      expect(failures.map((outcome) => outcome.status)).to.deep.equal(Array(6).fill('rejected'));
      expect(await h.store.get('users', 'ghost')).to.equal(undefined);
      expect(await h.app.outbox.head(h.store)).to.equal(0);
    });
  });

  describe('wake-ups are only hints', () => {
    it('delivers on the heartbeat re-read when every wake-up is lost', async () => {
      const deaf: EventBus = { publish: () => undefined, subscribe: () => () => undefined };
      h = await createHarness({ bus: deaf, limits: { liveHeartbeatMs: 20 } });
      const stream = await opened(open(h, await signedIn(h, anna.phone)));
      await stream.next();
      await h.emit(Audience.user(anna.id), 'test.note', { n: 1 });
      const message = await stream.next();
      expect(message.id).to.equal('1');
      expect(stream.comments, 'it came with a heartbeat, not a wake-up').to.be.greaterThan(0);
    });

    it('delivers each event once when wake-ups repeat, come late or are coalesced', async () => {
      const local = createLocalEventBus();
      let held: (() => void)[] = [];
      const unruly: EventBus = {
        publish(wakeUp) {
          // Each wake-up arrives twice, late, and a whole burst of them in one go.
          held.push(() => local.publish(wakeUp), () => local.publish(wakeUp));
          if (held.length >= 6) {
            const burst = held;
            held = [];
            setTimeout(() => burst.forEach((deliver) => deliver()), 1);
          }
        },
        subscribe: (listener) => local.subscribe(listener),
      };
      h = await createHarness({ bus: unruly, limits: { liveHeartbeatMs: 50 } });
      const stream = await opened(open(h, await signedIn(h, anna.phone), { after: '0' }));
      await stream.next();
      for (let n = 0; n < 25; n++) await h.emit(Audience.user(anna.id), 'test.note', { n });
      const messages = await stream.take(25);
      expect(ids(messages)).to.deep.equal(Array.from({ length: 25 }, (_, n) => String(n + 1)));
      await stream.commentsReach(2);
      await h.emit(Audience.user(anna.id), 'test.note', { n: 'last' });
      expect((await stream.next()).id).to.equal('26');
    });
  });

  describe('the end of a stream', () => {
    it('frees its bus listener and its timers when the request is aborted', async () => {
      const bus = createCountingBus();
      const timers = createCountingTimers();
      h = await createHarness({ bus, timers });
      const token = await signedIn(h, anna.phone);
      const abort = new AbortController();
      const stream = await open(h, token, { signal: abort.signal });
      await stream.next();
      expect(bus.listenerCount).to.equal(1);
      expect(timers.pending).to.equal(1);
      abort.abort();
      await stream.ended;
      expect(bus.listenerCount).to.equal(0);
      expect(timers.pending).to.equal(0);
    });

    it('frees them when the reader cancels the body', async () => {
      const bus = createCountingBus();
      const timers = createCountingTimers();
      h = await createHarness({ bus, timers });
      const token = await signedIn(h, anna.phone);
      const streamsOpen = await Promise.all([1, 2, 3].map(() => open(h, token)));
      await Promise.all(streamsOpen.map((stream) => stream.next()));
      expect(bus.listenerCount).to.equal(3);
      for (const stream of streamsOpen) await stream.cancel();
      expect(bus.listenerCount).to.equal(0);
      expect(timers.pending).to.equal(0);
      await h.emit(Audience.user(anna.id), 'test.note', {});
    });

    it('ends when its session ends', async () => {
      h = await createHarness({ limits: { liveHeartbeatMs: 20 } });
      const client = h.client();
      await client.signInAs(anna.phone);
      const stream = await opened(open(h, client.session.token!));
      await stream.next();
      await client.signOut();
      await stream.ended;
    });

    it('ends when its session expires, by the injected clock', async () => {
      h = await createHarness({ limits: { liveHeartbeatMs: 20, sessionTtlMs: DAY } });
      const stream = await opened(open(h, await signedIn(h, anna.phone)));
      await stream.next();
      h.clock.advance(DAY);
      await h.emit(Audience.user(anna.id), 'test.note', {});
      await stream.ended;
    });
  });

  describe('retention', () => {
    it('keeps at most maxRetainedEvents, and resets a cursor behind the pruned events, then carries on live', async () => {
      h = await createHarness({ limits: { maxRetainedEvents: 5 } });
      annaToken = await signedIn(h, anna.phone);
      for (let n = 1; n <= 10; n++) await h.emit(Audience.user(anna.id), 'test.note', { n });
      expect(await h.store.list(OutboxCollection.EVENTS)).to.have.length(5);

      const behind = await opened(open(h, annaToken, { after: '2' }));
      const reset = await behind.next();
      expect(reset).to.include({ event: 'reset', id: '10' });
      expect(JSON.parse(reset.data)).to.deep.equal({ reason: 'pruned', cursor: '10' });
      expect((await behind.next()).event).to.equal('ready');
      await h.emit(Audience.user(anna.id), 'test.note', { n: 11 });
      expect((await behind.next()).id).to.equal('11');

      // Kept now: 7–11.
      const recent = await opened(open(h, annaToken, { after: '6' }));
      expect(ids(await recent.take(6))).to.deep.equal(['7', '8', '9', '10', '11', '11']);
    });

    it('prunes events older than eventRetentionMs, by the injected clock', async () => {
      h = await createHarness({ limits: { eventRetentionMs: DAY } });
      annaToken = await signedIn(h, anna.phone);
      await h.emit(Audience.user(anna.id), 'test.note', { n: 1 });
      await h.emit(Audience.user(anna.id), 'test.note', { n: 2 });
      h.clock.advance(DAY - 1);
      await h.emit(Audience.user(anna.id), 'test.note', { n: 3 });
      expect(await h.store.list(OutboxCollection.EVENTS)).to.have.length(3);
      h.clock.advance(1);
      await h.emit(Audience.user(anna.id), 'test.note', { n: 4 });
      expect((await h.store.list<{ cursor: number }>(OutboxCollection.EVENTS)).map((entry) => entry.value.cursor)).to.deep.equal([3, 4]);
      const stream = await opened(open(h, annaToken, { after: '1' }));
      expect(JSON.parse((await stream.next()).data)).to.deep.equal({ reason: 'pruned', cursor: '4' });
      const fine = await opened(open(h, annaToken, { after: '2' }));
      expect(ids(await fine.take(3))).to.deep.equal(['3', '4', '4']);
    });

    it("resets only a session whose own events were pruned", async () => {
      h = await createHarness({ limits: { maxRetainedEvents: 3 } });
      annaToken = await signedIn(h, anna.phone);
      const ivanToken = await signedIn(h, ivan.phone);
      await h.emit(Audience.user(anna.id), 'test.note', { n: 1 });
      for (let n = 2; n <= 6; n++) await h.emit(Audience.user(ivan.id), 'test.note', { n });
      // Anna saw event 1; everything after it that was pruned was Ivan's.
      const annaStream = await opened(open(h, annaToken, { after: '1' }));
      expect((await annaStream.next())).to.include({ event: 'ready', id: '6' });
      const ivanStream = await opened(open(h, ivanToken, { after: '1' }));
      expect((await ivanStream.next()).event).to.equal('reset');
    });

    it('resets a cursor the outbox never handed out (the store was replaced)', async () => {
      await h.emit(Audience.user(anna.id), 'test.note', {});
      const stream = await opened(open(h, annaToken, { after: '900' }));
      const reset = await stream.next();
      expect(reset).to.include({ event: 'reset', id: '1' });
      expect(JSON.parse(reset.data)).to.deep.equal({ reason: 'unknown-cursor', cursor: '1' });
      expect((await stream.next()).event).to.equal('ready');
      await h.emit(Audience.user(anna.id), 'test.note', {});
      expect((await stream.next()).id).to.equal('2');
    });
  });
});
