/// <reference types="node" />
/**
 * The HTTP contract (docs/backend.md) as one suite, run against the backend handler behind msw
 * (msw/node: the interception the demo's worker does, with the memory store) and against the Node
 * server over real HTTP, on PGlite and on PostgreSQL. Same requests, same answers.
 */
import { expect } from 'chai';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { SEED_APPS, SEED_USERS, type LiveEvent, type OneTimeCodeMessage } from '../../src/backend/index.ts';
import { verifyLaunchToken, verifyReceipt } from '../../src/tokens/index.ts';
import { createHarness, expectBackendError, ISSUER, ORIGIN } from '../backend/harness.ts';
import { clientOf, eventually, startTestServer, type TestClient } from './server-helpers.ts';
import { freshSchema } from './sql-test-databases.ts';

const anna = SEED_USERS[0]!;
const maria = SEED_USERS[2]!;
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;

interface Target {
  apiUrl: string;
  issuer: string;
  codes(): readonly OneTimeCodeMessage[];
  stop(): Promise<void>;
}

const targets: [string, () => Promise<Target>][] = [
  [
    'the handler behind msw',
    async () => {
      const harness = await createHarness({ clock: { now: () => Date.now(), advance: () => undefined } });
      // msw/node's request body never settles `reader.cancel()` (which a body over the bound gets),
      // so the body is handed over as bytes; the worker in the demo passes the request as it is.
      const mock = setupServer(
        http.all(`${ORIGIN}/api/*`, async ({ request }) => {
          const body = request.body ? await request.arrayBuffer() : null;
          return harness.app.fetch(new Request(request.url, { method: request.method, headers: request.headers, body }));
        }),
      );
      mock.listen({ onUnhandledRequest: 'error' });
      return { apiUrl: `${ORIGIN}/api`, issuer: ISSUER, codes: () => harness.sent, stop: async () => mock.close() };
    },
  ],
  [
    'the Node server on PGlite',
    async () => {
      const { server, codes } = await startTestServer({ env: { MINIAPPS_ISSUER: ISSUER } });
      return { apiUrl: `${server.url}/api`, issuer: ISSUER, codes: () => codes, stop: () => server.shutdown() };
    },
  ],
  [
    'the Node server on PostgreSQL',
    async () => {
      const { server, codes } = await startTestServer({ database: 'postgres', schema: freshSchema('http'), env: { MINIAPPS_ISSUER: ISSUER } });
      return { apiUrl: `${server.url}/api`, issuer: ISSUER, codes: () => codes, stop: () => server.shutdown() };
    },
  ],
];

for (const [name, start] of targets) {
  describe(`HTTP contract: ${name}`, () => {
    let target: Target;
    let client: TestClient;
    // One sign-in per phone: codes are rate-limited to one a minute.
    before(async function () {
      this.timeout(60_000);
      target = await start();
      client = clientOf(target.apiUrl, () => target.codes());
      await client.signInAs(anna.phone);
    });
    after(async () => {
      await target?.stop();
    });

    it('answers an unknown route with 404 NOT_FOUND and malformed JSON with 400 INVALID_REQUEST', async () => {
      const missing = await fetch(`${target.apiUrl}/nothing-here`);
      expect(missing.status).to.equal(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).to.equal('NOT_FOUND');
      const malformed = await fetch(`${target.apiUrl}/auth/code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"phone":' });
      expect(malformed.status).to.equal(400);
      expect(((await malformed.json()) as { error: { code: string } }).error.code).to.equal('INVALID_REQUEST');
    });

    it('refuses a body over the bound with 413 before reading it all', async () => {
      const response = await fetch(`${target.apiUrl}/apps/${bakery.id}/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${client.session.token}` },
        body: JSON.stringify({ title: 'x', body: 'y'.repeat(20_000) }),
      });
      expect(response.status).to.equal(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('PAYLOAD_TOO_LARGE');
    });

    it('signs in by code, answers /me, and a signed-out token stops working', async () => {
      expect((await client.me()).user).to.deep.include({ id: anna.id, phone: anna.phone });
      await expectBackendError(clientOf(target.apiUrl, () => []).me(), 'UNAUTHORIZED', 401);
      const other = clientOf(target.apiUrl, () => target.codes());
      await other.signInAs(maria.phone);
      expect((await other.me()).user.id).to.equal(maria.id);
      await other.signOut();
      await expectBackendError(other.me(), 'UNAUTHORIZED', 401);
    });

    it('issues launch tokens that verify against its JWKS, one live token per user and app', async () => {
      const first = await client.issueLaunchToken(bakery.id);
      const second = await client.issueLaunchToken(bakery.id);
      expect(second.revoked).to.equal(first.jti);
      const claims = await verifyLaunchToken(second.token, { jwks: await client.jwks(), issuer: target.issuer, audience: bakery.id });
      expect(claims).to.deep.include({ sub: anna.id, jti: second.jti });
      expect((await client.tokenStatus(first.jti)).status).to.equal('revoked');
      expect((await client.tokenStatus(second.jti)).status).to.equal('valid');
    });

    it('pays once per idempotency key and signs the receipt', async () => {
      const key = `key-${crypto.randomUUID()}`;
      const request = { orderId: `order-${key}`, amount: 12_345, currency: 'RUB', description: 'Two loaves', idempotencyKey: key };
      const [created, repeated] = await Promise.all([client.createPayment(bakery.id, request), client.createPayment(bakery.id, request)]);
      expect(repeated.paymentId).to.equal(created.paymentId);
      const paid = await client.confirmPayment(created.paymentId, 'succeed');
      expect(paid.status).to.equal('succeeded');
      const receipt = await verifyReceipt(paid.receipt!, { jwks: await client.jwks() }, { issuer: target.issuer, audience: bakery.id, now: Date.now() });
      expect(receipt).to.deep.include({ paymentId: created.paymentId, amount: 12_345, status: 'succeeded' });
      expect((await client.createPayment(bakery.id, request)).status).to.equal('succeeded');
      await expectBackendError(client.createPayment(bakery.id, { ...request, amount: 1 }), 'IDEMPOTENCY_CONFLICT', 409);
    });

    it('keeps storage keys in code-unit order and values exactly, lone surrogates and U+0000 included', async () => {
      const keys = ['b', 'a', '\uffff', '\ud83d\udd11', 'é', 'A'];
      for (const key of keys) await client.storageSet(bakery.id, key, `value of ${key}\u0000\ud800`);
      expect((await client.storageKeys(bakery.id)).keys).to.deep.equal(['A', 'a', 'b', 'é', '\ud83d\udd11', '\uffff']);
      const { values } = await client.storageGet(bakery.id, ['\uffff', 'missing']);
      expect(values).to.deep.equal({ '\uffff': 'value of \uffff\u0000\ud800', missing: null });
      await client.storageRemove(bakery.id, keys);
      expect((await client.storageKeys(bakery.id)).keys).to.deep.equal([]);
    });

    it('streams a push as a live event, and serves it again after an older cursor', async () => {
      const events: LiveEvent[] = [];
      let ready = false;
      const live = client.subscribe({ onEvent: (event) => void events.push(event), onState: (state) => void (ready ||= state === 'open') });
      try {
        await eventually(() => ready, 10_000, 'the stream to be open');
        const sent = await client.sendPush(bakery.id, { id: `push-${crypto.randomUUID()}`, title: 'Bread is out of the oven', body: '' });
        await eventually(() => events.some((event) => event.type === 'push.received'), 10_000, 'the push event');
        const pushed = events.filter((event) => event.type === 'push.received');
        expect(pushed.map((event) => (event.data as { id: string }).id)).to.deep.equal([sent.id]);
        const cursor = pushed[0]!.cursor;

        const replay = await fetch(`${target.apiUrl}/events?after=${BigInt(cursor) - 1n}`, { headers: { Authorization: `Bearer ${client.session.token}` } });
        expect(replay.headers.get('Content-Type')).to.match(/^text\/event-stream/);
        const reader = replay.body!.getReader();
        let text = '';
        while (!text.includes('event: ready')) {
          const { done, value } = await reader.read();
          if (done) throw new Error(`The stream ended before ready: ${text}`);
          text += new TextDecoder().decode(value);
        }
        void reader.cancel();
        expect(text).to.contain(`event: push.received\nid: ${cursor}\n`);
      } finally {
        live.close();
      }
    });
  });
}
