import { expect } from 'chai';
import { sequenceKey, StoreConstraintError, type Store, type StoreSchema } from '../../src/backend/index.ts';

/** The schema every adapter is tested with. */
export const CONTRACT_SCHEMA: StoreSchema = {
  people: { unique: ['email'] },
  notes: {},
  log: {},
};

async function rejection(attempt: Promise<unknown>): Promise<unknown> {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * The rules of `Store` (src/backend/store.ts) as tests. Every adapter runs them, so they cannot
 * drift apart. `open` makes an empty store each time.
 */
export function storeContract(adapter: string, open: (schema: StoreSchema) => Promise<Store>): void {
  describe(`Store contract: ${adapter}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open(CONTRACT_SCHEMA);
    });

    it('returns what was put, as a copy', async () => {
      const value = { name: 'Anna', tags: ['a'], nested: { n: 1 } };
      await store.put('notes', 'k1', value);
      value.tags.push('changed');
      const read = await store.get<typeof value>('notes', 'k1');
      expect(read).to.deep.equal({ name: 'Anna', tags: ['a'], nested: { n: 1 } });
      read!.nested.n = 2;
      expect((await store.get<typeof value>('notes', 'k1'))!.nested.n).to.equal(1);
    });

    it('answers undefined for a missing key, and keeps collections apart', async () => {
      await store.put('notes', 'same', { from: 'notes' });
      expect(await store.get('notes', 'missing')).to.equal(undefined);
      expect(await store.get('people', 'same')).to.equal(undefined);
    });

    it('replaces a record put again under the same key', async () => {
      await store.put('notes', 'k', { v: 1 });
      await store.put('notes', 'k', { v: 2 });
      expect(await store.get('notes', 'k')).to.deep.equal({ v: 2 });
      expect(await store.list('notes')).to.have.length(1);
    });

    it('deletes, and deleting a missing key is harmless', async () => {
      await store.put('notes', 'k', { v: 1 });
      await store.delete('notes', 'k');
      await store.delete('notes', 'never');
      expect(await store.get('notes', 'k')).to.equal(undefined);
    });

    it('lists by key in code-unit order, whatever the insertion order', async () => {
      for (const key of ['b', 'a/2', 'B', 'a/10', 'a', 'é', 'a/1', '~']) await store.put('notes', key, { key });
      const keys = (await store.list('notes')).map((entry) => entry.key);
      expect(keys).to.deep.equal(['B', 'a', 'a/1', 'a/10', 'a/2', 'b', '~', 'é']);
    });

    it('lists by prefix, in reverse and with a limit', async () => {
      for (const key of ['app1/u3', 'app2/u1', 'app1/u1', 'app1/u2', 'app']) await store.put('notes', key, { key });
      const byPrefix = await store.list<{ key: string }>('notes', { prefix: 'app1/' });
      expect(byPrefix.map((entry) => entry.key)).to.deep.equal(['app1/u1', 'app1/u2', 'app1/u3']);
      expect(byPrefix[0]!.value).to.deep.equal({ key: 'app1/u1' });
      const latest = await store.list('notes', { prefix: 'app1/', reverse: true, limit: 2 });
      expect(latest.map((entry) => entry.key)).to.deep.equal(['app1/u3', 'app1/u2']);
      expect(await store.list('notes', { prefix: 'zzz' })).to.deep.equal([]);
    });

    it('lists every key of a prefix, also those with U+FFFF right after it', async () => {
      for (const key of ['a/\uffff\uffff', 'a/\uffff', 'a/z', 'a0', 'a/\ud83d\udd11']) await store.put('notes', key, { key });
      const keys = async (options: Parameters<Store['list']>[1]) => (await store.list('notes', options)).map((entry) => entry.key);
      expect(await keys({ prefix: 'a/' })).to.deep.equal(['a/z', 'a/\ud83d\udd11', 'a/\uffff', 'a/\uffff\uffff']);
      expect(await keys({ prefix: 'a/', reverse: true, limit: 2 })).to.deep.equal(['a/\uffff\uffff', 'a/\uffff']);
      expect(await keys({ prefix: 'a/\uffff' })).to.deep.equal(['a/\uffff', 'a/\uffff\uffff']);
      expect(await keys({ prefix: 'a/', after: 'a/\uffff' })).to.deep.equal(['a/\uffff\uffff']);
    });

    it('lists only keys after `after` (exclusive), combined with prefix, reverse and limit', async () => {
      for (const key of ['a/1', 'a/2', 'a/3', 'a/4', 'b/1', 'a']) await store.put('notes', key, { key });
      const keys = async (options: Parameters<Store['list']>[1]) => (await store.list('notes', options)).map((entry) => entry.key);
      expect(await keys({ after: 'a/2' })).to.deep.equal(['a/3', 'a/4', 'b/1']);
      expect(await keys({ prefix: 'a/', after: 'a/2' })).to.deep.equal(['a/3', 'a/4']);
      expect(await keys({ prefix: 'a/', after: 'a/2', limit: 1 })).to.deep.equal(['a/3']);
      expect(await keys({ prefix: 'a/', after: 'a/2', reverse: true })).to.deep.equal(['a/4', 'a/3']);
      expect(await keys({ prefix: 'a/', after: 'a/25' })).to.deep.equal(['a/3', 'a/4']);
      expect(await keys({ prefix: 'a/', after: 'a/4' })).to.deep.equal([]);
      expect(await keys({ prefix: 'b/', after: 'a/9' })).to.deep.equal(['b/1']);
      expect(await keys({ prefix: 'a/', after: 'z' })).to.deep.equal([]);
      expect(await keys({ prefix: 'a/', after: '' })).to.deep.equal(['a/1', 'a/2', 'a/3', 'a/4']);
    });

    it('sees its own writes through `after` inside a transaction', async () => {
      await store.put('notes', 'a/1', { v: 1 });
      await store.put('notes', 'a/3', { v: 3 });
      const keys = await store.transaction(async (tx) => {
        await tx.put('notes', 'a/2', { v: 2 });
        await tx.put('notes', 'a/4', { v: 4 });
        await tx.delete('notes', 'a/3');
        return (await tx.list('notes', { prefix: 'a/', after: 'a/1' })).map((entry) => entry.key);
      });
      expect(keys).to.deep.equal(['a/2', 'a/4']);
    });

    it('orders sequence keys as numbers', async () => {
      const numbers = [10, 9, 0, 2 ** 40, 100, 1, Number.MAX_SAFE_INTEGER, 99];
      for (const n of numbers) await store.put('log', sequenceKey(n), { n });
      const listed = (await store.list<{ n: number }>('log')).map((entry) => entry.value.n);
      expect(listed).to.deep.equal([...numbers].sort((a, b) => a - b));
      const after = await store.list<{ n: number }>('log', { after: sequenceKey(10), limit: 2 });
      expect(after.map((entry) => entry.value.n)).to.deep.equal([99, 100]);
      expect(() => sequenceKey(-1)).to.throw(RangeError);
      expect(() => sequenceKey(1.5)).to.throw(RangeError);
      expect(() => sequenceKey(2 ** 53)).to.throw(RangeError);
    });

    it('runs afterCommit callbacks once the writes are visible, and never for a rolled-back transaction', async () => {
      const seen: unknown[] = [];
      let resolvedBeforeCallback = false;
      const done = store.transaction(async (tx) => {
        await tx.put('notes', 'k', { v: 1 });
        tx.afterCommit(() => {
          seen.push('first');
          void store.get('notes', 'k').then((value) => seen.push(value));
        });
        tx.afterCommit(() => seen.push('second'));
        expect(seen).to.deep.equal([]);
      });
      void done.then(() => (resolvedBeforeCallback = seen.length === 0));
      await done;
      expect(resolvedBeforeCallback).to.equal(false);
      expect(seen.slice(0, 2)).to.deep.equal(['first', 'second']);
      await store.get('notes', 'k');
      expect(seen[2]).to.deep.equal({ v: 1 });

      await rejection(
        store.transaction(async (tx) => {
          await tx.put('notes', 'k', { v: 2 });
          tx.afterCommit(() => seen.push('rolled back'));
          throw new Error('no');
        }),
      );
      expect(seen).to.not.include('rolled back');
    });

    it('hands out counter numbers once each, with no gaps, visible in commit order', async () => {
      const committed: number[] = [];
      const visibleAtCommit: number[][] = [];
      const append = (index: number) =>
        store.transaction(async (tx) => {
          const counter = (await tx.get<{ last: number }>('notes', 'counter'))?.last ?? 0;
          const n = counter + 1;
          await tx.put('log', sequenceKey(n), { n, index });
          await new Promise((resolve) => setTimeout(resolve, index % 3));
          if (index === 7) throw new Error('rolled back: its number goes to the next writer');
          await tx.put('notes', 'counter', { last: n });
          tx.afterCommit(() => {
            committed.push(n);
            void store.list<{ n: number }>('log').then((entries) => visibleAtCommit.push(entries.map((entry) => entry.value.n)));
          });
          return n;
        });
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => append(index)));
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).to.have.length(1);
      const numbers = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      const expected = Array.from({ length: 19 }, (_, index) => index + 1);
      // Each number once, none missing; which caller got which follows commit order, and an adapter
      // whose transactions overlap (SQL at SERIALIZABLE) need not commit them in call order.
      expect([...numbers].sort((a, b) => a - b)).to.deep.equal(expected);
      expect(committed).to.deep.equal(expected);
      expect((await store.list<{ n: number }>('log')).map((entry) => entry.value.n)).to.deep.equal(expected);
      await store.get('log', sequenceKey(1));
      // Whatever a reader saw at any commit was a gap-free run from 1: no later number showed up early.
      for (const seen of visibleAtCommit) expect(seen).to.deep.equal(expected.slice(0, seen.length));
    });

    it('refuses a second record with the same unique value and keeps the first', async () => {
      await store.put('people', 'p1', { email: 'a@x', name: 'A' });
      const error = await rejection(store.put('people', 'p2', { email: 'a@x', name: 'B' }));
      expect(error).to.be.instanceOf(StoreConstraintError);
      expect(error).to.include({ collection: 'people', field: 'email', value: 'a@x' });
      expect(await store.get('people', 'p2')).to.equal(undefined);
      expect(await store.get('people', 'p1')).to.deep.equal({ email: 'a@x', name: 'A' });
    });

    it('lets a record keep its own unique value, and frees values that are changed or deleted', async () => {
      await store.put('people', 'p1', { email: 'a@x', name: 'A' });
      await store.put('people', 'p1', { email: 'a@x', name: 'A2' });
      await store.put('people', 'p1', { email: 'b@x' });
      await store.put('people', 'p2', { email: 'a@x' });
      await store.delete('people', 'p1');
      await store.put('people', 'p3', { email: 'b@x' });
      expect((await store.list('people')).map((entry) => entry.key)).to.deep.equal(['p2', 'p3']);
    });

    it('does not count records without the unique field', async () => {
      await store.put('people', 'p1', { name: 'no email' });
      await store.put('people', 'p2', { name: 'none either' });
      expect(await store.list('people')).to.have.length(2);
    });

    it('finds a record by a unique field, and only by a unique field', async () => {
      await store.put('people', 'p1', { email: 'a@x' });
      expect(await store.findUnique('people', 'email', 'a@x')).to.deep.equal({ key: 'p1', value: { email: 'a@x' } });
      expect(await store.findUnique('people', 'email', 'nobody@x')).to.equal(undefined);
      expect(await rejection(store.findUnique('people', 'name', 'A'))).to.be.instanceOf(Error);
    });

    it('refuses a collection the schema does not declare', async () => {
      expect(await rejection(store.put('ghosts', 'k', {}))).to.be.instanceOf(Error);
      expect(await rejection(store.get('ghosts', 'k'))).to.be.instanceOf(Error);
    });

    it('commits all the writes of a transaction, which sees its own writes', async () => {
      await store.put('notes', 'gone', { v: 0 });
      const seen = await store.transaction(async (tx) => {
        await tx.put('notes', 'a', { v: 1 });
        await tx.put('people', 'p', { email: 'p@x' });
        await tx.delete('notes', 'gone');
        return {
          a: await tx.get('notes', 'a'),
          keys: (await tx.list('notes')).map((entry) => entry.key),
          found: await tx.findUnique('people', 'email', 'p@x'),
        };
      });
      expect(seen).to.deep.equal({ a: { v: 1 }, keys: ['a'], found: { key: 'p', value: { email: 'p@x' } } });
      expect(await store.get('notes', 'a')).to.deep.equal({ v: 1 });
      expect(await store.get('notes', 'gone')).to.equal(undefined);
      expect(await store.get('people', 'p')).to.deep.equal({ email: 'p@x' });
    });

    it('rolls back every write when the transaction throws, and rethrows', async () => {
      await store.put('notes', 'keep', { v: 1 });
      const error = await rejection(
        store.transaction(async (tx) => {
          await tx.put('notes', 'keep', { v: 2 });
          await tx.put('notes', 'new', { v: 3 });
          await tx.delete('notes', 'keep');
          await tx.put('people', 'p', { email: 'p@x' });
          throw new Error('changed my mind');
        }),
      );
      expect((error as Error).message).to.equal('changed my mind');
      expect(await store.get('notes', 'keep')).to.deep.equal({ v: 1 });
      expect(await store.get('notes', 'new')).to.equal(undefined);
      expect(await store.findUnique('people', 'email', 'p@x')).to.equal(undefined);
    });

    it('rolls back a transaction that breaks a unique constraint', async () => {
      await store.put('people', 'p1', { email: 'a@x' });
      const error = await rejection(
        store.transaction(async (tx) => {
          await tx.put('notes', 'side-effect', { v: 1 });
          await tx.put('people', 'p2', { email: 'a@x' });
        }),
      );
      expect(error).to.be.instanceOf(StoreConstraintError);
      expect(await store.get('notes', 'side-effect')).to.equal(undefined);
      expect(await store.get('people', 'p2')).to.equal(undefined);
    });

    it('checks unique values against writes made earlier in the same transaction', async () => {
      const error = await rejection(
        store.transaction(async (tx) => {
          await tx.put('people', 'p1', { email: 'a@x' });
          await tx.put('people', 'p2', { email: 'a@x' });
        }),
      );
      expect(error).to.be.instanceOf(StoreConstraintError);
      expect(await store.list('people')).to.deep.equal([]);
      await store.transaction(async (tx) => {
        await tx.put('people', 'p1', { email: 'a@x' });
        await tx.put('people', 'p1', { email: 'b@x' });
        await tx.put('people', 'p2', { email: 'a@x' });
      });
      expect(await store.findUnique('people', 'email', 'a@x')).to.deep.equal({ key: 'p2', value: { email: 'a@x' } });
    });

    it('hands a stored unique value from one record to another in one transaction, with many records', async () => {
      await store.put('people', 'p1', { email: 'a@x' });
      await store.put('people', 'p2', { email: 'b@x' });
      await store.transaction(async (tx) => {
        await tx.put('people', 'p1', { email: 'c@x' });
        await tx.put('people', 'p2', { email: 'a@x' });
        await tx.delete('people', 'p2-old');
        for (let index = 0; index < 40; index++) await tx.put('people', `q${index}`, { email: `q${index}@x` });
        await tx.put('notes', 'n1', { text: 'beside them' });
      });
      expect(await store.findUnique('people', 'email', 'a@x')).to.deep.equal({ key: 'p2', value: { email: 'a@x' } });
      expect(await store.findUnique('people', 'email', 'c@x')).to.deep.equal({ key: 'p1', value: { email: 'c@x' } });
      expect(await store.findUnique('people', 'email', 'b@x'), 'the value p2 gave up is free').to.equal(undefined);
      expect(await store.findUnique('people', 'email', 'q39@x')).to.deep.equal({ key: 'q39', value: { email: 'q39@x' } });
      await store.put('people', 'p3', { email: 'b@x' });
      expect(await rejection(store.put('people', 'p4', { email: 'q7@x' }))).to.be.instanceOf(StoreConstraintError);
      expect(await store.list('people')).to.have.length(43);
      expect(await store.get('notes', 'n1')).to.deep.equal({ text: 'beside them' });
    });

    it('runs transactions one at a time, so concurrent read-modify-writes lose nothing', async () => {
      await store.put('notes', 'counter', { n: 0 });
      const increment = () =>
        store.transaction(async (tx) => {
          const { n } = (await tx.get<{ n: number }>('notes', 'counter'))!;
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.put('notes', 'counter', { n: n + 1 });
        });
      await Promise.all(Array.from({ length: 5 }, increment));
      expect(await store.get('notes', 'counter')).to.deep.equal({ n: 5 });
    });

    it('keeps working after a failed transaction', async () => {
      await rejection(store.transaction(async () => Promise.reject(new Error('boom'))));
      await store.put('notes', 'after', { ok: true });
      expect(await store.get('notes', 'after')).to.deep.equal({ ok: true });
    });
  });
}
