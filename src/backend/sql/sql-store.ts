/**
 * A `Store` (src/backend/store.ts) in a SQL database: PostgreSQL, or PGlite in a folder. Every
 * collection shares one table of (collection, key, value), so a domain that adds collections to
 * the schema needs no migration; unique fields have their own table whose primary key refuses a
 * second owner. Transactions are the database's, at SERIALIZABLE: they may run side by side (on
 * one instance or many) and commit as if one at a time; one that conflicts is rolled back and run
 * again, so `fn` must touch nothing but the transaction it is given. No lock in the process.
 */
import {
  assertCollection,
  assertUniqueField,
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
} from '../store.ts';
import { isRetryableConflict, type SqlEngine, type SqlQueryable } from './engine.ts';
import { decodeKey, encodeKey, prefixUpperBound } from './key-codec.ts';
import { migrate, quoteSchema } from './migrations.ts';
import { recordToJson } from './record-json.ts';

export interface SqlStoreOptions {
  /** The SQL schema (namespace) of the tables; `public` by default. */
  schema?: string;
  /** Runs of one transaction before a conflict is given up on (50 by default). */
  maxAttempts?: number;
  /** Told of each conflict that makes a transaction run again. */
  onConflict?: (attempt: number, error: unknown) => void;
}

export interface SqlStore extends Store {
  readonly engine: SqlEngine;
  /** Closes the database connection(s). */
  close(): Promise<void>;
}

const DEFAULT_MAX_ATTEMPTS = 50;

/** Runs the migrations, then returns the store. */
export async function openSqlStore(engine: SqlEngine, schema: StoreSchema, options: SqlStoreOptions = {}): Promise<SqlStore> {
  await migrate(engine, options.schema ?? 'public');
  return createSqlStore(engine, schema, options);
}

/** The store over tables that are already migrated (see `openSqlStore`). */
export function createSqlStore(engine: SqlEngine, schema: StoreSchema, options: SqlStoreOptions = {}): SqlStore {
  const tables = tableNames(options.schema ?? 'public');
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, not ${maxAttempts}`);

  const transaction = async <R>(fn: (tx: StoreTransaction) => Promise<R>): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      const callbacks: (() => void)[] = [];
      try {
        const result = await engine.transaction(async (sql) => {
          const guarded = guardQueries(sql);
          try {
            const value = await fn({ ...createAccess(schema, tables, guarded), afterCommit: (callback) => void callbacks.push(callback) });
            // A failed statement aborts a database transaction even if `fn` caught the error:
            // committing would silently roll back, so the failure is what the caller gets.
            if (guarded.failure) throw guarded.failure.error;
            return value;
          } finally {
            guarded.end();
          }
        });
        runAfterCommit(callbacks);
        return result;
      } catch (error) {
        if (!isRetryableConflict(error)) throw error;
        if (attempt >= maxAttempts) {
          throw new Error(`A ${engine.name} transaction conflicted with concurrent ones ${attempt} time${attempt === 1 ? '' : 's'} in a row; gave up`, { cause: error });
        }
        options.onConflict?.(attempt, error);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
      }
    }
  };

  const reader = createAccess(schema, tables, engine);
  return {
    engine,
    get: reader.get,
    findUnique: reader.findUnique,
    list: reader.list,
    put: (collection, key, value) => transaction((tx) => tx.put(collection, key, value)),
    delete: (collection, key) => transaction((tx) => tx.delete(collection, key)),
    transaction,
    close: () => engine.close(),
  };
}

interface Tables {
  records: string;
  unique: string;
}

function tableNames(schema: string): Tables {
  const quoted = quoteSchema(schema);
  return { records: `${quoted}.miniapps_records`, unique: `${quoted}.miniapps_unique` };
}

/** Queries that remember the first failure, and refuse to run once their transaction has ended. */
function guardQueries(sql: SqlQueryable): SqlQueryable & { failure?: { error: unknown }; end(): void } {
  let ended = false;
  const guarded: SqlQueryable & { failure?: { error: unknown }; end(): void } = {
    async query<R>(text: string, params?: readonly unknown[]) {
      if (ended) throw new Error('This store transaction has ended: use the store, or a new transaction');
      try {
        return await sql.query<R>(text, params);
      } catch (error) {
        guarded.failure ??= { error };
        throw error;
      }
    },
    end: () => void (ended = true),
  };
  return guarded;
}

/** A unique field's value as the unique table keeps it: JSON, so `1` and `"1"` differ. */
const uniqueText = (value: string | number) => JSON.stringify(value);

function createAccess(schema: StoreSchema, tables: Tables, sql: SqlQueryable): StoreWriter {
  return {
    async get<T extends StoreRecord>(collection: string, key: string) {
      assertCollection(schema, collection);
      const { rows } = await sql.query<{ value: string }>(`SELECT value FROM ${tables.records} WHERE collection = $1 AND key = $2::bytea`, [
        collection,
        encodeKey(key),
      ]);
      return rows[0] ? (JSON.parse(rows[0].value) as T) : undefined;
    },

    async findUnique<T extends StoreRecord>(collection: string, field: string, value: string | number) {
      assertUniqueField(schema, collection, field);
      if (uniqueValue(collection, field, { [field]: value }) === undefined) throw new TypeError(`${collection}.${field} is never null or undefined`);
      const { rows } = await sql.query<{ key: Uint8Array; value: string }>(
        `SELECT r.key, r.value FROM ${tables.unique} u JOIN ${tables.records} r ON r.collection = u.collection AND r.key = u.key
         WHERE u.collection = $1 AND u.field = $2 AND u.value = $3`,
        [collection, field, uniqueText(value)],
      );
      return rows[0] ? { key: decodeKey(rows[0].key), value: JSON.parse(rows[0].value) as T } : undefined;
    },

    async list<T extends StoreRecord>(collection: string, options: ListOptions = {}) {
      assertCollection(schema, collection);
      const { prefix = '', after, reverse = false, limit } = options;
      if (limit !== undefined && limit !== Infinity && !(Number.isInteger(limit) && limit >= 0)) {
        throw new RangeError(`A list limit is a non-negative integer, not ${limit}`);
      }
      const params: unknown[] = [collection];
      const where = ['collection = $1'];
      const bind = (value: unknown) => `$${params.push(value)}`;
      if (prefix !== '') {
        const lower = encodeKey(prefix);
        where.push(`key >= ${bind(lower)}::bytea`);
        const upper = prefixUpperBound(lower);
        if (upper) where.push(`key < ${bind(upper)}::bytea`);
      }
      if (after !== undefined) where.push(`key > ${bind(encodeKey(after))}::bytea`);
      const bounded = limit !== undefined && limit !== Infinity ? ` LIMIT ${bind(limit)}` : '';
      const { rows } = await sql.query<{ key: Uint8Array; value: string }>(
        `SELECT key, value FROM ${tables.records} WHERE ${where.join(' AND ')} ORDER BY key ${reverse ? 'DESC' : 'ASC'}${bounded}`,
        params,
      );
      return rows.map((row): StoreEntry<T> => ({ key: decodeKey(row.key), value: JSON.parse(row.value) as T }));
    },

    async put(collection: string, key: string, value: StoreRecord) {
      const { unique = [] } = assertCollection(schema, collection);
      const json = recordToJson(`${collection}[${JSON.stringify(key)}]`, value);
      const encodedKey = encodeKey(key);
      const claims: { field: string; value: string | number }[] = [];
      for (const field of unique) {
        const wanted = uniqueValue(collection, field, value);
        if (wanted !== undefined) claims.push({ field, value: wanted });
      }
      // Checked before anything is written, so a refused put changes nothing and the transaction
      // stays usable (a violated constraint would abort it). A concurrent owner this transaction
      // cannot see makes the insert below fail instead, and the retry sees it here.
      for (const claim of claims) {
        const { rows } = await sql.query<{ key: Uint8Array }>(`SELECT key FROM ${tables.unique} WHERE collection = $1 AND field = $2 AND value = $3`, [
          collection,
          claim.field,
          uniqueText(claim.value),
        ]);
        if (rows[0] && decodeKey(rows[0].key) !== key) throw new StoreConstraintError(collection, claim.field, claim.value);
      }
      if (unique.length > 0) {
        await sql.query(`DELETE FROM ${tables.unique} WHERE collection = $1 AND key = $2::bytea`, [collection, encodedKey]);
        for (const claim of claims) {
          await sql.query(`INSERT INTO ${tables.unique} (collection, field, value, key) VALUES ($1, $2, $3, $4::bytea)`, [
            collection,
            claim.field,
            uniqueText(claim.value),
            encodedKey,
          ]);
        }
      }
      await sql.query(
        `INSERT INTO ${tables.records} (collection, key, value) VALUES ($1, $2::bytea, $3)
         ON CONFLICT (collection, key) DO UPDATE SET value = EXCLUDED.value`,
        [collection, encodedKey, json],
      );
    },

    async delete(collection: string, key: string) {
      const { unique = [] } = assertCollection(schema, collection);
      const encodedKey = encodeKey(key);
      await sql.query(`DELETE FROM ${tables.records} WHERE collection = $1 AND key = $2::bytea`, [collection, encodedKey]);
      if (unique.length > 0) await sql.query(`DELETE FROM ${tables.unique} WHERE collection = $1 AND key = $2::bytea`, [collection, encodedKey]);
    },
  };
}
