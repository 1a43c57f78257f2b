import { expect, fixture, html } from '@open-wc/testing';
import type { MiniAppFrameElement} from '../../src/host/index.ts';
import { MiniAppHost } from '../../src/host/index.ts';
import '../../src/host/miniapp-frame.ts';
import { FIXTURE_URL, fixtureLoaded, nextEvent, openFixture, runInFrame, type OpenedApp } from '../helpers/frames.ts';

describe('launch failures and the error screen', () => {
  it('refuses an app on the host’s own origin and creates no frame', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const host = new MiniAppHost({ app: { id: 'same', name: 'Same', url: `${location.origin}/test/fixtures/app.html`, capabilities: ['user'] }, container });
    const error = nextEvent<{ code: string; message: string }>(host, 'error');
    host.open();
    expect((await error).code).to.equal('SAME_ORIGIN');
    expect(host.state).to.equal('error');
    expect(container.querySelector('iframe')).to.equal(null);
    container.remove();
  });

  for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'http://', 'ftp://127.0.0.1/app']) {
    it(`refuses a non-http app URL: ${url}`, async () => {
      const container = document.createElement('div');
      const host = new MiniAppHost({ app: { id: 'bad', name: 'Bad', url, capabilities: [] }, container });
      const error = nextEvent<{ code: string }>(host, 'error');
      host.open();
      expect((await error).code).to.equal('INVALID_URL');
      expect(container.querySelector('iframe')).to.equal(null);
    });
  }

  it('refuses an unknown browser feature and leaves nothing running', async () => {
    const container = document.createElement('div');
    const host = new MiniAppHost({ app: { id: 'f', name: 'F', url: FIXTURE_URL, capabilities: [], features: ['camera; microphone *'] }, container });
    const error = nextEvent<{ code: string; message: string }>(host, 'error');
    host.open();
    expect(await error).to.include({ code: 'INVALID_FEATURE' });
    expect(host.state).to.equal('error');
    expect(container.querySelector('iframe')).to.equal(null);
  });

  it('shows the error screen on the ready timeout, and Retry relaunches with a new launch id', async () => {
    const el = await fixture<MiniAppFrameElement>(html`<miniapp-frame style="width:320px;height:240px"></miniapp-frame>`);
    el.app = { id: 'slow', name: 'Slow app', url: FIXTURE_URL, capabilities: [] };
    el.readyTimeoutMs = 1500;
    el.closeGraceMs = 0;
    const failed = nextEvent<{ code: string }>(el, 'miniapp-error');
    el.open();
    const firstLaunch = el.host!.launchId;
    expect((await failed).code).to.equal('READY_TIMEOUT');
    const screen = el.shadowRoot!.querySelector<HTMLElement>('.error')!;
    expect(screen.hidden).to.equal(false);
    expect(screen.textContent).to.include('Could not open the mini-app');
    expect(screen.textContent).to.include('Slow app did not get ready');
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    await expect(el).to.be.accessible();

    // This time the app answers.
    const ready = nextEvent(el, 'miniapp-ready');
    const loaded = fixtureLoaded(() => el.host?.iframe?.contentWindow);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await loaded;
    await runInFrame(el.host!.iframe!.contentWindow!, 'connectAndReady');
    await ready;
    expect(el.host!.state).to.equal('ready');
    expect(el.host!.launchId).not.to.equal(firstLaunch);
    expect(screen.hidden).to.equal(true);
    const closed = nextEvent(el, 'miniapp-closed');
    await el.close();
    await closed;
  });

  it('speaks the host’s locale on the error screen and Close closes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ru"><miniapp-frame style="width:320px;height:240px"></miniapp-frame></div>`);
    const el = wrapper.querySelector('miniapp-frame')!;
    el.app = { id: 'slow', name: 'Медленное', url: `${FIXTURE_URL}?silent`, capabilities: [] };
    el.readyTimeoutMs = 200;
    const failed = nextEvent(el, 'miniapp-error');
    el.open();
    await failed;
    const screen = el.shadowRoot!.querySelector<HTMLElement>('.error')!;
    expect(screen.textContent).to.include('Не удалось открыть мини-приложение');
    expect(screen.querySelector('.retry')!.textContent).to.equal('Повторить');
    const closed = nextEvent<{ reason: string }>(el, 'miniapp-closed');
    screen.querySelector<HTMLButtonElement>('.close')!.click();
    expect((await closed).reason).to.equal('user');
    expect(screen.hidden).to.equal(true);
  });

  it('finds the host’s locale across shadow roots (a shell that renders the frame in its own)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ru"><section></section></div>`);
    const root = wrapper.querySelector('section')!.attachShadow({ mode: 'open' });
    const el = document.createElement('miniapp-frame');
    el.style.cssText = 'width:320px;height:240px';
    root.append(el);
    el.app = { id: 'slow', name: 'Медленное', url: `${FIXTURE_URL}?silent`, capabilities: [] };
    el.readyTimeoutMs = 200;
    const failed = nextEvent(el, 'miniapp-error');
    el.open();
    await failed;
    expect(el.shadowRoot!.querySelector<HTMLElement>('.error')!.textContent).to.include('Не удалось открыть мини-приложение');
    await el.close();
  });

  it('fails fast with LOAD_FAILED when the app’s server does not answer', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    // Port 9 (discard) is closed on this machine: the connection is refused at once.
    const host = new MiniAppHost({ app: { id: 'dead', name: 'Dead', url: 'http://127.0.0.1:9/app.html', capabilities: [] }, container, readyTimeoutMs: 10_000 });
    const started = performance.now();
    const error = nextEvent<{ code: string }>(host, 'error');
    host.open();
    expect((await error).code).to.equal('LOAD_FAILED');
    expect(performance.now() - started).to.be.lessThan(5000);
    expect(container.querySelector('iframe')).to.equal(null);
    container.remove();
  });

  it('treats an app without the SDK as ready on load when it says so', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const host = new MiniAppHost({ app: { id: 'plain', name: 'Plain', url: FIXTURE_URL, capabilities: [], readiness: 'load' }, container, closeGraceMs: 0 });
    const ready = nextEvent(host, 'ready');
    host.open();
    await ready;
    expect(host.state).to.equal('ready');
    await host.close();
    container.remove();
  });
});

describe('reload, versions, limits', () => {
  let opened: OpenedApp | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('accepts a reload of the same launch: new port, same log, app learns it was reloaded', async () => {
    opened = await openFixture();
    await opened.run('connectAndReady');
    const launchId = opened.host.launchId;
    const entries = opened.host.callLog.entries.length;
    // A hash router replaces the fragment; the saved launch survives it and the reload.
    await opened.run('setHash', '#/orders');
    const reloaded = nextEvent(opened.host, 'reload');
    const loaded = new Promise<void>((resolve) => addEventListener('message', function onLoad(event) {
      if (event.data?.fixture === 'loaded') {
        removeEventListener('message', onLoad);
        resolve();
      }
    }));
    await opened.run('reload');
    await loaded;
    const info = await opened.run<any>('connect');
    await reloaded;
    expect(info.reloaded).to.equal(true);
    expect(info.launch.launchId).to.equal(launchId);
    expect(opened.host.launchId).to.equal(launchId);
    expect(opened.host.callLog.entries.length).to.equal(entries);
  });

  it('closes the old port when the same launch shakes hands again, saying so on it', async () => {
    opened = await openFixture();
    await opened.run('rawHandshake', { version: 1 });
    const second = await opened.run<any>('rawHandshake', { version: 1 });
    expect(second.reloaded).to.equal(true);
    // The old port gets one last event, so an SDK on it settles its calls, and answers nothing more.
    const onOld = await opened.run<any[]>('rawSend', { messages: [[1, 'app.ready', undefined]], old: true });
    expect(onOld).to.deep.equal([{ event: 'disconnected', data: { reason: 'replaced' } }]);
    const onNew = await opened.run<any[]>('rawSend', { messages: [[2, 'app.ready', undefined]] });
    expect(onNew).to.deep.equal([[2, 0, undefined]]);
  });

  it('talks to a newer SDK in its own version and refuses a too old one with UNSUPPORTED', async () => {
    opened = await openFixture();
    const newer = await opened.run<any>('rawHandshake', { version: 99 });
    expect(newer.type).to.equal('miniapp:welcome');
    expect(newer.version).to.equal(1);
    expect(newer.methods).to.include.members(['app.ready', 'app.close']);
    const older = await opened.run<any>('rawHandshake', { version: 0 });
    expect(older.type).to.equal('miniapp:refused');
    expect(older.error.code).to.equal('UNSUPPORTED');
  });

  it('rate-limits a flood with RATE_LIMITED', async () => {
    opened = await openFixture({ rateLimit: { burst: 3, perSecond: 0.01 } });
    await opened.run('rawHandshake', { version: 1 });
    const replies = await opened.run<any[]>('rawSend', { messages: [1, 2, 3, 4, 5].map((id) => [id, 'app.ready', undefined]) });
    const flat = replies.flatMap((reply) => (Array.isArray(reply[0]) ? reply : [reply]));
    expect(flat.filter((reply) => reply[1] === 0).length).to.equal(3);
    expect(flat.filter((reply) => reply[2]?.code === 'RATE_LIMITED').length).to.equal(2);
  });

  it('coalesces calls made in one task into one message each way', async () => {
    opened = await openFixture({ handlers: { 'user.get': () => ({ profile: { id: 'u', name: 'U', phone: '+7' }, launchToken: 't' }) } });
    await opened.run('connect');
    const posted: unknown[] = [];
    const original = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: any[]) {
      posted.push(message);
      return (original as any).call(this, message, ...rest);
    };
    try {
      const results = await opened.run<unknown[]>('burst', { method: 'user.get', n: 50 });
      expect(results.length).to.equal(50);
    } finally {
      MessagePort.prototype.postMessage = original;
    }
    const replyMessages = posted.filter((message) => Array.isArray(message));
    expect(replyMessages.length).to.equal(1);
    expect((replyMessages[0] as unknown[]).length).to.equal(50);
    expect(opened.host.callLog.entries.filter((entry) => entry.method === 'user.get').length).to.equal(50);
  });
});
