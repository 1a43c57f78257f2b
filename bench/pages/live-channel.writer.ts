// The second tab of the live-channel benchmark: its own backend over the page's IndexedDB, and the
// anchor's bare BroadcastChannel. The page calls it directly (same origin) to start each sample.
import { createBroadcastEventBus, createIdbKeys, createIdbStore, liveChannelName, openDemoDatabase } from '../../demo/backend/index.ts';
import { Audience, BACKEND_SCHEMA, createBackendApp, cryptoRandom, systemClock } from '../../src/backend/index.ts';
import { ANCHOR_CHANNEL, BENCH_DATABASE, BENCH_USER, type LiveChannelWriter } from './live-channel.shared.ts';

const anchor = new BroadcastChannel(ANCHOR_CHANNEL);
const setup = openDemoDatabase(BENCH_DATABASE).then((db) => {
  const store = createIdbStore(db, BACKEND_SCHEMA);
  const app = createBackendApp({
    store,
    clock: systemClock,
    random: cryptoRandom,
    keys: createIdbKeys(db, systemClock),
    codeSender: () => undefined,
    bus: createBroadcastEventBus(liveChannelName(BENCH_DATABASE)),
  });
  return { store, app };
});

const writer: LiveChannelWriter = {
  ready: setup.then(() => undefined),
  write: (n) => setup.then(({ store, app }) => store.transaction((tx) => app.outbox.emit(tx, Audience.user(BENCH_USER.id), 'bench.ping', { n }))),
  post: (n) => anchor.postMessage({ n }),
};
(window as unknown as { liveChannelWriter: LiveChannelWriter }).liveChannelWriter = writer;
