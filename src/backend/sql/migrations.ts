/**
 * The SQL store's tables, as numbered migrations. Collections are data (a column), so a domain that
 * adds collections to the schema needs no migration; only a change to these tables does.
 */
import type { SqlEngine } from './engine.ts';

export interface Migration {
  version: number;
  description: string;
  /** Statements, with `{schema}` standing for the quoted schema name. */
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'records by collection and key; the owners of unique values',
    statements: [
      // `key` is UTF-16BE (src/backend/sql/key-codec.ts), so byte order is the contract's key order.
      `CREATE TABLE {schema}.miniapps_records (
        collection text NOT NULL,
        key bytea NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (collection, key)
      )`,
      // One row per record and unique field: the primary key is what refuses a second owner.
      `CREATE TABLE {schema}.miniapps_unique (
        collection text NOT NULL,
        field text NOT NULL,
        value text NOT NULL,
        key bytea NOT NULL,
        PRIMARY KEY (collection, field, value)
      )`,
      `CREATE INDEX miniapps_unique_by_key ON {schema}.miniapps_unique (collection, key)`,
    ],
  },
];

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema name, checked and quoted for use in statements. */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(`A SQL schema name is 1–63 of a–z, 0–9 and _, not starting with a digit: ${JSON.stringify(schema)}`);
  }
  return `"${schema}"`;
}

/** Arbitrary, fixed: the advisory lock that lets one of several starting instances migrate at a time. */
const MIGRATION_LOCK = 7_305_541_118;

/**
 * Brings the tables up to the latest migration; returns the versions it applied. Instances that
 * start together take turns on an advisory lock, so each migration runs once.
 */
export async function migrate(engine: SqlEngine, schema = 'public'): Promise<number[]> {
  const quoted = quoteSchema(schema);
  return engine.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await sql.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await sql.query(`CREATE TABLE IF NOT EXISTS ${quoted}.miniapps_migrations (
      version integer PRIMARY KEY,
      description text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await sql.query<{ version: number }>(`SELECT version FROM ${quoted}.miniapps_migrations`);
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...MIGRATIONS.map((migration) => migration.version));
    const unknown = [...applied].filter((version) => version > newest);
    if (unknown.length) {
      throw new Error(`The database has migration ${Math.max(...unknown)}, newer than this version of miniapps knows (${newest}): upgrade miniapps`);
    }
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await sql.query(statement.replaceAll('{schema}', quoted));
      await sql.query(`INSERT INTO ${quoted}.miniapps_migrations (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
      done.push(migration.version);
    }
    return done;
  }, { isolation: 'read-committed' });
}
