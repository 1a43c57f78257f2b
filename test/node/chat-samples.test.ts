import { expect } from 'chai';
import { SAMPLE_CONVERSATIONS } from '../../src/backend/index.ts';
import type { ChatEntry } from '../../src/chat/index.ts';
import { createChatTest, staffPhone, type ChatTest } from './chat-harness.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('chat backend: the demo’s sample conversations', () => {
  let t: ChatTest;
  let alexei: string;
  beforeEach(async () => {
    t = await createChatTest();
    alexei = await t.signIn(staffPhone('staff-alexei'));
  });

  const list = async () => (await t.ok('GET', '/staff/chats?limit=200', alexei)).items as { id: string; status: string; client: { id: string }; appId: string; unread: number; assignee: any; createdAt: string }[];
  const history = async (chatId: string): Promise<ChatEntry[]> => (await t.ok('GET', `/chats/${chatId}/entries?limit=200`, alexei)).entries;

  it('a store that never had a conversation gets the three, played through the bot: one the bot has, one open with an answer, one ended', async () => {
    expect(await t.h.app.chat.seedSampleConversations()).to.equal(SAMPLE_CONVERSATIONS.length);
    const items = await list();
    expect(items).to.have.length(3);
    const byClient = (clientId: string) => items.find((item) => item.client.id === clientId)!;

    const ended = byClient('user-anna');
    expect(ended).to.include({ appId: 'bakery', status: 'closed', unread: 0 });
    expect(Date.parse(ended.createdAt)).to.equal(t.h.clock.now() - 3 * DAY);
    const endedHistory = await history(ended.id);
    expect(endedHistory.map((entry) => entry.bot?.kind ?? entry.author.kind)).to.deep.equal(['greeting', 'choose-topic', 'auto-reply', 'taken-over', 'client', 'staff', 'client', 'closing']);
    expect(endedHistory.at(-1)!.text).to.equal('Glad we could help. Enjoy your bread!');
    expect(endedHistory.filter((entry) => entry.author.kind !== 'bot').every((entry) => entry.readAt !== null), 'both sides read everything').to.equal(true);

    const open = byClient('user-maria');
    expect(open).to.include({ appId: 'service-desk', status: 'open', unread: 1 });
    expect(open.assignee).to.include({ departmentId: 'dept-maintenance', employeeId: 'staff-pavel' });
    const openHistory = await history(open.id);
    const staffLine = openHistory.find((entry) => entry.author.kind === 'staff')!;
    expect(staffLine).to.deep.include({ text: 'A technician comes tomorrow between 10 and 12. Will someone be in?' });
    expect(staffLine.author.id).to.equal('staff-pavel');
    expect(openHistory.at(-1)).to.deep.include({ text: 'Yes, I will be there all morning.', readAt: null });

    const bot = byClient('user-ivan');
    expect(bot).to.include({ appId: 'service-desk', status: 'bot', assignee: null });
    expect((await history(bot.id)).map((entry) => entry.bot?.kind)).to.deep.equal(['greeting', 'choose-topic']);
  });

  it('runs once: a second call writes nothing, and a store that already had conversations gets none', async () => {
    expect(await t.h.app.chat.seedSampleConversations()).to.equal(3);
    expect(await t.h.app.chat.seedSampleConversations()).to.equal(0);
    expect(await list()).to.have.length(3);

    const other = await createChatTest();
    const anna = await other.signIn('+79990000001');
    await other.open(anna);
    expect(await other.h.app.chat.seedSampleConversations()).to.equal(0);
    expect((await other.ok('GET', '/staff/chats?limit=200', await other.signIn(staffPhone('staff-alexei')))).items).to.have.length(1);
  });

  it('the restart timeout leaves the answered ones alone and ends the bot’s when it is due', async () => {
    await t.h.app.chat.seedSampleConversations();
    expect(await t.h.app.chat.runTimeouts(), 'nothing is due yet').to.equal(0);
    t.h.clock.advance(30 * 60 * 1000);
    expect(await t.h.app.chat.runTimeouts()).to.equal(1);
    const statuses = Object.fromEntries((await list()).map((item) => [item.client.id, item.status]));
    expect(statuses).to.deep.equal({ 'user-anna': 'closed', 'user-maria': 'open', 'user-ivan': 'closed' });
  });
});
