import { expect } from 'chai';
import fc from 'fast-check';
import {
  AttachmentTooLargeError,
  ChatValidationError,
  ClientMessageIdConflictError,
  EditWindowClosedError,
  MAX_ATTACHMENT_BYTES,
  MessageAlreadyReadError,
  MessageDeletedError,
  NotAuthorError,
  appendMessage,
  authorChangeRefusal,
  deleteMessage,
  deleteRefusal,
  deliveryTicks,
  editMessage,
  makeSnippet,
  markRead,
  unreadFor,
  validateDraft,
} from '../../src/chat/index.ts';
import type { AttachmentDeclaration, ChatActor, ChatMessage, MessageDraft } from '../../src/chat/index.ts';

const T0 = 1_700_000_000_000;
const MINUTE = 60 * 1000;
const clientActor: ChatActor = { kind: 'client', id: 'client-1' };
const staff: ChatActor = { kind: 'staff', id: 'anna', isAdministrator: false };
const otherStaff: ChatActor = { kind: 'staff', id: 'boris', isAdministrator: false };
const admin: ChatActor = { kind: 'staff', id: 'root', isAdministrator: true };

const draft = (clientMessageId: string, overrides: Partial<MessageDraft> = {}): MessageDraft => ({ clientMessageId, text: 'Hello', attachments: [], ...overrides });
const file = (sizeBytes: number, kind: AttachmentDeclaration['kind'] = 'document'): AttachmentDeclaration => ({ kind, fileName: 'act.pdf', mimeType: 'application/pdf', sizeBytes });

function sent(by: ChatActor = clientActor, at = T0): readonly ChatMessage[] {
  return appendMessage([], draft('m-1'), { kind: by.kind, id: by.id }, at).messages;
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('chat: message drafts', () => {
  it('accepts an attachment of exactly 40 MB (40 × 1024 × 1024 bytes) and refuses one byte more, from the declared size', () => {
    expect(MAX_ATTACHMENT_BYTES).to.equal(41_943_040);
    expect(validateDraft(draft('m', { attachments: [file(MAX_ATTACHMENT_BYTES)] }))).to.deep.equal([]);
    const [error] = validateDraft(draft('m', { attachments: [file(MAX_ATTACHMENT_BYTES + 1, 'media')] }));
    expect(error).to.be.instanceOf(AttachmentTooLargeError);
    expect(error).to.include({ field: 'attachments[0].sizeBytes', maxBytes: MAX_ATTACHMENT_BYTES, actualBytes: MAX_ATTACHMENT_BYTES + 1 });
  });

  it('allows at most one attachment', () => {
    expect(validateDraft(draft('m', { attachments: [file(1), file(2)] })).map((e) => [e.field, e.code])).to.deep.equal([['attachments', 'ERR_TOO_MANY_ITEMS']]);
  });

  it('refuses an empty message but accepts an attachment or a deep link alone', () => {
    expect(validateDraft(draft('m', { text: '  ' })).map((e) => e.code)).to.deep.equal(['ERR_MESSAGE_EMPTY']);
    expect(validateDraft(draft('m', { text: '', attachments: [file(10)] }))).to.deep.equal([]);
    expect(validateDraft(draft('m', { text: '', deepLink: makeSnippet({ kind: 'bills' }, { title: 'Bills' }) }))).to.deep.equal([]);
  });

  it('reports every problem at once', () => {
    const errors = validateDraft({ clientMessageId: '', text: 'x'.repeat(4097), attachments: [file(-1), file(MAX_ATTACHMENT_BYTES + 1)] });
    expect(errors.map((e) => e.field)).to.deep.equal(['clientMessageId', 'text', 'attachments', 'attachments[0].sizeBytes', 'attachments[1].sizeBytes']);
  });
});

describe('chat: sending is idempotent by client id', () => {
  it('stores a message sent twice with one client id once', () => {
    const first = appendMessage([], draft('m-1'), { kind: 'client', id: 'client-1' }, T0);
    const again = appendMessage(first.messages, draft('m-1'), { kind: 'client', id: 'client-1' }, T0 + 5000);
    expect(again.duplicate).to.equal(true);
    expect(again.messages).to.equal(first.messages);
    expect(again.message.sentAt).to.equal(T0);
  });

  it('refuses a client id another author used', () => {
    const { messages } = appendMessage([], draft('m-1'), { kind: 'client', id: 'client-1' }, T0);
    expect(() => appendMessage(messages, draft('m-1'), { kind: 'staff', id: 'anna' }, T0)).to.throw(ClientMessageIdConflictError);
  });

  it('throws every draft problem together', () => {
    expect(() => appendMessage([], draft('m', { text: '' }), { kind: 'client', id: 'c' }, T0)).to.throw(ChatValidationError);
  });

  it('for any sequence of sends and retries, each client id is stored once, in first-send order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd'), { maxLength: 30 }), (ids) => {
        let messages: readonly ChatMessage[] = [];
        ids.forEach((id, i) => {
          messages = appendMessage(messages, draft(id, { text: `attempt ${i}` }), { kind: 'client', id: 'client-1' }, T0 + i).messages;
        });
        expect(messages.map((m) => m.clientMessageId)).to.deep.equal([...new Set(ids)]);
        // The stored copy is the first send, not a later retry.
        for (const m of messages) expect(m.text).to.equal(`attempt ${ids.indexOf(m.clientMessageId)}`);
      }),
    );
  });
});

describe('chat: edit and delete', () => {
  it('lets the author edit at 59:59 and refuses at 60:00 and 60:01', () => {
    const messages = sent();
    expect(editMessage(messages, 'm-1', 'Edited', clientActor, T0 + 59 * MINUTE + 59_000)[0]).to.include({ text: 'Edited', editedAt: T0 + 59 * MINUTE + 59_000 });
    expect(thrownBy(() => editMessage(messages, 'm-1', 'Late', clientActor, T0 + 60 * MINUTE))).to.be.instanceOf(EditWindowClosedError);
    expect(thrownBy(() => editMessage(messages, 'm-1', 'Late', clientActor, T0 + 60 * MINUTE + 1000))).to.be.instanceOf(EditWindowClosedError);
  });

  it('lets the author delete while unread, and refuses once the other side has read it', () => {
    const unread = sent();
    expect(deleteMessage(unread, 'm-1', clientActor, T0 + MINUTE)[0]).to.include({ text: '', deletedAt: T0 + MINUTE });
    const read = markRead(unread, staff, T0 + 1000);
    expect(deliveryTicks(read[0]!)).to.equal(2);
    expect(thrownBy(() => deleteMessage(read, 'm-1', clientActor, T0 + MINUTE))).to.be.instanceOf(MessageAlreadyReadError);
    expect(thrownBy(() => editMessage(read, 'm-1', 'x', clientActor, T0 + MINUTE))).to.be.instanceOf(MessageAlreadyReadError);
  });

  it('refuses edit and delete by anyone but the author, except deletion by an administrator', () => {
    const byStaff = sent(staff);
    for (const actor of [otherStaff, clientActor]) {
      expect(authorChangeRefusal(byStaff[0]!, actor, T0)).to.be.instanceOf(NotAuthorError);
      expect(deleteRefusal(byStaff[0]!, actor, T0)).to.be.instanceOf(NotAuthorError);
    }
    expect(authorChangeRefusal(byStaff[0]!, staff, T0)).to.equal(null);
    expect(authorChangeRefusal(byStaff[0]!, admin, T0)).to.be.instanceOf(NotAuthorError);
  });

  it('lets an administrator delete any message, read and old', () => {
    const old = markRead(sent(clientActor), staff, T0 + 1000);
    const deleted = deleteMessage(old, 'm-1', admin, T0 + 48 * 60 * MINUTE);
    expect(deleted[0]).to.include({ deletedAt: T0 + 48 * 60 * MINUTE, text: '', attachment: null });
    expect(thrownBy(() => deleteMessage(deleted, 'm-1', admin, T0))).to.be.instanceOf(MessageDeletedError);
  });

  it('keeps a deleted message as a tombstone, so a retried send is not stored again', () => {
    const deleted = deleteMessage(sent(), 'm-1', clientActor, T0 + 1);
    const retry = appendMessage(deleted, draft('m-1'), { kind: 'client', id: 'client-1' }, T0 + 2);
    expect(retry.duplicate).to.equal(true);
    expect(retry.messages).to.have.length(1);
  });

  it('never changes the given list', () => {
    const messages = Object.freeze(sent().map((m) => Object.freeze(m)));
    editMessage(messages, 'm-1', 'Edited', clientActor, T0 + 1);
    deleteMessage(messages, 'm-1', clientActor, T0 + 1);
    markRead(messages, staff, T0 + 1);
    expect(messages[0]).to.include({ text: 'Hello', editedAt: null, deletedAt: null, readAt: null });
  });
});

describe('chat: read marks', () => {
  it('shows one tick when sent and two once the other side read it; one’s own side reading changes nothing', () => {
    let messages = sent(clientActor);
    expect(deliveryTicks(messages[0]!)).to.equal(1);
    messages = markRead(messages, clientActor, T0 + 1);
    expect(deliveryTicks(messages[0]!)).to.equal(1);
    expect(unreadFor(messages, staff)).to.have.length(1);
    messages = markRead(messages, otherStaff, T0 + 2);
    expect(messages[0]!.readAt).to.equal(T0 + 2);
    expect(deliveryTicks(messages[0]!)).to.equal(2);
    expect(unreadFor(messages, staff)).to.have.length(0);
  });

  it('counts bot messages as the staff side', () => {
    const fromBot = appendMessage([], draft('b-1'), { kind: 'bot', id: 'bot' }, T0).messages;
    expect(unreadFor(fromBot, clientActor)).to.have.length(1);
    expect(markRead(fromBot, clientActor, T0 + 1)[0]!.readAt).to.equal(T0 + 1);
  });
});

describe('chat: deep-link snippets', () => {
  const source = { title: 'Title', image: 'img.png', annotation: 'Note' };
  it('has four looks by target', () => {
    expect(makeSnippet({ kind: 'mini-app', appId: 'pizza' }, source)).to.include({ look: 'widget-card', image: 'img.png', annotation: 'Note' });
    expect(makeSnippet({ kind: 'service', serviceId: 's' }, source)).to.include({ look: 'item-card', image: 'img.png', annotation: 'Note' });
    expect(makeSnippet({ kind: 'event', eventId: 'e' }, source)).to.include({ look: 'item-card' });
    expect(makeSnippet({ kind: 'marketplace-category', categoryId: 'c' }, source)).to.include({ look: 'image-only', image: 'img.png', annotation: null });
    for (const target of [{ kind: 'bills' }, { kind: 'services' }, { kind: 'category-list' }, { kind: 'event-category', categoryId: 'c' }] as const) {
      expect(makeSnippet(target, source)).to.include({ look: 'plain', image: null, annotation: null });
    }
  });

  it('travels as a message of kind deep-link', () => {
    const snippet = makeSnippet({ kind: 'services' }, { title: 'Services' });
    const { message } = appendMessage([], draft('d-1', { text: '', deepLink: snippet }), { kind: 'staff', id: 'anna' }, T0);
    expect(message).to.include({ kind: 'deep-link', deepLink: snippet });
  });
});
