/** Mounting `<ma-chat>` for its tests, and finding things in its shadow root. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../ui-kit/components/chat/chat.ts';
import type { MaChat } from '../../ui-kit/components/chat/chat.ts';
import type { MaChatComposer } from '../../ui-kit/components/chat/chat-composer.ts';
import type { FakeChatController } from './chat-fake.ts';
import { nextFrame } from './helpers.ts';

// A virtualizer resizing its rows in the frame it measured them makes Chromium report a
// "ResizeObserver loop" on window.onerror: benign (the notifications come next frame), and the
// virtualizer's own helper ignores exactly that message in every test that imports this module.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

export async function mountChat(controller: FakeChatController, options: { lang?: string; height?: number } = {}): Promise<MaChat> {
  const box = await fixture<HTMLElement>(html`<div lang=${options.lang ?? 'en'} style="display: flex; flex-direction: column; width: 400px; height: ${options.height ?? 600}px">
    <ma-chat .controller=${controller}></ma-chat>
  </div>`);
  const chat = box.querySelector('ma-chat')!;
  await settle(chat);
  return chat;
}

/** Waits for the render, the virtualizer's layout and a frame. */
export async function settle(chat: MaChat): Promise<void> {
  await chat.layoutComplete;
  await nextFrame();
  await chat.layoutComplete;
}

export const $ = <T extends Element = HTMLElement>(chat: MaChat, selector: string) => chat.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(chat: MaChat, selector: string) => [...chat.shadowRoot!.querySelectorAll<T>(selector)];
export const list = (chat: MaChat) => $(chat, '.list')!;
export const rowByKey = (chat: MaChat, key: string) => $(chat, `.row[data-key="${key}"]`);
export const composerOf = (chat: MaChat) => $<MaChatComposer>(chat, 'ma-chat-composer')!;
export const fieldOf = (chat: MaChat) => composerOf(chat).shadowRoot!.querySelector('textarea')!;

/** Scrolls the list to its end and waits until the virtualizer has caught up. */
export async function scrollListTo(chat: MaChat, top: number): Promise<void> {
  list(chat).scrollTop = top;
  await new Promise((resolve) => list(chat).addEventListener('scroll', resolve, { once: true }));
  await settle(chat);
}

export async function waitForRow(chat: MaChat, key: string): Promise<HTMLElement> {
  await waitUntil(() => rowByKey(chat, key), `row ${key} rendered`);
  return rowByKey(chat, key)!;
}
