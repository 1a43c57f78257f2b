/// <reference types="node" />
/**
 * The databases the SQL tests run on: PGlite in memory, and the PostgreSQL that the test command
 * starts (scripts/test.mjs, scripts/postgres-cluster.mjs) and names in MINIAPPS_TEST_DATABASE_URL.
 * Without that URL the PostgreSQL tests fail and say so: they never skip.
 */
import { createPgliteEngine, type PgliteEngine } from '../../src/node/pglite-engine.ts';
import { createPostgresEngine, type PostgresEngine } from '../../src/node/postgres-engine.ts';

export const TEST_DATABASE_URL_VARIABLE = 'MINIAPPS_TEST_DATABASE_URL';

/** The test PostgreSQL's URL, or an error that says how to get one. */
export function testDatabaseUrl(): string {
  const url = process.env[TEST_DATABASE_URL_VARIABLE];
  if (!url) {
    throw new Error(
      `${TEST_DATABASE_URL_VARIABLE} is not set, so the PostgreSQL tests cannot run. ` +
        '`npm test` starts a throwaway PostgreSQL (needs `apt-get install -y postgresql`); ' +
        `or start one with \`node scripts/postgres-cluster.mjs\` and export ${TEST_DATABASE_URL_VARIABLE}=<its URL>.`,
    );
  }
  return url;
}

export function openTestPostgres(poolSize = 30): PostgresEngine {
  return createPostgresEngine({ connectionString: testDatabaseUrl(), poolSize });
}

export function openTestPglite(): Promise<PgliteEngine> {
  return createPgliteEngine();
}

let schemas = 0;
/** A fresh SQL schema name, so every test gets empty tables in a shared database. */
export function freshSchema(label: string): string {
  return `t_${label}_${process.pid}_${Date.now().toString(36)}_${++schemas}`;
}
