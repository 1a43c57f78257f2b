import { expect } from '@open-wc/testing';
import { createNavigationHandlers, createStorageHandlers } from '../../src/host/index.ts';
import type { HostScreenLink } from '../../src/protocol/index.ts';
import { createHarness } from '../backend/harness.ts';
import { FIXTURE_URL, openFixture, type OpenedApp } from '../helpers/frames.ts';

const outcome = (promise: Promise<unknown>) => promise.then((value) => ({ ok: true, value }), (error: { code?: string }) => ({ ok: false, code: error.code }));

describe('storage through the bridge, kept by the host backend', () => {
  let opened: OpenedApp;
  afterEach(() => opened?.dispose());

  it('keeps values per app and user, across launches, with __proto__ an ordinary key', async () => {
    const harness = await createHarness();
    const client = harness.client();
    await client.signInAs('+79990000001');
    const app = { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['storage' as const] };
    opened = await openFixture({ app, handlers: createStorageHandlers(client) });
    await opened.run('connect');
    await opened.run('api', { path: 'storage.set', args: ['cart', '{"items":2}'] });
    await opened.run('api', { path: 'storage.set', args: ['__proto__', 'plain'] });
    await opened.dispose();

    opened = await openFixture({ app, handlers: createStorageHandlers(client) });
    await opened.run('connect');
    expect(await opened.run('api', { path: 'storage.get', args: ['cart'] })).to.equal('{"items":2}');
    expect(await opened.run('api', { path: 'storage.getMany', args: [['cart', 'missing', '__proto__']] })).to.deep.equal({ cart: '{"items":2}', missing: null, ['__proto__']: 'plain' });
    expect((await opened.run<string[]>('api', { path: 'storage.keys' })).sort()).to.deep.equal(['__proto__', 'cart']);
    await opened.run('api', { path: 'storage.remove', args: ['cart'] });
    expect(await opened.run('api', { path: 'storage.get', args: ['cart'] })).to.equal(null);

    // Another user of the same app sees nothing of it.
    const other = harness.client();
    await other.signInAs('+79990000002');
    expect((await other.storageKeys('bakery')).keys).to.deep.equal([]);
  });

  it('refuses the 1,025th key with a typed error and still overwrites an existing one', async function () {
    this.timeout(60_000);
    const harness = await createHarness();
    const client = harness.client();
    await client.signInAs('+79990000001');
    for (let index = 0; index < 1024; index++) await client.storageSet('bakery', `k${index}`, 'v');
    opened = await openFixture({ app: { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['storage'] }, handlers: createStorageHandlers(client) });
    await opened.run('connect');
    expect(await outcome(opened.run('api', { path: 'storage.set', args: ['one-too-many', 'v'] }))).to.deep.equal({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await outcome(opened.run('api', { path: 'storage.set', args: ['k0', 'new'] }))).to.deep.equal({ ok: true, value: undefined });
  });

  it('answers UNAUTHORIZED once the user has signed out', async () => {
    const harness = await createHarness();
    const client = harness.client();
    await client.signInAs('+79990000001');
    opened = await openFixture({ app: { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['storage'] }, handlers: createStorageHandlers(client) });
    await opened.run('connect');
    await client.signOut();
    expect(await outcome(opened.run('api', { path: 'storage.keys' }))).to.deep.equal({ ok: false, code: 'UNAUTHORIZED' });
  });
});

describe('navigation to host screens', () => {
  it('opens an available screen and refuses one this user cannot see, opening nothing', async () => {
    const opens: HostScreenLink[] = [];
    const opened = await openFixture({
      app: { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['navigation'] },
      handlers: createNavigationHandlers({ openScreen: (link) => void opens.push(link), isAvailable: (link) => link.screen !== 'bills' }),
    });
    try {
      await opened.run('connect');
      await opened.run('api', { path: 'navigation.open', args: [{ screen: 'event', id: 'e-42' }] });
      expect(await outcome(opened.run('api', { path: 'navigation.open', args: [{ screen: 'bills' }] }))).to.deep.equal({ ok: false, code: 'PERMISSION_DENIED' });
      expect(await outcome(opened.run('api', { path: 'navigation.open', args: [{ screen: 'nowhere' }] }))).to.deep.equal({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(opens).to.deep.equal([{ screen: 'event', id: 'e-42' }]);
    } finally {
      await opened.dispose();
    }
  });
});
