import { expect } from '@open-wc/testing';
import { HostError, type CallLogEntry } from '../../src/host/index.ts';
import { FIXTURE_URL, APP_ORIGIN, nextEvent, openFixture, runInFrame, fixtureLoaded, type OpenedApp } from '../helpers/frames.ts';

const profile = { id: 'u1', name: 'Anna', phone: '+79990000001' };

describe('bridge across two origins', () => {
  let opened: OpenedApp | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('connects, passes launch info and becomes ready', async () => {
    opened = await openFixture({ route: '/orders/42', anchor: 'pay', theme: { scheme: 'dark' }, locale: 'ru', platform: 'ios' });
    const ready = nextEvent(opened.host, 'ready');
    const info = await opened.run<any>('connectAndReady');
    await ready;
    expect(opened.host.state).to.equal('ready');
    expect(info.launch).to.include({ route: '/orders/42', anchor: 'pay', locale: 'ru', platform: 'ios', appId: 'fixture' });
    expect(info.launch.theme.scheme).to.equal('dark');
    expect(info.launch.launchId).to.equal(opened.host.launchId);
    expect(info.launch.hostOrigin).to.equal(location.origin);
    expect(info.capabilities).to.deep.equal(['user']);
    expect(info.reloaded).to.equal(false);
    expect(new URL(opened.host.iframe!.src).origin).to.equal(APP_ORIGIN);
  });

  it('sandboxes the frame without top navigation and with no extra features', async () => {
    opened = await openFixture();
    const iframe = opened.host.iframe!;
    const tokens = iframe.getAttribute('sandbox')!.split(' ');
    expect(tokens).to.have.members(['allow-scripts', 'allow-forms', 'allow-popups', 'allow-downloads', 'allow-same-origin']);
    expect(tokens.join(' ')).not.to.include('top-navigation');
    expect(iframe.hasAttribute('allow')).to.equal(false);
    // The frame is on another site: its document is out of reach.
    expect(() => iframe.contentWindow!.document).to.throw();
  });

  it('grants only declared browser features, limited to the app origin', async () => {
    opened = await openFixture({ app: { id: 'cam', name: 'Cam', url: FIXTURE_URL, capabilities: [], features: ['camera'] } });
    expect(opened.host.iframe!.getAttribute('allow')).to.equal(`camera ${APP_ORIGIN}`);
  });

  it('answers user.get through the handler with the launch context', async () => {
    let seen: unknown;
    opened = await openFixture({
      handlers: {
        'user.get': (_params, context) => {
          seen = context;
          return { profile, launchToken: 'token-for-fixture' };
        },
      },
    });
    await opened.run('connect');
    const user = await opened.run<any>('call', { method: 'user.get' });
    expect(user).to.deep.equal({ profile, launchToken: 'token-for-fixture' });
    expect(seen).to.include({ appId: 'fixture', launchId: opened.host.launchId });
  });

  it('refuses an ungranted capability with PERMISSION_DENIED', async () => {
    let called = false;
    opened = await openFixture({
      app: { id: 'nouser', name: 'No user', url: FIXTURE_URL, capabilities: [] },
      handlers: { 'user.get': () => ((called = true), { profile, launchToken: 'x' }) },
    });
    await opened.run('connect');
    const error = await opened.run('call', { method: 'user.get' }).catch((e: any) => e);
    expect(error.code).to.equal('PERMISSION_DENIED');
    expect(called).to.equal(false);
  });

  it('refuses bad arguments with INVALID_ARGUMENT before any handler runs', async () => {
    let called = false;
    opened = await openFixture({ handlers: { 'user.get': () => ((called = true), { profile, launchToken: 'x' }) } });
    await opened.run('connect');
    for (const params of [{ extra: 1 }, 'text', 42, [1]]) {
      const error = await opened.run('call', { method: 'user.get', params }).catch((e: any) => e);
      expect(error.code, JSON.stringify(params)).to.equal('INVALID_ARGUMENT');
    }
    const tooLong = await opened.run('call', { method: 'app.close', params: { reason: 'x'.repeat(201) } }).catch((e: any) => e);
    expect(tooLong.code).to.equal('INVALID_ARGUMENT');
    const wrongKey = await opened.run('call', { method: 'app.close', params: { reasons: 'x' } }).catch((e: any) => e);
    expect(wrongKey.code).to.equal('INVALID_ARGUMENT');
    expect(called).to.equal(false);
  });

  it('answers an unknown method with UNSUPPORTED, in the SDK and on the wire', async () => {
    opened = await openFixture();
    await opened.run('connect');
    const local = await opened.run('call', { method: 'payments.teleport' }).catch((e: any) => e);
    expect(local.code).to.equal('UNSUPPORTED');

    await opened.run('rawHandshake', { version: 1 });
    const replies = await opened.run<any[]>('rawSend', { messages: [[7, 'payments.teleport', undefined], [8, 'constructor', undefined], [9, '__proto__', undefined]] });
    const flat = replies.flatMap((reply) => (Array.isArray(reply[0]) ? reply : [reply]));
    expect(flat.map((reply) => [reply[0], reply[1], reply[2].code])).to.have.deep.members([
      [7, 1, 'UNSUPPORTED'],
      [8, 1, 'UNSUPPORTED'],
      [9, 1, 'UNSUPPORTED'],
    ]);
  });

  it('passes a handler HostError code through and hides other handler errors as INTERNAL', async () => {
    let mode = 'host';
    opened = await openFixture({
      handlers: {
        'user.get': () => {
          if (mode === 'host') throw new HostError('UNAUTHORIZED', 'Session ended');
          throw new Error('db password is hunter2');
        },
      },
    });
    await opened.run('connect');
    const first = await opened.run('call', { method: 'user.get' }).catch((e: any) => e);
    expect(first.code).to.equal('UNAUTHORIZED');
    expect(first.message).to.equal('Session ended');
    mode = 'crash';
    const second = await opened.run('call', { method: 'user.get' }).catch((e: any) => e);
    expect(second.code).to.equal('INTERNAL');
    expect(second.message).not.to.include('hunter2');
  });

  it('answers TIMEOUT when a handler never settles, and ignores its late answer', async () => {
    let resolveLate: (value: any) => void = () => undefined;
    opened = await openFixture({
      callTimeoutMs: 300,
      handlers: { 'user.get': () => new Promise((resolve) => (resolveLate = resolve)) },
    });
    await opened.run('connect');
    const started = performance.now();
    const error = await opened.run('call', { method: 'user.get' }).catch((e: any) => e);
    expect(error.code).to.equal('TIMEOUT');
    expect(performance.now() - started).to.be.lessThan(3000);
    resolveLate({ profile, launchToken: 'late' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const userGets = opened.host.callLog.entries.filter((entry) => entry.method === 'user.get');
    expect(userGets.map((entry) => entry.errorCode)).to.deep.equal(['TIMEOUT']);
  });

  it('logs every call with redacted arguments, duration and outcome', async () => {
    opened = await openFixture({ handlers: { 'user.get': () => ({ profile, launchToken: 'secret-token' }) } });
    const entries: CallLogEntry[] = [];
    opened.host.addEventListener('call', (event) => entries.push(event.detail));
    opened.host.addEventListener('close-request', (event) => event.preventDefault());
    await opened.run('connect');
    await opened.run('call', { method: 'user.get' });
    await opened.run('call', { method: 'app.close', params: { reason: 'done' } }).catch(() => undefined);
    await opened.run('call', { method: 'user.get', params: { token: 'abc', nested: { phone: '+7999' } } }).catch(() => undefined);
    const log = opened.host.callLog.entries;
    expect(log.map((entry) => [entry.method, entry.outcome])).to.deep.equal([
      ['user.get', 'ok'],
      ['app.close', 'ok'],
      ['user.get', 'error'],
    ]);
    expect(log[2]!.errorCode).to.equal('INVALID_ARGUMENT');
    expect(log[2]!.args).to.deep.equal({ token: '[redacted]', nested: { phone: '[redacted]' } });
    expect(log.every((entry) => entry.durationMs >= 0 && entry.launchId === opened!.host.launchId)).to.equal(true);
    expect(entries.length).to.equal(3);
  });

  it('asks the host to close when the app calls close; the host may refuse', async () => {
    opened = await openFixture();
    await opened.run('connect');
    opened.host.addEventListener('close-request', (event) => event.preventDefault(), { once: true });
    await opened.run('close', 'first');
    expect(opened.host.state).to.equal('connected');
    const closed = nextEvent<{ reason: string }>(opened.host, 'closed');
    // The frame is removed before it could read the reply, so only the host's side is awaited.
    void opened.run('close', 'second').catch(() => undefined);
    expect((await closed).reason).to.equal('app');
    expect(opened.container.querySelector('iframe')).to.equal(null);
  });

  it('sends lifecycle events and a closing notice with a grace period', async () => {
    opened = await openFixture({ closeGraceMs: 150 });
    const frame = opened.frame();
    await opened.run('connect');
    opened.host.setVisible(false);
    opened.host.setVisible(true);
    opened.host.setTheme({ scheme: 'dark', colors: { brand: '#ff0000' } });
    const closing = opened.host.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const events = await runInFrame<Array<{ event: string; data: any }>>(frame, 'events');
    await closing;
    const names = events.map((event) => event.event).filter((name) => name !== 'viewport');
    expect(names).to.deep.equal(['hidden', 'shown', 'theme', 'closing']);
    expect(events.find((event) => event.event === 'closing')!.data).to.deep.equal({ graceMs: 150 });
  });
});

describe('handshake guards', () => {
  let opened: OpenedApp | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('ignores a hello with a wrong launch id', async () => {
    opened = await openFixture();
    const answer = await opened.run('forgeHello', { launchId: crypto.randomUUID(), version: 1, targetOrigin: location.origin });
    expect(answer).to.equal('no-answer');
    expect(opened.host.state).to.equal('loading');
  });

  it('ignores a hello with the right launch id from another window', async () => {
    opened = await openFixture();
    const intruder = document.createElement('iframe');
    intruder.src = FIXTURE_URL; // same app origin, but not the app's frame
    const loaded = fixtureLoaded(() => intruder.contentWindow);
    document.body.append(intruder);
    await loaded;
    const answer = await runInFrame(intruder.contentWindow!, 'forgeHello', { launchId: opened.host.launchId, version: 1 });
    intruder.remove();
    expect(answer).to.equal('no-answer');
    expect(opened.host.state).to.equal('loading');
    // The real app still connects afterwards.
    await opened.run('connect');
    expect(opened.host.state).to.equal('connected');
  });

  it('ignores a hello from the app frame once it is on another origin', async () => {
    opened = await openFixture();
    const launch = await opened.run<any>('launch');
    // Same frame, navigated to a third origin that still knows the launch id.
    const elsewhere = `http://localhost:${location.port}/test/fixtures/app.html#miniapp=${encodeURIComponent(JSON.stringify(launch))}`;
    const loaded = fixtureLoaded(() => opened!.host.iframe?.contentWindow);
    await opened.run('navigate', elsewhere);
    await loaded;
    const answer = await opened.run('forgeHello', { launchId: launch.launchId, version: 1, targetOrigin: location.origin });
    expect(answer).to.equal('no-answer');
    expect(opened.host.state).to.equal('loading');
  });

  it('ignores a hello posted by the host page itself', async () => {
    opened = await openFixture();
    window.postMessage({ type: 'miniapp:hello', launchId: opened.host.launchId, version: 1 }, '*');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(opened.host.state).to.equal('loading');
  });

  it('ignores messages after close', async () => {
    opened = await openFixture();
    await opened.run('rawHandshake', { version: 1 });
    const frame = opened.frame();
    await opened.host.close();
    const before = opened.host.callLog.entries.length;
    // The frame is gone, so post from a kept window reference is impossible; post on the page instead.
    window.postMessage({ type: 'miniapp:hello', launchId: opened.host.launchId, version: 1 }, '*');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(opened.host.state).to.equal('closed');
    expect(opened.host.callLog.entries.length).to.equal(before);
    expect(frame.closed).to.equal(true);
  });
});
