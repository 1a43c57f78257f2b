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
      // Without pending writes the store's order is the answer and the limit can stop it early.
      const count = writes || limit === Infinity ? undefined : limit;
      if (!reverse) {
        // Keys and values in two requests of one transaction: one wait, not one per record.
        const store = db.transaction('records').store;
        const [keys, values] = await Promise.all([store.getAllKeys(range, count), store.getAll(range, count)]);
        keys.forEach((key, index) => merged.set(key[1], values[index]!));
      } else {
        let cursor = await db.transaction('records').store.openCursor(range, 'prev');
        while (cursor && (count === undefined || merged.size < count)) {
          merged.set(cursor.key[1], cursor.value);
          cursor = await cursor.continue();
        }
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

/**
 * Applies the buffered writes in one IndexedDB transaction; a unique clash aborts all of them.
 * A transaction runs its requests in the order they were made, so each step makes all of its
 * requests before awaiting any: three waits in all, however many records (awaiting each request
 * in turn cost about 0.6 ms a request, 7–8 ms for a chat message's dozen records).
 */
/** A request not awaited on its own: a failure aborts the transaction, which `tx.done` reports. */
const quiet = (request: Promise<unknown>) => void request.catch(() => undefined);

async function commit(db: DemoDatabase, schema: StoreSchema, pending: Pending): Promise<void> {
  const tx = db.transaction(['records', 'unique'], 'readwrite');
  const records = tx.objectStore('records');
  const unique = tx.objectStore('unique');
  let clash: StoreConstraintError | undefined;
  try {
    // 1. Free the unique values of every record being replaced or removed.
    const replaced = [...pending].flatMap(([collection, writes]) => {
      const fields = schema[collection]?.unique ?? [];
      return fields.length === 0 ? [] : [...writes.keys()].map((key) => ({ collection, key, fields }));
    });
    const olds = await Promise.all(replaced.map(({ collection, key }) => records.get([collection, key])));
    const freed = replaced.flatMap(({ collection, key, fields }, index) =>
      fields.flatMap((field) => {
        const value = olds[index] ? uniqueValue(collection, field, olds[index]) : undefined;
        return value === undefined ? [] : [{ key, at: [collection, field, value] as [string, string, string | number] }];
      }),
    );
    const owners = await Promise.all(freed.map(({ at }) => unique.get(at)));
    freed.forEach(({ key, at }, index) => owners[index] === key && quiet(unique.delete(at)));

    // 2. The new unique values: none twice among the writes, none held by another record.
    const claims: { key: string; collection: string; field: string; value: string | number }[] = [];
    const claimed = new Set<string>();
    for (const [collection, writes] of pending) {
      for (const [key, write] of writes) {
        if (write === DELETED) continue;
        for (const field of schema[collection]?.unique ?? []) {
          const value = uniqueValue(collection, field, write);
          if (value === undefined) continue;
          const id = JSON.stringify([collection, field, value]);
          if (claimed.has(id)) throw (clash = new StoreConstraintError(collection, field, value));
          claimed.add(id);
          claims.push({ key, collection, field, value });
        }
      }
    }
    // Made after the deletes above, so these reads see them.
    const holders = await Promise.all(claims.map(({ collection, field, value }) => unique.get([collection, field, value])));
    claims.forEach(({ key, collection, field, value }, index) => {
      if (holders[index] !== undefined && holders[index] !== key) throw (clash = new StoreConstraintError(collection, field, value));
    });

    // 3. The writes themselves, and the transaction's end.
    for (const [collection, writes] of pending) {
      for (const [key, write] of writes) quiet(write === DELETED ? records.delete([collection, key]) : records.put(write, [collection, key]));
    }
    for (const { key, collection, field, value } of claims) quiet(unique.put(key, [collection, field, value]));
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
