import type { ErrorCode } from '../protocol/index.ts';
import { cut, MAX_MESSAGE, MAX_NAME } from './bounded.ts';

/** One bridge call as the host saw it. */
export interface CallLogEntry {
  seq: number;
  appId: string;
  launchId: string;
  method: string;
  /** The arguments with secrets replaced by `[redacted]` and long or deep data cut: plain null-prototype data. */
  args: unknown;
  /** `performance.now()` when the call arrived. */
  startedAt: number;
  /** 0 for a call answered in the task it arrived in (below the clock's resolution). */
  durationMs: number;
  outcome: 'ok' | 'error';
  errorCode?: ErrorCode;
  errorMessage?: string;
}

/** What a caller hands the log: the arguments as received (the log redacts and bounds them). */
export type CallRecord = Omit<CallLogEntry, 'seq'>;

const SECRET_KEY = /token|secret|password|passcode|otp|code|card|cvv|cvc|pan|iban|account|phone|authorization|cookie/i;
const MAX_STRING = 120;
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;
/** Values (of any depth) one redacted argument keeps at most. */
const MAX_VALUES = 100;

/**
 * A copy of `value` safe to show a moderator and to keep: secret-looking keys replaced, strings
 * and keys cut to fresh copies, at most 20 items per level, 4 levels and 100 values in all. Objects
 * come back with a null prototype, so a `__proto__` key is an ordinary key and nothing of the
 * app's data can become a prototype.
 */
export function redact(value: unknown): unknown {
  const budget = { values: MAX_VALUES };
  return copy(value, 0, budget);
}

function copy(value: unknown, depth: number, budget: { values: number }): unknown {
  if (budget.values-- <= 0) return '[…]';
  if (typeof value === 'string') return cut(value, MAX_STRING);
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const length = value.length;
    const items: unknown[] = [];
    for (let index = 0; index < Math.min(length, MAX_ITEMS); index++) items.push(copy(value[index], depth + 1, budget));
    if (length > MAX_ITEMS) items.push(`[+${length - MAX_ITEMS} more]`);
    return items;
  }
  const result: Record<string, unknown> = Object.create(null);
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (count++ === MAX_ITEMS) {
      result['…'] = '[more keys]';
      break;
    }
    const name = cut(key, MAX_NAME);
    result[name] = SECRET_KEY.test(name) ? '[redacted]' : copy((value as Record<string, unknown>)[key], depth + 1, budget);
  }
  return result;
}

/** A rough count of the bytes an entry holds, for the log's byte budget. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (value === null || typeof value !== 'object') return 8;
  let size = 32;
  if (Array.isArray(value)) for (const item of value) size += sizeOf(item);
  else for (const key in value) size += 16 + 2 * key.length + sizeOf((value as Record<string, unknown>)[key]);
  return size;
}

export interface CallLogLimits {
  /** Entries kept in all (default 1,000). */
  entries: number;
  /** Approximate bytes kept in all (default 4 MiB). */
  bytes: number;
  /** Entries one launch may hold (default 1,000). */
  perLaunchEntries: number;
  /** Approximate bytes one launch may hold (default 2 MiB). */
  perLaunchBytes: number;
}

export const DEFAULT_CALL_LOG_LIMITS: CallLogLimits = { entries: 1000, bytes: 4 * 2 ** 20, perLaunchEntries: 1000, perLaunchBytes: 2 * 2 ** 20 };

export type CallLogListener = (entry: CallLogEntry) => void;

interface Held {
  entries: number;
  bytes: number;
}

/**
 * Every call between the mini-apps of one host and the host, newest last. Bounded twice: each
 * launch within its own quota (beyond it, that launch's own oldest entries go), and the whole log
 * within its budget (beyond it, the oldest entry of the launch holding the most goes), so an app
 * that floods the log only pushes out its own history. The moderator page and developer tools
 * subscribe to it.
 */
export class CallLog {
  readonly limits: CallLogLimits;
  /**
   * The entries, oldest first, from `#start` on: evicting the oldest only moves `#start` (a shift
   * per call would move the whole array once the log is full), and the evicted slots are cut off
   * in one go when they make up half the array or when `entries` is read.
   */
  readonly #entries: Array<CallLogEntry | undefined> = [];
  /** The byte estimate of each entry, at the same index. */
  readonly #sizes: number[] = [];
  #start = 0;
  readonly #held = new Map<string, Held>();
  readonly #listeners = new Set<CallLogListener>();
  #bytes = 0;
  #seq = 0;

  constructor(limits: Partial<CallLogLimits> = {}) {
    this.limits = { ...DEFAULT_CALL_LOG_LIMITS, ...limits };
  }

  get entries(): readonly CallLogEntry[] {
    this.#compact();
    return this.#entries as CallLogEntry[];
  }

  /** Bytes the log holds now (approximate). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Records a call: bounded copies of its texts and arguments, numbered, then tells the listeners. */
  add(record: CallRecord): CallLogEntry {
    const entry: CallLogEntry = {
      seq: ++this.#seq,
      appId: record.appId,
      launchId: record.launchId,
      method: cut(record.method, MAX_NAME),
      args: record.args === undefined ? undefined : redact(record.args),
      startedAt: record.startedAt,
      durationMs: record.durationMs,
      outcome: record.outcome,
    };
    if (record.errorCode !== undefined) entry.errorCode = record.errorCode;
    if (record.errorMessage !== undefined) entry.errorMessage = cut(record.errorMessage, MAX_MESSAGE);
    const size = 160 + 2 * (entry.method.length + (entry.errorMessage?.length ?? 0)) + (entry.args === undefined ? 0 : sizeOf(entry.args));
    this.#sizes.push(size);
    this.#entries.push(entry);
    this.#bytes += size;
    let held = this.#held.get(entry.launchId);
    if (!held) this.#held.set(entry.launchId, (held = { entries: 0, bytes: 0 }));
    held.entries++;
    held.bytes += size;
    this.#enforce(entry.launchId, held);
    if (this.#listeners.size > 0) {
      for (const listener of this.#listeners) {
        try {
          listener(entry);
        } catch (error) {
          console.error('call log listener failed', error);
        }
      }
    }
    return entry;
  }

  /** Calls `listener` for each new entry; returns the unsubscribe function. */
  subscribe(listener: CallLogListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#entries.length = 0;
    this.#sizes.length = 0;
    this.#start = 0;
    this.#held.clear();
    this.#bytes = 0;
  }

  #enforce(launchId: string, held: Held): void {
    const { entries, bytes, perLaunchEntries, perLaunchBytes } = this.limits;
    while (held.entries > 1 && (held.entries > perLaunchEntries || held.bytes > perLaunchBytes)) this.#evictOldestOf(launchId);
    while (this.#entries.length - this.#start > 1 && (this.#entries.length - this.#start > entries || this.#bytes > bytes)) this.#evictOldestOf(this.#largestHolder());
  }

  #largestHolder(): string {
    let largest = '';
    let most = -1;
    for (const [launchId, held] of this.#held) {
      if (held.bytes > most) {
        most = held.bytes;
        largest = launchId;
      }
    }
    return largest;
  }

  #evictOldestOf(launchId: string): void {
    const entries = this.#entries;
    let index = this.#start;
    while (index < entries.length && entries[index]!.launchId !== launchId) index++;
    if (index === entries.length) return;
    const size = this.#sizes[index]!;
    if (index === this.#start) {
      entries[index] = undefined;
      this.#start++;
      if (this.#start >= 64 && this.#start * 2 >= entries.length) this.#compact();
    } else {
      entries.splice(index, 1);
      this.#sizes.splice(index, 1);
    }
    this.#bytes -= size;
    const held = this.#held.get(launchId)!;
    held.entries--;
    held.bytes -= size;
    if (held.entries === 0) this.#held.delete(launchId);
  }

  /** Cuts off the evicted slots before `#start`. */
  #compact(): void {
    if (this.#start === 0) return;
    this.#entries.splice(0, this.#start);
    this.#sizes.splice(0, this.#start);
    this.#start = 0;
  }
}
