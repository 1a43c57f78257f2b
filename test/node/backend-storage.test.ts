import { expect } from 'chai';
import { LIMITS } from '../../src/protocol/index.ts';
import { SEED_APPS, SEED_USERS, type Store } from '../../src/backend/index.ts';
import { createHarness, expectBackendError, expectErrorBody, type Harness, type SessionClient } from '../backend/harness.ts';

const [anna, ivan] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;
const fitness = SEED_APPS.find((app) => app.id === 'fitness')!;

/** Writes `count` keys for the user and app in one transaction, as the routes would. */
async function fill(store: Store, appId: string, userId: string, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) await tx.put('appStorage', `${appId}/${userId}/key-${String(i).padStart(4, '0')}`, { value: String(i) });
    await tx.put('appStorageUsage', `${appId}/${userId}`, { keys: count });
  });
}

describe('backend: storage per app and user', () => {
  let h: Harness;
  let client: SessionClient;
  beforeEach(async () => {
    h = await createHarness();
    client = h.client();
    await client.signInAs(anna.phone);
  });

  it('sets, gets many (null for missing), lists and removes keys', async () => {
    await client.storageSet(bakery.id, 'cart', '["croissant"]');
    await client.storageSet(bakery.id, 'address', 'Flat 12');
    await client.storageSet(bakery.id, 'cart', '["croissant","baguette"]');
    expect(await client.storageGet(bakery.id, ['cart', 'address', 'missing'])).to.deep.equal({
      values: { cart: '["croissant","baguette"]', address: 'Flat 12', missing: null },
    });
    expect(await client.storageKeys(bakery.id)).to.deep.equal({ keys: ['address', 'cart'] });
    await client.storageRemove(bakery.id, ['cart', 'missing', 'cart']);
    expect(await client.storageKeys(bakery.id)).to.deep.equal({ keys: ['address'] });
    expect(await h.store.get('appStorageUsage', `${bakery.id}/${anna.id}`)).to.deep.equal({ keys: 1 });
    await client.storageRemove(bakery.id, ['address']);
    expect(await client.storageKeys(bakery.id)).to.deep.equal({ keys: [] });
  });

  it('keeps keys of any characters, `__proto__` and `/` included, as plain keys', async () => {
    const keys = ['__proto__', 'constructor', 'a/b', '../x', 'ключ', '🔑', ' '];
    for (const key of keys) await client.storageSet(bakery.id, key, `value of ${key}`);
    const { values } = await client.storageGet(bakery.id, keys);
    expect(Object.getPrototypeOf(values)).to.equal(Object.prototype);
    for (const key of keys) expect(Object.getOwnPropertyDescriptor(values, key)?.value).to.equal(`value of ${key}`);
    expect((await client.storageKeys(bakery.id)).keys).to.have.members(keys);
  });

  it('keeps each app and user apart: another user sees none of the keys', async () => {
    await client.storageSet(bakery.id, 'secret', 'anna');
    const other = h.client();
    await other.signInAs(ivan.phone);
    expect(await other.storageGet(bakery.id, ['secret'])).to.deep.equal({ values: { secret: null } });
    expect(await other.storageKeys(bakery.id)).to.deep.equal({ keys: [] });
    await other.storageRemove(bakery.id, ['secret']);
    expect(await client.storageGet(bakery.id, ['secret'])).to.deep.equal({ values: { secret: 'anna' } });
    expect(await client.storageKeys(fitness.id)).to.deep.equal({ keys: [] });
  });

  describe('limits', () => {
    it(`takes ${LIMITS.storage.keys} keys and refuses the next new one with 409 STORAGE_FULL`, async () => {
      for (let i = 0; i < LIMITS.storage.keys; i++) await client.storageSet(bakery.id, `key-${i}`, 'v');
      const error = await expectBackendError(client.storageSet(bakery.id, 'one-too-many', 'v'), 'STORAGE_FULL', 409);
      expect(error.details).to.deep.equal({ maxKeys: 1024 });
      expect((await client.storageKeys(bakery.id)).keys).to.have.length(1024);
      // Overwriting at the limit is fine; removing one makes room for one.
      await client.storageSet(bakery.id, 'key-0', 'changed');
      await client.storageRemove(bakery.id, ['key-1']);
      await client.storageSet(bakery.id, 'one-too-many', 'v');
      await expectBackendError(client.storageSet(bakery.id, 'and-another', 'v'), 'STORAGE_FULL', 409);
      // The limit is per app and user.
      await client.storageSet(fitness.id, 'key-0', 'v');
    });

    it('lets only as many concurrent new keys in as there is room for', async () => {
      await fill(h.store, bakery.id, anna.id, 1020);
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => client.storageSet(bakery.id, `new-${i}`, 'v')));
      expect(results.filter((result) => result.status === 'fulfilled')).to.have.length(4);
      expect((await client.storageKeys(bakery.id)).keys).to.have.length(1024);
      expect(await h.store.get('appStorageUsage', `${bakery.id}/${anna.id}`)).to.deep.equal({ keys: 1024 });
    });

    it('takes a 128-character key and a 4,096-character value, and nothing longer (400 naming the field)', async () => {
      await client.storageSet(bakery.id, 'k'.repeat(128), 'v'.repeat(4096));
      const token = client.session.token!;
      for (const [body, path] of [
        [{ key: 'k'.repeat(129), value: 'v' }, 'key'],
        [{ key: 'k', value: 'v'.repeat(4097) }, 'value'],
        [{ key: '', value: 'v' }, 'key'],
        [{ key: 'k', value: 42 }, 'value'],
        [{ key: 'k' }, 'value'],
        [{ key: 'k', value: 'v', ttl: 1 }, 'ttl'],
      ] as const) {
        const error = await expectErrorBody(await h.request('PUT', `/apps/${bakery.id}/storage`, { body, token }), 400, 'INVALID_REQUEST');
        expect((error.details as { issues: { path: string }[] }).issues[0]!.path, JSON.stringify(body).slice(0, 40)).to.equal(path);
      }
      expect((await client.storageKeys(bakery.id)).keys).to.deep.equal(['k'.repeat(128)]);
    });

    it('reads and removes at most 100 keys a request, and refuses bad key lists', async () => {
      const token = client.session.token!;
      for (const [path, body] of [
        ['/storage/get', { keys: Array.from({ length: 101 }, (_, i) => `k${i}`) }],
        ['/storage/get', { keys: [] }],
        ['/storage/get', { keys: 'cart' }],
        ['/storage/remove', { keys: ['k'.repeat(129)] }],
        ['/storage/remove', { keys: [1] }],
      ] as const) {
        const error = await expectErrorBody(await h.request('POST', `/apps/${bakery.id}${path}`, { body, token }), 400, 'INVALID_REQUEST');
        expect((error.details as { issues: { path: string }[] }).issues[0]!.path).to.match(/^keys/);
      }
      expect(Object.keys((await client.storageGet(bakery.id, Array.from({ length: 100 }, (_, i) => `k${i}`))).values)).to.have.length(100);
    });

    it('refuses a hostile size unread (413) and writes nothing', async () => {
      const body = JSON.stringify({ key: 'k', value: 'v'.repeat(1_000_000) });
      await expectErrorBody(await h.request('PUT', `/apps/${bakery.id}/storage`, { rawBody: body, token: client.session.token! }), 413, 'PAYLOAD_TOO_LARGE');
      expect(await h.store.list('appStorage')).to.deep.equal([]);
    });
  });

  it('needs a session and a known app', async () => {
    const anonymous = h.client();
    await expectBackendError(anonymous.storageSet(bakery.id, 'k', 'v'), 'UNAUTHORIZED', 401);
    await expectBackendError(anonymous.storageGet(bakery.id, ['k']), 'UNAUTHORIZED', 401);
    await expectBackendError(anonymous.storageRemove(bakery.id, ['k']), 'UNAUTHORIZED', 401);
    await expectBackendError(anonymous.storageKeys(bakery.id), 'UNAUTHORIZED', 401);
    await expectBackendError(client.storageSet('ghost-app', 'k', 'v'), 'APP_NOT_FOUND', 404);
    await expectBackendError(client.storageKeys('ghost-app'), 'APP_NOT_FOUND', 404);
  });
});
