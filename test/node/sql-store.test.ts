/// <reference types="node" />
/** What the SQL store adds to the contract: its encodings, its refusals, retries, and many instances on one database. */
import { expect } from 'chai';
import fc from 'fast-check';
import { compareKeys, sequenceKey } from '../../src/backend/index.ts';
import type { SqlEngine } from '../../src/backend/sql/engine.ts';
import { decodeKey, encodeKey, prefixUpperBound } from '../../src/backend/sql/key-codec.ts';
import { migrate, MIGRATIONS, quoteSchema } from '../../src/backend/sql/migrations.ts';
import { createSqlStore, openSqlStore } from '../../src/backend/sql/sql-store.ts';
import { freshSchema, openTestPglite, openTestPostgres } from './sql-test-databases.ts';

const SCHEMA = { notes: {}, people: { unique: ['email'] }, log: {} };

async function rejection(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('SQL store keys', () => {
  it('encodes keys so that byte order is code-unit order, and decodes them exactly (lone surrogates too)', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const key = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''));
    const bytes = (a: Uint8Array, b: Uint8Array) => {
      for (let index = 0; index < Math.min(a.length, b.length); index++) if (a[index] !== b[index]) return a[index]! - b[index]!;
      return a.length - b.length;
    };
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(decodeKey(encodeKey(a))).to.equal(a);
        expect(Math.sign(bytes(encodeKey(a), encodeKey(b)))).to.equal(Math.sign(compareKeys(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('bounds a prefix from above by the least byte string past it', () => {
    expect([...prefixUpperBound(encodeKey('a/'))!]).to.deep.equal([0x00, 0x61, 0x00, 0x30]);
    expect([...prefixUpperBound(encodeKey('a\u00ff'))!]).to.deep.equal([0x00, 0x61, 0x01]);
    expect(prefixUpperBound(encodeKey('\uffff\uffff'))).to.equal(undefined);
    expect(prefixUpperBound(encodeKey(''))).to.equal(undefined);
    expect(() => decodeKey(new Uint8Array([0x00]))).to.throw(RangeError, /odd number of bytes/);
  });
});

for (const [engineName, openEngine] of [
  ['PGlite', openTestPglite],
  ['PostgreSQL', async () => openTestPostgres()],
] as const) {
  describe(`the SQL store on ${engineName}`, function () {
    this.timeout(60_000);
    let engine: SqlEngine | undefined;
    before(async () => {
      engine = await openEngine();
    });
    after(async () => {
      await engine?.close();
    });

    it('refuses a value JSON cannot hold, naming the field, and writes nothing', async () => {
      const store = await openSqlStore(engine!, SCHEMA, { schema: freshSchema('json') });
      const cases: [unknown, RegExp][] = [
        [{ at: new Date(0) }, /notes\["k"\]\.at is a Date/],
        [{ n: Number.NaN }, /notes\["k"\]\.n is NaN/],
        [{ list: [1, undefined] }, /notes\["k"\]\.list\[1\] is undefined/],
        [{ deep: { map: new Map() } }, /\.deep\.map is a Map/],
        [{ big: 1n }, /\.big is a bigint/],
      ];
      for (const [value, message] of cases) {
        expect((await rejection(store.put('notes', 'k', value as Record<string, unknown>))).message).to.match(message);
      }
      expect(await store.get('notes', 'k')).to.equal(undefined);
      await store.put('notes', 'k', { kept: 'yes', dropped: undefined, text: '\u0000\ud800\udc00\udfff' });
      expect(await store.get('notes', 'k')).to.deep.equal({ kept: 'yes', text: '\u0000\ud800\udc00\udfff' });
    });

    it('refuses a bad list limit and a bad schema name', async () => {
      const store = await openSqlStore(engine!, SCHEMA, { schema: freshSchema('limit') });
      expect((await rejection(store.list('notes', { limit: -1 }))).message).to.match(/non-negative integer/);
      expect((await rejection(store.list('notes', { limit: 1.5 }))).message).to.match(/non-negative integer/);
      expect(await store.list('notes', { limit: 0 })).to.deep.equal([]);
      expect(() => quoteSchema('Robert"); DROP TABLE x; --')).to.throw(RangeError);
    });

    it('migrates once: a second run applies nothing, and a database of a newer version is refused', async () => {
      const schema = freshSchema('migrate');
      expect(await migrate(engine!, schema)).to.deep.equal(MIGRATIONS.map((migration) => migration.version));
      expect(await migrate(engine!, schema)).to.deep.equal([]);
      await engine!.query(`INSERT INTO ${quoteSchema(schema)}.miniapps_migrations (version, description) VALUES (999, 'from the future')`);
      expect((await rejection(migrate(engine!, schema))).message).to.match(/migration 999, newer than this version of miniapps knows/);
    });

    it('fails a transaction whose statement failed even when fn caught the error, and commits none of it', async () => {
      const schema = freshSchema('aborted');
      await migrate(engine!, schema);
      // The database refuses one read (as it would after any failed statement, the transaction is then aborted).
      const refusal = Object.assign(new Error('invalid input syntax'), { code: '22P02' });
      const refusing: SqlEngine = {
        ...engine!,
        transaction: (fn, options) =>
          engine!.transaction(
            (sql) =>
              fn({
                query: (text, params) => (text.startsWith('SELECT value FROM') ? Promise.reject(refusal) : sql.query(text, params)),
              }),
            options,
          ),
      };
      const store = createSqlStore(refusing, SCHEMA, { schema });
      const error = await rejection(
        store.transaction(async (tx) => {
          await tx.put('notes', 'a', { v: 1 });
          await tx.get('notes', 'b').catch(() => undefined);
          return 'fn itself succeeded';
        }),
      );
      expect(error).to.equal(refusal);
      expect(await store.get('notes', 'a')).to.equal(undefined);
    });

    it('refuses to be used once its transaction has ended', async () => {
      const store = await openSqlStore(engine!, SCHEMA, { schema: freshSchema('ended') });
      let escaped: Parameters<Parameters<typeof store.transaction>[0]>[0] | undefined;
      await store.transaction(async (tx) => void (escaped = tx));
      expect((await rejection(escaped!.get('notes', 'a'))).message).to.match(/transaction has ended/);
    });
  });
}

describe('the SQL store on PostgreSQL, from several instances', function () {
  this.timeout(60_000);
  const engines: SqlEngine[] = [];
  after(async () => {
    await Promise.all(engines.map((engine) => engine.close()));
  });

  it('runs conflicting transactions side by side and again, losing no update and keeping the counter gap-free', async () => {
    const schema = freshSchema('instances');
    const conflicts: number[] = [];
    const stores = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const engine = openTestPostgres(10);
        engines.push(engine);
        return openSqlStore(engine, SCHEMA, { schema, onConflict: (attempt) => void conflicts.push(attempt) });
      }),
    );
    const committed: number[] = [];
    const runs = new Map<number, number>();
    const append = (index: number) =>
      stores[index % stores.length]!.transaction(async (tx) => {
        runs.set(index, (runs.get(index) ?? 0) + 1);
        const last = (await tx.get<{ last: number }>('notes', 'counter'))?.last ?? 0;
        await tx.put('log', sequenceKey(last + 1), { n: last + 1, index });
        await tx.put('notes', 'counter', { last: last + 1 });
        tx.afterCommit(() => void committed.push(last + 1));
        return last + 1;
      });
    const numbers = await Promise.all(Array.from({ length: 30 }, (_, index) => append(index)));
    const expected = Array.from({ length: 30 }, (_, index) => index + 1);
    expect([...numbers].sort((a, b) => a - b)).to.deep.equal(expected);
    expect(committed, 'afterCommit once per transaction, in commit order').to.deep.equal(expected);
    expect((await stores[0]!.list<{ n: number }>('log')).map((entry) => entry.value.n)).to.deep.equal(expected);
    expect(conflicts.length, 'the database made some of them run again').to.be.above(0);
    expect([...runs.values()].some((count) => count > 1)).to.equal(true);
  });

  it('gives up after maxAttempts conflicts in a row, saying so', async () => {
    const schema = freshSchema('give_up');
    const engine = openTestPostgres(5);
    engines.push(engine);
    await migrate(engine, schema);
    const stubborn = createSqlStore(engine, SCHEMA, { schema, maxAttempts: 1 });
    await stubborn.put('notes', 'hot', { n: 0 });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // One transaction reads `hot` and waits while another changes it: its write then conflicts.
    const slow = stubborn.transaction(async (tx) => {
      const { n } = (await tx.get<{ n: number }>('notes', 'hot'))!;
      entered();
      await held;
      await tx.put('notes', 'hot', { n: n + 100 });
    });
    await inside;
    await stubborn.put('notes', 'hot', { n: 1 });
    release();
    const error = await rejection(slow);
    expect(error.message).to.match(/conflicted with concurrent ones 1 time in a row; gave up/);
    expect((error.cause as { code?: string }).code).to.equal('40001');
    expect(await stubborn.get('notes', 'hot')).to.deep.equal({ n: 1 });
  });
});
