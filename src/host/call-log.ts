import type { ErrorCode } from '../protocol/index.ts';

/** One bridge call as the host saw it. */
export interface CallLogEntry {
  seq: number;
  appId: string;
  launchId: string;
  method: string;
  /** The arguments with secrets replaced by `[redacted]` and long strings cut. */
  args: unknown;
  /** `performance.now()` when the call arrived. */
  startedAt: number;
  durationMs: number;
  outcome: 'ok' | 'error';
  errorCode?: ErrorCode;
  errorMessage?: string;
}

const SECRET_KEY = /token|secret|password|passcode|otp|code|card|cvv|cvc|pan|iban|account|phone|authorization|cookie/i;
const MAX_STRING = 120;
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;

/** A copy of `value` safe to show a moderator: secret-looking keys and deep or long data cut. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`[+${value.length - MAX_ITEMS} more]`);
    return items;
  }
  const copy: Record<string, unknown> = {};
  let count = 0;
  for (const key of Object.keys(value)) {
    if (count++ === MAX_ITEMS) {
      copy['…'] = '[more keys]';
      break;
    }
    copy[key] = SECRET_KEY.test(key) ? '[redacted]' : redact((value as Record<string, unknown>)[key], depth + 1);
  }
  return copy;
}

export type CallLogListener = (entry: CallLogEntry) => void;

/**
 * Every call between the mini-apps of one host and the host, newest last, capped in size.
 * The moderator page and developer tools subscribe to it.
 */
export class CallLog {
  readonly #entries: CallLogEntry[] = [];
  readonly #listeners = new Set<CallLogListener>();
  #seq = 0;

  constructor(readonly capacity = 1000) {}

  get entries(): readonly CallLogEntry[] {
    return this.#entries;
  }

  /** Records `entry` (numbering it in place) and tells the listeners. */
  add(entry: Omit<CallLogEntry, 'seq'>): CallLogEntry {
    const recorded = entry as CallLogEntry;
    recorded.seq = ++this.#seq;
    this.#entries.push(recorded);
    if (this.#entries.length > this.capacity) this.#entries.shift();
    for (const listener of this.#listeners) {
      try {
        listener(recorded);
      } catch (error) {
        console.error('call log listener failed', error);
      }
    }
    return recorded;
  }

  /** Calls `listener` for each new entry; returns the unsubscribe function. */
  subscribe(listener: CallLogListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
