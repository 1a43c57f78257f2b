/// <reference types="node" />
/**
 * Two instances on one PostgreSQL: live events cross instances (LISTEN/NOTIFY wakes, the outbox
 * table delivers), an idempotency key holds across them, and a client whose instance is killed
 * mid-stream resumes on the other by cursor with nothing lost or repeated. Chat messages across
 * instances: server-scale-out-chat.test.ts.
 */
import { expect } from 'chai';
import { SEED_APPS, SEED_USERS, type LiveEvent, type LiveState, type PaymentRecord } from '../../src/backend/index.ts';
import { clientOf, eventually, spawnServer, startTestServer, type ChildServer, type TestClient, type TestServer } from './server-helpers.ts';
import { freshSchema, testDatabaseUrl } from './sql-test-databases.ts';

const [anna, ivan, maria] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;

/** One paid order: its `payment.updated` event is what the client waits for. */
async function payOnce(client: TestClient, label: string): Promise<string> {
  const key = `${label}-${crypto.randomUUID()}`;
  const created = await client.createPayment(bakery.id, { orderId: key, amount: 100, currency: 'RUB', description: label, idempotencyKey: key });
  await client.confirmPayment(created.paymentId, 'succeed');
  return created.paymentId;
}

const paymentIdsOf = (events: readonly LiveEvent[]) =>
  events.filter((event) => event.type === 'payment.updated').map((event) => (event.data as { paymentId: string }).paymentId);

describe('two Node instances on one PostgreSQL', function () {
  this.timeout(60_000);
  const schema = freshSchema('scale');
  let a: TestServer;
  let b: TestServer;
  const codes = () => [...a.codes, ...b.codes];

  before(async () => {
    // Heartbeats two minutes apart: within these tests only a wake-up from the other instance can deliver.
    const limits = { liveHeartbeatMs: 120_000 };
    a = await startTestServer({ database: 'postgres', schema, limits });
    b = await startTestServer({ database: 'postgres', schema, limits });
  });
  after(async () => {
    await Promise.all([a?.server.shutdown(), b?.server.shutdown()]);
  });

  it('delivers a push sent through A to a client streaming from B, once', async () => {
    const onA = clientOf(`${a.server.url}/api`, codes);
    await onA.signInAs(anna.phone);
    const onB = clientOf(`${b.server.url}/api`, codes);
    onB.session.token = onA.session.token;
    const events: LiveEvent[] = [];
    let state: LiveState = 'connecting';
    const live = onB.subscribe({ onEvent: (event) => void events.push(event), onState: (next) => void (state = next) });
    try {
      await eventually(() => state === 'open', 10_000, 'the stream on B to open');
      const push = await onA.sendPush(bakery.id, { id: `scale-${crypto.randomUUID()}`, title: 'Sent through A', body: 'read on B' });
      await eventually(() => events.some((event) => event.type === 'push.received'), 10_000, 'the push on B');
      // A later event through A: once it is there, a second copy of the push would have been too.
      const paymentId = await payOnce(onA, 'after-push');
      await eventually(() => paymentIdsOf(events).includes(paymentId), 10_000, 'the payment event on B');
      expect(events.filter((event) => event.type === 'push.received').map((event) => (event.data as { id: string }).id)).to.deep.equal([push.id]);
      expect(paymentIdsOf(events)).to.deep.equal([paymentId]);
      expect(b.server.liveStreams).to.equal(1);
    } finally {
      live.close();
    }
  });

  it('charges once for a payment retried on B with the idempotency key used on A, also when both race', async () => {
    const onA = clientOf(`${a.server.url}/api`, codes);
    await onA.signInAs(ivan.phone);
    const onB = clientOf(`${b.server.url}/api`, codes);
    onB.session.token = onA.session.token;
    const request = (key: string) => ({ orderId: `order-${key}`, amount: 49_900, currency: 'RUB', description: 'Cake', idempotencyKey: key });

    const retriedKey = `retry-${crypto.randomUUID()}`;
    const first = await onA.createPayment(bakery.id, request(retriedKey));
    const retried = await onB.createPayment(bakery.id, request(retriedKey));
    expect(retried.paymentId).to.equal(first.paymentId);

    const racedKey = `race-${crypto.randomUUID()}`;
    const raced = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 ? onB : onA).createPayment(bakery.id, request(racedKey))));
    expect(new Set(raced.map((payment) => payment.paymentId)).size).to.equal(1);

    const stored = (await a.server.store.list<PaymentRecord>('payments')).map((entry) => entry.value);
    expect(stored.filter((payment) => payment.idempotencyKey === retriedKey)).to.have.length(1);
    expect(stored.filter((payment) => payment.idempotencyKey === racedKey)).to.have.length(1);
  });

  describe('when A is killed mid-stream', () => {
    let killed: ChildServer | undefined;
    after(() => {
      killed?.process.kill('SIGKILL');
    });

    it('loses no event for a client that reconnects to B, and repeats none', async () => {
      // A is `miniapps serve` in its own process, so it can die the hard way.
      killed = await spawnServer({ DATABASE_URL: testDatabaseUrl(), MINIAPPS_DB_SCHEMA: schema, MINIAPPS_LOG_LEVEL: 'info' });
      const childA = killed;
      // The load balancer: every request goes to `upstream`, A until it dies.
      let upstream = childA.url;
      const balanced = (request: Request) => {
        const url = new URL(request.url);
        return fetch(new Request(`${upstream}${url.pathname}${url.search}`, request));
      };
      const producer = clientOf(`${b.server.url}/api`, codes);
      await producer.signInAs(maria.phone);
      const viewer = clientOf('http://balancer.test/api', codes, balanced);
      viewer.session.token = producer.session.token;

      const events: LiveEvent[] = [];
      const states: LiveState[] = [];
      const live = viewer.subscribe(
        { onEvent: (event) => void events.push(event), onState: (state) => void states.push(state) },
        { backoff: { initialMs: 100, maxMs: 500 } },
      );
      try {
        await eventually(() => states.includes('open'), 10_000, 'the stream on A to open');
        const before = [await payOnce(producer, 'k1'), await payOnce(producer, 'k2'), await payOnce(producer, 'k3')];
        await eventually(() => paymentIdsOf(events).length === 3, 10_000, 'three events through A');

        const during = await payOnce(producer, 'k4');
        childA.process.kill('SIGKILL');
        upstream = b.server.url;
        await childA.exited;
        const after = [during, await payOnce(producer, 'k5'), await payOnce(producer, 'k6')];

        await eventually(() => paymentIdsOf(events).length >= 6, 20_000, 'every event, through B');
        expect(paymentIdsOf(events)).to.deep.equal([...before, ...after]);
        const cursors = events.map((event) => BigInt(event.cursor));
        expect(cursors.every((cursor, index) => index === 0 || cursor > cursors[index - 1]!), 'cursors only grow').to.equal(true);
        expect(states).to.include('reconnecting');
        expect(states.at(-1)).to.equal('open');
        expect(b.server.liveStreams).to.equal(1);
      } finally {
        live.close();
      }
    });
  });
});
