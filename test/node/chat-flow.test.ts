import { expect } from 'chai';
import { createMemoryStore, BACKEND_SCHEMA, type Store } from '../../src/backend/index.ts';
import { anna, bakerySettings, botKinds, createChatTest, maria, nextMessageId, staffPhone, type ChatTest } from './chat-harness.ts';

describe('chat backend: the client flow with the bot', () => {
  let t: ChatTest;
  let client: string;
  beforeEach(async () => {
    t = await createChatTest();
    client = await t.signIn(anna.phone);
  });

  it('greets, offers the topics, answers a tag with its auto-reply and who took over, and opens the conversation', async () => {
    const opened = await t.open(client);
    expect(opened.conversation.status).to.equal('bot');
    expect(opened.conversation.number).to.equal(1);
    expect(botKinds(opened.page.entries)).to.deep.equal(['greeting', 'choose-topic']);
    const [greeting, topics] = opened.page.entries;
    expect(greeting!.bot).to.include({ title: 'Corner Bakery', employeeId: 'staff-olga', employeeName: 'Olga Smirnova' });
    expect(greeting!.author).to.deep.equal({ kind: 'bot', id: 'bot', name: 'Olga Smirnova' });
    expect((topics!.bot as any).tags.map((tag: any) => tag.id)).to.deep.equal(['order', 'delivery']);
    expect(opened.page.entries.map((e) => [e.seq, e.rev])).to.deep.equal([[1, 1], [2, 2]]);

    await t.ok('POST', `/chats/${opened.conversation.id}/tag`, client, { tagId: 'order' });
    const entries = await t.entries(client, opened.conversation.id);
    expect(botKinds(entries)).to.deep.equal(['greeting', 'choose-topic', 'auto-reply', 'taken-over']);
    expect(entries[2]!.text).to.equal('Tell us the order number and what went wrong.');
    const takenOver = entries[3]!.bot as any;
    expect(takenOver.departmentId).to.equal('dept-support');
    expect(takenOver.departmentName).to.equal('Customer support');
    // Anna lives in North block: Olga (North block) or Alexei (the whole city) have access.
    expect(['staff-olga', 'staff-alexei']).to.include(takenOver.employeeId);
    expect(takenOver.employeeName).to.be.a('string');

    const again = await t.open(client);
    expect(again.conversation.id, 'one conversation per client and app across visits').to.equal(opened.conversation.id);
    expect(again.conversation.status).to.equal('open');
    expect(again.conversation.assignee!.employeeId).to.equal(takenOver.employeeId);
    expect(botKinds(again.page.entries), 'a visit within the dialog continues it').to.have.length(4);

    const other = await t.open(client, 'utilities');
    expect(other.conversation.id, 'another app is another conversation').to.not.equal(opened.conversation.id);
  });

  it('free text before a tag goes to the default responsible', async () => {
    await t.putSettings('bakery', bakerySettings((s) => (s.responsible = { departmentId: 'dept-maintenance', employeeIds: ['staff-pavel'] })));
    const mariaToken = await t.signIn(maria.phone);
    const { conversation } = await t.open(mariaToken);
    await t.send(mariaToken, conversation.id, 'My tap is leaking');
    const entries = await t.entries(mariaToken, conversation.id);
    expect(entries.map((e) => e.kind)).to.deep.equal(['bot', 'bot', 'text', 'bot']);
    expect(entries[3]!.bot).to.deep.include({ kind: 'taken-over', departmentId: 'dept-maintenance', employeeId: 'staff-pavel', employeeName: 'Pavel Volkov' });
    const card = await t.ok('GET', `/staff/chats/${conversation.id}`, await t.signIn(staffPhone('staff-pavel')));
    expect(card.status).to.equal('open');
    expect(card.assignee).to.deep.equal({ departmentId: 'dept-maintenance', departmentName: 'Maintenance', employeeId: 'staff-pavel', employeeName: 'Pavel Volkov' });
  });

  it('the same send twice stores one entry; the second answers with it as a duplicate', async () => {
    const { conversation } = await t.open(client);
    const body = { clientMessageId: 'client-chosen-1', text: 'Hello' };
    const first = await t.call('POST', `/chats/${conversation.id}/messages`, client, body);
    const second = await t.call('POST', `/chats/${conversation.id}/messages`, client, body);
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(200);
    expect(second.body.duplicate).to.equal(true);
    expect(second.body.entry).to.deep.equal(first.body.entry);
    const texts = (await t.entries(client, conversation.id)).filter((e) => e.kind === 'text');
    expect(texts).to.have.length(1);
    // Concurrent retries are one message too.
    const racing = await Promise.all([1, 2, 3].map(() => t.call('POST', `/chats/${conversation.id}/messages`, client, { clientMessageId: 'client-chosen-2', text: 'Again' })));
    expect(racing.map((r) => r.status).sort()).to.deep.equal([200, 200, 201]);
    expect((await t.entries(client, conversation.id)).filter((e) => e.clientMessageId === 'client-chosen-2')).to.have.length(1);
  });

  it('staff end a dialog with “Question resolved” or “User did not answer”, each sending its text; the next visit starts over', async () => {
    const olga = await t.signIn(staffPhone('staff-olga'));
    const { conversation } = await t.open(client);
    await t.ok('POST', `/chats/${conversation.id}/tag`, client, { tagId: 'order' });
    const card = await t.ok('POST', `/staff/chats/${conversation.id}/end`, olga, { outcome: 'resolved' });
    expect(card.status).to.equal('closed');
    let entries = await t.entries(client, conversation.id);
    expect(entries.at(-1)!.bot).to.deep.equal({ kind: 'closing', outcome: 'resolved', text: 'Glad we could help. Enjoy your bread!' });
    await t.fails('POST', `/staff/chats/${conversation.id}/end`, olga, { outcome: 'no-answer' }, 409, 'NO_DIALOG');

    const next = await t.open(client);
    expect(next.conversation.status).to.equal('bot');
    expect(next.conversation.assignee).to.equal(null);
    await t.send(client, conversation.id, 'One more thing');
    await t.ok('POST', `/staff/chats/${conversation.id}/end`, olga, { outcome: 'no-answer' });
    entries = await t.entries(client, conversation.id);
    expect(entries.at(-1)!.bot).to.deep.equal({ kind: 'closing', outcome: 'no-answer', text: 'We did not hear back, so we closed the chat. Write any time.' });
    await t.fails('POST', `/staff/chats/${conversation.id}/end`, olga, { outcome: 'maybe' }, 400, 'INVALID_REQUEST');
  });

  it('the restart timeout ends an unanswered dialog (the job, on the injected clock), and the next visit starts over', async () => {
    const { conversation } = await t.open(client);
    t.h.clock.advance(30 * 60 * 1000 - 1);
    expect(await t.h.app.chat.runTimeouts()).to.equal(0);
    expect((await t.open(client)).conversation.status).to.equal('bot');
    t.h.clock.advance(1);
    expect(await t.h.app.chat.runTimeouts()).to.equal(1);
    expect(await t.h.app.chat.runTimeouts(), 'nothing is ended twice').to.equal(0);
    const after = await t.ok('GET', `/chats/${conversation.id}`, client);
    expect(after.conversation.status).to.equal('closed');
    expect(botKinds(after.page.entries)).to.deep.equal(['greeting', 'choose-topic']);
    const next = await t.open(client);
    expect(next.conversation.status).to.equal('bot');
    expect(botKinds(next.page.entries)).to.deep.equal(['greeting', 'choose-topic', 'greeting', 'choose-topic']);
  });

  it('a staff message waits for the client: unanswered for the timeout, the dialog ends; an answer keeps it', async () => {
    const olga = await t.signIn(staffPhone('staff-olga'));
    const { conversation } = await t.open(client);
    await t.ok('POST', `/staff/chats/${conversation.id}/claim`, olga);
    await t.send(olga, conversation.id, 'How can I help?');
    t.h.clock.advance(20 * 60 * 1000);
    await t.send(client, conversation.id, 'My bread was late');
    t.h.clock.advance(20 * 60 * 1000);
    expect(await t.h.app.chat.runTimeouts(), 'the client answered').to.equal(0);
    await t.send(olga, conversation.id, 'Sorry! Which order?');
    t.h.clock.advance(30 * 60 * 1000);
    expect(await t.h.app.chat.runTimeouts()).to.equal(1);
    expect((await t.ok('GET', `/staff/chats/${conversation.id}`, olga)).status).to.equal('closed');
  });
});

describe('chat backend: the bot re-reads the status at the moment it would speak', () => {
  /** A store whose next transaction waits until released, to let another request overtake it. */
  function gatedStore(inner: Store) {
    let arm: { held: () => void; release: Promise<void> } | null = null;
    const store: Store = {
      get: (...args) => inner.get(...args),
      findUnique: (...args) => inner.findUnique(...args),
      list: (...args) => inner.list(...args),
      put: (...args) => inner.put(...args),
      delete: (...args) => inner.delete(...args),
      async transaction(fn) {
        const gate = arm;
        if (gate) {
          arm = null;
          gate.held();
          await gate.release;
        }
        return inner.transaction(fn);
      },
    };
    return {
      store,
      /** The next transaction waits; resolves `held` once it does. */
      holdNext() {
        let release!: () => void;
        let held!: () => void;
        const heldPromise = new Promise<void>((resolve) => (held = resolve));
        arm = { held, release: new Promise<void>((resolve) => (release = resolve)) };
        return { held: heldPromise, release };
      },
    };
  }

  it('free text sent while the bot had the dialog, stored after a person took over: the bot stays silent, no second hand-off', async () => {
    const gated = gatedStore(createMemoryStore(BACKEND_SCHEMA));
    const t = await createChatTest({ store: gated.store });
    const client = await t.signIn(anna.phone);
    const olga = await t.signIn(staffPhone('staff-olga'));
    const { conversation } = await t.open(client);
    expect(conversation.status).to.equal('bot');

    const gate = gated.holdNext();
    const sending = t.call('POST', `/chats/${conversation.id}/messages`, client, { clientMessageId: nextMessageId(), text: 'Anyone there?' });
    await gate.held;
    // The client's request has read the chat (status bot) and waits; Olga takes over meanwhile.
    const claimed = await t.ok('POST', `/staff/chats/${conversation.id}/claim`, olga);
    expect(claimed.status).to.equal('open');
    gate.release();
    expect((await sending).status).to.equal(201);

    const entries = await t.entries(client, conversation.id);
    expect(entries.map((e) => (e.kind === 'bot' ? e.bot!.kind : e.kind))).to.deep.equal(['greeting', 'choose-topic', 'taken-over', 'text']);
    const card = await t.ok('GET', `/staff/chats/${conversation.id}`, olga);
    expect(card.assignee.employeeId, 'the default responsible did not replace Olga').to.equal('staff-olga');
    expect(card.status).to.equal('open');
  });

  it('a tag tapped in an open conversation gets no auto-reply', async () => {
    const t = await createChatTest();
    const client = await t.signIn(anna.phone);
    const olga = await t.signIn(staffPhone('staff-olga'));
    const { conversation } = await t.open(client);
    await t.send(olga, conversation.id, 'Hello, Olga here');
    await t.ok('POST', `/chats/${conversation.id}/tag`, client, { tagId: 'order' });
    expect(botKinds(await t.entries(client, conversation.id))).to.deep.equal(['greeting', 'choose-topic', 'taken-over']);
  });
});
