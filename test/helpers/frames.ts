import { sendMouse } from '@web/test-runner-commands';
import { MiniAppHost, type MiniAppHostOptions } from '../../src/host/index.ts';

/** The second origin: the tests run on localhost, mini-apps on 127.0.0.1 (another site). */
export const APP_ORIGIN = `http://127.0.0.1:${location.port}`;
export const FIXTURE_URL = `${APP_ORIGIN}/test/fixtures/app.html`;

let nextCommandId = 0;

/** Runs a fixture command inside a frame and resolves with its result (rejects with its error). */
export function runInFrame<T = any>(frame: Window, command: string, args?: unknown, timeoutMs = 8000): Promise<T> {
  const id = ++nextCommandId;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      removeEventListener('message', onMessage);
      reject(new Error(`fixture command ${command} timed out`));
    }, timeoutMs);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame || event.data?.fixture !== 'result' || event.data.id !== id) return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      if (event.data.ok) resolve(event.data.value as T);
      else reject(Object.assign(new Error(event.data.error.message), { code: event.data.error.code }));
    };
    addEventListener('message', onMessage);
    frame.postMessage({ fixture: 'run', id, command, args }, '*');
  });
}

/** Resolves when the fixture in `frame` has loaded its script. */
export function fixtureLoaded(frame: () => Window | null | undefined, timeoutMs = 15000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      removeEventListener('message', onMessage);
      reject(new Error('fixture did not load'));
    }, timeoutMs);
    const onMessage = (event: MessageEvent) => {
      if (event.data?.fixture !== 'loaded' || event.source !== frame()) return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      resolve(event.data.href);
    };
    addEventListener('message', onMessage);
  });
}

export interface OpenedApp {
  host: MiniAppHost;
  container: HTMLElement;
  frame: () => Window;
  run<T = any>(command: string, args?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/** Opens the fixture app in a host on this page and waits until its script listens. */
export async function openFixture(options: Partial<MiniAppHostOptions> & { query?: string } = {}): Promise<OpenedApp> {
  const container = document.createElement('div');
  container.style.cssText = 'width:360px;height:240px';
  document.body.append(container);
  const host = new MiniAppHost({
    app: { id: 'fixture', name: 'Fixture', url: FIXTURE_URL + (options.query ?? ''), capabilities: ['user'] },
    container,
    closeGraceMs: 0,
    ...options,
  });
  const frame = () => host.iframe!.contentWindow!;
  const loaded = fixtureLoaded(() => host.iframe?.contentWindow);
  host.open();
  await loaded;
  return {
    host,
    container,
    frame,
    run: (command, args) => runInFrame(frame(), command, args),
    async dispose() {
      await host.close();
      container.remove();
    },
  };
}

/** Resolves with the next event of `type` on `target`. */
export function nextEvent<T = unknown>(target: EventTarget, type: string, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event`)), timeoutMs);
    target.addEventListener(type, (event) => {
      clearTimeout(timer);
      resolve((event as CustomEvent<T>).detail);
    }, { once: true });
  });
}

/**
 * A real mouse click at `at` (a point in the frame's own coordinates) that is sure to have landed:
 * an out-of-process frame drops input until it has been composited, which a loaded machine can
 * delay, so the click is repeated (up to `tries` times) until the fixture saw a trusted click.
 */
export async function clickInFrame(iframe: HTMLIFrameElement, at: { x: number; y: number }, tries = 5): Promise<void> {
  const frame = iframe.contentWindow!;
  const before = await runInFrame<number>(frame, 'trustedClicks');
  for (let attempt = 1; attempt <= tries; attempt++) {
    // A click lands only inside the window: bring the frame into view first.
    iframe.scrollIntoView({ block: 'start', inline: 'start' });
    const box = iframe.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + at.x), Math.round(box.top + at.y)] });
    for (let waited = 0; waited < 1000; waited += 50) {
      if ((await runInFrame<number>(frame, 'trustedClicks')) > before) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`no click reached the frame in ${tries} tries`);
}
