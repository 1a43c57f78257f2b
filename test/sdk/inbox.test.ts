import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { MiniAppHost, type MethodHandlers } from '../../src/host/index.ts';
import type { HostEvents, LaunchParams, MethodName, PushOpen } from '../../src/protocol/index.ts';
import { createInbox, goTo, type InboxItem } from '../../src/sdk/inbox.ts';
import type { MiniApp } from '../../src/sdk/index.ts';
import { APP_ORIGIN, openFixture, type OpenedApp } from '../helpers/frames.ts';

const PUSH_APP_URL = `${APP_ORIGIN}/test/fixtures/push-app.html`;

const push = (n: number, extra: Partial<PushOpen> = {}): PushOpen => ({
  id: `p${n}`,
  title: `Title ${n}`,
  body: `Body ${n}`,
  sentAt: new Date(Date.UTC(2025, 0, 1, 9, 0, n)).toISOString(),
  ...extra,
});

/** A connected app as the inbox sees it: its launch, push-open events, and the host's storage in a map. */
function fakeApp(options: { launchPush?: PushOpen; storage?: Map<string, string>; failStorage?: boolean } = {}) {
  const listeners = new Set<(data: PushOpen) => void>();
  const storage = options.storage;
  const fail = () => Promise.reject(Object.assign(new Error('the host is away'), { code: 'INTERNAL' }));
  const app = {
    launch: { route: '/', anchor: '', ...(options.launchPush && { push: options.launchPush }) } as LaunchParams,
    supports: (method: MethodName) => storage !== undefined && method.startsWith('storage.'),
    on: (event: string, listener: (data: PushOpen) => void) => {
      if (event === 'push-open') listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    storage: {
      keys: async () => (options.failStorage ? fail() : [...storage!.keys()]),
      getMany: async (keys: string[]) => Object.fromEntries(keys.map((key) => [key, storage!.get(key) ?? null])),
      set: async (key: string, value: string) => {
        if (options.failStorage) return fail();
        storage!.set(key, value);
      },
      remove: async (...keys: string[]) => void keys.forEach((key) => storage!.delete(key)),
    },
  } as unknown as MiniApp;
  return { app, open: (data: HostEvents['push-open']) => listeners.forEach((listener) => listener(data)), listeners };
}

const ids = (items: readonly InboxItem[]) => items.map((item) => item.id);

describe('the SDK’s inbox (miniapps/sdk/inbox)', () => {
  it('keeps the push that launched the app and those tapped while it runs, newest first, read, one per id', async () => {
    const { app, open } = fakeApp({ launchPush: push(2) });
    const inbox = createInbox(app);
    await inbox.ready;
    expect(inbox.storage).to.equal('memory');
    expect(inbox.list().map((item) => [item.id, item.read])).to.deep.equal([['p2', true]]);
    const changes: string[][] = [];
    inbox.onChange((items) => changes.push(ids(items)));
    open(push(3));
    open(push(1));
    open(push(3));
    expect(ids(inbox.list())).to.deep.equal(['p3', 'p2', 'p1']);
    expect(changes).to.deep.equal([['p3', 'p2'], ['p3', 'p2', 'p1']]);
    expect(inbox.unread).to.equal(0);
  });

  it('keeps at most its limit, dropping the oldest', () => {
    const { app, open } = fakeApp();
    const inbox = createInbox(app, { limit: 3 });
    for (let n = 1; n <= 5; n++) open(push(n));
    expect(ids(inbox.list())).to.deep.equal(['p5', 'p4', 'p3']);
  });

  it('hands route and anchor to the app’s router, for a tapped push and for one opened from the list', () => {
    const { app, open } = fakeApp();
    const routed: unknown[] = [];
    const inbox = createInbox(app, { navigate: (target, opened) => routed.push({ target, id: opened.id, read: 'read' in opened }) });
    open(push(1, { route: '/orders/1', anchor: 'status' }));
    expect(routed).to.deep.equal([{ target: { route: '/orders/1', anchor: 'status' }, id: 'p1', read: false }]);
    inbox.open('p1');
    expect(routed).to.have.length(2);
    inbox.open('unknown');
    expect(routed).to.have.length(2);
  });

  it('scrolls to the element with the anchor’s id when the app gives no router', () => {
    const target = document.createElement('section');
    target.id = 'pickup';
    document.body.append(target);
    let scrolled = 0;
    target.scrollIntoView = () => void scrolled++;
    try {
      const { app, open } = fakeApp();
      createInbox(app);
      open(push(1, { route: '/orders/1', anchor: 'pickup' }));
      expect(scrolled).to.equal(1);
      goTo({ anchor: 'missing' });
      goTo({});
      expect(scrolled).to.equal(1);
    } finally {
      target.remove();
    }
  });

  it('records the pushes the app sends as unread until the user opens one; marks read, all read, removes and clears', async () => {
    const { app, open } = fakeApp();
    const sent: unknown[] = [];
    (app as { push: MiniApp['push'] }).push = { send: async (request) => (sent.push(request), { id: request.id ?? `generated-${sent.length}`, delivered: true }) };
    const inbox = createInbox(app);
    expect(await inbox.send({ title: 'Order 1 is ready', body: '', route: '/orders/1' })).to.deep.equal({ id: 'generated-1', delivered: true });
    await inbox.send({ id: 'o2', title: 'Order 2 is ready', body: '' });
    await inbox.send({ id: 'o3', title: 'Order 3 is ready', body: '' });
    expect(sent).to.have.length(3);
    expect(inbox.list().map((item) => [item.id, item.read])).to.deep.include.members([['generated-1', false], ['o2', false], ['o3', false]]);
    expect(inbox.list().find((item) => item.id === 'generated-1')).to.deep.include({ title: 'Order 1 is ready', route: '/orders/1', read: false });
    expect(inbox.unread).to.equal(3);
    open({ id: 'o2', title: 'Order 2 is ready', body: '', sentAt: new Date().toISOString() });
    expect(inbox.unread, 'the push the user tapped is read, still one entry').to.equal(2);
    expect(inbox.list()).to.have.length(3);
    inbox.markRead('generated-1');
    expect(inbox.unread).to.equal(1);
    inbox.markAllRead();
    expect(inbox.unread).to.equal(0);
    inbox.remove('o2');
    expect(inbox.list()).to.have.length(2);
    inbox.clear();
    expect(inbox.list()).to.deep.equal([]);
  });

  it('persists in the host’s storage when the app may use it: one key per push, read back by the next launch', async () => {
    const storage = new Map<string, string>([['orders', '[]'], ['inbox:broken', '{not json']]);
    const first = fakeApp({ storage, launchPush: push(1, { route: '/a', data: { orderId: 7 } }) });
    const inbox = createInbox(first.app, { limit: 3 });
    expect(inbox.storage).to.equal('host');
    first.open(push(2));
    first.open(push(3, { id: 'x'.repeat(128) }));
    first.open(push(4));
    await inbox.saved();
    expect([...storage.keys()].filter((key) => key.startsWith('inbox:'))).to.have.length(4); // three kept and the broken one
    expect([...storage.keys()].every((key) => key.length <= 128)).to.equal(true);
    expect(storage.get('orders'), 'other keys of the app stay').to.equal('[]');

    const next = fakeApp({ storage, launchPush: push(5) });
    const again = createInbox(next.app, { limit: 3 });
    expect(ids(again.list()), 'the launch push at once').to.deep.equal(['p5']);
    await again.ready;
    expect(ids(again.list())).to.deep.equal(['p5', 'p4', 'x'.repeat(128)]);
    again.markRead('p4');
    await again.saved();
    expect(JSON.parse(storage.get('inbox:p4')!).read).to.equal(true);
    expect(storage.has('inbox:p2'), 'what fell off the limit is removed').to.equal(false);
  });

  it('goes on in memory when the host’s storage fails, and reports it', async () => {
    const errors: unknown[] = [];
    const { app, open } = fakeApp({ storage: new Map(), failStorage: true });
    const inbox = createInbox(app, { onError: (error) => errors.push(error) });
    await inbox.ready;
    open(push(1));
    await inbox.saved();
    expect(ids(inbox.list())).to.deep.equal(['p1']);
    expect(errors.length).to.be.at.least(2);
  });
});

describe('storage in a mini-app’s frame (cross-site, sandboxed as MiniAppHost makes it), in this Chromium', () => {
  const hostStorage = new Map<string, string>();
  const storageHandlers: MethodHandlers = {
    'storage.get': ({ keys }) => Object.fromEntries(keys.map((key) => [key, hostStorage.get(key) ?? null])),
    'storage.set': ({ key, value }) => void hostStorage.set(key, value),
    'storage.remove': ({ keys }) => keys.forEach((key) => hostStorage.delete(key)),
    'storage.keys': () => [...hostStorage.keys()],
  };
  let opened: OpenedApp | undefined;
  const launch = async (options: { push?: PushOpen; capabilities?: Array<'storage' | 'push'> } = {}) => {
    await opened?.dispose();
    opened = await openFixture({
      app: { id: 'bakery', name: 'Corner Bakery', url: PUSH_APP_URL, capabilities: options.capabilities ?? ['storage'] },
      handlers: storageHandlers,
      ...(options.push && { push: options.push }),
    });
    await opened.run('connect');
    return opened;
  };
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('blocks the frame’s own storage; only window.name (this frame only) and the host’s storage bridge hold', async () => {
    const first = await launch();
    expect(first.host.iframe!.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-popups allow-downloads allow-same-origin');
    const probe = await first.run('probeStorage', { key: 'probe', value: 'one' });
    expect(probe.localStorage).to.deep.include({ ok: false, name: 'SecurityError' });
    expect(probe.sessionStorage).to.deep.include({ ok: false, name: 'SecurityError' });
    expect(probe.indexedDB).to.deep.include({ ok: false, name: 'UnknownError' });
    expect(probe.cacheStorage).to.deep.include({ ok: false, name: 'SecurityError' });
    expect(probe.cookie, 'a cookie write is dropped without an error').to.deep.equal({ ok: true, value: { before: null, after: null } });
    expect(probe.storageAccess.has).to.deep.equal({ ok: true, value: false });
    expect(probe.storageAccess.request).to.deep.include({ ok: false, name: 'NotAllowedError' });
    expect(probe.windowName).to.deep.equal({ ok: true, value: { before: null, after: 'one' } });
    await first.run('api', { path: 'storage.set', args: ['probe', 'one'] });

    // Asked on a real click in the frame (a user gesture), storage access is refused all the same.
    const at = await first.run('storageAccessButton');
    first.host.iframe!.scrollIntoView({ block: 'start', inline: 'start' });
    const frame = first.host.iframe!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(frame.left + at.x), Math.round(frame.top + at.y)] });
    expect(await first.run('storageAccessOutcome')).to.deep.include({ ok: false, name: 'NotAllowedError' });

    // A reload of the same frame keeps window.name; a new launch (a new frame) starts empty.
    const loaded = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.data?.fixture !== 'loaded' || event.source !== first.host.iframe?.contentWindow) return;
        removeEventListener('message', onMessage);
        resolve();
      };
      addEventListener('message', onMessage);
    });
    await first.run('reload');
    await loaded;
    expect((await first.run('probeStorage', { key: 'probe' })).windowName.value.before).to.equal('one');

    const second = await launch();
    const after = await second.run('probeStorage', { key: 'probe' });
    expect(after.windowName.value.before).to.equal(null);
    expect(await second.run('api', { path: 'storage.get', args: ['probe'] }), 'the host’s storage outlives the frame').to.equal('one');
  });

  it('keeps pushes across launches in the host’s storage, through the bridge', async () => {
    hostStorage.clear();
    const first = await launch({ capabilities: ['storage', 'push'] });
    expect(await first.run('inboxCreate')).to.deep.equal({ storage: 'host', items: [] });
    expect(first.host.deliverPush(push(1, { route: '/orders/1', anchor: 'status' }))).to.equal(true);
    const items = (await first.run('inboxWait', { id: 'p1' })) as InboxItem[];
    expect(items[0]).to.deep.include({ id: 'p1', read: true, route: '/orders/1' });
    expect(await first.run('inboxNavigations')).to.deep.equal([{ target: { route: '/orders/1', anchor: 'status' }, id: 'p1' }]);
    await first.run('inboxSaved');

    const second = await launch({ capabilities: ['storage', 'push'], push: push(2, { route: '/news' }) });
    const reopened = await second.run('inboxCreate');
    expect(reopened.storage).to.equal('host');
    expect(ids(reopened.items)).to.deep.equal(['p2', 'p1']);
    expect(await second.run('inboxNavigations'), 'a launch push is not navigated to: the app starts at launch.route').to.deep.equal([]);
  });

  it('keeps pushes in memory for an app without the storage capability', async () => {
    const app = await launch({ capabilities: ['push'], push: push(3) });
    expect(await app.run('inboxCreate')).to.deep.include({ storage: 'memory' });
    expect(ids(await app.run('inboxList'))).to.deep.equal(['p3']);
  });

  it('puts the push a host launches with in the fragment, as LaunchParams.push', async () => {
    const app = await launch({ capabilities: ['push'], push: push(4) });
    const launchParams = (await app.run('launch')) as LaunchParams;
    expect(launchParams.push).to.deep.equal(push(4));
    expect(app.host).to.be.instanceOf(MiniAppHost);
  });
});
