import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { BackendError } from '../../src/backend/errors.ts';
import { createChatHandlers, HostError, type CallContext, type ChatFactory } from '../../src/host/index.ts';
import type { Capability } from '../../src/protocol/index.ts';
import { installTokens } from '../../ui-kit/tokens/index.ts';
import { botEntry, entry, FakeChatController, STAFF } from '../ui-kit/chat-fake.ts';
import { FIXTURE_URL, openFixture, type OpenedApp } from '../helpers/frames.ts';

/*
 * chat.open on the host, with the app on another site: the gate, the sheet over the app with
 * <ma-chat> in it, Escape and focus, one sheet at a time, and the host opening it by itself.
 */

installTokens();
// <ma-chat>'s virtualizer resizes rows in the frame it measured them: a benign ResizeObserver loop report.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const SHEET = 'dialog.ma-chat-sheet';

class ClosableController extends FakeChatController {
  closed = 0;
  close(): void {
    this.closed++;
  }
}

/** A conversation as a resident sees it once the bot has greeted and a person replied. */
function sampleController(): ClosableController {
  return new ClosableController({
    status: 'open',
    entries: [
      botEntry(1, { kind: 'greeting', employeeId: 'staff-olga', title: 'Corner Bakery', text: 'Hello! We answer within a few minutes.' }),
      entry({ seq: 2, author: STAFF, text: 'Your cake is on its way' }),
    ],
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

const sheet = () => document.querySelector<HTMLDialogElement>(`${SHEET}[open]`);

async function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('the call did not fail');
}

describe('chat.open: the host’s chat sheet over a cross-origin app', () => {
  let opened: OpenedApp | undefined;
  let contexts: CallContext[];

  async function open(options: { capabilities?: Capability[]; chat?: ChatFactory | null } = {}): Promise<OpenedApp> {
    contexts = [];
    const factory = options.chat === undefined ? () => sampleController() : options.chat;
    const handlers = factory
      ? createChatHandlers({
          locale: 'en',
          chat: (context) => {
            contexts.push(context);
            return factory(context);
          },
        })
      : {};
    opened = await openFixture({
      app: { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: options.capabilities ?? ['chat'] },
      handlers,
    });
    opened.container.style.cssText = 'position: fixed; top: 0; left: 0; width: 400px; height: 560px';
    await opened.run('connect');
    return opened;
  }

  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
    document.querySelectorAll(SHEET).forEach((node) => node.remove());
  });

  it('loads <ma-chat> only when a sheet first opens', async () => {
    expect(customElements.get('ma-chat'), 'defined before any open').to.equal(undefined);
    const app = await open();
    await app.run('api', { path: 'chat.open' });
    expect(customElements.get('ma-chat')).to.not.equal(undefined);
  });

  it('refuses an app without the chat capability with PERMISSION_DENIED, asking nothing', async () => {
    const app = await open({ capabilities: ['user'] });
    const error = await failure(app.run('api', { path: 'chat.open' }));
    expect(error.code).to.equal('PERMISSION_DENIED');
    expect(error.message).to.contain('chat');
    expect(contexts).to.have.length(0);
    expect(sheet()).to.equal(null);
  });

  it('answers UNSUPPORTED when the host has no chat, and tells the app so in supports()', async () => {
    const app = await open({ chat: null });
    expect(await app.run('supports', { method: 'chat.open' })).to.equal(false);
    const error = await failure(app.run('api', { path: 'chat.open' }));
    expect(error.code).to.equal('UNSUPPORTED');
    expect(sheet()).to.equal(null);
  });

  it('answers UNSUPPORTED when the host has no chat for this app (null, or the backend’s CHAT_DISABLED)', async () => {
    const app = await open({ chat: () => null });
    expect(await app.run('supports', { method: 'chat.open' })).to.equal(true);
    const none = await failure(app.run('api', { path: 'chat.open' }));
    expect(none.code).to.equal('UNSUPPORTED');
    expect(none.message).to.contain('Corner Bakery has no chat');
    await opened!.dispose();

    const disabled = await open({ chat: async () => Promise.reject(new BackendError('CHAT_DISABLED', 'internal detail', undefined, 404)) });
    const error = await failure(disabled.run('api', { path: 'chat.open' }));
    expect(error.code).to.equal('UNSUPPORTED');
    expect(error.message, 'the backend’s text stays on the host').to.not.contain('internal detail');
    expect(sheet()).to.equal(null);
  });

  it('keeps a factory’s HostError code and hides any other failure as INTERNAL', async () => {
    const app = await open({ chat: () => Promise.reject(new HostError('UNAUTHORIZED', 'Sign in first')) });
    expect((await failure(app.run('api', { path: 'chat.open' }))).code).to.equal('UNAUTHORIZED');
    await opened!.dispose();
    const broken = await open({ chat: () => { throw new Error('secret stack'); } });
    const error = await failure(broken.run('api', { path: 'chat.open' }));
    expect(error.code).to.equal('INTERNAL');
    expect(error.message).to.not.contain('secret');
    // A failed open leaves nothing behind: the next one goes through.
    await opened!.dispose();
    const again = await open();
    await again.run('api', { path: 'chat.open' });
    expect(sheet()).to.not.equal(null);
  });

  it('shows the sheet with the app’s name and the controller’s messages over the app, and resolves once shown', async () => {
    const controller = sampleController();
    const app = await open({ chat: () => controller });
    await app.run('api', { path: 'chat.open' });
    const dialog = sheet();
    expect(dialog, 'the sheet is open when the call resolves').to.not.equal(null);
    expect(dialog!.matches(':modal')).to.equal(true);
    expect(dialog!.querySelector('h2')!.textContent).to.equal('Corner Bakery');
    expect(dialog!.getAttribute('aria-label')).to.equal('Chat: Corner Bakery');
    expect(contexts[0]!.appId).to.equal('bakery');
    expect(contexts[0]!.frame === app.host.iframe, 'the context names the app’s frame').to.equal(true);

    const chat = dialog!.querySelector('ma-chat') as HTMLElement & { controller: unknown; layoutComplete: Promise<void> };
    expect(chat.controller === controller, 'the widget shows the factory’s controller').to.equal(true);
    await chat.layoutComplete;
    await until(() => (chat.shadowRoot?.textContent ?? '').includes('Your cake is on its way'), 'the staff message');
    expect(chat.shadowRoot!.textContent).to.contain('Hello! We answer within a few minutes.');
    controller.receive(entry({ seq: 3, author: STAFF, text: 'It arrives at six' }));
    await until(() => (chat.shadowRoot?.textContent ?? '').includes('It arrives at six'), 'a message that arrived while open');

    // Over the app: the sheet lies within the frame, and the frame's lower half is under it.
    const frame = app.host.iframe!.getBoundingClientRect();
    const box = dialog!.getBoundingClientRect();
    expect(box.left).to.be.closeTo(frame.left, 1);
    expect(box.width).to.be.closeTo(frame.width, 1);
    expect(box.bottom).to.be.closeTo(frame.bottom, 1);
    expect(box.top).to.be.greaterThan(frame.top);
    const hit = document.elementFromPoint(frame.left + frame.width / 2, frame.top + frame.height * 0.75);
    expect(dialog!.contains(hit), 'the sheet is on top of the app').to.equal(true);
  });

  it('closes on Escape and gives focus back into the app’s frame; the controller is closed', async () => {
    const controller = sampleController();
    const app = await open({ chat: () => controller });
    await app.run('api', { path: 'chat.open' });
    const dialog = sheet()!;
    expect(dialog.contains(document.activeElement), 'focus moved into the sheet').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => sheet() === null, 'the sheet to close');
    expect(dialog.isConnected).to.equal(false);
    expect(document.activeElement === app.host.iframe, `focus is on ${document.activeElement?.localName}, not the app’s frame`).to.equal(true);
    expect(controller.closed).to.equal(1);
  });

  it('keeps focus in the sheet while it is open: Tab and Shift+Tab never reach the page or the app', async () => {
    const app = await open();
    const outside = document.createElement('button');
    outside.textContent = 'outside';
    document.body.append(outside);
    try {
      await app.run('api', { path: 'chat.open' });
      const dialog = sheet()!;
      for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
        await sendKeys({ press: key });
        expect(document.activeElement === outside || document.activeElement === app.host.iframe, `${key} left the sheet`).to.equal(false);
        if (document.activeElement !== document.body) expect(dialog.contains(document.activeElement), `${key} stays in the sheet`).to.equal(true);
      }
    } finally {
      outside.remove();
    }
  });

  it('closes with its close button, and refuses a second open while one is open', async () => {
    const app = await open();
    await app.run('api', { path: 'chat.open' });
    const error = await failure(app.run('api', { path: 'chat.open' }));
    expect(error.code).to.equal('RATE_LIMITED');
    expect(error.message).to.contain('already open');
    expect(document.querySelectorAll(`${SHEET}[open]`)).to.have.length(1);
    expect(contexts, 'the factory was not asked twice').to.have.length(1);

    const close = sheet()!.querySelector<HTMLButtonElement>('button.close')!;
    expect(close.getAttribute('aria-label')).to.equal('Close the chat');
    close.click();
    await until(() => sheet() === null, 'the sheet to close');
    await app.run('api', { path: 'chat.open' });
    expect(sheet(), 'open again after closing').to.not.equal(null);
  });

  it('refuses an open while the first is still loading its controller', async () => {
    let answer: (controller: ClosableController) => void = () => undefined;
    const app = await open({ chat: () => new Promise((resolve) => (answer = resolve)) });
    const first = app.run('api', { path: 'chat.open' });
    await until(() => contexts.length === 1, 'the factory to be asked');
    const error = await failure(app.run('api', { path: 'chat.open' }));
    expect(error.code).to.equal('RATE_LIMITED');
    answer(sampleController());
    await first;
    expect(sheet()).to.not.equal(null);
  });

  it('closes the sheet and its controller when the app closes', async () => {
    const controller = sampleController();
    const app = await open({ chat: () => controller });
    await app.run('api', { path: 'chat.open' });
    await app.host.close();
    expect(sheet()).to.equal(null);
    expect(document.querySelector(SHEET)).to.equal(null);
    expect(controller.closed).to.equal(1);
  });

  it('the host opens the chat itself (a push) through the same handler and capability', async () => {
    const app = await open();
    await app.host.openChat();
    expect(sheet()).to.not.equal(null);
    expect(contexts[0]!.launchId).to.equal(app.host.launchId);
    await opened!.dispose();

    const denied = await open({ capabilities: ['user'] });
    const error = await failure(denied.host.openChat());
    expect(error).to.be.instanceOf(HostError);
    expect(error.code).to.equal('PERMISSION_DENIED');
    await opened!.dispose();

    const none = await open({ chat: null });
    expect((await failure(none.host.openChat())).code).to.equal('UNSUPPORTED');
  });

  it('gives up on a factory that never answers, with TIMEOUT, and frees the sheet for the next open', async () => {
    contexts = [];
    let calls = 0;
    const handlers = createChatHandlers({
      openTimeoutMs: 200,
      chat: () => (++calls === 1 ? new Promise<never>(() => undefined) : sampleController()),
    });
    opened = await openFixture({ app: { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['chat'] }, handlers });
    await opened.run('connect');
    expect((await failure(opened.run('api', { path: 'chat.open' }))).code).to.equal('TIMEOUT');
    await opened.run('api', { path: 'chat.open' });
    expect(sheet()).to.not.equal(null);
  });
});
