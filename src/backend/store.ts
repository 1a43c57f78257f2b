/**
 * The backend's only way to keep state. Adapters (memory, IndexedDB, a database on a server) must
 * all pass the same contract tests, so the rules below are stated here and not left to an engine.
 *
 * - Records are plain structured-clonable objects, stored and returned as copies.
 * - Each collection is ordered by key, comparing strings by UTF-16 code units (as IndexedDB does).
 * - A collection may declare unique fields: no two records of that collection may hold the same
 *   value in such a field (records without the field do not count). A write that would break this
 *   throws `StoreConstraintError` and changes nothing.
 * - `transaction(fn)` runs `fn` alone (transactions never interleave); its writes become visible
 *   together when `fn` resolves and are all discarded when it throws. Inside `fn`, use only the
 *   transaction handed to it (the store itself waits for the transaction to end) and do no slow
 *   work: prepare signatures and the like before opening it. An adapter on a database may run
 *   transactions side by side when the database makes the outcome that of one at a time
 *   (SERIALIZABLE); it then runs `fn` again after a conflict, so `fn` changes nothing but `tx`.
 * - `tx.afterCommit(callback)` runs `callback` once the transaction's writes are visible to every
 *   reader, before `transaction()` resolves; never when it rolls back.
 * - Sequences: numbers used as keys are written at a fixed width (`sequenceKey`, zero-padded), so
 *   code-unit order is numeric order. A counter read and written back inside a transaction hands
 *   out numbers with no gaps in commit order: since transactions never interleave and commit at
 *   once, a reader that has seen number N never later sees a new record below N appear. (A SQL
 *   adapter gets the same from the counter row that every writer updates; a database sequence
 *   would not, as its numbers are taken before commit and commit out of order.)
 */
export type StoreRecord = Record<string, unknown>;

export interface StoreEntry<T extends StoreRecord = StoreRecord> {
  key: string;
  value: T;
}

export interface ListOptions {
  /** Only keys that start with this. */
  prefix?: string;
  /** Only keys that sort after this one (exclusive); combines with `prefix` and `reverse`. */
  after?: string;
  /** Highest keys first. */
  reverse?: boolean;
  /** At most this many entries, taken after ordering. */
  limit?: number;
}

export interface StoreReader {
  get<T extends StoreRecord>(collection: string, key: string): Promise<T | undefined>;
  /** The record holding `value` in a unique field of the collection, if any. */
  findUnique<T extends StoreRecord>(collection: string, field: string, value: string | number): Promise<StoreEntry<T> | undefined>;
  list<T extends StoreRecord>(collection: string, options?: ListOptions): Promise<StoreEntry<T>[]>;
}

export interface StoreWriter extends StoreReader {
  /** Inserts or replaces; throws `StoreConstraintError` on a unique field clash. */
  put(collection: string, key: string, value: StoreRecord): Promise<void>;
  /** Removes the record if present. */
  delete(collection: string, key: string): Promise<void>;
}

/** The writer handed to `transaction(fn)`. */
export interface StoreTransaction extends StoreWriter {
  /** Runs `callback` once this transaction's writes are visible to readers; never if it rolls back. */
  afterCommit(callback: () => void): void;
}

export interface Store extends StoreWriter {
  transaction<R>(fn: (tx: StoreTransaction) => Promise<R>): Promise<R>;
}

/** The collections a store holds, and the fields that must be unique in each. */
export type StoreSchema = Readonly<Record<string, { readonly unique?: readonly string[] }>>;

/** A write would give two records of a collection the same value in a unique field. */
export class StoreConstraintError extends Error {
  override name = 'StoreConstraintError';
  constructor(
    readonly collection: string,
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${collection}.${field} must be unique: ${JSON.stringify(value)} is taken`);
  }
}

/** Values a unique field may hold; anything else in such a field is a programming error. */
export function uniqueValue(collection: string, field: string, record: StoreRecord): string | number | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new TypeError(`${collection}.${field} is unique and must be a string or a finite number`);
}

/** Refuses a field the schema does not declare unique: lookups by other fields need an index we do not promise. */
export function assertUniqueField(schema: StoreSchema, collection: string, field: string): void {
  if (!assertCollection(schema, collection).unique?.includes(field)) {
    throw new Error(`${collection}.${field} is not declared unique`);
  }
}

export function assertCollection(schema: StoreSchema, collection: string): { readonly unique?: readonly string[] } {
  const definition = schema[collection];
  if (!definition) throw new Error(`Unknown collection "${collection}"`);
  return definition;
}

/** Digits of a sequence key: enough for every safe integer. */
export const SEQUENCE_KEY_DIGITS = 16;

/** A non-negative safe integer as a key that sorts in numeric order (zero-padded). */
export function sequenceKey(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`A sequence number must be a non-negative safe integer, not ${n}`);
  return String(n).padStart(SEQUENCE_KEY_DIGITS, '0');
}

/** Whether a key is inside the range a `ListOptions` asks for (prefix and the exclusive `after`). */
export function inListRange(key: string, options: ListOptions): boolean {
  return key.startsWith(options.prefix ?? '') && (options.after === undefined || key > options.after);
}

/** Runs commit callbacks; one that throws does not stop the others, and its error is reported, not swallowed. */
export function runAfterCommit(callbacks: readonly (() => void)[]): void {
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/** Key order shared by every adapter: UTF-16 code units. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs tasks one at a time, in call order. */
export function createSerialQueue(): <R>(task: () => Promise<R>) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return <R>(task: () => Promise<R>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
