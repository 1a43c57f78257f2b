import { expect } from 'chai';
import { DemoSmsInbox, startDemoBackend, type DemoBackend } from '../../demo/backend/index.ts';
import { Audience, createBackendClient, SEED_APPS, SEED_USERS, type BackendClient } from '../../src/backend/index.ts';
import { createDroppableFetch, createLiveRecorder, deleteDatabase, eventually, openSecondTab } from './live-helpers.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS[0]!;
const FAST = { backoff: { initialMs: 5, maxMs: 50 } };

describe('the live channel in the page (msw + IndexedDB + BroadcastChannel)', () => {
  const databaseName = `live-channel-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  let backend: DemoBackend;
  let token: string;
  let client: BackendClient;
  const emit = (type: string, data: unknown) => backend.store.transaction((tx) => backend.app.outbox.emit(tx, Audience.user(anna.id), type, data));

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    client = createBackendClient({ baseUrl: '/api', getSessionToken: () => token });
    await client.requestCode(anna.phone);
    token = (await client.signIn(anna.phone, sms.latest(anna.phone)!.code)).sessionToken;
  });

  after(async () => {
    await backend.stop();
    await deleteDatabase(databaseName);
  });

  it('answers GET /api/events through the msw worker as an event stream', async () => {
    const abort = new AbortController();
    const response = await fetch('/api/events?after=0', { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
    expect(navigator.serviceWorker.controller).to.not.equal(null);
    expect(response.status).to.equal(200);
    expect(response.headers.get('Content-Type')).to.match(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).to.match(/^event: (ready|[a-z]+\.[a-zA-Z.]+)\nid: \d+\n/);
    abort.abort();
    await eventually(() => backend.bus.listenerCount === 0, 'the aborted stream lets go of the bus');
  });

  it('delivers all 20 events written while the stream was dropped, once each and in order, after it reconnects', async () => {
    const network = createDroppableFetch((request) => fetch(request));
    const recorder = createLiveRecorder();
    const subscription = createBackendClient({ baseUrl: '/api', fetch: network.fetch, getSessionToken: () => token }).subscribe(recorder.handlers, FAST);
    try {
      await recorder.state('open');
      const before = [await emit('test.note', { n: 'before-1' }), await emit('test.note', { n: 'before-2' })];
      await recorder.eventCount(2);

      network.hold();
      network.drop();
      await recorder.state('reconnecting');
      await eventually(() => backend.bus.listenerCount === 0, 'the dropped stream lets go of the bus in the page');
      const written: string[] = [];
      for (let n = 1; n <= 20; n++) written.push(await emit('test.note', { n }));
      expect(recorder.events).to.have.length(2);
      network.release();

      await recorder.eventCount(22);
      await recorder.state('open', 2);
      const after = recorder.events.slice(2);
      expect(after.map((event) => event.cursor)).to.deep.equal(written);
      expect(after.map((event) => event.data.n)).to.deep.equal(Array.from({ length: 20 }, (_, index) => index + 1));
      expect(recorder.events.slice(0, 2).map((event) => event.cursor)).to.deep.equal(before);
      expect(new URL(network.requests[1]!.url).searchParams.get('after')).to.equal(before[1]);

      // Nothing more trails in: the next event is the only one that arrives.
      const next = await emit('test.note', { n: 'next' });
      await recorder.eventCount(23);
      expect(recorder.events.map((event) => event.cursor)).to.deep.equal([...before, ...written, next]);
    } finally {
      subscription.close();
    }
    await eventually(() => backend.bus.listenerCount === 0, 'close() ends the stream in the page');
  });

  it('carries a write in one tab to a live subscription in another, both ways', async () => {
    const { tab, frame } = await openSecondTab(databaseName);
    try {
      tab.session.token = token;
      const here = createLiveRecorder();
      const mine = client.subscribe(here.handlers, FAST);
      const there = createLiveRecorder();
      const theirs = tab.client.subscribe(there.handlers, FAST);
      try {
        await here.state('open');
        await there.state('open');

        // Written in the other tab's store: only IndexedDB and the BroadcastChannel connect the two.
        const fromThere = await tab.emit(Audience.user(anna.id), 'test.note', { from: 'second tab' });
        await here.eventCount(1);
        expect(here.events[0]).to.include({ cursor: fromThere, type: 'test.note' });
        expect(here.events[0]!.data).to.deep.equal({ from: 'second tab' });

        // A real change through the other tab's own handlers: its offer acceptance reaches this tab live.
        await tab.client.acceptOffer(bakery.id, 1);
        await here.eventCount(2);
        expect(here.events[1]!.type).to.equal('offer.accepted');
        expect(here.events[1]!.data).to.deep.equal({ appId: bakery.id, version: 1 });

        const fromHere = await emit('test.note', { from: 'first tab' });
        await there.eventCount(3);
        await here.eventCount(3);
        expect(there.events.map((event) => event.cursor)).to.deep.equal([fromThere, here.events[1]!.cursor, fromHere]);
        expect(here.events.map((event) => event.cursor), 'both tabs saw the same events').to.deep.equal(there.events.map((event) => event.cursor));
      } finally {
        mine.close();
        theirs.close();
      }
      await eventually(() => tab.backend.bus.listenerCount === 0 && backend.bus.listenerCount === 0, 'both tabs end their streams');
    } finally {
      await tab.backend.stop();
      frame.remove();
    }
  });
});
