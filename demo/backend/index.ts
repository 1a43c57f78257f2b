import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import {
  BACKEND_SCHEMA,
  createBackendApp,
  cryptoRandom,
  seedStore,
  systemClock,
  type BackendApp,
  type BackendLimits,
  type Clock,
  type CodeSender,
  type Store,
} from '../../src/backend/index.ts';
import { createBroadcastEventBus, type BroadcastEventBus } from './broadcast-bus.ts';
import { openDemoDatabase, type DemoDatabase } from './database.ts';
import { serveHostKeys } from './host-keys-relay.ts';
import { createIdbBlobs } from './idb-blobs.ts';
import { createIdbKeys, type IdbKeys } from './idb-keys.ts';
import { createIdbStore } from './idb-store.ts';
import { demoSmsInbox } from './sms.ts';

export * from './broadcast-bus.ts';
export * from './database.ts';
export * from './host-keys-relay.ts';
export * from './idb-blobs.ts';
export * from './idb-keys.ts';
export * from './idb-store.ts';
export * from './session.ts';
export * from './sms.ts';

export interface DemoBackendOptions {
  /** IndexedDB database name; tests use their own. */
  databaseName?: string;
  /** Where sign-in codes go; the demo's on-screen SMS inbox by default. */
  codeSender?: CodeSender;
  clock?: Clock;
  issuer?: string;
  limits?: Partial<BackendLimits>;
  /** The msw worker script, served at the site root. */
  workerUrl?: string;
  /**
   * Plays the sample conversations (a bot's, an open and an ended one) on the first run, so the
   * operator console is not empty. On for the demo's own database; tests naming theirs opt in.
   */
  sampleConversations?: boolean;
  /**
   * How often the chat's restart-timeout job runs (ms); null never. Every 5 s for the demo's own
   * database; tests naming theirs run the job themselves.
   */
  chatJobIntervalMs?: number | null;
}

const CHAT_JOB_INTERVAL_MS = 5 * 1000;

export interface DemoBackend {
  app: BackendApp;
  store: Store;
  keys: IdbKeys;
  db: DemoDatabase;
  /** Wakes the live streams of this tab and, through a BroadcastChannel, of the other tabs. */
  bus: BroadcastEventBus;
  worker: SetupWorker;
  /** Stops intercepting and closes the database. */
  stop(): Promise<void>;
}

/** The issuer of the demo's launch tokens. */
export const DEMO_ISSUER = 'miniapps-demo-host';

/** The BroadcastChannel that carries live-channel wake-ups between the tabs sharing a database. */
export function liveChannelName(databaseName: string): string {
  return `miniapps-live:${databaseName}`;
}

/** Opens the IndexedDB store and keys, seeds the demo data and mounts the backend on `/api/*` with msw. */
export async function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const clock = options.clock ?? systemClock;
  // The worker registers while the database opens and seeds; a request that comes before the
  // backend is up waits for it in the handler. `GET /api/events` streams: msw hands the page's
  // ReadableStream to the worker, and a client that aborts cancels it, which ends the stream's
  // subscription in this page.
  let backendUp!: (app: BackendApp) => void;
  let backendFailed!: (error: unknown) => void;
  const appReady = new Promise<BackendApp>((resolve, reject) => ((backendUp = resolve), (backendFailed = reject)));
  appReady.catch(() => undefined);
  const worker = setupWorker(http.all('/api/*', async ({ request }) => (await appReady).fetch(request)));
  const workerStarted = worker
    .start({ serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true })
    .then(() => void performance.mark('demo:backend-worker'));
  workerStarted.catch(() => undefined);

  let db: DemoDatabase | undefined;
  let blobs: Awaited<ReturnType<typeof createIdbBlobs>> | undefined;
  let app: BackendApp;
  let store: Store;
  let keys: IdbKeys;
  let bus: BroadcastEventBus;
  try {
    db = await openDemoDatabase(options.databaseName);
    store = createIdbStore(db, BACKEND_SCHEMA);
    keys = createIdbKeys(db, clock);
    await seedStore(store, clock.now());
    await keys.ring();
    bus = createBroadcastEventBus(liveChannelName(db.name));
    // Chat attachments: their bytes in a database of their own, beside the records.
    blobs = await createIdbBlobs(`${db.name}-blobs`);
    app = createBackendApp({
      blobs,
      store,
      clock,
      random: cryptoRandom,
      keys,
      codeSender: options.codeSender ?? demoSmsInbox.send,
      bus,
      issuer: options.issuer ?? DEMO_ISSUER,
      ...(options.limits ? { limits: options.limits } : {}),
    });
    performance.mark('demo:backend-seeded');
    backendUp(app);
    await workerStarted;
  } catch (error) {
    backendFailed(error);
    worker.stop();
    blobs?.close();
    db?.close();
    throw error;
  }
  const demoDefaults = options.databaseName === undefined;
  // The demo's own first run plays the sample conversations after the backend is up, so the
  // first screen does not wait for them (the console hears them arrive on the live channel); a
  // caller that asks for them gets them before this resolves.
  const samples = options.sampleConversations ?? demoDefaults ? app.chat.seedSampleConversations().then(() => void performance.mark('demo:backend-samples')) : Promise.resolve();
  if (options.sampleConversations) await samples;
  else samples.catch((error: unknown) => console.error('demo backend: the sample conversations were not written', error));
  const jobInterval = options.chatJobIntervalMs === undefined ? (demoDefaults ? CHAT_JOB_INTERVAL_MS : null) : options.chatJobIntervalMs;
  // Every tab runs the job; each due dialog is ended once, in its own transaction.
  const chatJob = jobInterval === null ? undefined : setInterval(() => void app.chat.runTimeouts().catch(() => undefined), jobInterval);
  // Partner backends the demo runs in an app's frame cannot reach `/api/*` over HTTP: they ask here.
  const stopServingKeys = serveHostKeys(app);
  return {
    app,
    store,
    keys,
    db,
    bus,
    worker,
    async stop() {
      stopServingKeys();
      clearInterval(chatJob);
      worker.stop();
      bus.close();
      blobs.close();
      db.close();
    },
  };
}
