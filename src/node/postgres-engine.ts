/// <reference types="node" />
/** The SQL store's engine on PostgreSQL, through a `pg` connection pool. */
import pg from 'pg';
import type { SqlEngine, SqlQueryable } from '../backend/sql/engine.ts';

export interface PostgresEngine extends SqlEngine {
  readonly pool: pg.Pool;
}

export interface PostgresEngineOptions {
  /** `postgres://user:password@host:port/database` */
  connectionString: string;
  /** Connections in the pool (10 by default). */
  poolSize?: number;
  /** Told of errors of idle connections (a restarted database); the pool replaces them. */
  onIdleError?: (error: Error) => void;
}

export function createPostgresEngine(options: PostgresEngineOptions): PostgresEngine {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  // Without a listener an idle connection's error would end the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  const queryable = (client: pg.Pool | pg.PoolClient): SqlQueryable => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return { rows: result.rows as R[] };
    },
  });
  return {
    name: 'postgresql',
    pool,
    ...queryable(pool),
    async transaction(fn, { isolation = 'serializable' } = {}) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(isolation === 'serializable' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN ISOLATION LEVEL READ COMMITTED');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        // A connection that could not roll back is closed rather than handed to the next caller.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
