import { expect } from '@open-wc/testing';
import { connect, MiniAppError } from '../../src/sdk/index.ts';
import { encodeLaunchFragment, type LaunchParams } from '../../src/protocol/index.ts';
import { FIXTURE_URL, fixtureLoaded, openFixture, runInFrame } from '../helpers/frames.ts';

async function plainFrame(url: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.src = url;
  const loaded = fixtureLoaded(() => iframe.contentWindow);
  document.body.append(iframe);
  await loaded;
  return iframe;
}

const launch = (overrides: Partial<LaunchParams> = {}): LaunchParams => ({
  launchId: crypto.randomUUID(),
  hostOrigin: location.origin,
  appId: 'x',
  route: '/',
  anchor: '',
  theme: { scheme: 'light' },
  locale: 'en',
  platform: 'web',
  viewport: { width: 0, height: 0 },
  safeArea: { top: 0, right: 0, bottom: 0, left: 0 },
  ...overrides,
});

describe('connect()', () => {
  it('rejects with NOT_EMBEDDED at once in a top-level page', async () => {
    const started = performance.now();
    const error: any = await connect().catch((e: any) => e);
    expect(error).to.be.instanceOf(MiniAppError);
    expect(error.code).to.equal('NOT_EMBEDDED');
    expect(performance.now() - started).to.be.lessThan(50);
  });

  it('rejects with NOT_EMBEDDED at once in a frame that was not launched by a host', async () => {
    const iframe = await plainFrame(FIXTURE_URL);
    const started = performance.now();
    const error = await runInFrame(iframe.contentWindow!, 'connect').catch((e: any) => e);
    expect(error.code).to.equal('NOT_EMBEDDED');
    expect(performance.now() - started).to.be.lessThan(500);
    iframe.remove();
  });

  it('rejects with NOT_EMBEDDED after its timeout when no host answers', async () => {
    const iframe = await plainFrame(`${FIXTURE_URL}#${encodeLaunchFragment(launch())}`);
    const started = performance.now();
    const error = await runInFrame(iframe.contentWindow!, 'connect', { timeout: 300 }).catch((e: any) => e);
    const elapsed = performance.now() - started;
    expect(error.code).to.equal('NOT_EMBEDDED');
    expect(error.message).to.include('did not answer');
    expect(elapsed).to.be.within(250, 2000);
    iframe.remove();
  });

  it('rejects a damaged fragment as NOT_EMBEDDED', async () => {
    const iframe = await plainFrame(`${FIXTURE_URL}#miniapp=%7Bnot-json`);
    const error = await runInFrame(iframe.contentWindow!, 'connect').catch((e: any) => e);
    expect(error.code).to.equal('NOT_EMBEDDED');
    iframe.remove();
  });

  it('refuses a host that is not in the app’s list of trusted hosts', async () => {
    const opened = await openFixture();
    const error = await opened.run('connect', { hosts: ['https://superapp.example'] }).catch((e: any) => e);
    expect(error.code).to.equal('NOT_EMBEDDED');
    expect(opened.host.state).to.equal('loading');
    const info = await opened.run<any>('connect', { hosts: [location.origin] });
    expect(info.launch.hostOrigin).to.equal(location.origin);
    await opened.dispose();
  });

  it('connects once however often it is called', async () => {
    const opened = await openFixture();
    let reloads = 0;
    opened.host.addEventListener('reload', () => reloads++);
    const [first, second] = await Promise.all([opened.run<any>('connect'), opened.run<any>('connect')]);
    expect(first.launch.launchId).to.equal(second.launch.launchId);
    await opened.run('call', { method: 'app.ready' });
    expect(reloads).to.equal(0);
    expect(opened.host.state).to.equal('ready');
    await opened.dispose();
  });

  it('says ready before the handshake ends, and connect() then joins the same handshake', async () => {
    const opened = await openFixture({ handlers: { 'user.get': () => ({ profile: { id: 'u1', name: 'Anna', phone: '+79990000001' }, launchToken: 't' }) } });
    let reloads = 0;
    opened.host.addEventListener('reload', () => reloads++);
    const ready = new Promise((resolve) => opened.host.addEventListener('ready', resolve, { once: true }));
    await opened.run('earlyReady');
    await ready;
    const info = await opened.run<any>('connect');
    expect(info.reloaded).to.equal(false);
    expect(reloads).to.equal(0);
    expect(opened.host.callLog.entries.map((entry) => entry.method)).to.deep.equal(['app.ready']);
    expect(await opened.run('call', { method: 'user.get' })).to.be.an('object').that.has.keys('profile', 'launchToken');
    await opened.dispose();
  });

  it('says ready with the hello when ready() comes first, and as a call once the hello has left', async () => {
    const early = await openFixture();
    const readyEarly = new Promise((resolve) => early.host.addEventListener('ready', resolve, { once: true }));
    await early.run('earlyReady');
    await readyEarly;
    // One message did it: no app.ready call came over the port.
    expect(early.host.callLog.entries.map((entry) => entry.method)).to.deep.equal(['app.ready']);
    await early.dispose();

    const late = await openFixture();
    await late.run('connect');
    expect(late.host.state).to.equal('connected');
    await late.run('earlyReady');
    expect(late.host.state).to.equal('ready');
    expect(late.host.callLog.entries.map((entry) => entry.method)).to.deep.equal(['app.ready']);
    await late.dispose();
  });
});
