/// <reference types="node" />
/**
 * The SQL store's engine on PGlite (PostgreSQL compiled to WebAssembly) in a data folder: nothing
 * to install, one process. PGlite has a single connection, so its transactions run one at a time;
 * that is the embedded default, not the way to scale out (use PostgreSQL for that).
 */
import { PGlite } from '@electric-sql/pglite';
import type { SqlEngine, SqlQueryable } from '../backend/sql/engine.ts';

export interface PgliteEngine extends SqlEngine {
  readonly db: PGlite;
}

/** Opens (or creates) the database in `dataDir`; in memory when none is given. */
export async function createPgliteEngine(options: { dataDir?: string } = {}): Promise<PgliteEngine> {
  const db = await PGlite.create(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const queryable = (target: Pick<PGlite, 'query'>): SqlQueryable => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(text, params as unknown[]);
      return { rows: result.rows };
    },
  });
  return {
    name: 'pglite',
    db,
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    close: () => db.close(),
  };
}
