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
} from './store.ts';

type Data = Map<string, Map<string, StoreRecord>>;

/** A `Store` in memory, for Node and unit tests. Same contract as every other adapter. */
export function createMemoryStore(schema: StoreSchema): Store {
  let committed: Data = new Map(Object.keys(schema).map((name) => [name, new Map()]));
  const serial = createSerialQueue();

  const transaction = <R>(fn: (tx: StoreTransaction) => Promise<R>): Promise<R> =>
    serial(async () => {
      // Copy-on-write per collection: a transaction that throws leaves `committed` untouched.
      const working: Data = new Map(committed);
      const touched = new Set<string>();
      const writable = (collection: string) => {
        assertCollection(schema, collection);
        if (!touched.has(collection)) {
          working.set(collection, new Map(committed.get(collection)));
          touched.add(collection);
        }
        return working.get(collection)!;
      };
      const committedCallbacks: (() => void)[] = [];
      const access = createAccess(schema, () => working, writable);
      const result = await fn({ ...access, afterCommit: (callback) => void committedCallbacks.push(callback) });
      committed = working;
      runAfterCommit(committedCallbacks);
      return result;
    });

  const reader = createAccess(schema, () => committed, () => {
    throw new Error('unreachable');
  });
  return {
    get: reader.get,
    findUnique: reader.findUnique,
    list: reader.list,
    put: (collection, key, value) => transaction((tx) => tx.put(collection, key, value)),
    delete: (collection, key) => transaction((tx) => tx.delete(collection, key)),
    transaction,
  };
}

function createAccess(schema: StoreSchema, data: () => Data, writable: (collection: string) => Map<string, StoreRecord>): StoreWriter {
  const readable = (collection: string) => {
    assertCollection(schema, collection);
    return data().get(collection)!;
  };
  return {
    async get<T extends StoreRecord>(collection: string, key: string) {
      const value = readable(collection).get(key);
      return value === undefined ? undefined : (structuredClone(value) as T);
    },
    async findUnique<T extends StoreRecord>(collection: string, field: string, value: string | number) {
      assertUniqueField(schema, collection, field);
      for (const [key, record] of readable(collection)) {
        if (record[field] === value) return { key, value: structuredClone(record) as T };
      }
      return undefined;
    },
    async list<T extends StoreRecord>(collection: string, options: ListOptions = {}) {
      const { reverse = false, limit = Infinity } = options;
      const keys = [...readable(collection).keys()].filter((key) => inListRange(key, options)).sort(compareKeys);
      if (reverse) keys.reverse();
      return keys.slice(0, limit).map((key): StoreEntry<T> => ({ key, value: structuredClone(readable(collection).get(key)) as T }));
    },
    async put(collection: string, key: string, value: StoreRecord) {
      const { unique = [] } = assertCollection(schema, collection);
      const records = readable(collection);
      for (const field of unique) {
        const wanted = uniqueValue(collection, field, value);
        if (wanted === undefined) continue;
        for (const [otherKey, other] of records) {
          if (otherKey !== key && other[field] === wanted) throw new StoreConstraintError(collection, field, wanted);
        }
      }
      writable(collection).set(key, structuredClone(value));
    },
    async delete(collection: string, key: string) {
      if (readable(collection).has(key)) writable(collection).delete(key);
    },
  };
}
