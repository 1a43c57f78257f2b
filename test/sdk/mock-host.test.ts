import { expect } from '@open-wc/testing';
import { connect, MiniAppError, ready, type MiniApp } from '../../src/sdk/index.ts';
import { HostError, mockHost, type MockHost } from '../../src/sdk/testing.ts';

// The app under test: ordinary mini-app code on the real SDK, unaware of the mock.
const bakery = {
  async greet(root: HTMLElement): Promise<MiniApp> {
    const app = await connect();
    await app.ready();
    const { profile } = await app.user.get();
    root.textContent = `Hello, ${profile.name}`;
    return app;
  },
  async buy(app: MiniApp, orderId: string): Promise<string> {
    try {
      const result = await app.payments.pay({ orderId, amount: 12_500, currency: 'RUB', description: 'Two loaves' });
      return result.status;
    } catch (error) {
      if (error instanceof MiniAppError) return `failed: ${error.code}`;
      throw error;
    }
  },
};

const resident = { id: 'u-42', name: 'Anna Petrova', phone: '+79991234567', premises: { id: 'p-7', title: 'Flat 7' } };

describe('miniapps/sdk/testing: the mock host', () => {
  let host: MockHost | undefined;
  let root: HTMLElement;

  beforeEach(() => {
    root = document.createElement('main');
    document.body.append(root);
  });

  afterEach(() => {
    host?.dispose();
    host = undefined;
    root.remove();
  });

  it('runs the app’s code on the real SDK in a plain page: user.get answers with the mock user', async () => {
    expect(window.parent).to.equal(window);
    host = mockHost({ user: resident, capabilities: ['user'] });
    const app = await bakery.greet(root);
    expect(root.textContent).to.equal('Hello, Anna Petrova');
    const info = await app.user.get();
    expect(info.profile).to.deep.equal(resident);
    const [header, payload, signature] = info.launchToken.split('.');
    expect(JSON.parse(atob(header!))).to.deep.equal({ alg: 'none', typ: 'JWT' });
    expect(JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/')))).to.include({ sub: 'u-42', aud: 'mock-app', phone: '+79991234567' });
    expect(signature).to.equal('');
    expect(app.launch.launchId).to.equal(host.launch.launchId);
    expect(app.launch.hostOrigin).to.equal(location.origin);
    expect(host.ready).to.equal(true);
  });

  it('records every call in order, with its params and outcome', async () => {
    host = mockHost({ user: resident, handlers: { 'storage.set': () => undefined } });
    const app = await bakery.greet(root);
    await app.storage.set('cart', '2 loaves');
    expect(host.calls.map((call) => [call.method, call.outcome])).to.deep.equal([
      ['app.ready', 'ok'],
      ['user.get', 'ok'],
      ['storage.set', 'ok'],
    ]);
    expect(host.callsTo('storage.set')[0]!.params).to.deep.equal({ key: 'cart', value: '2 loaves' });
    expect((host.callsTo('user.get')[0]!.result as { profile: unknown }).profile).to.deep.equal(resident);
  });

  it('passes a handler’s result, and its HostError arrives as the SDK’s typed MiniAppError', async () => {
    const answers = [
      () => ({ status: 'succeeded' as const, paymentId: 'pay-1', receipt: 'r' }),
      () => {
        throw new HostError('CANCELLED', 'The user closed the payment screen', { step: 'payment page' });
      },
      () => {
        throw new Error('The acquirer is down');
      },
    ];
    host = mockHost({ user: resident, handlers: { 'payments.pay': () => answers.shift()!() } });
    const app = await bakery.greet(root);
    expect(await bakery.buy(app, 'order-1')).to.equal('succeeded');
    expect(await bakery.buy(app, 'order-2')).to.equal('failed: CANCELLED');
    const error = await app.payments.pay({ orderId: 'order-3', amount: 100, currency: 'RUB', description: 'x' }).catch((e: unknown) => e);
    // A handler that throws anything but a HostError is INTERNAL, as with a real host.
    expect(error).to.be.instanceOf(MiniAppError);
    expect((error as MiniAppError).code).to.equal('INTERNAL');
    const cancelled = host.callsTo('payments.pay')[1]!;
    expect(cancelled.error).to.deep.equal({ code: 'CANCELLED', message: 'The user closed the payment screen', details: { step: 'payment page' } });
    expect(cancelled.params).to.deep.include({ orderId: 'order-2', amount: 12_500 });
  });

  it('refuses a method whose capability is switched off, without running its handler', async () => {
    let sent = 0;
    host = mockHost({ user: resident, capabilities: ['user'], handlers: { 'push.send': () => ({ id: String(++sent), delivered: true }) } });
    const app = await bakery.greet(root);
    expect(app.capabilities).to.deep.equal(['user']);
    expect(app.supports('user.get')).to.equal(true);
    expect(app.supports('push.send')).to.equal(false);
    const error = await app.push.send({ title: 'Bread is ready', body: 'Come and get it' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(MiniAppError);
    expect((error as MiniAppError).code).to.equal('PERMISSION_DENIED');
    expect(sent).to.equal(0);
    expect(host.callsTo('push.send')[0]).to.deep.include({ outcome: 'error' });
    expect(host.callsTo('push.send')[0]!.error!.code).to.equal('PERMISSION_DENIED');
  });

  it('checks arguments by the host’s own schemas', async () => {
    host = mockHost({ handlers: { 'push.send': () => ({ id: 'p', delivered: true }) } });
    const app = await connect();
    const error = await app.push.send({ title: 'x'.repeat(65), body: 'b' }).catch((e: unknown) => e);
    expect((error as MiniAppError).code).to.equal('INVALID_ARGUMENT');
    expect((await app.push.send({ title: 'Fresh bread', body: 'Out of the oven' })).delivered).to.equal(true);
  });

  it('answers UNSUPPORTED for a method it has no handler for', async () => {
    host = mockHost({ user: resident });
    const app = await connect();
    expect(app.supports('chat.open')).to.equal(false);
    const error = await app.chat.open().catch((e: unknown) => e);
    expect((error as MiniAppError).code).to.equal('UNSUPPORTED');
  });

  it('gives the app the theme and launch parameters it was asked for, and sends host events', async () => {
    host = mockHost({ theme: { scheme: 'dark', colors: { brand: '#c80' } }, launchParams: { route: '/orders/42', locale: 'ru', platform: 'ios' } });
    const app = await connect();
    expect(app.launch).to.deep.include({ route: '/orders/42', locale: 'ru', platform: 'ios', appId: 'mock-app' });
    expect(app.launch.theme).to.deep.equal({ scheme: 'dark', colors: { brand: '#c80' } });
    const themes: unknown[] = [];
    const changed = new Promise((resolve) => app.on('theme', (theme) => resolve(themes.push(theme))));
    host.emit('theme', { scheme: 'light' });
    await changed;
    expect(themes).to.deep.equal([{ scheme: 'light' }]);
  });

  it('presses back: the app’s handler answers, and back handling is recorded', async () => {
    host = mockHost();
    const app = await connect();
    let inner = true;
    app.onBack(() => {
      const handled = inner;
      inner = false;
      return handled;
    });
    await host.waitForCall('app.setBackHandling');
    expect(await host.back()).to.equal(true);
    expect(await host.back()).to.equal(false);
    expect(host.callsTo('app.backResult').map((call) => call.params)).to.deep.equal([
      { id: 1, handled: true },
      { id: 2, handled: false },
    ]);
  });

  it('takes a ready() made before the handshake with the hello', async () => {
    host = mockHost();
    await ready();
    expect(host.ready).to.equal(true);
    expect(host.calls.map((call) => call.method)).to.deep.equal(['app.ready']);
  });

  it('waits for a call the app has not made yet', async () => {
    host = mockHost({ handlers: { 'haptics.impact': () => undefined } });
    const app = await connect();
    const waited = host.waitForCall('haptics.impact');
    setTimeout(() => void app.haptics.impact('heavy'), 0);
    expect((await waited).params).to.deep.equal({ style: 'heavy' });
  });

  it('is disposable: calls in flight settle CANCELLED, the page is outside a host again, and the next mock starts afresh', async () => {
    host = mockHost({ handlers: { 'popup.show': () => new Promise(() => undefined) } });
    const first = await connect();
    const pending = first.popup.show({ message: 'Keep your order?' }).catch((e: unknown) => e);
    await Promise.resolve();
    host.dispose();
    expect(((await pending) as MiniAppError).code).to.equal('CANCELLED');
    const outside = await connect().catch((e: unknown) => e);
    expect((outside as MiniAppError).code).to.equal('NOT_EMBEDDED');

    host = mockHost({ user: resident });
    const second = await connect();
    expect(second).to.not.equal(first);
    expect(second.launch.launchId).to.equal(host.launch.launchId);
    expect((await second.user.get()).profile.id).to.equal('u-42');
  });

  it('runs one at a time', () => {
    host = mockHost();
    expect(() => mockHost()).to.throw('already running');
  });
});
