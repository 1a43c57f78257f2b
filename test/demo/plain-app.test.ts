import { expect } from '@open-wc/testing';
import { MiniAppHost } from '../../src/host/index.ts';
import { APP_ORIGIN, nextEvent } from '../helpers/frames.ts';

const PLAIN_URL = `${APP_ORIGIN}/demo/apps/plain/index.html`;

/** The demo's no-SDK app (ready on load) in a bare host on this page. */
function openPlain(options: { probeAfterMs: number; scheme: 'light' | 'dark' }) {
  const container = document.createElement('div');
  container.style.cssText = 'width:360px;height:240px';
  document.body.append(container);
  const host = new MiniAppHost({
    app: { id: 'plain-page', name: 'Plain page', url: PLAIN_URL, capabilities: [], readiness: 'load' },
    container,
    closeGraceMs: 0,
    probeAfterMs: options.probeAfterMs,
    theme: { scheme: options.scheme },
  });
  return { host, container };
}

describe('a mini-app without the SDK', () => {
  let opened: ReturnType<typeof openPlain> | undefined;
  let realFetch: typeof fetch;
  afterEach(async () => {
    globalThis.fetch = realFetch ?? globalThis.fetch;
    await opened?.host.close();
    opened?.container.remove();
    opened = undefined;
  });

  it('is not probed once it is ready on load', async () => {
    realFetch = globalThis.fetch;
    const probes: string[] = [];
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === PLAIN_URL) probes.push(String(input));
      return realFetch(input, init);
    }) as typeof fetch;
    opened = openPlain({ probeAfterMs: 300, scheme: 'light' });
    const ready = nextEvent(opened.host, 'ready');
    opened.host.open();
    await ready;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(probes).to.deep.equal([]);
  });

  for (const scheme of ['dark', 'light'] as const) {
    it(`paints ${scheme} when the host's launch fragment says ${scheme}, whatever the system says`, async () => {
      // Loaded on this page's own origin (outside a host) only to read what it painted.
      const frame = document.createElement('iframe');
      const fragment = encodeURIComponent(JSON.stringify({ theme: { scheme }, locale: 'ru' }));
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = `/demo/apps/plain/index.html#miniapp=${fragment}`;
      document.body.append(frame);
      try {
        await loaded;
        const page = frame.contentDocument!;
        expect(page.documentElement.lang).to.equal('ru');
        expect(getComputedStyle(page.body).backgroundColor).to.equal(scheme === 'dark' ? 'rgb(28, 28, 30)' : 'rgb(255, 255, 255)');
        expect(page.querySelector('main h1')).to.not.equal(null);
      } finally {
        frame.remove();
      }
    });
  }
});
