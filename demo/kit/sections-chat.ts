/** Gallery sections: the chat (a conversation in ma-chat) and its composer on its own. */
import { html } from 'lit';
import '../../ui-kit/index.ts';
import type { ChatController } from '../../src/chat/timeline.ts';
import { sampleChat } from './chat-sample.ts';
import type { Section } from './sections-basics.ts';

// One conversation for the page: switching the language redraws the section, not the data.
let conversation: ChatController | undefined;

export const sections: Section[] = [
  {
    id: 'chat',
    title: 'Chat',
    content: () => html`
      <div class="phone" style="height: 520px"><ma-chat label="Support chat" .controller=${(conversation ??= sampleChat())}></ma-chat></div>
      <ma-caption tone="secondary">The bot's greeting and topics, a hand-over, a link, a snippet, a document, a failed message with Retry and Cancel, typing.
        Right-click or long-press a message for its actions; the list is virtualized (10,000 messages cost what a screenful does).</ma-caption>`,
  },
  {
    id: 'chat-composer',
    title: 'Chat composer',
    content: () => html`
      <ma-chat-composer></ma-chat-composer>
      <ma-chat-composer editing value="The crew is on its way."></ma-chat-composer>
      <ma-chat-composer disabled></ma-chat-composer>`,
  },
];
