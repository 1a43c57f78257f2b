/**
 * Live-channel benchmark (bench/pages/live-channel.html): how long an event takes from the start
 * of its write to the app's `onEvent`, against a bare BroadcastChannel message, interleaved.
 *
 * The page is the app's tab: the demo backend (IndexedDB store, BroadcastChannel bus) and a
 * `client.subscribe` on its live channel. A same-origin frame is a second tab with its own backend
 * over the same database. Candidates, each timed from the page (a direct call into the frame's
 * realm starts the clock, the page's handler stops it):
 * - `same-tab`: the page writes an event (a store transaction with `outbox.emit`);
 * - `other-tab`: the frame writes it; IndexedDB and the BroadcastChannel carry it over;
 * - `broadcast`: the frame posts a bare BroadcastChannel message to the page (the anchor).
 * They run in rounds of SAMPLES sequential events (a round's value is their trimmed mean), rotating
 * the order; each figure is the median of per-round ratios, with their lowest and highest as `spread`. The stream goes through msw when
 * the page can register the worker at `/mockServiceWorker.js`, otherwise straight into the
 * handler in the page (named in the figure). `?rounds=N` (default 15).
 */
import { createBroadcastEventBus, createIdbKeys, createIdbStore, liveChannelName, openDemoDatabase } from '../../demo/backend/index.ts';
import {
  Audience,
  BACKEND_SCHEMA,
  createBackendApp,
  createBackendClient,
  cryptoRandom,
  seedStore,
  systemClock,
  type LiveEvent,
  type Store,
} from '../../src/backend/index.ts';
import { median, publish, spreadOf, type BenchResult } from './results.ts';
import { trimmedMean, withMsw } from './msw-backend.ts';
import { ANCHOR_CHANNEL, BENCH_DATABASE, BENCH_USER, type LiveChannelWriter } from './live-channel.shared.ts';


const ROUNDS = Number(new URLSearchParams(location.search).get('rounds')) || 15;
const SAMPLES = 12;
const FRAME_MS = 16;
const log = (line: string) => (document.getElementById('log')!.textContent += `${line}\n`);




async function main(): Promise<BenchResult[]> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(BENCH_DATABASE);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  const db = await openDemoDatabase(BENCH_DATABASE);
  const store: Store = createIdbStore(db, BACKEND_SCHEMA);
  await seedStore(store, systemClock.now());
  let code = '';
  const app = createBackendApp({
    store,
    clock: systemClock,
    random: cryptoRandom,
    keys: createIdbKeys(db, systemClock),
    codeSender: (message) => void (code = message.code),
    bus: createBroadcastEventBus(liveChannelName(BENCH_DATABASE)),
  });
  const viaMsw = await withMsw(app);
  const transport = viaMsw ? 'through msw' : 'in-page handler';
  log(`transport: ${transport}`);

  let token = '';
  const client = createBackendClient({
    baseUrl: `${location.origin}/api`,
    ...(viaMsw ? {} : { fetch: (request: Request) => app.fetch(request) }),
    getSessionToken: () => token,
  });
  await client.requestCode(BENCH_USER.phone);
  token = (await client.signIn(BENCH_USER.phone, code)).sessionToken;

  // Each sample waits for its own `n`, so nothing is counted twice or against the wrong write.
  const waiting = new Map<number, () => void>();
  const arrived = (n: number) => {
    waiting.get(n)?.();
    waiting.delete(n);
  };
  const opened = new Promise<void>((resolve) => {
    client.subscribe({
      onEvent: (event: LiveEvent) => arrived((event.data as { n: number }).n),
      onState: (state) => state === 'open' && resolve(),
    });
  });
  await opened;
  const anchor = new BroadcastChannel(ANCHOR_CHANNEL);
  anchor.onmessage = (event: MessageEvent<{ n: number }>) => arrived(event.data.n);

  const frame = document.createElement('iframe');
  frame.src = '/bench/pages/live-channel.writer.html';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const writer = (frame.contentWindow as unknown as { liveChannelWriter: LiveChannelWriter }).liveChannelWriter;
  await writer.ready;

  let next = 0;
  const sample = async (start: (n: number) => void) => {
    const n = ++next;
    const done = new Promise<void>((resolve) => waiting.set(n, resolve));
    const started = performance.now();
    start(n);
    await done;
    return performance.now() - started;
  };
  const candidates: { name: string; start: (n: number) => void }[] = [
    { name: 'same-tab', start: (n) => void store.transaction((tx) => app.outbox.emit(tx, Audience.user(BENCH_USER.id), 'bench.ping', { n })) },
    { name: 'other-tab', start: (n) => void writer.write(n) },
    { name: 'broadcast', start: (n) => writer.post(n) },
  ];

  const rounds = new Map(candidates.map((candidate) => [candidate.name, [] as number[]]));
  for (let round = -1; round < ROUNDS; round++) {
    const shift = ((round % candidates.length) + candidates.length) % candidates.length;
    for (const candidate of [...candidates.slice(shift), ...candidates.slice(0, shift)]) {
      const times: number[] = [];
      for (let index = 0; index < SAMPLES; index++) times.push(await sample(candidate.start));
      if (round >= 0) rounds.get(candidate.name)!.push(trimmedMean(times));
    }
  }
  for (const [name, values] of rounds) log(`  ${name}: median ${median(values).toFixed(2)} ms, rounds ${values.map((value) => value.toFixed(2)).join(' ')}`);

  const figure = (ours: string, what: string): BenchResult => {
    const mine = rounds.get(ours)!;
    const theirs = rounds.get('broadcast')!;
    const ratios = mine.map((value, index) => value / theirs[index]!);
    const extra = median(mine.map((value, index) => value - theirs[index]!));
    return {
      name: `live channel: event latency, write → app, ${what} (${transport})`,
      value: +median(mine).toFixed(2),
      unit: 'ms',
      anchor: 'bare BroadcastChannel message, other tab',
      anchorValue: +median(theirs).toFixed(3),
      ratio: +median(ratios).toFixed(3),
      spread: spreadOf(ratios),
      target: `≤ anchor + ${FRAME_MS} ms, one frame (median extra ${extra.toFixed(2)} ms)`,
      met: extra <= FRAME_MS,
    };
  };
  return [figure('other-tab', 'written in another tab'), figure('same-tab', 'written in the same tab')];
}

publish(main(), log);
