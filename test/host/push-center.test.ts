import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { BackendError, type LiveHandlers, type LiveSubscription } from '../../src/backend/index.ts';
import { createPushCenter, createPushHandlers, HostError, type NotificationApi, type PushCenter, type PushTarget } from '../../src/host/index.ts';

/** A live channel the test feeds by hand. */
function fakeLive() {
  let handlers: LiveHandlers | undefined;
  let closed = false;
  let cursor = 0;
  const subscription: LiveSubscription = {
    get state() {
      return closed ? 'closed' : 'open';
    },
    get cursor() {
      return String(cursor);
    },
    lastError: undefined,
    close: () => void (closed = true),
  };
  return {
    client: {
      subscribe(given: LiveHandlers | LiveHandlers['onEvent']) {
        handlers = typeof given === 'function' ? { onEvent: given } : given;
        return subscription;
      },
    },
    get closed() {
      return closed;
    },
    push(data: object, type = 'push.received') {
      handlers!.onEvent({ cursor: String(++cursor), type, at: new Date().toISOString(), data });
    },
  };
}

const push = (id: string, extra: object = {}) => ({ id, appId: 'bakery', title: `Title ${id}`, body: `Body ${id}`, sentAt: new Date(Date.UTC(2025, 0, 1) + Number(id.replace(/\D/g, '') || 0) * 1000).toISOString(), ...extra });

/** A Notification constructor that records what it showed, with the permission a test sets. */
function fakeNotifications(permission: NotificationPermission) {
  const shown: Array<{ title: string; options?: NotificationOptions; closed: boolean; onclick: ((event: Event) => unknown) | null }> = [];
  const Api = class {
    static permission = permission;
    onclick: ((event: Event) => unknown) | null = null;
    closed = false;
    constructor(
      readonly title: string,
      readonly options?: NotificationOptions,
    ) {
      shown.push(this);
    }
    close() {
      this.closed = true;
    }
  };
  return { Api: Api as unknown as NotificationApi, shown };
}

describe('the push centre', () => {
  let container: HTMLElement;
  let center: PushCenter | undefined;
  let opened: Array<{ appId: string; target: PushTarget }>;
  const openApp = (appId: string, target: PushTarget) => void opened.push({ appId, target });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    opened = [];
  });
  afterEach(() => {
    center?.close();
    center = undefined;
    container.remove();
  });

  it('shows a system notification when the permission is granted, and a tap focuses the window and opens the app', () => {
    const live = fakeLive();
    const { Api, shown } = fakeNotifications('granted');
    let focused = 0;
    center = createPushCenter({ client: live.client, openApp, container, notifications: Api, focusWindow: () => focused++, appName: () => 'Corner Bakery' });
    live.push(push('p1', { route: '/orders/1', anchor: 'status', data: { orderId: 1 } }));
    expect(shown).to.have.length(1);
    expect(shown[0]!.title).to.equal('Corner Bakery: Title p1');
    expect(shown[0]!.options).to.deep.include({ body: 'Body p1' });
    expect(container.querySelector('.ma-push-banner'), 'no banner beside a system notification').to.equal(null);
    shown[0]!.onclick!(new Event('click'));
    expect(focused).to.equal(1);
    expect(shown[0]!.closed).to.equal(true);
    expect(opened).to.have.length(1);
    expect(opened[0]!.appId).to.equal('bakery');
    expect(opened[0]!.target).to.deep.equal({
      route: '/orders/1',
      anchor: 'status',
      push: { id: 'p1', title: 'Title p1', body: 'Body p1', route: '/orders/1', anchor: 'status', data: { orderId: 1 }, sentAt: push('p1').sentAt },
    });
    expect(center.list()[0]!.read).to.equal(true);
  });

  it('draws a banner when the permission is not granted, or the constructor refuses', () => {
    for (const permission of ['default', 'denied'] as const) {
      const live = fakeLive();
      const { Api, shown } = fakeNotifications(permission);
      const each = createPushCenter({ client: live.client, openApp, container, notifications: Api, bannerMs: 0 });
      live.push(push('p1'));
      expect(shown, permission).to.have.length(0);
      expect(container.querySelector('.ma-push-banner .ma-push-title')!.textContent).to.equal('Title p1');
      each.close();
    }
    const live = fakeLive();
    const Refusing = class {
      static permission = 'granted';
      constructor() {
        throw new TypeError('Illegal constructor');
      }
    } as unknown as NotificationApi;
    center = createPushCenter({ client: live.client, openApp, container, notifications: Refusing, bannerMs: 0 });
    live.push(push('p2'));
    expect(container.querySelector('.ma-push-banner .ma-push-title')!.textContent).to.equal('Title p2');
  });

  it('places the banner centred at the top of a phone, and in the top-right corner of a desktop', async () => {
    const live = fakeLive();
    center = createPushCenter({ client: live.client, openApp, container, notifications: fakeNotifications('denied').Api, bannerMs: 0 });
    live.push(push('p1'));
    const banner = () => container.querySelector('.ma-push-banner')!.getBoundingClientRect();
    try {
      await setViewport({ width: 390, height: 844 });
      const phone = banner();
      expect(Math.abs(phone.left - (innerWidth - phone.right)), 'centred on a phone').to.be.below(2);
      expect(phone.top).to.be.within(0, 24);
      await setViewport({ width: 1280, height: 800 });
      const desktop = banner();
      expect(innerWidth - desktop.right, 'at the right edge of a desktop').to.be.within(8, 24);
      expect(desktop.top).to.be.within(8, 24);
      expect(desktop.width).to.be.below(420);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps a bounded list newest first, one entry per app and id, and passes over malformed events', () => {
    const live = fakeLive();
    const changes: number[] = [];
    center = createPushCenter({ client: live.client, openApp, container, notifications: null, limit: 3, bannerMs: 0 });
    center.subscribe((list) => changes.push(list.length));
    for (const id of ['p1', 'p2', 'p3', 'p4']) live.push(push(id));
    live.push(push('p4'));
    live.push(push('p4', { appId: 'fitness' }));
    live.push({ id: 'bad', appId: 'bakery', title: 42, body: '', sentAt: 'x' });
    live.push({ id: 'bad2', appId: 'bakery', title: 't', body: '', sentAt: 'x', route: { path: '/' } });
    live.push(push('p9'), 'payment.updated');
    live.push(push('p5', { title: 'x'.repeat(10_000) }));
    expect(center.list().map((each) => `${each.appId}/${each.id}`)).to.deep.equal(['bakery/p5', 'fitness/p4', 'bakery/p4']);
    expect(center.list()[0]!.title.length).to.be.at.most(129);
    expect(changes).to.deep.equal([1, 2, 3, 3, 3, 3]);
  });

  it('opens a listed push from the host’s own list, removes and clears, and closes the channel', async () => {
    const live = fakeLive();
    center = createPushCenter({ client: live.client, openApp, container, notifications: null, bannerMs: 0 });
    live.push(push('p1'));
    live.push(push('p2', { route: '/news' }));
    await center.open('bakery', 'p1');
    expect(opened.map((each) => each.target)).to.deep.equal([{ push: { id: 'p1', title: 'Title p1', body: 'Body p1', sentAt: push('p1').sentAt } }]);
    expect(container.querySelector('.ma-push-title')!.textContent, 'the banner of another push stays').to.equal('Title p2');
    center.remove('bakery', 'p2');
    expect(container.querySelector('.ma-push-banner')).to.equal(null);
    expect(center.list().map((each) => each.id)).to.deep.equal(['p1']);
    center.clear();
    expect(center.list()).to.deep.equal([]);
    center.close();
    expect(live.closed).to.equal(true);
    expect(container.querySelector('.ma-push-region')).to.equal(null);
    center = undefined;
  });
});

describe('the push.send handler', () => {
  const context = (signal = new AbortController().signal) => ({ appId: 'bakery', appName: 'Corner Bakery', launchId: 'launch-1', signal });
  const failing = (error: unknown) => createPushHandlers({ client: { sendPush: () => Promise.reject(error) } })['push.send'];
  async function codeOf(error: unknown, signal?: AbortSignal): Promise<HostError> {
    try {
      await failing(error)({ title: 't', body: '' }, context(signal));
    } catch (caught) {
      expect(caught).to.be.instanceOf(HostError);
      return caught as HostError;
    }
    throw new Error('the handler did not fail');
  }

  it('sends only the contract’s fields and answers only id and delivered', async () => {
    let sent: unknown;
    const handler = createPushHandlers({
      client: { sendPush: async (_appId, body) => ((sent = body), { id: 'p1', delivered: true, extra: 'x' } as never) },
    })['push.send'];
    const answer = await handler({ title: 't', body: 'b', route: '/r', extra: 1 } as never, context());
    expect(sent).to.deep.equal({ title: 't', body: 'b', route: '/r' });
    expect(answer).to.deep.equal({ id: 'p1', delivered: true });
  });

  it('maps the backend’s refusals to bridge codes', async () => {
    const limited = await codeOf(new BackendError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 17 }));
    expect(limited.toPayload()).to.deep.include({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 17 } });
    expect((await codeOf(new BackendError('APP_NOT_AVAILABLE', 'testing', { status: 'testing' }))).code).to.equal('PERMISSION_DENIED');
    expect((await codeOf(new BackendError('APP_NOT_FOUND', 'no app'))).code).to.equal('PERMISSION_DENIED');
    const invalid = await codeOf(new BackendError('INVALID_REQUEST', 'bad', { issues: [{ path: 'route', message: 'A route starts with /' }] }));
    expect(invalid.code).to.equal('INVALID_ARGUMENT');
    expect(invalid.message).to.contain('A route starts with /');
    expect((await codeOf(new BackendError('PAYLOAD_TOO_LARGE', 'big'))).code).to.equal('INVALID_ARGUMENT');
    expect((await codeOf(new BackendError('UNAUTHORIZED', 'who'))).code).to.equal('UNAUTHORIZED');
    const internal = await codeOf(new BackendError('INTERNAL', 'database at 10.0.0.5 is down'));
    expect(internal.code).to.equal('INTERNAL');
    expect(internal.message).to.not.contain('10.0.0.5');
    expect((await codeOf(new TypeError('boom'))).code).to.equal('INTERNAL');
    const abort = new AbortController();
    abort.abort();
    expect((await codeOf(new BackendError('NETWORK', 'gone'), abort.signal)).code).to.equal('CANCELLED');
  });
});
