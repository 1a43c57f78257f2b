import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_BATCH } from '../../src/protocol/index.ts';
import { openFixture, type OpenedApp } from '../helpers/frames.ts';

const profile = { id: 'u1', name: 'Anna', phone: '+79990000001' };

describe('a hostile app on the port', () => {
  let opened: OpenedApp;
  let handlerCalls = 0;
  beforeEach(async () => {
    handlerCalls = 0;
    opened = await openFixture({
      handlers: { 'user.get': () => (handlerCalls++, { profile, launchToken: 't' }) },
      rateLimit: false,
    });
    await opened.run('rawHandshake', { version: 1 });
  });
  afterEach(() => opened.dispose());

  it('gets answers to declared methods through comlink’s own client', async () => {
    const ready = await opened.run<any>('comlink', { op: 'apply-ready' });
    expect(ready).to.deep.equal({ ok: true, value: undefined });
    const user = await opened.run<any>('comlink', { op: 'apply-user' });
    expect(user.value.profile).to.deep.equal(profile);
  });

  for (const op of ['get-proto', 'get-constructor', 'get-nested', 'construct', 'apply-nested']) {
    it(`is refused comlink’s generic reach: ${op}`, async () => {
      const result = await opened.run<any>('comlink', { op });
      expect(result.ok, JSON.stringify(result)).to.equal(false);
      expect(result.code).to.be.oneOf(['UNSUPPORTED', 'INVALID_ARGUMENT']);
      // Nothing on the host changed.
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect((Object.prototype as Record<string, unknown>).polluted).to.equal(undefined);
    });
  }

  it('is refused SET, ENDPOINT and deep paths on the wire', async () => {
    const replies = await opened.run<any[]>('rawSend', {
      messages: [
        { id: 's1', type: 'SET', path: ['polluted'], value: { type: 'RAW', value: 1 } },
        { id: 's2', type: 'SET', path: ['__proto__', 'polluted'], value: { type: 'RAW', value: 1 } },
        { id: 's3', type: 'ENDPOINT' },
        { id: 's4', type: 'APPLY', path: ['constructor', 'constructor'], argumentList: [{ type: 'RAW', value: 'return 1' }] },
        { id: 's5', type: 'GET', path: [] },
      ],
    });
    expect(replies.map((reply) => [reply.id, reply.value?.value?.code])).to.deep.equal([
      ['s1', 'UNSUPPORTED'],
      ['s2', 'UNSUPPORTED'],
      ['s3', 'UNSUPPORTED'],
      ['s4', 'UNSUPPORTED'],
      ['s5', 'UNSUPPORTED'],
    ]);
    expect((Object.prototype as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('cannot pass a callback where no method declares one', async () => {
    const channel = new MessageChannel();
    channel.port1.close();
    const replies = await opened.run<any[]>('rawSend', {
      messages: [{ id: 'x1', type: 'APPLY', path: ['user.get'], argumentList: [{ type: 'HANDLER', name: 'proxy', value: null }] }],
    });
    expect(replies[0].type).to.equal('HANDLER');
    expect(replies[0].value.value.code).to.equal('INVALID_ARGUMENT');
    expect(handlerCalls).to.equal(0);
  });

  it('survives thousands of malformed messages and accepts none of them', async () => {
    // Valid calls are not junk: a well-formed user.get, and any app.close (closing is legitimate).
    const wellFormedUserGet = (message: unknown) =>
      Array.isArray(message) && ((message.length === 3 && Number.isSafeInteger(message[0]) && message[1] === 'user.get' && message[2] === undefined) || message[1] === 'app.close');
    const junk = fc.oneof(
      fc.anything(),
      fc.tuple(fc.anything(), fc.string(), fc.anything()),
      fc.tuple(fc.integer(), fc.constantFrom('user.get', 'app.ready', 'app.close', '__proto__', 'constructor', 'toString', 'user.get '), fc.anything()),
      fc.record({ id: fc.anything(), type: fc.constantFrom('GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT'), path: fc.array(fc.string()), argumentList: fc.anything() }),
      fc.array(fc.tuple(fc.anything(), fc.anything(), fc.anything()), { maxLength: 5 }),
    );
    // Keep only messages that are not a valid call of a method the handler serves.
    const messages = fc.sample(junk, { numRuns: 3000, seed: 7 }).filter((message) => !wellFormedUserGet(message) && !(Array.isArray(message) && Array.isArray(message[0])));
    const replies = await opened.run<any[]>('rawSend', { messages, waitMs: 1500 });
    expect(handlerCalls).to.equal(0);
    expect(opened.host.state).to.be.oneOf(['connected', 'ready']);
    // Every reply is an error, or the answer to a well-formed app.ready; the host still works afterwards.
    const flat = replies.flatMap((reply) => (Array.isArray(reply) && Array.isArray(reply[0]) ? reply : [reply]));
    expect(flat.length).to.be.greaterThan(0);
    for (const reply of flat) {
      const ok = Array.isArray(reply) ? reply[1] === 0 : reply.type === 'RAW';
      if (ok) expect(messages.some((m) => (Array.isArray(m) ? m[1] === 'app.ready' : (m as any)?.path?.[0] === 'app.ready'))).to.equal(true);
    }
    const after = await opened.run<any[]>('rawSend', { messages: [[424242, 'user.get', undefined]] });
    expect(after).to.deep.equal([[424242, 0, { profile, launchToken: 't' }]]);
    expect(handlerCalls).to.equal(1);
  });

  it('refuses a batch above the limit as a whole, answering each of its calls', async () => {
    const batch = Array.from({ length: MAX_BATCH + 1 }, (_, index) => [index + 1, 'user.get', undefined]);
    const replies = await opened.run<any[]>('rawSend', { messages: [batch], waitMs: 500 });
    expect(replies).to.have.length(1);
    const answers = replies[0] as any[];
    expect(answers.map((answer) => answer[0])).to.deep.equal(batch.map((call) => call[0]));
    for (const answer of answers) {
      expect(answer[1]).to.equal(1);
      expect(answer[2].code).to.equal('INVALID_ARGUMENT');
    }
    expect(handlerCalls).to.equal(0);
    expect(opened.host.callLog.entries.at(-1)!.method).to.equal('(batch)');
  });
});

describe('handshake fuzz', () => {
  it('accepts no malformed hello and keeps working', async () => {
    const opened = await openFixture();
    const launchId = opened.host.launchId!;
    const hellos = fc.sample(
      fc.oneof(
        fc.anything(),
        fc.record({ type: fc.constantFrom('miniapp:hello', 'hello', 'miniapp:welcome'), launchId: fc.oneof(fc.string(), fc.constant(launchId.toUpperCase()), fc.constant(launchId + ' ')), version: fc.anything() }),
        fc.record({ type: fc.constant('miniapp:hello'), launchId: fc.constant(launchId), version: fc.oneof(fc.string(), fc.double(), fc.constant(-1), fc.constant(null)) }),
      ),
      { numRuns: 2000, seed: 11 },
    );
    const valid = (hello: any) =>
      hello?.type === 'miniapp:hello' && hello.launchId === launchId && Number.isSafeInteger(hello.version) && hello.version >= 0;
    const malformed = hellos.filter((hello) => !valid(hello));
    expect(malformed.length).to.be.greaterThan(1500);
    // Post each from the app's own frame, the strongest position an attacker can hold.
    let accepted = 0;
    for (let index = 0; index < malformed.length; index += 250) {
      const answers = await Promise.all(
        malformed.slice(index, index + 250).map((message) => opened.run<any>('postRaw', { message, launchId, targetOrigin: location.origin })),
      );
      accepted += answers.filter((answer) => answer !== 'no-answer').length;
    }
    expect(accepted).to.equal(0);
    expect(opened.host.state).to.equal('loading');
    await opened.run('connect');
    expect(opened.host.state).to.equal('connected');
    await opened.dispose();
  });
});
