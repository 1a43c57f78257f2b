/// <reference types="node" />
/**
 * The host backend as a Node server: the same Fetch-API handler as in the demo, served by
 * @hono/node-server, over the SQL store (PGlite in a folder by default, PostgreSQL with a URL),
 * with wake-ups across instances by LISTEN/NOTIFY and keys from the configuration or the store.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import pg from 'pg';
import { createBackendApp, type BackendApp } from '../backend/app.ts';
import type { BackendLimits } from '../backend/context.ts';
import { createLocalEventBus, type EventBus } from '../backend/event-bus.ts';
import { cryptoRandom, systemClock, type Clock, type CodeSender } from '../backend/ports.ts';
import { seedStore } from '../backend/seed.ts';
import type { SqlEngine } from '../backend/sql/engine.ts';
import { openSqlStore, type SqlStore } from '../backend/sql/sql-store.ts';
import type { ServerConfig } from './config.ts';
import { createEdge } from './http-edge.ts';
import { createJsonLogger, type Logger } from './log.ts';
import { createPgliteEngine } from './pglite-engine.ts';
import { createPostgresEventBus } from './postgres-bus.ts';
import { createPostgresEngine } from './postgres-engine.ts';
import { createConfiguredKeys, createStoredKeys, SERVER_SCHEMA, type ServerKeys } from './server-keys.ts';

export interface StartServerOptions {
  config: ServerConfig;
  /** A database engine of the caller's instead of the configured one; the server leaves it open. */
  engine?: SqlEngine;
  log?: Logger;
  /** Overrides the configured sender (the log or the webhook): tests read codes here. */
  codeSender?: CodeSender;
  clock?: Clock;
  limits?: Partial<BackendLimits>;
  /** How often the chat's job ends dialogs past their restart timeout (15 s); `null` runs none (tests call `app.chat.runTimeouts()`). */
  chatJobIntervalMs?: number | null;
}

export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  app: BackendApp;
  store: SqlStore;
  keys: ServerKeys;
  bus: EventBus;
  log: Logger;
  /** Open live streams on this instance. */
  readonly liveStreams: number;
  /**
   * Stops accepting requests, reports not ready, ends live streams with a retry hint, waits for
   * requests in flight (at most `shutdownTimeoutMs`), then closes the bus and the database.
   */
  shutdown(reason?: string): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createJsonLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;

  const engine =
    options.engine ??
    (config.databaseUrl
      ? createPostgresEngine({ connectionString: config.databaseUrl, poolSize: config.poolSize, onIdleError: (error) => log.warn('database: idle connection failed', { error }) })
      : await openPglite(config.dataDir));
  const cleanups: (() => Promise<void>)[] = options.engine ? [] : [() => engine.close()];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log.warn('shutdown: closing failed', { error }));
  };
  try {
    const store = await openSqlStore(engine, SERVER_SCHEMA, {
      schema: config.databaseSchema,
      onConflict: (attempt, error) => log.debug('store: transaction conflict, running it again', { attempt, error }),
    });
    if (config.seed === 'demo') await seedStore(store, clock.now());
    const keys = config.signingKeys.source === 'config' ? await createConfiguredKeys(config.signingKeys.keys, clock) : createStoredKeys(store, clock);
    await keys.ring();

    let bus: EventBus = createLocalEventBus();
    if (config.databaseUrl && 'pool' in engine && engine.pool instanceof pg.Pool) {
      const postgresBus = createPostgresEventBus({ connectionString: config.databaseUrl, pool: engine.pool, channel: busChannel(config.databaseSchema), log });
      await postgresBus.start();
      cleanups.push(() => postgresBus.close());
      bus = postgresBus;
    }

    const app = createBackendApp({
      store,
      clock,
      random: cryptoRandom,
      keys,
      bus,
      issuer: config.issuer,
      codeSender: options.codeSender ?? codeSenderFor(config, log),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    // Every instance runs the chat's job: each dialog it ends is claimed in the store, so two never end one twice.
    const chatJobMs = options.chatJobIntervalMs === undefined ? 15_000 : options.chatJobIntervalMs;
    if (chatJobMs !== null) {
      const chatJob = setInterval(() => {
        app.chat.runTimeouts().catch((error: unknown) => log.warn('chat: the restart-timeout job failed', { error }));
      }, chatJobMs);
      chatJob.unref();
      cleanups.push(async () => clearInterval(chatJob));
    }
    const edge = createEdge({
      app,
      log,
      allowedOrigins: config.allowedOrigins,
      retryHintMs: config.retryHintMs,
      checkStore: async () => void (await engine.query('SELECT 1')),
    });

    const server = createAdaptorServer({ fetch: (request: Request) => edge.fetch(request), overrideGlobalObjects: false }) as Server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    log.info('listening', { url, database: engine.name, keys: keys.source, allowedOrigins: config.allowedOrigins, seed: config.seed });

    let stopping: Promise<void> | undefined;
    const shutdown = (reason = 'requested') =>
      (stopping ??= (async () => {
        log.info('shutting down', { reason, liveStreams: edge.liveStreams });
        edge.drain();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        edge.closeLiveStreams();
        // Keep-alive connections turn idle as their last response ends: close them as they do.
        server.closeIdleConnections();
        const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs)));
        if ((await Promise.race([closed, timedOut])) === 'timeout') {
          log.warn('shutdown: requests still in flight after the timeout; closing their connections', { timeoutMs: config.shutdownTimeoutMs });
          server.closeAllConnections();
          await closed;
        }
        clearTimeout(timer);
        clearInterval(idleSweep);
        await cleanUp();
        log.info('stopped');
      })());

    return {
      url,
      port,
      app,
      store,
      keys,
      bus,
      log,
      get liveStreams() {
        return edge.liveStreams;
      },
      shutdown,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function openPglite(dataDir: string) {
  if (dataDir === 'memory://') return createPgliteEngine();
  mkdirSync(dataDir, { recursive: true });
  return createPgliteEngine({ dataDir });
}

/** One NOTIFY channel per schema: hosts sharing a database do not wake each other. */
function busChannel(schema: string): string {
  return schema === 'public' ? 'miniapps_outbox' : `miniapps_outbox_${schema}`.slice(0, 63);
}

function codeSenderFor(config: ServerConfig, log: Logger): CodeSender {
  const webhook = config.codeWebhook;
  if (!webhook) {
    log.warn('sign-in codes go to this log (set MINIAPPS_CODE_WEBHOOK to send them by SMS)');
    return (message) => log.info('sign-in code', { phone: message.phone, code: message.code, expiresAt: new Date(message.expiresAt).toISOString() });
  }
  return async (message) => {
    const response = await fetch(webhook, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: message.phone, code: message.code, expiresAt: new Date(message.expiresAt).toISOString() }),
    });
    if (!response.ok) throw new Error(`The code webhook answered ${response.status}`);
  };
}
