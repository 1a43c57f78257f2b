import { expect } from 'chai';
import {
  Audience,
  backoffDelay,
  createBackendClient,
  cursorAfter,
  SEED_USERS,
  subscribeLive,
  type LiveSubscription,
} from '../../src/backend/index.ts';
import { createHarness, ORIGIN, type Harness } from '../backend/harness.ts';
import { createCountingBus, createCountingTimers, createDroppableFetch, createLiveRecorder } from '../backend/live-helpers.ts';

const anna = SEED_USERS[0]!;
const FAST = { backoff: { initialMs: 2, maxMs: 10 } };

function sseResponse(text: string): Response {
  return new Response(new TextEncoder().encode(text), { headers: { 'Content-Type': 'text/event-stream' } });
}

describe('backend client: the live channel (subscribe)', () => {
  let h: Harness;
  let token: string;
  const subscriptions: LiveSubscription[] = [];
  const track = (subscription: LiveSubscription) => (subscriptions.push(subscription), subscription);

  beforeEach(async () => {
    h = await createHarness();
    const client = h.client();
    await client.signInAs(anna.phone);
    token = client.session.token!;
  });

  afterEach(() => {
    for (const subscription of subscriptions.splice(0)) subscription.close();
  });

  const clientWith = (fetch: (request: Request) => Promise<Response>) =>
    createBackendClient({ baseUrl: `${ORIGIN}/api`, fetch, getSessionToken: () => token });

  it('receives live events in order and goes connecting → open', async () => {
    const recorder = createLiveRecorder();
    const subscription = track(clientWith(h.app.fetch).subscribe(recorder.handlers, FAST));
    expect(subscription.state).to.equal('connecting');
    await recorder.state('open');
    expect(subscription.state).to.equal('open');
    expect(subscription.cursor).to.equal('0');
    await h.emit(Audience.user(anna.id), 'test.note', { n: 1 });
    await h.emit(Audience.user(anna.id), 'test.note', { n: 2 });
    await recorder.eventCount(2);
    expect(recorder.events).to.deep.equal([
      { cursor: '1', type: 'test.note', at: new Date(h.clock.now()).toISOString(), data: { n: 1 } },
      { cursor: '2', type: 'test.note', at: new Date(h.clock.now()).toISOString(), data: { n: 2 } },
    ]);
    expect(subscription.cursor).to.equal('2');
  });

  it('takes a bare function for events only', async () => {
    const seen: string[] = [];
    const opened = createLiveRecorder();
    track(clientWith(h.app.fetch).subscribe((event) => seen.push(event.cursor), { cursor: '0' }));
    track(clientWith(h.app.fetch).subscribe(opened.handlers));
    await opened.state('open');
    await h.emit(Audience.user(anna.id), 'test.note', {});
    await opened.eventCount(1);
    expect(seen).to.deep.equal(['1']);
  });

  it('resumes after its cursor when the stream drops: what was written meanwhile arrives once, in order', async () => {
    const bus = createCountingBus();
    h = await createHarness({ bus });
    const client = h.client();
    await client.signInAs(anna.phone);
    token = client.session.token!;
    const network = createDroppableFetch(h.app.fetch);
    const recorder = createLiveRecorder();
    const subscription = track(clientWith(network.fetch).subscribe(recorder.handlers, FAST));
    await recorder.state('open');
    for (let n = 1; n <= 3; n++) await h.emit(Audience.user(anna.id), 'test.note', { n });
    await recorder.eventCount(3);

    network.hold();
    network.drop();
    await recorder.state('reconnecting');
    expect(bus.listenerCount, 'the dropped stream let go of the bus').to.equal(0);
    for (let n = 4; n <= 23; n++) await h.emit(Audience.user(anna.id), 'test.note', { n });
    network.release();
    await recorder.eventCount(23);
    await recorder.state('open', 2);

    expect(recorder.events.map((event) => event.data.n)).to.deep.equal(Array.from({ length: 23 }, (_, index) => index + 1));
    expect(new URL(network.requests[1]!.url).searchParams.get('after')).to.equal('3');
    expect(subscription.cursor).to.equal('23');
    await h.emit(Audience.user(anna.id), 'test.note', { n: 24 });
    await recorder.eventCount(24);
    expect(recorder.events).to.have.length(24);
    expect(bus.listenerCount).to.equal(1);
  });

  it('drops anything at or below its cursor, whatever the server sends', async () => {
    const recorder = createLiveRecorder();
    const body = [
      'event: ready\nid: 0\ndata: {"cursor":"0"}\n\n',
      'event: a.b\nid: 1\ndata: {"data":1}\n\n',
      'event: a.b\nid: 2\ndata: {"data":2}\n\n',
      'event: a.b\nid: 2\ndata: {"data":"again"}\n\n',
      'event: a.b\nid: 1\ndata: {"data":"older"}\n\n',
      'event: a.b\ndata: {"data":"no id"}\n\n',
      'event: a.b\nid: 10\ndata: {"data":10}\n\n',
      'event: a.b\nid: 9\ndata: {"data":9}\n\n',
    ].join('');
    let calls = 0;
    track(
      subscribeLive(
        { baseUrl: `${ORIGIN}/api`, fetch: async () => (++calls === 1 ? sseResponse(body) : new Promise<Response>(() => undefined)), getSessionToken: () => 't' },
        recorder.handlers,
        FAST,
      ),
    );
    await recorder.eventCount(3);
    await recorder.state('reconnecting');
    expect(recorder.events.map((event) => event.data)).to.deep.equal([1, 2, 10]);
  });

  it('backs off with jitter between failed attempts, growing to the cap', async () => {
    let failures = 5;
    const jitter = [0, 0.999, 0.5, 0, 0.999];
    let draw = 0;
    const recorder = createLiveRecorder();
    track(
      clientWith(async (request) => {
        if (failures-- > 0) throw new TypeError('Failed to fetch');
        return h.app.fetch(request);
      }).subscribe(recorder.handlers, { backoff: { initialMs: 8, maxMs: 40 }, random: () => jitter[draw++ % jitter.length]! }),
    );
    await recorder.state('open');
    // Steps 8, 16, 32, 40, 40; each delay is in [step / 2, step].
    expect(recorder.retries).to.deep.equal([4, 16, 24, 20, 40]);
    expect(recorder.states.slice(0, 5)).to.deep.equal(Array(5).fill('connecting'));
    expect(backoffDelay(0, { initialMs: 500, maxMs: 30_000 }, () => 0.5)).to.equal(375);
    expect(backoffDelay(40, { initialMs: 500, maxMs: 30_000 }, () => 0.999)).to.be.within(15_000, 30_000);
  });

  it('reconnects after a dropped stream with the shortest delay again once it had been open', async () => {
    const network = createDroppableFetch(h.app.fetch);
    const recorder = createLiveRecorder();
    track(clientWith(network.fetch).subscribe(recorder.handlers, { backoff: { initialMs: 8, maxMs: 40 }, random: () => 0 }));
    await recorder.state('open');
    network.drop();
    await recorder.state('open', 2);
    network.drop();
    await recorder.state('open', 3);
    expect(recorder.retries).to.deep.equal([4, 4]);
  });

  it('stops without retrying when it is not signed in, or the session is refused', async () => {
    token = '';
    let requests = 0;
    const counting = (request: Request) => (requests++, h.app.fetch(request));
    const anonymous = createLiveRecorder();
    const none = track(clientWith(counting).subscribe(anonymous.handlers, FAST));
    await anonymous.state('closed');
    expect(none.lastError?.code).to.equal('UNAUTHORIZED');
    expect(requests).to.equal(0);

    token = 'ended-session';
    const refused = createLiveRecorder();
    const ended = track(clientWith(counting).subscribe(refused.handlers, FAST));
    await refused.state('closed');
    expect(ended.state).to.equal('closed');
    expect(ended.lastError).to.include({ code: 'UNAUTHORIZED', status: 401 });
    expect(requests).to.equal(1);
  });

  it('close() ends the stream and leaves no timer or listener on either side', async () => {
    const bus = createCountingBus();
    const serverTimers = createCountingTimers();
    h = await createHarness({ bus, timers: serverTimers });
    const client = h.client();
    await client.signInAs(anna.phone);
    token = client.session.token!;
    const clientTimers = createCountingTimers();
    const recorder = createLiveRecorder();
    const subscription = clientWith(h.app.fetch).subscribe(recorder.handlers, { ...FAST, timers: clientTimers });
    await recorder.state('open');
    expect(bus.listenerCount).to.equal(1);
    subscription.close();
    expect(subscription.state).to.equal('closed');
    expect(recorder.states.at(-1)).to.equal('closed');
    expect(bus.listenerCount).to.equal(0);
    expect(serverTimers.pending).to.equal(0);
    expect(clientTimers.pending).to.equal(0);
    await h.emit(Audience.user(anna.id), 'test.note', {});
    expect(recorder.events).to.deep.equal([]);
  });

  it('close() while waiting to reconnect leaves no timer', async () => {
    const clientTimers = createCountingTimers();
    const recorder = createLiveRecorder();
    const subscription = clientWith(async () => {
      throw new TypeError('offline');
    }).subscribe(recorder.handlers, { backoff: { initialMs: 60_000, maxMs: 60_000 }, timers: clientTimers });
    await recorder.state('connecting', 1);
    expect(clientTimers.pending).to.equal(1);
    subscription.close();
    expect(clientTimers.pending).to.equal(0);
  });

  it('reconnects when the stream goes silent for longer than the idle timeout', async () => {
    h = await createHarness({ limits: { liveHeartbeatMs: 60_000 } });
    const client = h.client();
    await client.signInAs(anna.phone);
    token = client.session.token!;
    const network = createDroppableFetch(h.app.fetch);
    const recorder = createLiveRecorder();
    track(clientWith(network.fetch).subscribe(recorder.handlers, { ...FAST, idleTimeoutMs: 40 }));
    await recorder.state('open');
    await h.emit(Audience.user(anna.id), 'test.note', {});
    const again = await network.requestMade(2);
    expect(new URL(again.url).searchParams.get('after')).to.equal('1');
    await recorder.state('open', 2);
  });

  it('passes a reset to the app when its cursor is too old, and carries on live from there', async () => {
    h = await createHarness({ limits: { maxRetainedEvents: 2 } });
    const client = h.client();
    await client.signInAs(anna.phone);
    token = client.session.token!;
    for (let n = 1; n <= 5; n++) await h.emit(Audience.user(anna.id), 'test.note', { n });
    const recorder = createLiveRecorder();
    const subscription = track(clientWith(h.app.fetch).subscribe(recorder.handlers, { ...FAST, cursor: '1' }));
    await recorder.resetCount(1);
    expect(recorder.resets).to.deep.equal([{ reason: 'pruned', cursor: '5' }]);
    await recorder.state('open');
    expect(subscription.cursor).to.equal('5');
    await h.emit(Audience.user(anna.id), 'test.note', { n: 6 });
    await recorder.eventCount(1);
    expect(recorder.events.map((event) => event.cursor)).to.deep.equal(['6']);
  });

  it('compares cursors as numbers', () => {
    expect(cursorAfter('10', '9')).to.equal(true);
    expect(cursorAfter('9', '10')).to.equal(false);
    expect(cursorAfter('12', '12')).to.equal(false);
    expect(cursorAfter('0', null)).to.equal(true);
  });
});
