/**
 * `GET /api/events`: the live channel as server-sent events. First the backlog after the cursor,
 * in pages, then `ready`, then live events as the bus wakes the stream. Each wake-up (and each
 * heartbeat, in case wake-ups were lost) re-reads the outbox after the stream's position, so an
 * event reaches the stream once whatever happens to wake-ups.
 */
import type { BackendContext } from './context.ts';
import { iso } from './context.ts';
import type { Audience, OutboxEventRecord } from './outbox.ts';
import { Collection, type SessionRecord } from './records.ts';

export interface EventStreamOptions {
  audiences: readonly Audience[];
  /** Serve events after this cursor; null starts at the current head (live events only). */
  after: number | null;
  /** The session behind the stream: the stream ends when it does. */
  sessionKey: string;
  signal: AbortSignal;
}

export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Accel-Buffering': 'no',
} as const;

/** One SSE message; the data is one line of JSON, so it needs no splitting. */
export function sseMessage(event: string, id: string, data: unknown): string {
  return `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The data of a domain event on the wire (its cursor is the SSE `id`, its type the SSE `event`). */
export function eventData(record: OutboxEventRecord): { cursor: string; type: string; at: string; data: unknown } {
  return { cursor: String(record.cursor), type: record.type, at: iso(record.at), data: record.data };
}

export function openEventStream(ctx: BackendContext, options: EventStreamOptions): Response {
  const { audiences, sessionKey, signal } = options;
  const encoder = new TextEncoder();
  let position = options.after;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let ready = false;
  let wanted = true;
  let draining = false;
  let heartbeat: unknown;
  let unsubscribe: () => void = () => undefined;
  let resumePull: (() => void) | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    ctx.timers.clearTimeout(heartbeat);
    signal.removeEventListener('abort', close);
    resumePull?.();
    try {
      controller.close();
    } catch {
      // Already cancelled by the reader.
    }
  };
  const send = (text: string) => {
    if (!closed) controller.enqueue(encoder.encode(text));
  };
  /** Waits while the reader has not taken what was sent: a slow reader slows the stream, not the heap. */
  const roomToSend = () =>
    closed || (controller.desiredSize ?? 1) > 0 ? Promise.resolve() : new Promise<void>((resolve) => (resumePull = resolve));

  const sessionLive = async () => {
    const session = await ctx.store.get<SessionRecord>(Collection.SESSIONS, sessionKey);
    return session !== undefined && session.expiresAt > ctx.clock.now();
  };

  const drainOnce = async () => {
    if (!(await sessionLive())) return close();
    position ??= await ctx.outbox.head(ctx.store);
    for (;;) {
      await roomToSend();
      if (closed) return;
      const page = await ctx.outbox.read(ctx.store, audiences, position, ctx.limits.liveEventPageSize);
      if (closed) return;
      if ('reset' in page) {
        position = page.reset.cursor;
        send(sseMessage('reset', String(position), { reason: page.reset.reason, cursor: String(position) }));
        continue;
      }
      for (const record of page.events) send(sseMessage(record.type, String(record.cursor), eventData(record)));
      position = page.position;
      if (!page.more) break;
    }
    if (!ready) {
      ready = true;
      send(sseMessage('ready', String(position), { cursor: String(position) }));
    }
  };

  /** Single flight: a wake-up during a drain asks for one more pass, however many arrive. */
  const drain = async () => {
    wanted = true;
    if (draining) return;
    draining = true;
    try {
      while (wanted && !closed) {
        wanted = false;
        await drainOnce();
      }
    } catch {
      // The store failed: end the stream; the client reconnects and resumes from its cursor.
      close();
    } finally {
      draining = false;
    }
  };

  const beat = () => {
    heartbeat = ctx.timers.setTimeout(() => {
      if (closed) return;
      send(': heartbeat\n\n');
      void drain();
      beat();
    }, ctx.limits.liveHeartbeatMs);
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        if (signal.aborted) return close();
        signal.addEventListener('abort', close);
        unsubscribe = ctx.bus.subscribe(() => void drain());
        beat();
        void drain();
      },
      pull() {
        resumePull?.();
        resumePull = undefined;
      },
      cancel() {
        close();
      },
    },
    { highWaterMark: 64 },
  );
  return new Response(body, { status: 200, headers: EVENT_STREAM_HEADERS });
}
