import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DemoSmsInbox, startDemoBackend, type DemoBackend } from '../../demo/backend/index.ts';
import { createBackendClient, SEED_APPS, SEED_USERS, type BackendClient, type LiveState } from '../../src/backend/index.ts';
import { createPushCenter, createPushHandlers, type MiniAppDescriptor, type PushCenter, type PushTarget } from '../../src/host/index.ts';
import type { PushOpen } from '../../src/protocol/index.ts';
import { APP_ORIGIN, openFixture, type OpenedApp } from '../helpers/frames.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;
const beta = SEED_APPS.find((app) => app.id === 'bakery-beta')!;
const PUSH_APP_URL = `${APP_ORIGIN}/test/fixtures/push-app.html`;
const PATIENCE_MS = 5000;

function deleteDatabase(name: string): Promise<unknown> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}

const descriptor = (app: { id: string; name: string }): MiniAppDescriptor => ({ id: app.id, name: app.name, url: PUSH_APP_URL, capabilities: ['push'] });

/** Resolves once the centre lists a push with this id (and has drawn what it draws for it). */
function listed(center: PushCenter, id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error(`push ${id} did not reach the centre`))), PATIENCE_MS);
    const check = (pushes: ReadonlyArray<{ id: string }>) => {
      if (!pushes.some((push) => push.id === id)) return;
      clearTimeout(timer);
      stop();
      // The list changes first; the banner is drawn right after, in the same task.
      queueMicrotask(resolve);
    };
    const stop = center.subscribe(check);
    check(center.list());
  });
}

/** Resolves when `node` leaves the document. */
function removed(node: Node): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!node.isConnected) return resolve();
    const timer = setTimeout(() => (observer.disconnect(), reject(new Error('the banner stayed'))), PATIENCE_MS);
    const observer = new MutationObserver(() => {
      if (node.isConnected) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

describe('push, end to end: the app sends through the bridge, the backend delivers on the live channel, the host’s centre shows it', () => {
  const databaseName = `push-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  let now = Date.now();
  let backend: DemoBackend;
  let token: string | null = null;
  let client: BackendClient;
  let center: PushCenter;
  let bannerHost: HTMLElement;
  let running: OpenedApp | undefined;
  let launched: ((app: OpenedApp) => void) | undefined;
  const opens: Array<{ appId: string; target: PushTarget; how: 'delivered' | 'launched' }> = [];

  /** The host's answer to a tap: the open app gets push-open, a closed one is launched with the push. */
  const openApp = async (appId: string, target: PushTarget) => {
    if (running?.host.app.id === appId && running.host.deliverPush(target.push)) {
      opens.push({ appId, target, how: 'delivered' });
      return;
    }
    await running?.dispose();
    const app = SEED_APPS.find((each) => each.id === appId)!;
    running = await openFixture({
      app: descriptor(app),
      handlers: createPushHandlers({ client }),
      ...(target.route !== undefined && { route: target.route }),
      ...(target.anchor !== undefined && { anchor: target.anchor }),
      push: target.push,
    });
    opens.push({ appId, target, how: 'launched' });
    launched?.(running);
  };
  const nextLaunch = () => new Promise<OpenedApp>((resolve) => (launched = resolve));
  const startApp = async (app: { id: string; name: string } = bakery) => {
    await running?.dispose();
    running = await openFixture({ app: descriptor(app), handlers: createPushHandlers({ client }) });
    await running.run('connect');
    return running;
  };
  const send = (app: OpenedApp, push: object) => app.run('apiOutcome', { path: 'push.send', args: [push] });
  const banner = () => bannerHost.querySelector<HTMLElement>('.ma-push-banner');
  /** Past the 30 s limit of the push before. */
  const later = () => (now += 31_000);

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send, clock: { now: () => now } });
    client = createBackendClient({ baseUrl: '/api', getSessionToken: () => token });
    await client.requestCode(anna.phone);
    token = (await client.signIn(anna.phone, sms.latest(anna.phone)!.code)).sessionToken;
    bannerHost = document.createElement('div');
    document.body.append(bannerHost);
    const open = new Promise<void>((resolve) => {
      center = createPushCenter({
        client,
        openApp,
        locale: 'en',
        container: bannerHost,
        appName: (id) => SEED_APPS.find((app) => app.id === id)?.name,
        bannerMs: 0,
        onLiveState: (state: LiveState) => state === 'open' && resolve(),
      });
    });
    await open;
  });

  afterEach(async () => {
    await running?.dispose();
    running = undefined;
    launched = undefined;
  });

  after(async () => {
    center.close();
    bannerHost.remove();
    await backend.stop();
    await deleteDatabase(databaseName);
  });

  it('shows a banner for a push the app sent, and tapping it opens the closed app at its route and anchor with the push', async () => {
    expect(Notification.permission, 'headless Chromium cannot grant notifications: the banner path').to.not.equal('granted');
    const app = await startApp();
    later();
    const push = { id: 'order-42-ready', title: 'Your order is ready', body: 'Pick it up at the counter', route: '/orders/42', anchor: 'pickup', data: { orderId: 42 } };
    expect(await send(app, push)).to.deep.equal({ ok: true, value: { id: 'order-42-ready', delivered: true } });
    await listed(center, 'order-42-ready');
    const shown = banner()!;
    expect(shown, 'a banner').to.be.instanceOf(HTMLElement);
    expect(shown.closest('[role="status"]')?.getAttribute('aria-live')).to.equal('polite');
    expect(shown.textContent).to.contain('Corner Bakery').and.contain('Your order is ready').and.contain('Pick it up at the counter');
    await app.dispose();
    running = undefined;

    const relaunch = nextLaunch();
    shown.querySelector<HTMLButtonElement>('.ma-push-open')!.click();
    const reopened = await relaunch;
    const info = await reopened.run('connect');
    expect(info.launch.route).to.equal('/orders/42');
    expect(info.launch.anchor).to.equal('pickup');
    const { sentAt, ...rest } = info.launch.push as PushOpen;
    expect(rest).to.deep.equal(push);
    expect(Date.parse(sentAt)).to.equal(now);
    expect(opens.at(-1)!.how).to.equal('launched');
    expect(banner(), 'the banner goes once tapped').to.equal(null);
    expect(center.list().find((each) => each.id === 'order-42-ready')!.read).to.equal(true);
  });

  it('hands a push tapped while its app is open to that app as push-open, without a reload (same launch, one hello)', async () => {
    let hellos = 0;
    const countHello = (event: MessageEvent) => {
      if (event.data?.type === 'miniapp:hello' && event.source === running?.host.iframe?.contentWindow) hellos++;
    };
    addEventListener('message', countHello);
    try {
      const app = await startApp();
      const launchId = app.host.launchId;
      const iframe = app.host.iframe;
      let reloads = 0;
      app.host.addEventListener('reload', () => reloads++);
      app.host.setVisible(false); // an event the page would lose if it reloaded
      await app.run('waitForEvent', { event: 'hidden' });
      later();
      const push = { id: 'chat-7', title: 'New message', body: 'The courier is at the door', route: '/chat', anchor: 'message-7' };
      expect(await send(app, push)).to.deep.include({ ok: true });
      await listed(center, 'chat-7');
      banner()!.querySelector<HTMLButtonElement>('.ma-push-open')!.focus();
      await sendKeys({ press: 'Enter' });
      const delivered = (await app.run('waitForEvent', { event: 'push-open' })) as PushOpen;
      expect(delivered).to.deep.include(push);
      expect(delivered.sentAt).to.be.a('string');
      expect(opens.at(-1)!.how).to.equal('delivered');
      expect(app.host.launchId).to.equal(launchId);
      expect(app.host.iframe).to.equal(iframe);
      expect(reloads).to.equal(0);
      expect(hellos).to.equal(1);
      const events = (await app.run('events')) as Array<{ event: string }>;
      expect(events.map((each) => each.event)).to.deep.equal(['hidden', 'push-open']);
    } finally {
      removeEventListener('message', countHello);
    }
  });

  it('delivers a push id once: the repeat answers delivered false and shows no second banner', async () => {
    const app = await startApp();
    const region = bannerHost.querySelector('.ma-push-region')!;
    let banners = 0;
    const observer = new MutationObserver((records) => {
      for (const record of records) banners += [...record.addedNodes].filter((node) => (node as Element).classList?.contains('ma-push-banner')).length;
    });
    observer.observe(region, { childList: true });
    later();
    expect(await send(app, { id: 'dup-1', title: 'Once', body: '' })).to.deep.equal({ ok: true, value: { id: 'dup-1', delivered: true } });
    expect(await send(app, { id: 'dup-1', title: 'Once', body: '' })).to.deep.equal({ ok: true, value: { id: 'dup-1', delivered: false } });
    later();
    // The channel keeps order: once the next push is here, a repeat of the first would have come before it.
    expect(await send(app, { id: 'dup-2', title: 'Next', body: '' })).to.deep.include({ ok: true });
    await listed(center, 'dup-2');
    observer.disconnect();
    expect(center.list().filter((push) => push.id.startsWith('dup-')).map((push) => push.id)).to.deep.equal(['dup-2', 'dup-1']);
    expect(banners).to.equal(2);
  });

  it('answers RATE_LIMITED with the seconds until the next push may go, through the bridge', async () => {
    const app = await startApp();
    later();
    expect(await send(app, { title: 'First', body: '' })).to.deep.include({ ok: true });
    const refused = await send(app, { title: 'Second', body: '' });
    expect(refused).to.deep.include({ ok: false, code: 'RATE_LIMITED', details: { retryAfterSeconds: 30 } });
    now += 12_000;
    expect(await send(app, { title: 'Third', body: '' })).to.deep.include({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 18 } });
    now += 18_000;
    expect(await send(app, { title: 'Fourth', body: '' })).to.deep.include({ ok: true });
  });

  it('answers PERMISSION_DENIED to an app in Testing whose user is not a tester, UNAUTHORIZED when signed out', async () => {
    later();
    const testing = await startApp(beta);
    expect(await send(testing, { title: 'Beta news', body: '' })).to.deep.include({ ok: false, code: 'PERMISSION_DENIED' });
    const saved = token;
    token = null;
    try {
      const app = await startApp();
      expect(await send(app, { title: 'Signed out', body: '' })).to.deep.include({ ok: false, code: 'UNAUTHORIZED' });
    } finally {
      token = saved;
    }
  });

  it('draws an accessible banner with the app’s text as text, which Escape dismisses while the list keeps the push', async () => {
    const app = await startApp();
    later();
    const title = '<img src=x onerror="window.pushHacked=1">';
    const body = '<script>window.pushHacked=2</script><b>bold</b>';
    expect(await send(app, { id: 'xss', title, body })).to.deep.include({ ok: true });
    await listed(center, 'xss');
    const shown = banner()!;
    expect(shown.querySelector('img, script, b')).to.equal(null);
    expect(shown.querySelector('.ma-push-title')!.textContent).to.equal(title);
    expect(shown.querySelector('.ma-push-body')!.textContent).to.equal(body);
    await expect(bannerHost).to.be.accessible();
    expect(shown.querySelector('.ma-push-dismiss')!.getAttribute('aria-label')).to.equal('Dismiss notification');
    expect((window as { pushHacked?: number }).pushHacked).to.equal(undefined);
    shown.querySelector<HTMLButtonElement>('.ma-push-open')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(banner()).to.equal(null);
    expect(center.list()[0]).to.deep.include({ id: 'xss', appId: 'bakery', read: false });
  });

  it('hides a banner by itself after its time, and keeps nothing in web storage or IndexedDB', async () => {
    const databases = (await indexedDB.databases()).map((db) => db.name).sort();
    const stored = [localStorage.length, sessionStorage.length];
    const container = document.createElement('div');
    document.body.append(container);
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const quick = createPushCenter({ client, openApp, locale: 'en', container, bannerMs: 150, onLiveState: (state) => state === 'open' && open() });
    try {
      await opened;
      const app = await startApp();
      later();
      expect(await send(app, { id: 'brief', title: 'Brief', body: 'Gone soon' })).to.deep.include({ ok: true });
      await listed(quick, 'brief');
      const shown = container.querySelector('.ma-push-banner')!;
      expect(shown).to.be.instanceOf(HTMLElement);
      await removed(shown);
      expect(quick.list().map((push) => push.id)).to.include('brief');
    } finally {
      quick.close();
      container.remove();
    }
    expect(container.querySelector('.ma-push-region'), 'close removes the region').to.equal(null);
    expect((await indexedDB.databases()).map((db) => db.name).sort()).to.deep.equal(databases);
    expect([localStorage.length, sessionStorage.length]).to.deep.equal(stored);
  });
});
