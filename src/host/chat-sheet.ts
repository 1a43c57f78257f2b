import type { DeepLinkSnippet } from '../chat/deep-links.ts';
import type { ChatController } from '../chat/timeline.ts';
import { button, element, installPaymentStyles, pickTexts, uniqueId } from './payment-sheet.ts';

/*
 * The host's chat sheet: a native modal <dialog> over the mini-app's frame, with the app's name
 * and a close button in its header and the kit's <ma-chat> below. The rest of the page is inert
 * while it is open (focus stays inside); Escape, the close button and the app closing close it,
 * and focus goes back into the app's frame. <ma-chat> is loaded the first time a sheet opens, so
 * a host that never opens a chat never downloads it.
 */

const TEXTS = {
  en: { chat: 'Chat', close: 'Close the chat', label: (app: string) => `Chat: ${app}` },
  ru: { chat: 'Чат', close: 'Закрыть чат', label: (app: string) => `Чат: ${app}` },
};

const CLOSE_ICON = '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"/></svg>';

const STYLES = `
.ma-chat-sheet { position: fixed; margin: 0; padding: 0; border: 0; box-sizing: border-box; overflow: hidden; max-width: none; max-height: none;
  inset: auto 0 0 0; width: min(100vw, 480px); height: min(92vh, 720px); margin-inline: auto;
  border-radius: var(--ma-radius-l, 14px) var(--ma-radius-l, 14px) 0 0; box-shadow: 0 -8px 32px #0005;
  background: var(--ma-color-background, light-dark(#f2f3f5, #111214)); color: var(--ma-color-text, light-dark(#1a1b1e, #e8eaed));
  font: 15px/1.4 var(--ma-font-family, system-ui, sans-serif); }
.ma-chat-sheet[open] { display: flex; flex-direction: column; }
.ma-chat-sheet::backdrop { background: var(--ma-color-overlay, #0006); }
.ma-chat-sheet > header { display: flex; align-items: center; gap: 8px; min-height: 56px; padding: 4px 8px 4px 16px; box-sizing: border-box; flex: none;
  background: var(--ma-color-surface, light-dark(#fff, #1c1d20)); border-bottom: 1px solid var(--ma-color-separator, light-dark(#d7d9dd, #35373b)); }
.ma-chat-sheet .titles { flex: 1; min-width: 0; }
.ma-chat-sheet h2 { margin: 0; font-size: 17px; line-height: 22px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ma-chat-sheet .subtitle { margin: 0; font-size: 13px; line-height: 18px; color: var(--ma-color-text-secondary, light-dark(#545c68, #a6adb6)); }
.ma-chat-sheet .close { display: grid; place-items: center; width: 44px; height: 44px; padding: 0; border: 0; border-radius: 50%; cursor: pointer;
  background: transparent; color: var(--ma-color-text-secondary, light-dark(#545c68, #a6adb6)); }
.ma-chat-sheet .close:focus-visible { outline-offset: -2px; }
.ma-chat-sheet .close:hover { background: var(--ma-color-surface-secondary, light-dark(#ebedf0, #27292d)); }
.ma-chat-sheet :focus-visible { outline: 2px solid var(--ma-color-focus, light-dark(#095fc1, #6ba3e8)); outline-offset: 2px; }
.ma-chat-sheet ma-chat { flex: 1 1 auto; min-height: 0; height: auto; }
`;

let widget: Promise<unknown> | undefined;

/** Loads <ma-chat> (once); a failed load is tried again on the next call. */
export function loadChatWidget(): Promise<void> {
  widget ??= import('../../ui-kit/components/chat/chat.ts').catch((error: unknown) => {
    widget = undefined;
    throw error;
  });
  return widget.then(() => undefined);
}

export interface ChatSheetOptions {
  /** The app whose chat this is: its display name, in the header. */
  appName: string;
  /** The conversation the sheet shows (the sheet does not close it; its owner does). */
  controller: ChatController;
  /** The app's frame: the sheet covers it, and focus goes back into it when the sheet closes. */
  frame?: HTMLIFrameElement;
  /** Where the dialog goes; `document.body` by default. */
  container?: HTMLElement;
  /** `ru` or `en` (the document's language by default). */
  locale?: string;
  /** Closes the sheet (the app closed). */
  signal: AbortSignal;
  /** The user tapped a deep-link snippet; the sheet has closed by then. */
  onSnippet?(snippet: DeepLinkSnippet): void;
}

export interface ChatSheet {
  readonly dialog: HTMLDialogElement;
  /** Resolves when the sheet has closed (the close button, Escape, a snippet, `close()` or the signal). */
  readonly closed: Promise<void>;
  close(): void;
}

/** Opens the chat sheet; call `loadChatWidget()` first, or the widget renders once it is defined. */
export function openChatSheet(options: ChatSheetOptions): ChatSheet {
  const { frame, signal } = options;
  const locale = options.locale || document.documentElement.lang || 'en';
  const texts = pickTexts(TEXTS, locale);
  const container = options.container ?? document.body;
  installPaymentStyles(container, STYLES, 'ma-chat-sheet-styles');
  const returnTo = frame ?? (document.activeElement as HTMLElement | null);

  const dialog = document.createElement('dialog');
  dialog.className = 'ma-chat-sheet';
  dialog.lang = locale;
  const header = document.createElement('header');
  const titles = element('div', '', 'titles');
  const heading = element('h2', options.appName);
  heading.id = uniqueId('ma-chat-sheet-title');
  titles.append(heading, element('p', texts.chat, 'subtitle'));
  const close = button('', 'close');
  close.innerHTML = CLOSE_ICON;
  close.setAttribute('aria-label', texts.close);
  header.append(titles, close);
  dialog.setAttribute('aria-label', texts.label(options.appName));
  const chat = document.createElement('ma-chat') as HTMLElement & { controller: ChatController | null; label: string };
  chat.controller = options.controller;
  chat.label = texts.label(options.appName);
  dialog.append(header, chat);

  const listening = new AbortController();
  const place = () => placeOver(dialog, frame);
  addEventListener('resize', place, { signal: listening.signal });
  const observer = frame && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(place) : undefined;
  if (frame) observer?.observe(frame);

  let done = false;
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  const finish = () => {
    if (done) return;
    done = true;
    listening.abort();
    observer?.disconnect();
    if (dialog.open) dialog.close();
    dialog.remove();
    // Back where the user was: into the app's frame when the sheet has one.
    if (returnTo?.isConnected) returnTo.focus();
    resolveClosed();
  };
  close.addEventListener('click', finish);
  dialog.addEventListener('close', finish);
  signal.addEventListener('abort', finish, { once: true, signal: listening.signal });
  chat.addEventListener('ma-chat-open-snippet', (event) => {
    const snippet = (event as CustomEvent<{ snippet: DeepLinkSnippet }>).detail?.snippet;
    if (!options.onSnippet || !snippet) return;
    finish();
    options.onSnippet(snippet);
  }, { signal: listening.signal });

  container.append(dialog);
  place();
  dialog.showModal();
  if (signal.aborted) finish();
  return { dialog, closed, close: finish };
}

/**
 * Over the frame, leaving a strip of the app visible above it (it stays the context), as a sheet
 * from the frame's bottom edge; without a frame on screen, a bottom sheet of the viewport.
 */
function placeOver(dialog: HTMLDialogElement, frame: HTMLIFrameElement | undefined): void {
  const rect = frame?.isConnected ? frame.getBoundingClientRect() : undefined;
  if (!rect || rect.width === 0 || rect.height === 0) {
    for (const property of ['top', 'right', 'bottom', 'left', 'width', 'height']) dialog.style.removeProperty(property);
    return;
  }
  const top = Math.max(0, rect.top) + Math.min(48, rect.height * 0.08);
  const bottom = Math.min(innerHeight, rect.bottom);
  Object.assign(dialog.style, {
    top: `${top}px`,
    left: `${Math.max(0, rect.left)}px`,
    right: 'auto',
    bottom: 'auto',
    width: `${Math.min(innerWidth, rect.right) - Math.max(0, rect.left)}px`,
    height: `${Math.max(240, bottom - top)}px`,
  });
}
