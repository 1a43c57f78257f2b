import { expect } from '@open-wc/testing';
import { MiniAppHost } from '../../src/host/index.ts';
import { FIXTURE_URL, nextEvent } from '../helpers/frames.ts';

/** Counts what the host allocates on this page: message listeners, ports, timers, observers. */
function instrument() {
  const live = { listeners: new Set<unknown>(), ports: new Set<MessagePort>(), timers: new Set<unknown>(), observers: new Set<ResizeObserver>() };
  const restore: Array<() => void> = [];
  const patch = <T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = make(original);
    restore.push(() => (target[key] = original));
  };
  patch(window, 'addEventListener', (original) => function (this: Window, type: string, listener: any, options?: any) {
    if (type === 'message') {
      const signal: AbortSignal | undefined = typeof options === 'object' ? options.signal : undefined;
      if (!signal?.aborted) {
        live.listeners.add(listener);
        signal?.addEventListener('abort', () => live.listeners.delete(listener));
      }
    }
    return (original as any).call(this, type, listener, options);
  } as any);
  patch(window, 'removeEventListener', (original) => function (this: Window, type: string, listener: any, options?: any) {
    if (type === 'message') live.listeners.delete(listener);
    return (original as any).call(this, type, listener, options);
  } as any);
  // A port counts once the host serves it, whichever side made the channel.
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    ...onmessage,
    set(this: MessagePort, handler: unknown) {
      if (handler) live.ports.add(this);
      onmessage.set!.call(this, handler);
    },
  });
  restore.push(() => Object.defineProperty(MessagePort.prototype, 'onmessage', onmessage));
  patch(MessagePort.prototype, 'close', (original) => function (this: MessagePort) {
    live.ports.delete(this);
    return (original as any).call(this);
  });
  patch(window, 'setTimeout', (original) => ((handler: any, ms?: number, ...args: any[]) => {
    const id = (original as any)((...inner: any[]) => {
      live.timers.delete(id);
      handler(...inner);
    }, ms, ...args);
    live.timers.add(id);
    return id;
  }) as any);
  patch(window, 'clearTimeout', (original) => ((id: any) => {
    live.timers.delete(id);
    return (original as any)(id);
  }) as any);
  patch(window, 'ResizeObserver', (Original) => class extends (Original as typeof ResizeObserver) {
    constructor(callback: ResizeObserverCallback) {
      super(callback);
      live.observers.add(this);
    }
    override disconnect() {
      live.observers.delete(this);
      super.disconnect();
    }
  } as any);
  return { live, restore: () => restore.reverse().forEach((undo) => undo()) };
}

describe('closing frees everything', () => {
  it('leaves no iframe, port, listener, timer or observer behind after 100 open/close cycles', async function () {
    this.timeout(120_000);
    const container = document.createElement('div');
    container.style.cssText = 'width:200px;height:200px';
    document.body.append(container);
    const { live, restore } = instrument();
    try {
      for (let cycle = 0; cycle < 100; cycle++) {
        const host = new MiniAppHost({
          app: { id: `cycle-${cycle}`, name: 'Cycle', url: `${FIXTURE_URL}?autoready`, capabilities: ['user'] },
          container,
          closeGraceMs: cycle % 3 === 0 ? 5 : 0,
        });
        // Two thirds of the cycles run until ready; the rest close while still loading.
        if (cycle % 3 !== 2) {
          const ready = nextEvent(host, 'ready');
          host.open();
          await ready;
        } else {
          host.open();
        }
        await host.close();
        expect(host.state).to.equal('closed');
      }
      // Probes and timers of closed hosts settle in the next turns.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(container.querySelectorAll('iframe').length, 'iframes').to.equal(0);
      expect(live.listeners.size, 'message listeners').to.equal(0);
      expect(live.ports.size, 'open ports').to.equal(0);
      expect(live.observers.size, 'resize observers').to.equal(0);
      expect(live.timers.size, 'pending timers').to.equal(0);
    } finally {
      restore();
      container.remove();
    }
  });

  it('counts what it should: an open host holds a listener, a port and a timer', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const { live, restore } = instrument();
    try {
      const host = new MiniAppHost({ app: { id: 'one', name: 'One', url: `${FIXTURE_URL}?autoready`, capabilities: [] }, container, closeGraceMs: 0, readyTimeoutMs: 60_000 });
      const connected = new Promise<void>((resolve) => {
        const check = () => (host.state === 'connected' || host.state === 'ready' ? resolve() : setTimeout(check, 10));
        check();
      });
      host.open();
      expect(live.listeners.size).to.equal(1);
      expect(live.timers.size).to.be.greaterThan(0);
      await connected;
      expect(live.ports.size).to.equal(1);
      await host.close();
      expect(live.listeners.size + live.ports.size).to.equal(0);
    } finally {
      restore();
      container.remove();
    }
  });
});
