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
 *   work: prepare signatures and the like before opening it.
 */
export type StoreRecord = Record<string, unknown>;

export interface StoreEntry<T extends StoreRecord = StoreRecord> {
  key: string;
  value: T;
}

export interface ListOptions {
  /** Only keys that start with this. */
  prefix?: string;
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

export interface Store extends StoreWriter {
  transaction<R>(fn: (tx: StoreWriter) => Promise<R>): Promise<R>;
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
