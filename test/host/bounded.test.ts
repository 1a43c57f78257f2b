import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CallLog } from '../../src/host/index.ts';
import { MAX_BATCH } from '../../src/protocol/index.ts';
import { openFixture, runInFrame, type OpenedApp } from '../helpers/frames.ts';

const profile = { id: 'u1', name: 'Anna', phone: '+79990000001' };
const user = { profile, launchToken: 't' };

/** The host page's heap after a full GC, in bytes (needs --expose-gc and precise memory info). */
async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run Chromium with --js-flags=--expose-gc');
  for (let round = 0; round < 3; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

describe('what a hostile app sends stays bounded on the host', () => {
  let opened: OpenedApp;
  afterEach(() => opened?.dispose());

  it('keeps nothing of 1 GiB of huge strings sent through every path', async function () {
    this.timeout(120_000);
    opened = await openFixture({ handlers: { 'user.get': () => user } });
    await opened.run('rawHandshake', { version: 1 });
    const before = await heapAfterGc();
    // 8 paths × 2 rounds × 64 MiB = 1 GiB, each string a fresh copy on the host.
    const { sent, mib } = await runInFrame<{ sent: number; mib: number }>(opened.frame(), 'hostileStrings', { mb: 64, rounds: 2 }, 100_000);
    expect(mib).to.equal(1024);
    expect(sent).to.equal(16);
    const after = await heapAfterGc();
    const grown = after - before;
    // Before bounded copies, three 100 MiB strings left 300–700 MB behind.
    expect(grown, `heap grew by ${(grown / 2 ** 20).toFixed(1)} MiB`).to.be.below(8 * 2 ** 20);
    expect(opened.host.state).to.equal('ready');
    // What the log kept of them is short.
    for (const entry of opened.host.callLog.entries) {
      expect(entry.method.length).to.be.at.most(65);
      expect((entry.errorMessage ?? '').length).to.be.at.most(301);
      expect(JSON.stringify(entry.args ?? null).length).to.be.below(4000);
    }
    expect(opened.host.callLog.bytes).to.be.below(4 * 2 ** 20);
  });

  it('keeps a __proto__ key in arguments as plain null-prototype data', async () => {
    opened = await openFixture({ handlers: { 'user.get': () => user } });
    await opened.run('rawHandshake', { version: 1 });
    await opened.run('rawSend', { messages: [JSON.parse('[7, "app.close", {"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}]')] });
    const entry = opened.host.callLog.entries.find((candidate) => candidate.method === 'app.close')!;
    const args = entry.args as Record<string, unknown>;
    expect(Object.getPrototypeOf(args)).to.equal(null);
    expect(Object.keys(args)).to.include('__proto__');
    expect((args as { polluted?: unknown }).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(args.__proto__)).to.equal(null);
    expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
  });

  it('charges refused, unknown and malformed messages to the rate limit', async () => {
    opened = await openFixture({ handlers: { 'user.get': () => user }, rateLimit: { burst: 50, perSecond: 1 } });
    await opened.run('rawHandshake', { version: 1 });
    const junk = Array.from({ length: 60 }, (_, index) => [index + 1, `no.such.method.${index}`, undefined]);
    const replies = await opened.run<any[]>('rawSend', { messages: [junk, [999, 'user.get', undefined]] });
    const answers = replies.flatMap((reply) => (Array.isArray(reply[0]) ? reply : [reply]));
    const codes = answers.map((answer) => answer[2]?.code ?? 'ok');
    expect(codes.filter((code) => code === 'UNSUPPORTED')).to.have.length(50);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).to.have.length(11);
    expect(answers.find((answer) => answer[0] === 999)[2].code).to.equal('RATE_LIMITED');
  });
});

describe('a flood costs the host bounded time per task', () => {
  for (const rateLimit of [false, undefined] as const) {
    it(`holds the host's event loop under 100 ms at a time through 200,000 junk calls (${rateLimit === false ? 'no rate limit' : 'default rate limit'})`, async function () {
      this.timeout(60_000);
      const opened = await openFixture({ handlers: { 'user.get': () => user }, ...(rateLimit === false && { rateLimit }) });
      try {
        await opened.run('rawHandshake', { version: 1 });
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
        observer.observe({ type: 'longtask' });
        const junk = (size: number) => Array.from({ length: size }, (_, index) => [index + 1, `junk.${index}`, { index }]);
        // Ten batches far above the limit, then a hundred at it.
        const replies = await opened.run<any[]>('rawSend', { messages: [...Array(10).fill(junk(10_000)), ...Array(100).fill(junk(MAX_BATCH))], waitMs: 3000 });
        observer.disconnect();
        expect(replies).to.have.length(110);
        expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.map((ms) => ms.toFixed(0)).join(', ')} ms`).to.be.below(100);
      } finally {
        await opened.dispose();
      }
    });
  }
});

describe('one launch cannot push another out of a shared log', () => {
  it('keeps a quiet app’s entries while a hostile one floods the log', async () => {
    const callLog = new CallLog({ entries: 200 });
    const quiet = await openFixture({ callLog, handlers: { 'user.get': () => user } });
    const hostile = await openFixture({ callLog, handlers: { 'user.get': () => user }, rateLimit: false });
    try {
      await quiet.run('connect');
      for (let index = 0; index < 5; index++) await quiet.run('call', { method: 'user.get' });
      await hostile.run('rawHandshake', { version: 1 });
      const flood = Array.from({ length: 5000 }, (_, index) => [index + 1, `junk.${index}`, { index }]);
      await hostile.run('rawSend', { messages: [flood, flood.slice(0, 3000)], waitMs: 800 });
      const quietEntries = callLog.entries.filter((entry) => entry.launchId === quiet.host.launchId);
      expect(quietEntries.map((entry) => entry.method)).to.deep.equal(['user.get', 'user.get', 'user.get', 'user.get', 'user.get']);
      expect(callLog.entries.length).to.be.at.most(200);
      expect(callLog.entries.at(-1)!.launchId).to.equal(hostile.host.launchId);
    } finally {
      await quiet.dispose();
      await hostile.dispose();
    }
  });
});

describe('the SDK never hangs', () => {
  let opened: OpenedApp;
  afterEach(() => opened?.dispose());

  for (const kind of ['function', 'event', 'cyclicWithFunction', 'wasmModule', 'domNode', 'nestedFunction']) {
    it(`rejects a call whose argument is ${kind} at once, and the next call works`, async () => {
      opened = await openFixture({ handlers: { 'user.get': () => user } });
      await opened.run('connect');
      const { first, next } = await opened.run<any>('uncloneable', { kind, method: 'user.get' });
      expect(first.ok).to.equal(false);
      expect(first.code).to.equal('INVALID_ARGUMENT');
      expect(first.message).to.contain('user.get');
      expect(next).to.deep.equal({ ok: true, value: undefined });
    });
  }

  it('leaves a click event out of app.close, as button.addEventListener("click", app.close) passes one', async () => {
    let closeRequests = 0;
    opened = await openFixture();
    opened.host.addEventListener('close-request', (event) => {
      closeRequests++;
      event.preventDefault();
    });
    await opened.run('connect');
    const { first, next } = await opened.run<any>('uncloneable', { kind: 'event', method: 'app.close' });
    expect(first).to.deep.equal({ ok: true, value: undefined });
    expect(next.ok).to.equal(true);
    expect(closeRequests).to.equal(1);
  });

  for (const n of [10_001, 100_000]) {
    it(`settles all of ${n.toLocaleString('en')} calls made in one task`, async function () {
      this.timeout(60_000);
      opened = await openFixture({ handlers: { 'user.get': () => user } });
      await opened.run('connect');
      const { settled, codes } = await opened.run<any>('burstSettled', { method: 'user.get', n });
      expect(settled).to.equal(n);
      // The default rate limit lets a burst of 2,000 through and refuses the rest.
      expect(codes.ok).to.be.at.least(2000);
      expect((codes.ok ?? 0) + (codes.RATE_LIMITED ?? 0)).to.equal(n);
      expect((await opened.run<any>('timedCall', { method: 'app.ready' })).ok).to.equal(true);
    });
  }

  it('settles all of 20,000 calls in one task without a rate limit, split to the announced batch size', async function () {
    this.timeout(60_000);
    opened = await openFixture({ handlers: { 'user.get': () => user }, rateLimit: false });
    await opened.run('connect');
    const { settled, codes } = await opened.run<any>('burstSettled', { method: 'user.get', n: 20_000 });
    expect(settled).to.equal(20_000);
    expect(codes).to.deep.equal({ ok: 20_000 });
  });

  it('rejects a call with TIMEOUT after its own timeout when the host never answers', async () => {
    opened = await openFixture({ handlers: { 'user.get': () => new Promise(() => undefined) }, callTimeoutMs: 60_000 });
    await opened.run('connect');
    const outcome = await opened.run<any>('timedCall', { method: 'user.get', timeout: 200 });
    expect(outcome.ok).to.equal(false);
    expect(outcome.code).to.equal('TIMEOUT');
    expect(outcome.ms).to.be.within(150, 3000);
  });

  it('applies connect’s callTimeout to every call', async () => {
    opened = await openFixture({ handlers: { 'user.get': () => new Promise(() => undefined) }, callTimeoutMs: 60_000 });
    await opened.run('connect', { callTimeout: 250 });
    const outcome = await opened.run<any>('timedCall', { method: 'user.get' });
    expect(outcome.code).to.equal('TIMEOUT');
    expect(outcome.ms).to.be.within(200, 3000);
  });

  it('waits as long as the host announces for a method that waits for the user', async () => {
    opened = await openFixture({
      app: { id: 'fixture', name: 'Fixture', url: `http://127.0.0.1:${location.port}/test/fixtures/app.html`, capabilities: ['user', 'popups'] },
      handlers: { 'user.get': () => new Promise(() => undefined), 'popup.show': () => new Promise(() => undefined) },
    });
    await opened.run('connect', { callTimeout: 250 });
    const quick = await opened.run<any>('timedCall', { method: 'user.get' });
    expect(quick.code).to.equal('TIMEOUT');
    // popup.show is announced as interactive (15 min), so it outlives the app's 250 ms.
    expect(await opened.run('standingAfter', { path: 'popup.show', args: [{ message: 'Still here?' }], ms: 800 })).to.equal('pending');
  });

  it('settles a call in flight on a port the host replaced, and fails later calls at once', async () => {
    opened = await openFixture({ handlers: { 'user.get': () => new Promise(() => undefined) }, callTimeoutMs: 60_000 });
    await opened.run('connect');
    await opened.run('startPending', { method: 'user.get' });
    expect(await opened.run('secondHello')).to.equal('miniapp:welcome');
    const outcome = await opened.run<any>('pendingOutcome');
    expect(outcome.ok).to.equal(false);
    expect(outcome.code).to.equal('CANCELLED');
    const later = await opened.run<any>('timedCall', { method: 'app.ready' });
    expect(later.code).to.equal('CANCELLED');
    expect(later.ms).to.be.below(100);
    const events = await opened.run<any[]>('events');
    expect(events.filter((event) => event.event === 'disconnected')).to.deep.equal([{ event: 'disconnected', data: { reason: 'replaced' } }]);
  });
});

describe('mixed junk batches', () => {
  it('answers every call of every batch exactly once and keeps working', async function () {
    this.timeout(60_000);
    let handled = 0;
    const opened = await openFixture({ handlers: { 'user.get': () => (handled++, user) }, rateLimit: false });
    try {
      await opened.run('rawHandshake', { version: 1 });
      let nextId = 1;
      const call = fc.tuple(
        fc.oneof(fc.constantFrom('user.get', 'app.ready', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''), fc.string(), fc.integer(), fc.constant(null)),
        fc.oneof(fc.constant(undefined), fc.anything(), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'reason', 'x'), fc.anything())),
      );
      const junk = fc.oneof(fc.anything(), fc.tuple(fc.string(), fc.anything()), fc.array(fc.anything(), { minLength: 4, maxLength: 6 }));
      const item = fc.oneof({ weight: 3, arbitrary: call.map(([method, params]) => ({ call: [0, method, params] })) }, { weight: 1, arbitrary: junk.map((value) => ({ junk: value })) });
      // A batch starts with a call (a message starting with an id is one call); junk may follow anywhere.
      const batches = fc.sample(fc.tuple(call, fc.array(item, { minLength: 1, maxLength: 40 })), { numRuns: 150, seed: 23 }).map(([first, rest]) => [
        [nextId++, first[0], first[1]],
        ...rest.map((entry) => ('call' in entry ? [nextId++, entry.call[1], entry.call[2]] : entry.junk)),
      ]);
      const callIds = batches.flat().filter((entry) => Array.isArray(entry) && entry.length === 3 && Number.isSafeInteger(entry[0])).map((entry) => (entry as unknown[])[0]);
      const replies = await opened.run<any[]>('rawSend', { messages: batches, waitMs: 1500 });
      const answers = replies.flatMap((reply) => (Array.isArray(reply) && Array.isArray(reply[0]) ? reply : [reply]));
      const answered = answers.map((answer) => answer[0]).sort((a, b) => a - b);
      expect(answered).to.deep.equal([...callIds].sort((a, b) => (a as number) - (b as number)));
      expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
      for (const entry of opened.host.callLog.entries) {
        if (entry.args && typeof entry.args === 'object' && !Array.isArray(entry.args)) expect(Object.getPrototypeOf(entry.args)).to.equal(null);
      }
      const after = await opened.run<any[]>('rawSend', { messages: [[0x7fff_ffff, 'user.get', undefined]] });
      expect(after).to.deep.equal([[0x7fff_ffff, 0, user]]);
      expect(handled).to.be.greaterThan(0);
    } finally {
      await opened.dispose();
    }
  });
});
