import { expect } from '@open-wc/testing';
import { ALL_CAPABILITIES, METHOD_CAPABILITY, type MethodName } from '../../src/protocol/index.ts';
import { METHOD_SCHEMAS } from '../../src/host/schemas.ts';
import type { MethodHandlers } from '../../src/host/index.ts';
import { openFixture, type OpenedApp } from '../helpers/frames.ts';

const user = { profile: { id: 'u1', name: 'Anna', phone: '+79990000001' }, launchToken: 't' };
const receipt = 'eyJhbGciOiJFUzI1NiJ9.e30.sig';

/** Handlers that record what reached them and answer plausibly. */
function recordingHandlers(seen: Array<[string, unknown]>): MethodHandlers {
  const record = <R>(name: string, answer: R) => (params: unknown) => (seen.push([name, params]), answer);
  return {
    'user.get': record('user.get', user),
    'user.requestPhone': record('user.requestPhone', { phone: '+79990000001' }),
    'payments.pay': record('payments.pay', { status: 'succeeded' as const, paymentId: 'p-1', receipt }),
    'payments.status': record('payments.status', { paymentId: 'p-1', orderId: 'o-1', amount: 100, currency: 'RUB', status: 'succeeded', receipt }),
    'push.send': record('push.send', { id: 'n-1', delivered: true }),
    'navigation.open': record('navigation.open', undefined),
    'navigation.openLink': record('navigation.openLink', undefined),
    'chat.open': record('chat.open', undefined),
    'popup.show': record('popup.show', { buttonId: 'ok' }),
    'popup.prompt': record('popup.prompt', { value: 'typed' }),
    'share.share': record('share.share', undefined),
    'clipboard.write': record('clipboard.write', undefined),
    'storage.get': record('storage.get', { a: '1', b: null }),
    'storage.set': record('storage.set', undefined),
    'storage.remove': record('storage.remove', undefined),
    'storage.keys': record('storage.keys', ['a']),
    'haptics.impact': record('haptics.impact', undefined),
    'files.download': record('files.download', undefined),
  };
}

/** Through the typed API: [path, args, the method and params the host must see, the result the app must get]. */
const CALLS: Array<[string, unknown[], string, unknown, unknown]> = [
  ['user.requestPhone', [], 'user.requestPhone', undefined, '+79990000001'],
  ['payments.pay', [{ orderId: 'o-1', amount: 12_500, currency: 'RUB', description: 'Order 1' }], 'payments.pay', { orderId: 'o-1', amount: 12_500, currency: 'RUB', description: 'Order 1' }, { status: 'succeeded', paymentId: 'p-1', receipt }],
  ['payments.status', ['p-1'], 'payments.status', { paymentId: 'p-1' }, { paymentId: 'p-1', orderId: 'o-1', amount: 100, currency: 'RUB', status: 'succeeded', receipt }],
  ['push.send', [{ title: 'Order shipped', body: 'Track it', route: '/orders/1', anchor: 'status', data: { orderId: 1 }, id: 'ship-1' }], 'push.send', { title: 'Order shipped', body: 'Track it', route: '/orders/1', anchor: 'status', data: { orderId: 1 }, id: 'ship-1' }, { id: 'n-1', delivered: true }],
  ['navigation.open', [{ screen: 'event', id: 'e-42' }], 'navigation.open', { screen: 'event', id: 'e-42' }, undefined],
  ['navigation.openLink', ['https://example.com/terms'], 'navigation.openLink', { url: 'https://example.com/terms' }, undefined],
  ['chat.open', [], 'chat.open', undefined, undefined],
  ['popup.confirm', ['Delete the draft?'], 'popup.show', { message: 'Delete the draft?', buttons: [{ id: 'cancel', text: 'Cancel', type: 'cancel' }, { id: 'ok', text: 'OK' }] }, true],
  ['popup.prompt', [{ message: 'Your name?', maxLength: 40 }], 'popup.prompt', { message: 'Your name?', maxLength: 40 }, 'typed'],
  ['share', [{ text: 'Look', url: 'https://example.com/' }], 'share.share', { text: 'Look', url: 'https://example.com/' }, undefined],
  ['clipboard.write', ['copied'], 'clipboard.write', { text: 'copied' }, undefined],
  ['storage.get', ['a'], 'storage.get', { keys: ['a'] }, '1'],
  ['storage.getMany', [['a', 'b']], 'storage.get', { keys: ['a', 'b'] }, { a: '1', b: null }],
  ['storage.set', ['a', '1'], 'storage.set', { key: 'a', value: '1' }, undefined],
  ['storage.remove', ['a', 'b'], 'storage.remove', { keys: ['a', 'b'] }, undefined],
  ['storage.keys', [], 'storage.keys', undefined, ['a']],
  ['haptics.impact', [], 'haptics.impact', { style: 'light' }, undefined],
  ['files.download', [{ url: 'https://example.com/a.pdf', name: 'a.pdf' }], 'files.download', { url: 'https://example.com/a.pdf', name: 'a.pdf' }, undefined],
];

const huge = 'x'.repeat(2 ** 20);
/** Arguments each method must refuse with INVALID_ARGUMENT before any handler runs. */
const REFUSED: Array<[MethodName, unknown]> = [
  ['payments.pay', { orderId: 'o-1', amount: 0, currency: 'RUB', description: 'd' }],
  ['payments.pay', { orderId: 'o-1', amount: 1.5, currency: 'RUB', description: 'd' }],
  ['payments.pay', { orderId: 'o-1', amount: 100, currency: 'rub', description: 'd' }],
  ['payments.pay', { orderId: 'o 1', amount: 100, currency: 'RUB', description: 'd' }],
  ['payments.pay', { orderId: 'o-1', amount: 100, currency: 'RUB', description: 'line\nbreak' }],
  ['payments.pay', { orderId: 'o-1', amount: 100, currency: 'RUB', description: huge }],
  ['payments.pay', { orderId: 'o-1', amount: 100, currency: 'RUB', description: 'd', extra: 1 }],
  ['payments.status', { paymentId: '../p' }],
  ['push.send', { title: 't'.repeat(65), body: 'b' }],
  ['push.send', { title: 't', body: 'b'.repeat(257) }],
  ['push.send', { title: '   ', body: 'b' }],
  ['push.send', { title: 't', body: 'b', data: { blob: 'x'.repeat(1025) } }],
  ['push.send', { title: 't', body: 'b', route: 'orders/1' }],
  ['push.send', { title: 't', body: 'b', data: [1, 2] }],
  ['push.send', { title: 't', body: 'b', anchor: 'a b' }],
  ['navigation.open', { screen: 'settings' }],
  ['navigation.open', { screen: 'event' }],
  ['navigation.open', { screen: 'bills', id: 'b-1' }],
  ['navigation.open', { screen: '__proto__' }],
  ['navigation.openLink', { url: 'javascript:alert(1)' }],
  ['navigation.openLink', { url: '/relative' }],
  ['popup.show', { message: 'm', buttons: [] }],
  ['popup.show', { message: 'm', buttons: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, text: `B${n}` })) }],
  ['popup.show', { message: 'm', buttons: [{ id: 'a', text: 'A' }, { id: 'a', text: 'B' }] }],
  ['popup.prompt', { message: 'm', maxLength: 10_000 }],
  ['share.share', {}],
  ['share.share', { url: 'ftp://example.com/' }],
  ['storage.get', { keys: [] }],
  ['storage.set', { key: 'k'.repeat(129), value: 'v' }],
  ['storage.set', { key: 'k', value: 'v'.repeat(4097) }],
  ['storage.set', { key: '', value: 'v' }],
  ['haptics.impact', { style: 'explode' }],
  ['files.download', { url: 'https://example.com/a', name: '../etc/passwd' }],
  ['files.download', { data: 'x', name: 'a.txt', type: 'not a type' }],
  ['app.setClosingConfirmation', { enabled: 'yes' }],
  ['app.backResult', { id: 1.5, handled: true }],
];

describe('the bridge methods', () => {
  let opened: OpenedApp;
  let seen: Array<[string, unknown]>;
  beforeEach(async () => {
    seen = [];
    opened = await openFixture({
      app: { id: 'fixture', name: 'Fixture', url: `http://127.0.0.1:${location.port}/test/fixtures/app.html`, capabilities: [...ALL_CAPABILITIES] },
      handlers: recordingHandlers(seen),
    });
    await opened.run('connect');
  });
  afterEach(() => opened.dispose());

  it('has a schema for every method of the protocol, and the protocol a capability for each', () => {
    expect(Object.keys(METHOD_SCHEMAS).sort()).to.deep.equal(Object.keys(METHOD_CAPABILITY).sort());
  });

  for (const [path, args, method, params, result] of CALLS) {
    it(`${path}() reaches the host as ${method} and returns its answer`, async () => {
      expect(await opened.run('api', { path, args })).to.deep.equal(result);
      expect(seen).to.deep.equal([[method, params]]);
    });
  }

  for (const [method, params] of REFUSED) {
    it(`refuses ${method}(${JSON.stringify(params).slice(0, 80)}) before any handler`, async () => {
      const error = await opened.run('call', { method, params }).then(
        () => undefined,
        (failure: { code?: string; message: string }) => failure,
      );
      expect(error?.code, error?.message).to.equal('INVALID_ARGUMENT');
      expect(error!.message.length).to.be.at.most(301);
      expect(seen).to.deep.equal([]);
    });
  }
});

describe('capabilities', () => {
  it('refuses each method whose capability is not granted, and supports() says so beforehand', async () => {
    const seen: Array<[string, unknown]> = [];
    const opened = await openFixture({ handlers: recordingHandlers(seen) }); // granted: user only
    try {
      await opened.run('connect');
      expect(await opened.run('supports', { method: 'user.get' })).to.equal(true);
      expect(await opened.run('supports', { method: 'payments.pay' })).to.equal(false);
      const error = await opened.run('api', { path: 'payments.status', args: ['p-1'] }).catch((failure) => failure);
      expect(error.code).to.equal('PERMISSION_DENIED');
      expect(seen).to.deep.equal([]);
    } finally {
      await opened.dispose();
    }
  });
});

describe('back and closing', () => {
  let opened: OpenedApp;
  afterEach(() => opened?.dispose());

  it('closes on back when the app does not handle it', async () => {
    opened = await openFixture();
    await opened.run('connect');
    expect(await opened.host.back()).to.equal(false);
    expect(opened.host.state).to.equal('closed');
  });

  it('keeps the app open when its back handler went back itself', async () => {
    opened = await openFixture();
    await opened.run('connect');
    await opened.run('onBack', { answer: true });
    await opened.run('call', { method: 'app.ready' }); // the handling request has arrived by now
    expect(await opened.host.back()).to.equal(true);
    expect(opened.host.state).to.equal('ready');
  });

  it('closes when the app says it did not handle back, or does not answer in time', async () => {
    for (const answer of [false, 'hang'] as const) {
      opened = await openFixture({ backTimeoutMs: 300 });
      await opened.run('connect');
      await opened.run('onBack', { answer });
      await opened.run('call', { method: 'app.ready' });
      expect(await opened.host.back(), String(answer)).to.equal(false);
      expect(opened.host.state).to.equal('closed');
    }
  });

  it('closes on the user’s request without asking while the app wants no confirmation', async () => {
    const asked: string[] = [];
    opened = await openFixture({ confirmClose: (app) => (asked.push(app.name), false) });
    await opened.run('connect');
    expect(await opened.host.requestClose()).to.equal(true);
    expect(opened.host.state).to.equal('closed');
    expect(asked).to.deep.equal([]);
  });

  it('asks before a user’s close while the app wants confirmation, and stays open on no', async () => {
    const asked: string[] = [];
    let answer = false;
    opened = await openFixture({ confirmClose: (app) => (asked.push(app.name), answer) });
    await opened.run('connect');
    await opened.run('api', { path: 'setClosingConfirmation', args: [true] });
    expect(await opened.host.requestClose()).to.equal(false);
    expect(opened.host.state).to.equal('connected');
    answer = true;
    expect(await opened.host.requestClose()).to.equal(true);
    expect(opened.host.state).to.equal('closed');
    expect(asked).to.deep.equal(['Fixture', 'Fixture']);
  });
});
