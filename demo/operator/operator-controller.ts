import type { ChatSession } from '../../src/backend/chat-client.ts';
import type { ChatController, ChatEntry, SendInput } from '../../src/chat/timeline.ts';
import type { DeepLinkSnippet } from '../../src/chat/deep-links.ts';

/**
 * The operator's side of a conversation for `<ma-chat>`: the staff session, plus the deep link the
 * operator chose in the console's tools, which goes with the next message sent (its text and file,
 * if any). Everything else is the session's.
 */
export class OperatorChatController extends EventTarget implements ChatController {
  /** Sent with the next message, then cleared. */
  link: DeepLinkSnippet | null = null;

  readonly #session: ChatSession;
  readonly #forward = () => this.dispatchEvent(new Event('change'));

  constructor(session: ChatSession) {
    super();
    this.#session = session;
    session.addEventListener('change', this.#forward);
  }

  get session(): ChatSession {
    return this.#session;
  }

  get viewer() { return this.#session.viewer; }
  get entries() { return this.#session.entries; }
  get pending() { return this.#session.pending; }
  get status() { return this.#session.status; }
  get hasOlder() { return this.#session.hasOlder; }
  get typing() { return this.#session.typing; }
  get online() { return this.#session.online; }

  /** Sends with the chosen link (unless the input names its own); the link is used up only when the draft is accepted. */
  send(input: SendInput): void {
    const deepLink = input.deepLink ?? this.link;
    this.#session.send({ ...input, deepLink });
    if (deepLink && deepLink === this.link) {
      this.link = null;
      this.#forward();
    }
  }

  loadOlder() { return this.#session.loadOlder(); }
  retry(id: string) { this.#session.retry(id); }
  cancel(id: string) { this.#session.cancel(id); }
  editRefusal(entry: ChatEntry) { return this.#session.editRefusal(entry); }
  deleteRefusal(entry: ChatEntry) { return this.#session.deleteRefusal(entry); }
  edit(id: string, text: string) { return this.#session.edit(id, text); }
  delete(id: string) { return this.#session.delete(id); }
  chooseTag(tagId: string) { return this.#session.chooseTag(tagId); }
  markRead() { this.#session.markRead(); }
  notifyTyping() { this.#session.notifyTyping(); }

  close(): void {
    this.#session.removeEventListener('change', this.#forward);
    this.#session.close();
  }
}
