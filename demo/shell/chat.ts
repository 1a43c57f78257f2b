import { createChatSession, createIdbChatOutbox, type ChatOutboxStorage, type ChatSession } from '../../src/backend/index.ts';
import type { BackendClientOptions } from '../../src/backend/client.ts';
import { hostScreenOf, type DeepLinkTarget } from '../../src/chat/deep-links.ts';
import { createChatHandlers, HostError, type ChatHandlers, type PushTarget } from '../../src/host/index.ts';
import { appLink, screenLink } from './navigation.ts';

/*
 * The shell's chat: the chat.open handler over the backend's client session for the signed-in
 * resident and the app that asks, and what a chat push (a staff message) looks like.
 */

/** The route of the push the backend sends for a staff message (docs/backend.md, "Chat"). */
export const CHAT_PUSH_ROUTE = '/chat';

export interface ShellChatOptions {
  /** The backend's API and the session's token, as the shell's client uses them; undefined while there is none. */
  api(): BackendClientOptions | undefined;
  /** Whether a resident is signed in. */
  signedIn(): boolean;
  locale(): string;
  /** Opens a host screen or an app: where a snippet in the chat leads. */
  go(hash: string): void;
  /** Where unsent messages wait; IndexedDB by default, so they survive a reload. */
  outbox?: ChatOutboxStorage;
}

/** The `chat.open` handler of the demo host: one client session per open, closed with the sheet. */
export function createShellChatHandlers(options: ShellChatOptions): ChatHandlers {
  let outbox = options.outbox;
  return createChatHandlers({
    locale: options.locale,
    openSnippet: (snippet) => options.go(snippetLink(snippet.target)),
    async chat(context) {
      const api = options.api();
      if (!api || !options.signedIn()) throw new HostError('UNAUTHORIZED', 'Sign in to chat');
      outbox ??= createIdbChatOutbox();
      const session: ChatSession = createChatSession({ api, target: { side: 'client', appId: context.appId, channel: 'web' }, outbox });
      try {
        await session.ready;
      } catch (error) {
        session.close();
        throw error;
      }
      return session;
    },
  });
}

/** A push that opens an app's chat rather than one of its screens: the backend's push for a staff message. */
export function isChatPush(target: PushTarget): boolean {
  const chat = (target.push.data as { chat?: { conversationId?: unknown } } | undefined)?.chat;
  return target.route === CHAT_PUSH_ROUTE && typeof chat?.conversationId === 'string';
}

/** The shell's hash for a deep-link snippet's target: an app at its route, or one of the 13 host screens. */
export function snippetLink(target: DeepLinkTarget): string {
  if (target.kind === 'mini-app') return appLink(target.appId, target.route, target.anchor);
  const link = hostScreenOf(target)!;
  return screenLink(link.screen, link.id);
}
