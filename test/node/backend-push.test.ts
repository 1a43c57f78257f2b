import { expect } from 'chai';
import { Audience, SEED_APPS, SEED_USERS, type OutboxEventRecord, type PushEvent, type PushLogRecord } from '../../src/backend/index.ts';
import { createHarness, expectBackendError, expectErrorBody, T0, type Harness, type SessionClient } from '../backend/harness.ts';

const [anna, ivan] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;
const fitness = SEED_APPS.find((app) => app.id === 'fitness')!;
const beta = SEED_APPS.find((app) => app.status === 'testing')!;
const SECOND = 1000;
const HOUR = 3600 * SECOND;

describe('backend: push', () => {
  let h: Harness;
  let client: SessionClient;
  beforeEach(async () => {
    h = await createHarness();
    client = h.client();
    await client.signInAs(anna.phone);
  });

  const pushesTo = async (userId: string) =>
    (await h.store.list<OutboxEventRecord>('outbox'))
      .map((entry) => entry.value)
      .filter((event) => event.type === 'push.received' && event.audiences.includes(Audience.user(userId)))
      .map((event) => event.data as PushEvent);

  it('delivers a push to the user as a live event, with its route, anchor and data', async () => {
    const sent = await client.sendPush(bakery.id, {
      id: 'order-1001-ready',
      title: 'Your order is ready',
      body: 'Pick it up at the counter',
      route: '/orders/1001',
      anchor: 'pickup',
      data: { orderId: 1001 },
    });
    expect(sent).to.deep.equal({ id: 'order-1001-ready', delivered: true });
    expect(await pushesTo(anna.id)).to.deep.equal([
      {
        id: 'order-1001-ready',
        appId: bakery.id,
        title: 'Your order is ready',
        body: 'Pick it up at the counter',
        route: '/orders/1001',
        anchor: 'pickup',
        data: { orderId: 1001 },
        sentAt: new Date(T0).toISOString(),
      },
    ]);
    expect(await pushesTo(ivan.id)).to.deep.equal([]);
  });

  it('gives a push without an id one of its own', async () => {
    const sent = await client.sendPush(bakery.id, { title: 'Hello', body: '' });
    expect(sent.delivered).to.equal(true);
    expect(sent.id).to.match(/^[0-9a-f-]{36}$/);
    expect((await pushesTo(anna.id))[0]).to.deep.equal({ id: sent.id, appId: bakery.id, title: 'Hello', body: '', sentAt: new Date(T0).toISOString() });
  });

  it('keeps only ids and times, never what a push said', async () => {
    await client.sendPush(bakery.id, { id: 'p1', title: 'Secret title', body: 'Secret body', data: { secret: true } });
    const log = await h.store.get<PushLogRecord>('pushLog', `${bakery.id}/${anna.id}`);
    expect(log).to.deep.equal({ sent: [{ id: 'p1', at: T0 }] });
    for (const collection of ['pushLog', 'payments', 'appStorage']) {
      expect(JSON.stringify(await h.store.list(collection))).to.not.contain('Secret');
    }
  });

  describe('the same id within 24 h is delivered once', () => {
    it('answers a repeat with delivered: false, even a moment later, and delivers nothing', async () => {
      await client.sendPush(bakery.id, { id: 'p1', title: 'One', body: '' });
      h.clock.advance(HOUR);
      expect(await client.sendPush(bakery.id, { id: 'p1', title: 'One again', body: '' })).to.deep.equal({ id: 'p1', delivered: false });
      h.clock.advance(24 * HOUR - HOUR - 1);
      expect((await client.sendPush(bakery.id, { id: 'p1', title: 'Still', body: '' })).delivered).to.equal(false);
      expect(await pushesTo(anna.id)).to.have.length(1);
    });

    it('delivers the same id again 24 h after it was sent', async () => {
      await client.sendPush(bakery.id, { id: 'p1', title: 'One', body: '' });
      h.clock.advance(24 * HOUR);
      expect((await client.sendPush(bakery.id, { id: 'p1', title: 'One', body: '' })).delivered).to.equal(true);
      expect(await pushesTo(anna.id)).to.have.length(2);
    });

    it('answers a repeat before the rate limit: a repeat is not a new push', async () => {
      await client.sendPush(bakery.id, { id: 'p1', title: 'One', body: '' });
      expect((await client.sendPush(bakery.id, { id: 'p1', title: 'One', body: '' })).delivered).to.equal(false);
    });

    it('delivers once of concurrent sends with one id', async () => {
      const results = await Promise.all([1, 2, 3, 4].map(() => client.sendPush(bakery.id, { id: 'same', title: 'T', body: '' })));
      expect(results.filter((result) => result.delivered)).to.have.length(1);
      expect(await pushesTo(anna.id)).to.have.length(1);
    });
  });

  describe('rate limits per app and user', () => {
    it('allows one push per 30 s: RATE_LIMITED with Retry-After until then', async () => {
      await client.sendPush(bakery.id, { title: 'First', body: '' });
      h.clock.advance(10 * SECOND);
      const refused = await h.request('POST', `/apps/${bakery.id}/push`, { body: { title: 'Second', body: '' }, token: client.session.token! });
      expect(refused.headers.get('Retry-After')).to.equal('20');
      const error = await expectErrorBody(refused, 429, 'RATE_LIMITED');
      expect(error.details).to.deep.equal({ retryAfterSeconds: 20 });
      h.clock.advance(20 * SECOND - 1);
      await expectBackendError(client.sendPush(bakery.id, { title: 'Second', body: '' }), 'RATE_LIMITED', 429);
      h.clock.advance(1);
      expect((await client.sendPush(bakery.id, { title: 'Second', body: '' })).delivered).to.equal(true);
      expect(await pushesTo(anna.id)).to.have.length(2);
    });

    it('counts per app and per user: another app or another user is not held back', async () => {
      await client.sendPush(bakery.id, { title: 'Bakery', body: '' });
      expect((await client.sendPush(fitness.id, { title: 'Fitness', body: '' })).delivered).to.equal(true);
      const other = h.client();
      await other.signInAs(ivan.phone);
      expect((await other.sendPush(bakery.id, { title: 'Bakery', body: '' })).delivered).to.equal(true);
    });

    it('allows 100 pushes in a sliding day, then RATE_LIMITED until the oldest is a day old', async () => {
      for (let i = 0; i < 100; i++) {
        expect((await client.sendPush(bakery.id, { title: `Push ${i}`, body: '' })).delivered).to.equal(true);
        h.clock.advance(30 * SECOND);
      }
      // 100 pushes took 50 minutes; the first one is a day old 23 h 10 min from now.
      const error = await expectBackendError(client.sendPush(bakery.id, { title: 'One more', body: '' }), 'RATE_LIMITED', 429);
      expect(error.details).to.deep.equal({ retryAfterSeconds: 24 * 3600 - 100 * 30 });
      h.clock.advance(24 * HOUR - 100 * 30 * SECOND - 1);
      await expectBackendError(client.sendPush(bakery.id, { title: 'One more', body: '' }), 'RATE_LIMITED', 429);
      h.clock.advance(1);
      expect((await client.sendPush(bakery.id, { title: 'One more', body: '' })).delivered).to.equal(true);
      expect(await pushesTo(anna.id)).to.have.length(101);
      // The log keeps only the last day.
      expect((await h.store.get<PushLogRecord>('pushLog', `${bakery.id}/${anna.id}`))!.sent).to.have.length(100);
    });

    it('lets one of concurrent sends through the 30-s limit', async () => {
      const results = await Promise.allSettled([1, 2, 3].map((n) => client.sendPush(bakery.id, { title: `T${n}`, body: '' })));
      expect(results.filter((result) => result.status === 'fulfilled')).to.have.length(1);
      expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).to.deep.equal([
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
      expect(await pushesTo(anna.id)).to.have.length(1);
    });
  });

  describe('who receives', () => {
    it('delivers a Testing app’s push to its testers only', async () => {
      const tester = h.client();
      await tester.signInAs(ivan.phone);
      expect((await tester.sendPush(beta.id, { title: 'Beta', body: '' })).delivered).to.equal(true);
      const error = await expectBackendError(client.sendPush(beta.id, { title: 'Beta', body: '' }), 'APP_NOT_AVAILABLE', 403);
      expect(error.details).to.deep.equal({ status: 'testing' });
      expect(await pushesTo(anna.id)).to.deep.equal([]);
      expect(await pushesTo(ivan.id)).to.have.length(1);
      // A refused push spends nothing of the limits.
      expect(await h.store.get('pushLog', `${beta.id}/${anna.id}`)).to.equal(undefined);
    });

    it('delivers nothing for an app that is not published', async () => {
      await h.store.transaction(async (tx) => {
        const app = (await tx.get<Record<string, unknown>>('apps', fitness.id))!;
        await tx.put('apps', fitness.id, { ...app, status: 'inactive' });
      });
      await expectBackendError(client.sendPush(fitness.id, { title: 'Hi', body: '' }), 'APP_NOT_AVAILABLE', 403);
    });

    it('needs a session, and a known app', async () => {
      await expectBackendError(h.client().sendPush(bakery.id, { title: 'Hi', body: '' }), 'UNAUTHORIZED', 401);
      await expectBackendError(client.sendPush('ghost-app', { title: 'Hi', body: '' }), 'APP_NOT_FOUND', 404);
    });
  });

  describe('bad input: 400 naming the field; nothing is sent', () => {
    for (const [label, body, path] of [
      ['a title over 64 characters', { title: 'x'.repeat(65), body: '' }, 'title'],
      ['a blank title', { title: '   ', body: '' }, 'title'],
      ['a body over 256 characters', { title: 'T', body: 'x'.repeat(257) }, 'body'],
      ['a body with a control character', { title: 'T', body: 'a\u0007b' }, 'body'],
      ['data over 1 kB of JSON', { title: 'T', body: '', data: { blob: 'x'.repeat(1020) } }, 'data'],
      ['data over 1 kB in UTF-8 bytes', { title: 'T', body: '', data: { text: 'я'.repeat(510) } }, 'data'],
      ['data that is an array', { title: 'T', body: '', data: [1, 2] }, 'data'],
      ['a route without a leading slash', { title: 'T', body: '', route: 'orders' }, 'route'],
      ['an anchor with #', { title: 'T', body: '', anchor: '#top' }, 'anchor'],
      ['an id with spaces', { title: 'T', body: '', id: 'my id' }, 'id'],
      ['an unknown field', { title: 'T', body: '', badge: 3 }, 'badge'],
      ['no body', { title: 'T' }, 'body'],
    ] as const) {
      it(`refuses ${label}`, async () => {
        const error = await expectErrorBody(await h.request('POST', `/apps/${bakery.id}/push`, { body, token: client.session.token! }), 400, 'INVALID_REQUEST');
        expect((error.details as { issues: { path: string }[] }).issues[0]!.path).to.equal(path);
        expect(await pushesTo(anna.id)).to.deep.equal([]);
        expect(await h.store.list('pushLog')).to.deep.equal([]);
      });
    }

    it('counts characters, not UTF-16 units: 64 emoji are a valid title', async () => {
      expect((await client.sendPush(bakery.id, { title: '🥐'.repeat(64), body: '' })).delivered).to.equal(true);
    });

    it('refuses a hostile size unread (413)', async () => {
      const body = JSON.stringify({ title: 'T', body: '', data: { blob: 'x'.repeat(5_000_000) } });
      await expectErrorBody(await h.request('POST', `/apps/${bakery.id}/push`, { rawBody: body, token: client.session.token! }), 413, 'PAYLOAD_TOO_LARGE');
      expect(await pushesTo(anna.id)).to.deep.equal([]);
    });
  });
});
