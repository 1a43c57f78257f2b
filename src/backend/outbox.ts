/**
 * The outbox behind the live channel (docs/backend.md, "Live events"). Every event is written in
 * the transaction of the change it reports, under the next number of a gap-free counter, so a
 * write and its event commit or roll back together and cursors grow in commit order. Streams read
 * the outbox after their cursor; the event bus only wakes them.
 */
import type { Clock } from './ports.ts';
import type { EventBus } from './event-bus.ts';
import { sequenceKey, type StoreReader, type StoreTransaction } from './store.ts';

/** Who may see an event. A session sees the audiences `audiencesOf` gives it. */
export type Audience = `user:${string}` | `staff:${string}` | `app-staff:${string}`;

export const Audience = {
  /** An end user, on every device they are signed in on. */
  user: (userId: string): Audience => `user:${userId}`,
  /** One staff member (an operator, a moderator). */
  staff: (staffId: string): Audience => `staff:${staffId}`,
  /** Every staff member of an app's partner. */
  appStaff: (appId: string): Audience => `app-staff:${appId}`,
} as const;

const AUDIENCE = /^(user|staff|app-staff):[A-Za-z0-9._-]{1,64}$/;
/** Dotted names (`offer.accepted`, `chat.message`): never `ready` or `reset`, which the stream itself sends. */
export const EVENT_TYPE = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
/** The most JSON an event may carry: events say what changed, not whole documents. */
export const MAX_EVENT_DATA_BYTES = 8 * 1024;

export const OutboxCollection = {
  /** Key: `sequenceKey(cursor)`. */
  EVENTS: 'outbox',
  /** Key: `audience/sequenceKey(cursor)` → `{ cursor }`: an audience's events in cursor order. */
  BY_AUDIENCE: 'outboxByAudience',
  /** Key `head` → `OutboxHead`; key `pruned/<audience>` → `{ through }`. */
  STATE: 'outboxState',
} as const;

export interface OutboxEventRecord {
  [field: string]: unknown;
  cursor: number;
  type: string;
  audiences: Audience[];
  /** Milliseconds since the epoch. */
  at: number;
  data: unknown;
}

export interface OutboxHead {
  [field: string]: unknown;
  /** The last cursor handed out (0 before the first event). */
  last: number;
  /** The oldest cursor still kept; `last + 1` when the outbox is empty. */
  oldest: number;
}

/** How much of the outbox is kept. Pruning runs as events are written, oldest first. */
export interface OutboxRetention {
  /** Events older than this are pruned. */
  retentionMs: number;
  /** At most this many events are kept in all; beyond it the oldest go first. */
  maxEvents: number;
}

export const DEFAULT_RETENTION: OutboxRetention = { retentionMs: 7 * 24 * 60 * 60 * 1000, maxEvents: 10_000 };

/** Events pruned per write, at most: the outbox shrinks back to its bounds a little at a time. */
const PRUNE_BATCH = 32;

/** A page of an audience's events after a cursor, or the news that some of them are gone. */
export type OutboxPage =
  | { events: OutboxEventRecord[]; position: number; more: boolean }
  | { reset: { reason: 'pruned' | 'unknown-cursor'; cursor: number } };

export interface Outbox {
  /**
   * Writes an event in `tx`, the transaction that makes the change it reports; streams are woken
   * once it commits. Returns its cursor.
   */
  emit(tx: StoreTransaction, audience: Audience | readonly Audience[], type: string, data?: unknown): Promise<string>;
  /** The last cursor handed out, 0 before the first event. */
  head(reader: StoreReader): Promise<number>;
  /** Up to `limit` events for the audiences after `after`, in cursor order. */
  read(reader: StoreReader, audiences: readonly Audience[], after: number, limit: number): Promise<OutboxPage>;
}

const HEAD = 'head';
const prunedKey = (audience: string) => `pruned/${audience}`;
const indexKey = (audience: string, cursor: number) => `${audience}/${sequenceKey(cursor)}`;

export function createOutbox(deps: { clock: Clock; bus: EventBus; retention?: Partial<OutboxRetention> }): Outbox {
  const retention = { ...DEFAULT_RETENTION, ...deps.retention };
  const wakesOnCommit = new WeakMap<StoreTransaction, { cursor: number }>();

  async function readHead(reader: StoreReader): Promise<OutboxHead> {
    return (await reader.get<OutboxHead>(OutboxCollection.STATE, HEAD)) ?? { last: 0, oldest: 1 };
  }

  /** Drops events beyond the bounds, oldest first, remembering per audience how far its events are gone. */
  async function prune(tx: StoreTransaction, head: OutboxHead, now: number): Promise<OutboxHead> {
    let { oldest } = head;
    for (let budget = PRUNE_BATCH; budget > 0 && oldest <= head.last; budget--) {
      const overCount = head.last - oldest + 1 > retention.maxEvents;
      const record = await tx.get<OutboxEventRecord>(OutboxCollection.EVENTS, sequenceKey(oldest));
      if (record && !overCount && now - record.at < retention.retentionMs) break;
      if (record) {
        await tx.delete(OutboxCollection.EVENTS, sequenceKey(oldest));
        for (const audience of record.audiences) {
          await tx.delete(OutboxCollection.BY_AUDIENCE, indexKey(audience, oldest));
          await tx.put(OutboxCollection.STATE, prunedKey(audience), { through: oldest });
        }
      }
      oldest++;
    }
    return { ...head, oldest };
  }

  return {
    async emit(tx, audience, type, data = null) {
      const audiences = [...new Set(typeof audience === 'string' ? [audience] : audience)];
      if (audiences.length === 0) throw new TypeError('An event needs at least one audience');
      for (const each of audiences) if (!AUDIENCE.test(each)) throw new TypeError(`Not an audience: ${JSON.stringify(each)}`);
      if (!EVENT_TYPE.test(type)) throw new TypeError(`An event type is a dotted name such as "offer.accepted", not ${JSON.stringify(type)}`);
      const json = JSON.stringify(data);
      if (json === undefined) throw new TypeError('Event data must be JSON');
      if (new TextEncoder().encode(json).length > MAX_EVENT_DATA_BYTES) throw new RangeError(`Event data is over ${MAX_EVENT_DATA_BYTES} bytes`);

      const now = deps.clock.now();
      const head = await readHead(tx);
      const cursor = head.last + 1;
      const record: OutboxEventRecord = { cursor, type, audiences, at: now, data: JSON.parse(json) };
      await tx.put(OutboxCollection.EVENTS, sequenceKey(cursor), record);
      for (const each of audiences) await tx.put(OutboxCollection.BY_AUDIENCE, indexKey(each, cursor), { cursor });
      await tx.put(OutboxCollection.STATE, HEAD, await prune(tx, { ...head, last: cursor }, now));

      // One wake-up per transaction, whatever number of events it wrote.
      const pending = wakesOnCommit.get(tx);
      if (pending) pending.cursor = cursor;
      else {
        const wake = { cursor };
        wakesOnCommit.set(tx, wake);
        tx.afterCommit(() => deps.bus.publish({ cursor: String(wake.cursor) }));
      }
      return String(cursor);
    },

    async head(reader) {
      return (await readHead(reader)).last;
    },

    async read(reader, audiences, after, limit) {
      // The head is read first: every event up to it is already in the audience lists read below.
      const head = await readHead(reader);
      if (after > head.last) return { reset: { reason: 'unknown-cursor', cursor: head.last } };
      for (const audience of audiences) {
        const pruned = await reader.get<{ through: number }>(OutboxCollection.STATE, prunedKey(audience));
        if (pruned && pruned.through > after) return { reset: { reason: 'pruned', cursor: head.last } };
      }
      let bound = Infinity;
      const cursors = new Set<number>();
      for (const audience of audiences) {
        const entries = await reader.list<{ cursor: number }>(OutboxCollection.BY_AUDIENCE, {
          prefix: `${audience}/`,
          after: indexKey(audience, after),
          limit,
        });
        for (const entry of entries) cursors.add(entry.value.cursor);
        // A full page may stop short: nothing past its last cursor is known for this audience.
        if (entries.length === limit) bound = Math.min(bound, entries.at(-1)!.value.cursor);
      }
      const page = [...cursors].filter((cursor) => cursor <= bound).sort((a, b) => a - b).slice(0, limit);
      const more = bound !== Infinity || cursors.size > page.length;
      const events: OutboxEventRecord[] = [];
      for (const cursor of page) {
        const record = await reader.get<OutboxEventRecord>(OutboxCollection.EVENTS, sequenceKey(cursor));
        // Pruned between the list and this read: the stream must not skip past it silently.
        if (!record) return { reset: { reason: 'pruned', cursor: head.last } };
        events.push(record);
      }
      const last = page.at(-1) ?? after;
      return { events, position: more ? last : Math.max(last, head.last), more };
    },
  };
}

/** The audiences a signed-in end user sees. Staff sessions will add theirs here. */
export function audiencesOfUser(userId: string): Audience[] {
  return [Audience.user(userId)];
}
