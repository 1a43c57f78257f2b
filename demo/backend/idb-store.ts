import {
  assertCollection,
  assertUniqueField,
  compareKeys,
  createSerialQueue,
  inListRange,
  runAfterCommit,
  StoreConstraintError,
  uniqueValue,
  type ListOptions,
  type Store,
  type StoreEntry,
  type StoreRecord,
  type StoreSchema,
  type StoreTransaction,
  type StoreWriter,
} from '../../src/backend/index.ts';
import type { DemoDatabase } from './database.ts';

const DELETED = Symbol('deleted');
type Pending = Map<string, Map<string, StoreRecord | typeof DELETED>>;

/**
 * A `Store` in IndexedDB. A transaction buffers its writes (reading through them) and commits them
 * in one IndexedDB transaction at the end, so it may await anything in between; transactions are
 * serialised within the page and, through a Web Lock, across the tabs of the demo.
 */
export function createIdbStore(db: DemoDatabase, schema: StoreSchema): Store {
  const serial = createSerialQueue();
  const lockName = `miniapps-store:${db.name}`;
  const exclusive = <R>(task: () => Promise<R>): Promise<R> =>
    serial(() => (globalThis.navigator?.locks ? navigator.locks.request(lockName, task) : task()));

  const transaction = <R>(fn: (tx: StoreTransaction) => Promise<R>): Promise<R> =>
    exclusive(async () => {
      const pending: Pending = new Map();
      const committedCallbacks: (() => void)[] = [];
      const result = await fn({ ...access(db, schema, pending), afterCommit: (callback) => void committedCallbacks.push(callback) });
      if (pending.size > 0) await commit(db, schema, pending);
      runAfterCommit(committedCallbacks);
      return result;
    });

  const reader = access(db, schema, new Map());
  return {
    get: reader.get,
    findUnique: reader.findUnique,
    list: reader.list,
    put: (collection, key, value) => transaction((tx) => tx.put(collection, key, value)),
    delete: (collection, key) => transaction((tx) => tx.delete(collection, key)),
    transaction,
  };
}

function access(db: DemoDatabase, schema: StoreSchema, pending: Pending): StoreWriter {
  const pendingOf = (collection: string) => {
    let writes = pending.get(collection);
    if (!writes) pending.set(collection, (writes = new Map()));
    return writes;
  };

  const get = async <T extends StoreRecord>(collection: string, key: string): Promise<T | undefined> => {
    assertCollection(schema, collection);
    const write = pending.get(collection)?.get(key);
    if (write === DELETED) return undefined;
    if (write !== undefined) return structuredClone(write) as T;
    return (await db.get('records', [collection, key])) as T | undefined;
  };

  /** The key holding `value` in `field`, seen through the pending writes. */
  const uniqueOwner = async (collection: string, field: string, value: string | number, except?: string) => {
    const writes = pending.get(collection);
    for (const [key, write] of writes ?? []) {
      if (key !== except && write !== DELETED && write[field] === value) return key;
    }
    const owner = await db.get('unique', [collection, field, value]);
    // A pending write to the owner replaced or removed it; the loop above has seen its new value.
    if (owner === undefined || owner === except || writes?.has(owner)) return undefined;
    return owner;
  };

  return {
    get,
    async findUnique<T extends StoreRecord>(collection: string, field: string, value: string | number) {
      assertUniqueField(schema, collection, field);
      const key = await uniqueOwner(collection, field, value);
      if (key === undefined) return undefined;
      const record = await get<T>(collection, key);
      return record === undefined ? undefined : { key, value: record };
    },
    async list<T extends StoreRecord>(collection: string, options: ListOptions = {}) {
      assertCollection(schema, collection);
      const { prefix = '', after, reverse = false, limit = Infinity } = options;
      const upper = prefixEnd(prefix);
      const fromAfter = after !== undefined && after >= prefix;
      if (fromAfter && upper !== undefined && after >= upper) return [];
      // No string ends the range of an all-U+FFFF (or empty) prefix: an array sorts above every string.
      const range = IDBKeyRange.bound([collection, fromAfter ? after : prefix], [collection, upper ?? []], fromAfter, true);
      const writes = pending.get(collection);
      const merged = new Map<string, StoreRecord>();
      let cursor = await db.transaction('records').store.openCursor(range, reverse ? 'prev' : 'next');
      // Without pending writes the cursor's order is the answer and the limit can stop it early.
      while (cursor && (writes || merged.size < limit)) {
        merged.set(cursor.key[1], cursor.value);
        cursor = await cursor.continue();
      }
      for (const [key, write] of writes ?? []) {
        if (!inListRange(key, options)) continue;
        if (write === DELETED) merged.delete(key);
        else merged.set(key, structuredClone(write));
      }
      const keys = [...merged.keys()].filter((key) => inListRange(key, options)).sort(compareKeys);
      if (reverse) keys.reverse();
      return keys.slice(0, limit).map((key): StoreEntry<T> => ({ key, value: merged.get(key) as T }));
    },
    async put(collection: string, key: string, value: StoreRecord) {
      const { unique = [] } = assertCollection(schema, collection);
      for (const field of unique) {
        const wanted = uniqueValue(collection, field, value);
        if (wanted !== undefined && (await uniqueOwner(collection, field, wanted, key)) !== undefined) {
          throw new StoreConstraintError(collection, field, wanted);
        }
      }
      pendingOf(collection).set(key, structuredClone(value));
    },
    async delete(collection: string, key: string) {
      assertCollection(schema, collection);
      pendingOf(collection).set(key, DELETED);
    },
  };
}

/**
 * The least string above every string that starts with `prefix` (the bound is exclusive): the prefix
 * with its last code unit below U+FFFF raised by one, what follows it dropped. None when every code
 * unit is U+FFFF.
 */
function prefixEnd(prefix: string): string | undefined {
  for (let end = prefix.length - 1; end >= 0; end--) {
    const unit = prefix.charCodeAt(end);
    if (unit < 0xffff) return prefix.slice(0, end) + String.fromCharCode(unit + 1);
  }
  return undefined;
}

/** Applies the buffered writes in one IndexedDB transaction; a unique clash aborts all of them. */
async function commit(db: DemoDatabase, schema: StoreSchema, pending: Pending): Promise<void> {
  const tx = db.transaction(['records', 'unique'], 'readwrite');
  const records = tx.objectStore('records');
  const unique = tx.objectStore('unique');
  let clash: StoreConstraintError | undefined;
  try {
    // First free the unique values of every record being replaced or removed, then claim the new ones.
    for (const [collection, writes] of pending) {
      const fields = schema[collection]?.unique ?? [];
      if (fields.length === 0) continue;
      for (const key of writes.keys()) {
        const old = await records.get([collection, key]);
        if (!old) continue;
        for (const field of fields) {
          const value = uniqueValue(collection, field, old);
          if (value !== undefined && (await unique.get([collection, field, value])) === key) await unique.delete([collection, field, value]);
        }
      }
    }
    for (const [collection, writes] of pending) {
      const fields = schema[collection]?.unique ?? [];
      for (const [key, write] of writes) {
        if (write === DELETED) {
          await records.delete([collection, key]);
          continue;
        }
        await records.put(write, [collection, key]);
        for (const field of fields) {
          const value = uniqueValue(collection, field, write);
          if (value === undefined) continue;
          const owner = await unique.get([collection, field, value]);
          if (owner !== undefined && owner !== key) {
            clash = new StoreConstraintError(collection, field, value);
            throw clash;
          }
          await unique.put(key, [collection, field, value]);
        }
      }
    }
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await tx.done.catch(() => undefined);
    throw clash ?? error;
  }
}
