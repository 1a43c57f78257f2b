import { expect, waitUntil } from '@open-wc/testing';
import type { MaChat } from '../../ui-kit/components/chat/chat.ts';
import { BOT, CLIENT, FakeChatController, STAFF, botEntry, entry } from './chat-fake.ts';
import { $, $$, mountChat, rowByKey, settle } from './chat-setup.ts';

const tags = [
  { id: 'tag-water', text: 'Water supply' },
  { id: 'tag-keys', text: 'Keys and access' },
];

function botOpening(): FakeChatController {
  return new FakeChatController({
    status: 'bot',
    entries: [
      botEntry(1, { kind: 'greeting', employeeId: 'emp-1', title: 'Hello!', text: 'We answer within the hour.' }, { author: { ...BOT, name: 'Olga' } }),
      botEntry(2, { kind: 'choose-topic', text: 'Choose a topic', tags }),
    ],
  });
}

const ticksOf = (chat: MaChat, key: string) => rowByKey(chat, key)!.querySelector('.ticks')!.getAttribute('data-ticks');

describe('ma-chat: the bot flow', () => {
  it('shows the greeting and the topics as chips, and a chip calls chooseTag', async () => {
    const controller = botOpening();
    const chat = await mountChat(controller);
    const text = chat.shadowRoot!.querySelector('.list')!.textContent!;
    expect(text).to.contain('Hello!').and.to.contain('We answer within the hour.').and.to.contain('Choose a topic');
    const chips = $$(chat, '.topic');
    expect(chips.map((chip) => chip.textContent!.trim())).to.deep.equal(['Water supply', 'Keys and access']);
    expect(chips[0]!.querySelector('ma-chip')).to.not.equal(null);
    chips[1]!.click();
    expect(controller.calls.chooseTag).to.deep.equal(['tag-keys']);
  });

  it('shows the auto-reply and the "… took over" line, and the chips stop working once a person has the dialog', async () => {
    const controller = botOpening();
    const chat = await mountChat(controller);
    controller.update({ status: 'open' });
    controller.receive(
      botEntry(3, { kind: 'auto-reply', tagId: 'tag-water', text: 'A plumber will call you.' }),
      botEntry(4, { kind: 'taken-over', departmentId: 'd1', employeeId: 'emp-7', departmentName: 'Maintenance', employeeName: 'Anna Petrova' }),
    );
    await settle(chat);
    expect(rowByKey(chat, 'entry:e3')!.textContent).to.contain('A plumber will call you.');
    const service = rowByKey(chat, 'entry:e4')!.querySelector('.service')!;
    expect(service.textContent!.trim()).to.equal('Anna Petrova took over the conversation');
    expect($$<HTMLButtonElement>(chat, '.topic').every((chip) => chip.disabled)).to.equal(true);
    $$<HTMLButtonElement>(chat, '.topic')[0]!.click();
    expect(controller.calls.chooseTag).to.deep.equal([]);
  });

  it('names the department when nobody in it was found', async () => {
    const controller = new FakeChatController({
      entries: [botEntry(1, { kind: 'taken-over', departmentId: 'd1', employeeId: null, departmentName: 'Maintenance', employeeName: null })],
    });
    const chat = await mountChat(controller);
    expect(rowByKey(chat, 'entry:e1')!.querySelector('.service')!.textContent!.trim()).to.equal('Maintenance took over the conversation');
  });
});

describe('ma-chat: delivery marks', () => {
  it('shows one tick once stored and two once the other side read it', async () => {
    const mine = entry({ seq: 1, author: CLIENT, clientMessageId: 'c1', text: 'Hi' });
    const controller = new FakeChatController({ entries: [mine] });
    const chat = await mountChat(controller);
    expect(ticksOf(chat, 'own:c1')).to.equal('1');
    expect(rowByKey(chat, 'own:c1')!.querySelector('.ticks')!.getAttribute('aria-label')).to.equal('Sent');
    controller.receive({ ...mine, readAt: mine.sentAt + 5000, rev: 2 });
    await settle(chat);
    expect(ticksOf(chat, 'own:c1')).to.equal('2');
    expect(rowByKey(chat, 'own:c1')!.querySelector('.ticks')!.getAttribute('aria-label')).to.equal('Read');
  });

  it('puts no marks on the other side’s messages', async () => {
    const controller = new FakeChatController({ entries: [entry({ seq: 1, author: STAFF })] });
    const chat = await mountChat(controller);
    expect(rowByKey(chat, 'entry:e1')!.querySelector('.ticks')).to.equal(null);
  });
});

describe('ma-chat: messages on their way', () => {
  it('shows a pending message, then the stored one in the same row, once', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    controller.send({ text: 'On my way' });
    await settle(chat);
    const pendingRow = rowByKey(chat, 'own:local-1')!;
    expect(pendingRow.querySelector('.ticks')!.getAttribute('data-ticks')).to.equal('0');
    expect(pendingRow.querySelector('.ticks')!.getAttribute('aria-label')).to.equal('Sending');
    controller.store('local-1');
    await settle(chat);
    const rows = $$(chat, '.row');
    expect(rows.filter((row) => row.textContent!.includes('On my way'))).to.have.length(1);
    expect(rowByKey(chat, 'own:local-1'), 'the same DOM row').to.equal(pendingRow);
    expect(ticksOf(chat, 'own:local-1')).to.equal('1');
  });

  it('shows a stored entry once even while the outbox still holds it', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    controller.send({ text: 'Twice?' });
    const stored = entry({ seq: 1, author: CLIENT, clientMessageId: 'local-1', text: 'Twice?' });
    controller.update({ entries: [stored] });
    await settle(chat);
    expect($$(chat, '.row').filter((row) => row.textContent!.includes('Twice?'))).to.have.length(1);
  });

  it('offers Retry for a failed message, with the reason, and Cancel drops it', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    controller.send({ text: 'Lost' });
    controller.setPending('local-1', { state: 'failed', error: 'The connection dropped' });
    await settle(chat);
    const row = rowByKey(chat, 'own:local-1')!;
    expect(row.querySelector('.error')!.textContent).to.equal('The connection dropped');
    row.querySelector<HTMLButtonElement>('.retry')!.click();
    expect(controller.calls.retry).to.deep.equal(['local-1']);
    await settle(chat);
    expect(rowByKey(chat, 'own:local-1')!.querySelector('.retry')).to.equal(null);
    rowByKey(chat, 'own:local-1')!.querySelector<HTMLButtonElement>('.cancel')!.click();
    expect(controller.calls.cancel).to.deep.equal(['local-1']);
    await settle(chat);
    expect(rowByKey(chat, 'own:local-1')).to.equal(null);
  });

  it('shows the upload’s progress and preview, and Cancel stops it', async () => {
    const controller = new FakeChatController();
    const chat = await mountChat(controller);
    controller.send({ text: '', file: new File(['x'.repeat(2048)], 'plan.png', { type: 'image/png' }) });
    controller.setPending('local-1', { progress: 0.42, previewUrl: 'blob:http://localhost/1234' });
    await settle(chat);
    const row = rowByKey(chat, 'own:local-1')!;
    const progress = row.querySelector('ma-progress')! as HTMLElement & { value: number };
    expect(progress.value).to.equal(42);
    expect(row.querySelector<HTMLImageElement>('img.preview')!.getAttribute('src')).to.equal('blob:http://localhost/1234');
    row.querySelector<HTMLButtonElement>('.cancel')!.click();
    expect(controller.calls.cancel).to.deep.equal(['local-1']);
  });
});

describe('ma-chat: days and the unread marker', () => {
  it('opens each day with a separator and marks the first unread message of the other side', async () => {
    const day1 = new Date(2026, 2, 10, 10, 0).getTime();
    const day2 = new Date(2026, 2, 11, 9, 30).getTime();
    const controller = new FakeChatController({
      entries: [
        entry({ seq: 1, author: CLIENT, sentAt: day1, readAt: day1 + 1 }),
        entry({ seq: 2, author: STAFF, sentAt: day1 + 60_000, readAt: day1 + 70_000 }),
        entry({ seq: 3, author: STAFF, sentAt: day2 }),
        entry({ seq: 4, author: STAFF, sentAt: day2 + 60_000 }),
      ],
    });
    const chat = await mountChat(controller);
    const days = $$(chat, '.day').map((day) => day.textContent!.trim());
    expect(days).to.deep.equal(['March 10', 'March 11']);
    expect(rowByKey(chat, 'entry:e3')!.querySelector('.day')).to.not.equal(null);
    expect(rowByKey(chat, 'entry:e2')!.querySelector('.day')).to.equal(null);
    const markers = $$(chat, '.unread');
    expect(markers).to.have.length(1);
    expect(markers[0]!.closest('.row')!.getAttribute('data-key')).to.equal('entry:e3');
    expect(markers[0]!.textContent!.trim()).to.equal('Unread messages');
  });

  it('calls today and yesterday by name, and marks the chat read once the newest message is on screen', async () => {
    const now = Date.now();
    const controller = new FakeChatController({
      entries: [entry({ seq: 1, author: STAFF, sentAt: now - 86_400_000, readAt: now }), entry({ seq: 2, author: STAFF, sentAt: now })],
    });
    const chat = await mountChat(controller);
    expect($$(chat, '.day').map((day) => day.textContent!.trim())).to.deep.equal(['Yesterday', 'Today']);
    await waitUntil(() => controller.calls.markRead > 0, 'markRead called');
  });
});

describe('ma-chat: aria-live', () => {
  it('announces a new message from the other side, not the history and not the viewer’s own', async () => {
    const controller = new FakeChatController({ entries: [entry({ seq: 1, author: STAFF, text: 'Old news' })] });
    const chat = await mountChat(controller);
    const live = $(chat, '[aria-live="polite"]')!;
    expect(live.textContent!.trim()).to.equal('');
    controller.receive(entry({ seq: 2, author: CLIENT, clientMessageId: 'mine', text: 'Mine' }));
    await settle(chat);
    expect(live.textContent!.trim()).to.equal('');
    controller.receive(entry({ seq: 3, author: STAFF, text: 'The plumber comes at 5' }));
    await settle(chat);
    expect(live.textContent!.trim()).to.equal('New message from Anna Petrova: The plumber comes at 5');
  });
});
