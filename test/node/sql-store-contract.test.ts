import { openSqlStore } from '../../src/backend/sql/sql-store.ts';
import type { SqlEngine } from '../../src/backend/sql/engine.ts';
import { storeContract } from '../backend/store-contract.ts';
import { freshSchema, openTestPglite, openTestPostgres } from './sql-test-databases.ts';

for (const [adapter, openEngine] of [
  ['SQL on PGlite', openTestPglite],
  ['SQL on PostgreSQL', async () => openTestPostgres()],
] as const) {
  describe(`the SQL store on ${adapter.slice(7)}`, () => {
    let engine: SqlEngine | undefined;
    before(async function () {
      this.timeout(60_000);
      engine = await openEngine();
    });
    after(async () => {
      await engine?.close();
    });
    storeContract(adapter, (schema) => openSqlStore(engine!, schema, { schema: freshSchema('contract') }));
  });
}
