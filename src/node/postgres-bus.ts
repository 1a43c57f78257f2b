/// <reference types="node" />
/**
 * The live channel's wake-ups across instances: PostgreSQL `LISTEN/NOTIFY`. A wake-up reaches this
 * instance's streams at once and the other instances through a notification carrying only the
 * cursor (NOTIFY keeps no history and caps payloads at 8 kB: the outbox table stays the source of
 * truth, and a woken stream reads it after its own cursor). A lost notification, or the minutes a
 * dropped listener connection takes to come back, delays events until the streams' next heartbeat
 * or the wake-up sent on reconnecting; it never loses one.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createLocalEventBus, type EventBus } from '../backend/event-bus.ts';
import type { Logger } from './log.ts';

export interface PostgresEventBus extends EventBus {
  /** Streams of this instance listening now. */
  readonly listenerCount: number;
  /** Connects the listening connection; resolves once LISTEN has run. */
  start(): Promise<void>;
  /** Stops listening and notifying. */
  close(): Promise<void>;
}

export interface PostgresEventBusOptions {
  connectionString: string;
  /** Where NOTIFY is sent from (the store's pool); a pool of its own when absent. */
  pool?: pg.Pool;
  /** The channel; `miniapps_outbox` by default. Instances of one host share it. */
  channel?: string;
  /** Wait before reconnecting a dropped listener (1 s by default, doubling to 30 s). */
  reconnectMs?: number;
  log?: Logger;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
/** `<instance id>:<cursor>`: an instance skips its own notifications, which its streams already had. */
const PAYLOAD = /^([0-9a-f-]{36}):(0|[1-9][0-9]{0,15})$/;

export function createPostgresEventBus(options: PostgresEventBusOptions): PostgresEventBus {
  const channel = options.channel ?? 'miniapps_outbox';
  if (!CHANNEL.test(channel)) throw new RangeError(`A NOTIFY channel is 1–63 of a–z, 0–9 and _: ${JSON.stringify(channel)}`);
  const local = createLocalEventBus();
  const instance = randomUUID();
  const ownPool = options.pool ? undefined : new pg.Pool({ connectionString: options.connectionString, max: 2 });
  ownPool?.on('error', (error) => options.log?.warn('event bus: idle connection failed', { error }));
  const pool = options.pool ?? ownPool!;
  const baseDelay = options.reconnectMs ?? 1000;
  let listener: pg.Client | undefined;
  let closed = false;
  let delay = baseDelay;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCursor = '0';

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('notification', (message) => {
      const match = PAYLOAD.exec(message.payload ?? '');
      if (!match || match[1] === instance) return;
      lastCursor = match[2]!;
      local.publish({ cursor: match[2]! });
    });
    const dropped = (error?: Error) => {
      if (listener !== client) return;
      listener = undefined;
      void client.end().catch(() => undefined);
      if (closed) return;
      options.log?.warn('event bus: the LISTEN connection dropped; reconnecting', { error, retryInMs: delay });
      reconnectTimer = setTimeout(() => void reconnect(), delay);
      delay = Math.min(30_000, delay * 2);
    };
    client.on('error', dropped);
    client.on('end', () => dropped());
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    listener = client;
  };

  const reconnect = async () => {
    try {
      await connect();
      delay = baseDelay;
      options.log?.info('event bus: listening again');
      // Whatever was notified while the connection was down: streams re-read after their cursors.
      local.publish({ cursor: lastCursor });
    } catch (error) {
      if (closed) return;
      options.log?.warn('event bus: reconnecting failed', { error, retryInMs: delay });
      reconnectTimer = setTimeout(() => void reconnect(), delay);
      delay = Math.min(30_000, delay * 2);
    }
  };

  return {
    async start() {
      await connect();
    },
    publish(wakeUp) {
      lastCursor = wakeUp.cursor;
      local.publish(wakeUp);
      if (closed) return;
      pool.query('SELECT pg_notify($1, $2)', [channel, `${instance}:${wakeUp.cursor}`]).catch((error: unknown) => {
        options.log?.warn('event bus: NOTIFY failed; other instances see the event at their next heartbeat', { error });
      });
    },
    subscribe: (listen) => local.subscribe(listen),
    get listenerCount() {
      return local.listenerCount;
    },
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      await ownPool?.end();
    },
  };
}
