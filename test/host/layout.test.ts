import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { frameLayout, measureDeviceInsets, watchFrameLayout, type Box, type LayoutSource } from '../../src/host/layout.ts';
import type { FrameLayout, Insets } from '../../src/protocol/index.ts';
import { fixtureLoaded, openFixture, type OpenedApp } from '../helpers/frames.ts';

const NONE: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
/** Chromium's emulation of a notched screen: what the page's env(safe-area-inset-*) reports. */
const emulateSafeArea = (insets: Insets) => executeServerCommand<boolean, Insets>('set-safe-area-insets', insets);
const SCREEN = { width: 390, height: 844 };
const nextFrames = (count = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
const STYLE_NAMES = ['--ma-safe-area-top', '--ma-safe-area-right', '--ma-safe-area-bottom', '--ma-safe-area-left', '--ma-viewport-height', '--ma-viewport-stable-height', '--ma-color-brand'];

describe('the frame layout, calculated', () => {
  const phone = { top: 47, right: 0, bottom: 34, left: 0 };

  it('gives a full-screen frame the device insets and its whole size', () => {
    expect(frameLayout({ left: 0, top: 0, ...SCREEN }, SCREEN, { left: 0, top: 0, ...SCREEN }, phone)).to.deep.equal({
      viewport: { width: 390, height: 844, stableHeight: 844 },
      safeArea: phone,
      contentSafeArea: phone,
    });
  });

  it('counts a device inset only on an edge the frame shares with the screen', () => {
    // Below a 56 px host header, 20 px above the bottom: the notch is the header's, the home indicator 14 px over the frame.
    const frame: Box = { left: 0, top: 56, width: 390, height: SCREEN.height - 56 - 20 };
    expect(frameLayout(frame, SCREEN, null, phone).safeArea).to.deep.equal({ top: 0, right: 0, bottom: 14, left: 0 });
    // Landscape with the notch on the left, the frame beside a 100 px host rail.
    const landscape = { width: 844, height: 390 };
    expect(frameLayout({ left: 100, top: 0, width: 744, height: 390 }, landscape, null, { top: 0, right: 47, bottom: 21, left: 47 }).safeArea).to.deep.equal({
      top: 0, right: 47, bottom: 21, left: 0,
    });
  });

  it('adds the host’s chrome to the content safe area, per edge the larger', () => {
    const layout = frameLayout({ left: 0, top: 0, ...SCREEN }, SCREEN, null, phone, { bottom: 83, top: 20 });
    expect(layout.safeArea).to.deep.equal(phone);
    expect(layout.contentSafeArea).to.deep.equal({ top: 47, right: 0, bottom: 83, left: 0 });
  });

  it('keeps junk host insets within the frame: no negatives, no NaN, never more than the frame', () => {
    const layout = frameLayout({ left: 0, top: 0, width: 300, height: 200 }, { width: 300, height: 200 }, null, NONE, { top: -5, right: Number.NaN, bottom: 1e9, left: Infinity });
    expect(layout.contentSafeArea).to.deep.equal({ top: 0, right: 0, bottom: 200, left: 0 });
  });

  it('ends the visible height at the top of an on-screen keyboard, keeping the stable height', () => {
    // The keyboard shrinks the visual viewport to the top 500 px of the screen.
    const layout = frameLayout({ left: 0, top: 0, ...SCREEN }, SCREEN, { left: 0, top: 0, width: 390, height: 500 }, phone);
    expect(layout.viewport).to.deep.equal({ width: 390, height: 500, stableHeight: 844 });
    // A frame below a header sees the keyboard 56 px higher up its own height.
    expect(frameLayout({ left: 0, top: 56, width: 390, height: 788 }, SCREEN, { left: 0, top: 0, width: 390, height: 500 }, NONE).viewport.height).to.equal(444);
    // The visual viewport scrolled down by 100 px (iOS pans it to the focused field).
    expect(frameLayout({ left: 0, top: 0, ...SCREEN }, SCREEN, { left: 0, top: 100, width: 390, height: 500 }, NONE).viewport.height).to.equal(600);
  });

  it('leaves out a pinch-zoomed visual viewport: the frame zooms with the page', () => {
    const layout = frameLayout({ left: 0, top: 0, ...SCREEN }, SCREEN, { left: 50, top: 80, width: 195, height: 422, scale: 2 }, NONE);
    expect(layout.viewport).to.deep.equal({ width: 390, height: 844, stableHeight: 844 });
  });
});

/** A visual viewport the test moves: a keyboard opening is a resize to a smaller height. */
function fakeSource(device: Insets = NONE) {
  const visual = Object.assign(new EventTarget(), { left: 0, top: 0, width: innerWidth, height: innerHeight });
  const source: LayoutSource = {
    visualViewport: visual,
    viewportSize: () => ({ width: innerWidth, height: innerHeight }),
    deviceInsets: () => device,
  };
  return { visual, source };
}

describe('watching the frame layout', () => {
  let element: HTMLDivElement;
  let abort: AbortController;
  beforeEach(() => {
    element = document.createElement('div');
    element.style.cssText = 'position:fixed;left:0;top:0;width:320px;height:400px';
    document.body.append(element);
    abort = new AbortController();
  });
  afterEach(() => {
    abort.abort();
    element.remove();
  });

  function watch(source: LayoutSource, insets?: Partial<Insets>) {
    const seen: FrameLayout[] = [];
    let notify: (() => void) | undefined;
    const watcher = watchFrameLayout(element, {
      signal: abort.signal,
      source,
      ...(insets && { insets }),
      onChange: (layout) => {
        seen.push(layout);
        notify?.();
      },
    });
    const next = () => new Promise<FrameLayout>((resolve) => (notify = () => resolve(seen.at(-1)!)));
    return { watcher, seen, next };
  }

  it('reports a keyboard opening and closing, once each', async () => {
    const { visual, source } = fakeSource();
    const { watcher, seen, next } = watch(source, { bottom: 30 });
    watcher.schedule();
    const first = await next();
    expect(first.viewport).to.deep.equal({ width: 320, height: 400, stableHeight: 400 });
    expect(first.contentSafeArea).to.deep.equal({ top: 0, right: 0, bottom: 30, left: 0 });

    let changed = next();
    visual.height = 250;
    visual.dispatchEvent(new Event('resize'));
    expect((await changed).viewport).to.deep.equal({ width: 320, height: 250, stableHeight: 400 });

    changed = next();
    visual.height = innerHeight;
    visual.dispatchEvent(new Event('resize'));
    expect((await changed).viewport.height).to.equal(400);
    expect(seen).to.have.length(3);
  });

  it('makes one measurement of 20 changes in one frame, and reports nothing when nothing changed', async () => {
    const { visual, source } = fakeSource();
    const { watcher, seen, next } = watch(source);
    watcher.schedule();
    await next();
    const reported = next();
    for (let step = 1; step <= 20; step++) {
      visual.height = 400 - step * 10;
      visual.dispatchEvent(new Event('resize'));
      visual.dispatchEvent(new Event('scroll'));
      dispatchEvent(new Event('resize'));
    }
    expect((await reported).viewport.height).to.equal(200);
    // The same values again: measured at the next frame, not reported.
    visual.dispatchEvent(new Event('resize'));
    await nextFrames();
    expect(seen.map((layout) => layout.viewport.height)).to.deep.equal([400, 200]);
  });

  it('stops when its signal aborts, even with a measurement pending', async () => {
    const { visual, source } = fakeSource();
    const { seen } = watch(source);
    visual.height = 100;
    visual.dispatchEvent(new Event('resize'));
    abort.abort();
    visual.dispatchEvent(new Event('resize'));
    await nextFrames();
    expect(seen).to.deep.equal([]);
  });
});

describe('the layout and theme a running app gets', () => {
  let opened: OpenedApp | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
    await setViewport({ width: 800, height: 600 });
  });

  async function open(options: Parameters<typeof openFixture>[0] = {}) {
    opened = await openFixture(options);
    // Fixed at the page's top left, so the page's own size decides what of it is visible.
    opened.container.style.cssText = 'position:fixed;left:0;top:0;width:360px;height:240px';
    return opened;
  }

  it('carries the frame’s size and the host’s insets in the launch, applied as CSS before the handshake', async () => {
    const container = document.createElement('div');
    container.style.cssText = 'position:fixed;left:0;top:0;width:300px;height:220px;padding:10px;border:2px solid';
    document.body.append(container);
    opened = await openFixture({ container, insets: { bottom: 56, top: 12 }, theme: { scheme: 'dark', colors: { brand: '#ff5722', 'bad key': 'red', link: 'url(x)' } } });
    const launch = await opened.run<any>('launch');
    expect(launch.viewport).to.deep.equal({ width: 300, height: 220, stableHeight: 220 });
    expect(launch.safeArea).to.deep.equal(NONE);
    expect(launch.contentSafeArea).to.deep.equal({ top: 12, right: 0, bottom: 56, left: 0 });
    // No connect yet: the styles come from the fragment alone.
    await opened.run('launchStyles');
    expect(await opened.run('rootStyles', { names: [...STYLE_NAMES, '--ma-color-link'] })).to.deep.equal({
      scheme: 'dark',
      colorScheme: 'dark',
      '--ma-safe-area-top': '12px',
      '--ma-safe-area-right': '0px',
      '--ma-safe-area-bottom': '56px',
      '--ma-safe-area-left': '0px',
      '--ma-viewport-height': '220px',
      '--ma-viewport-stable-height': '220px',
      '--ma-color-brand': '#ff5722',
      // Not a colour: not set.
      '--ma-color-link': '',
    });
    const frame = opened.host.iframe!.getBoundingClientRect();
    expect([frame.width, frame.height]).to.deep.equal([300, 220]);
    await opened.dispose();
    container.remove();
    opened = undefined;
  });

  describe('on a notched screen (emulated)', () => {
    const notch = { top: 47, right: 0, bottom: 34, left: 0 };
    beforeEach(() => emulateSafeArea(notch));
    afterEach(() => emulateSafeArea(NONE));

    it('reads the page’s env(safe-area-inset-*)', () => {
      expect(measureDeviceInsets()).to.deep.equal(notch);
    });

    it('gives a full-height frame the notch and the home indicator, and the host’s tab bar over them', async () => {
      const container = document.createElement('div');
      container.style.cssText = 'position:fixed;left:0;top:0;width:360px;height:100vh';
      document.body.append(container);
      opened = await openFixture({ container, insets: { bottom: 83 } });
      const launch = await opened.run<any>('launch');
      expect(launch.viewport).to.deep.equal({ width: 360, height: innerHeight, stableHeight: innerHeight });
      expect(launch.safeArea).to.deep.equal(notch);
      expect(launch.contentSafeArea).to.deep.equal({ top: 47, right: 0, bottom: 83, left: 0 });
      await opened.run('launchStyles');
      const styles = await opened.run<Record<string, string>>('rootStyles', { names: STYLE_NAMES });
      expect([styles['--ma-safe-area-top'], styles['--ma-safe-area-bottom']]).to.deep.equal(['47px', '83px']);
      await opened.dispose();
      container.remove();
      opened = undefined;
    });

    it('gives a frame below the host’s header no top inset, and tells the app when the frame moves to the top', async () => {
      const container = document.createElement('div');
      container.style.cssText = 'position:fixed;left:0;top:56px;width:360px;bottom:0';
      document.body.append(container);
      opened = await openFixture({ container });
      const launch = await opened.run<any>('launch');
      expect(launch.safeArea).to.deep.equal({ top: 0, right: 0, bottom: 34, left: 0 });
      await opened.run('connect');
      const events = opened.run<FrameLayout[]>('eventsOf', { name: 'viewport', count: 1 });
      // The header goes: the frame grows to the top of the screen, under the notch.
      container.style.top = '0';
      expect((await events)[0]!.safeArea).to.deep.equal(notch);
      await opened.dispose();
      container.remove();
      opened = undefined;
    });
  });

  it('sends a resize of the container as a viewport event, and the app’s CSS follows', async () => {
    await open({ insets: { bottom: 40 } });
    await opened!.run('connect');
    await opened!.run('launchStyles', { follow: true });
    const events = opened!.run<FrameLayout[]>('eventsOf', { name: 'viewport', count: 1 });
    opened!.container.style.width = '320px';
    opened!.container.style.height = '200px';
    expect(await events).to.deep.equal([{
      viewport: { width: 320, height: 200, stableHeight: 200 },
      safeArea: NONE,
      contentSafeArea: { top: 0, right: 0, bottom: 40, left: 0 },
    }]);
    const styles = await opened!.run<Record<string, string>>('rootStyles', { names: STYLE_NAMES });
    expect([styles['--ma-viewport-height'], styles['--ma-viewport-stable-height'], styles['--ma-safe-area-bottom']]).to.deep.equal(['200px', '200px', '40px']);
  });

  it('sends a smaller visual viewport as a lower visible height over the same stable height', async () => {
    // Chromium here has no on-screen keyboard; shrinking the page shrinks its visual viewport the
    // same way, over a frame that keeps its size: the part below the page's bottom is out of view.
    await open();
    await opened!.run('connect');
    await opened!.run('launchStyles', { follow: true });
    const events = opened!.run<FrameLayout[]>('eventsOf', { name: 'viewport', count: 1 });
    await setViewport({ width: 800, height: 150 });
    expect(visualViewport!.height).to.equal(150);
    const [layout] = await events;
    expect(layout!.viewport).to.deep.equal({ width: 360, height: 150, stableHeight: 240 });
    const styles = await opened!.run<Record<string, string>>('rootStyles', { names: STYLE_NAMES });
    expect([styles['--ma-viewport-height'], styles['--ma-viewport-stable-height']]).to.deep.equal(['150px', '240px']);

    const restored = opened!.run<FrameLayout[]>('eventsOf', { name: 'viewport', count: 2 });
    await setViewport({ width: 800, height: 600 });
    expect((await restored)[1]!.viewport).to.deep.equal({ width: 360, height: 240, stableHeight: 240 });
  });

  it('coalesces 20 resizes in one frame into one event with the last size', async () => {
    await open();
    await opened!.run('connect');
    const first = opened!.run<FrameLayout[]>('eventsOf', { name: 'viewport', count: 1 });
    for (let step = 1; step <= 20; step++) {
      opened!.container.style.height = `${240 + step}px`;
      void opened!.container.offsetHeight;
      visualViewport!.dispatchEvent(new Event('resize'));
    }
    expect((await first)[0]!.viewport.height).to.equal(260);
    // Two more frames for any late measurement, then a round trip: an event sent before it has arrived.
    await nextFrames(3);
    await opened!.run('call', { method: 'app.ready' });
    const all = (await opened!.run<any[]>('events')).filter((event) => event.event === 'viewport');
    expect(all.length).to.be.within(1, 2);
    expect(all.at(-1).data.viewport.height).to.equal(260);
  });

  it('sends nothing when nothing changed', async () => {
    await open();
    await opened!.run('connect');
    visualViewport!.dispatchEvent(new Event('resize'));
    dispatchEvent(new Event('resize'));
    await nextFrames(3);
    await opened!.run('call', { method: 'app.ready' });
    // The fixed container kept the launch's size: the first measurement matched the launch.
    const launch = await opened!.run<any>('launch');
    const frame = opened!.host.iframe!.getBoundingClientRect();
    expect(launch.viewport).to.deep.equal({ width: frame.width, height: frame.height, stableHeight: frame.height });
    expect((await opened!.run<any[]>('events')).filter((event) => event.event === 'viewport')).to.deep.equal([]);
  });

  it('tells a reloaded page, which painted from the launch again, the layout it has now', async () => {
    await open();
    await opened!.run('connectAndReady');
    const resized = opened!.run<FrameLayout[]>('eventsOf', { name: 'viewport', count: 1 });
    opened!.container.style.height = '180px';
    expect((await resized)[0]!.viewport.height).to.equal(180);
    const loaded = fixtureLoaded(() => opened!.host.iframe?.contentWindow);
    await opened!.run('reload');
    await loaded;
    const { launch } = await opened!.run<any>('connect');
    expect(launch.viewport.height).to.equal(240);
    expect((await opened!.run<FrameLayout[]>('eventsOf', { name: 'viewport', count: 1 }))[0]!.viewport.height).to.equal(180);
  });

  it('sends a new theme to the app, and its CSS follows', async () => {
    await open({ theme: { scheme: 'light', colors: { brand: '#00875a', separator: '#123456' } } });
    await opened!.run('connect');
    await opened!.run('launchStyles', { follow: true });
    expect(await opened!.run('rootStyles', { names: ['--ma-color-brand', '--ma-color-separator'] })).to.deep.equal({
      scheme: 'light', colorScheme: 'light', '--ma-color-brand': '#00875a', '--ma-color-separator': '#123456',
    });
    const themed = opened!.run('eventsOf', { name: 'theme', count: 1 });
    opened!.host.setTheme({ scheme: 'dark', colors: { brand: '#7b3fe4' } });
    expect(await themed).to.deep.equal([{ scheme: 'dark', colors: { brand: '#7b3fe4' } }]);
    // The previous theme's separator override is gone (the fixture loads no tokens sheet: nothing is left).
    expect(await opened!.run('rootStyles', { names: ['--ma-color-brand', '--ma-color-separator'] })).to.deep.equal({
      scheme: 'dark', colorScheme: 'dark', '--ma-color-brand': '#7b3fe4', '--ma-color-separator': '',
    });
  });
});
