/**
 * What the SQL store needs of a database: queries with `$1` parameters, and transactions. Two
 * engines implement it under Node (src/node/): PostgreSQL through `pg`, and PGlite in a folder.
 */
export interface SqlRows<R> {
  rows: R[];
}

export interface SqlQueryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlRows<R>>;
}

export interface SqlEngine extends SqlQueryable {
  /** `postgresql` or `pglite`: named in logs and errors. */
  readonly name: string;
  /**
   * Runs `fn` in one database transaction at an isolation level that is serializable (PostgreSQL:
   * `SERIALIZABLE`; PGlite has one connection, so its transactions run one at a time). Commits
   * when `fn` resolves, rolls back when it throws. The store retries on conflicts. Migrations ask
   * for `read-committed`: after waiting on a lock they must see what the lock's holder committed.
   */
  transaction<R>(fn: (queryable: SqlQueryable) => Promise<R>, options?: { isolation?: 'serializable' | 'read-committed' }): Promise<R>;
  close(): Promise<void>;
}

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE_STATES = new Set([
  // serialization_failure: a concurrent transaction changed what this one read.
  '40001',
  // deadlock_detected.
  '40P01',
  // unique_violation: only the store's unique-value table can raise it, after a concurrent insert
  // this transaction could not see; on the retry the store sees the winner and refuses cleanly.
  '23505',
]);

/** The SQLSTATE of a database error (both `pg` and PGlite put it in `code`). */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function isRetryableConflict(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && RETRYABLE_STATES.has(state);
}
