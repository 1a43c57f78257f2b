/**
 * A sample conversation for `<ma-chat>` in the kit's demos: the bot's greeting and topics, a
 * hand-over, messages both ways with a link, a snippet, a document and one failed message.
 */
import type { ChatController, ChatEntry, PendingEntry } from '../../src/chat/timeline.ts';

const now = Date.now();
const client = { kind: 'client' as const, id: 'c1', name: 'Maria Ivanova' };
const staff = { kind: 'staff' as const, id: 's1', name: 'Anna Petrova' };
const bot = { kind: 'bot' as const, id: 'bot', name: 'Helper' };
let seq = 0;
const at = (minutesAgo: number, fields: Partial<ChatEntry>): ChatEntry => {
  seq++;
  return {
    id: `e${seq}`, conversationId: 'demo', seq, rev: seq, clientMessageId: `m${seq}`, author: staff, kind: 'text', text: '', bot: null,
    attachment: null, deepLink: null, sentAt: now - minutesAgo * 60_000, editedAt: null, deletedAt: null, readAt: now, ...fields,
  };
};
const entries: ChatEntry[] = [
  at(1500, { author: bot, kind: 'bot', bot: { kind: 'greeting', employeeId: 's1', title: 'Hello!', text: 'We answer within the hour.' } }),
  at(1500, { author: bot, kind: 'bot', bot: { kind: 'choose-topic', text: 'What is it about?', tags: [{ id: 't1', text: 'Water supply' }, { id: 't2', text: 'Keys and access' }] } }),
  at(1490, { author: client, text: 'The water is off in building 4 again.' }),
  at(1489, { author: bot, kind: 'bot', bot: { kind: 'taken-over', departmentId: 'd1', employeeId: 's1', departmentName: 'Maintenance', employeeName: 'Anna Petrova' } }),
  at(1480, { text: 'The crew is on its way. Schedule: https://example.com/outages' }),
  at(30, { kind: 'deep-link', deepLink: { look: 'item-card', target: { kind: 'service', serviceId: 'plumber' }, title: 'Call a plumber', annotation: 'From 500 ₽, today', image: 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#0fb9b1"/><circle cx="32" cy="32" r="14" fill="#fed330"/></svg>') } }),
  at(12, { author: client, text: 'Thank you! Here is the meter photo.', attachment: { kind: 'document', fileName: 'meter-reading.pdf', mimeType: 'application/pdf', sizeBytes: 184_000, url: null } }),
  at(5, { text: 'Got it, the water is back by 18:00.', readAt: null }),
];
const pending: PendingEntry[] = [
  { clientMessageId: 'p1', text: 'Great, thanks a lot', attachment: null, deepLink: null, createdAt: now, state: 'failed', progress: null, error: 'The connection dropped', previewUrl: null },
];

class SampleChatController extends EventTarget implements ChatController {
  readonly viewer = { side: 'client' as const, id: 'c1' };
  entries = entries;
  pending = pending;
  readonly status = 'open' as const;
  readonly hasOlder = false;
  readonly typing = true;
  readonly online = true;
  async loadOlder(): Promise<void> {}
  send(): void {}
  retry(): void {}
  cancel(): void {}
  editRefusal(): Error | null { return null; }
  deleteRefusal(): Error | null { return null; }
  async edit(): Promise<void> {}
  async delete(): Promise<void> {}
  async chooseTag(): Promise<void> {}
  markRead(): void {}
  notifyTyping(): void {}
}

/** A controller over the sample conversation, as of now (the times are relative to it). */
export function sampleChat(): ChatController {
  return new SampleChatController();
}
