import { BackendError } from '../backend/errors.ts';
import type { DeepLinkSnippet } from '../chat/deep-links.ts';
import type { ChatController } from '../chat/timeline.ts';
import { ErrorCode } from '../protocol/index.ts';
import { cut } from './bounded.ts';
import { loadChatWidget, openChatSheet, type ChatSheet } from './chat-sheet.ts';
import type { CallContext, MethodHandler } from './handlers.ts';
import { HostError } from './host-error.ts';

/**
 * Gives the chat of the app that asks: a `ChatController` for the signed-in user and
 * `context.appId` (e.g. `createChatSession` from `miniapps/backend`), or null when that app has
 * no chat. A thrown `HostError` keeps its code; the backend's `CHAT_DISABLED` is UNSUPPORTED.
 */
export type ChatFactory = (context: CallContext) => ChatController | null | Promise<ChatController | null>;

export interface ChatHandlerOptions {
  /** The chat for an app; called on every open. The sheet calls the controller's `close()`, if it has one, when it closes. */
  chat: ChatFactory;
  /** Where the sheet goes; `document.body` by default. */
  container?: HTMLElement;
  /** `ru` or `en`; the document's language at the time of opening by default. */
  locale?: string | (() => string);
  /** The user tapped a deep-link snippet in the chat: open its target (the sheet has closed). */
  openSnippet?(snippet: DeepLinkSnippet, context: CallContext): void;
  /** How long the factory and loading the widget may take before the call fails with TIMEOUT (20 s). */
  openTimeoutMs?: number;
}

export interface ChatHandlers {
  'chat.open': MethodHandler<'chat.open'>;
}

/**
 * The `chat.open` handler: shows the app's chat in the host's sheet over the app and resolves
 * once it is on screen (the app goes on running under it; the user closes it). One sheet at a
 * time: another open while one is open or opening is refused with RATE_LIMITED
 * (`details.reason` `already_open`).
 */
export function createChatHandlers(options: ChatHandlerOptions): ChatHandlers {
  let busy = false;
  return {
    'chat.open': async (_params, context) => {
      if (busy) throw new HostError(ErrorCode.RATE_LIMITED, 'The chat is already open; the user closes it', { reason: 'already_open' });
      busy = true;
      let sheet: ChatSheet | undefined;
      try {
        const controller = await prepare(options.chat, context, options.openTimeoutMs ?? OPEN_TIMEOUT_MS);
        const locale = typeof options.locale === 'function' ? options.locale() : options.locale;
        sheet = openChatSheet({
          appName: context.appName,
          controller,
          signal: context.signal,
          ...(context.frame && { frame: context.frame }),
          ...(options.container && { container: options.container }),
          ...(locale && { locale }),
          ...(options.openSnippet && { onSnippet: (snippet: DeepLinkSnippet) => options.openSnippet!(snippet, context) }),
        });
        void sheet.closed.then(() => {
          busy = false;
          release(controller);
        });
      } catch (error) {
        busy = false;
        throw chatError(error, context);
      }
    },
  };
}

/** How long the factory and the widget may take together before the open fails (a sheet that never comes must not block the next open). */
const OPEN_TIMEOUT_MS = 20_000;

/**
 * The controller and the widget, loaded side by side. A controller that arrives after the open
 * was given up (the app closed, the time ran out, the widget failed to load) is closed at once.
 */
async function prepare(factory: ChatFactory, context: CallContext, timeoutMs: number): Promise<ChatController> {
  const made = Promise.resolve().then(() => factory(context));
  const listening = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostError(ErrorCode.TIMEOUT, `The host could not open the chat within ${timeoutMs / 1000} s`)), timeoutMs);
    context.signal.addEventListener('abort', () => reject(new HostError(ErrorCode.CANCELLED, 'The mini-app was closed')), { once: true, signal: listening.signal });
  });
  try {
    const [controller] = await Promise.race([Promise.all([made, loadWidget()]), stop]);
    if (!controller) throw new HostError(ErrorCode.UNSUPPORTED, `${cut(context.appName, 64)} has no chat on this host`);
    return controller;
  } catch (error) {
    void made.then((controller) => controller && release(controller), () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
    listening.abort();
  }
}

async function loadWidget(): Promise<void> {
  try {
    await loadChatWidget();
  } catch {
    throw new HostError(ErrorCode.INTERNAL, 'The host could not load its chat');
  }
}

function release(controller: ChatController): void {
  const closable = controller as ChatController & { close?: unknown };
  if (typeof closable.close === 'function') (closable.close as () => void)();
}

function chatError(error: unknown, context: CallContext): HostError {
  if (error instanceof HostError) return error;
  if (context.signal.aborted) return new HostError(ErrorCode.CANCELLED, 'The mini-app was closed');
  if (!(error instanceof BackendError)) return new HostError(ErrorCode.INTERNAL, 'The host could not open the chat');
  switch (error.code) {
    case 'CHAT_DISABLED':
      return new HostError(ErrorCode.UNSUPPORTED, `${cut(context.appName, 64)} has no chat on this host`);
    case 'APP_NOT_AVAILABLE':
    case 'APP_NOT_FOUND':
      return new HostError(ErrorCode.PERMISSION_DENIED, `${cut(context.appName, 64)} cannot open a chat for this user`);
    case 'UNAUTHORIZED':
      return new HostError(ErrorCode.UNAUTHORIZED, 'The user is not signed in or the session has ended');
    default:
      return new HostError(ErrorCode.INTERNAL, 'The host could not open the chat');
  }
}
