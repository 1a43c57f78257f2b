import { expect } from 'chai';
import { Audience } from '../../src/backend/index.ts';
import type { AssignmentStrategy } from '../../src/chat/index.ts';
import { bakerySettings, createChatTest, staffPhone, type ChatTest } from './chat-harness.ts';

/** The bakery with one tag routed to Customer support (Olga: North block; Alexei: the whole city) by a strategy. */
const withStrategy = (strategy?: AssignmentStrategy) =>
  bakerySettings((s) => {
    s.bot.tags = [{ id: 'order', text: 'My order', autoReply: 'Tell us the order number.', rules: [{ objectIds: ['group-city'], departmentId: 'dept-support', employeeIds: [], ...(strategy ? { strategy } : {}) }] }];
  });

async function takeTag(t: ChatTest, token: string): Promise<string | null> {
  const { conversation } = await t.open(token);
  await t.ok('POST', `/chats/${conversation.id}/tag`, token, { tagId: 'order' });
  const card = await t.ok('GET', `/chats/${conversation.id}`, token);
  return card.conversation.assignee?.employeeId ?? null;
}

describe('chat backend: assignment strategies', () => {
  let t: ChatTest;
  beforeEach(async () => {
    t = await createChatTest();
  });

  it('random (the default): only employees with access to the client’s object, never anyone else', async () => {
    await t.putSettings('bakery', withStrategy());
    const seen = new Set<string | null>();
    for (let n = 1; n <= 12; n++) seen.add(await takeTag(t, (await t.resident(n, 'object-sunny-park')).token));
    expect([...seen].every((id) => id === 'staff-olga' || id === 'staff-alexei'), [...seen].join()).to.equal(true);
    // Riverside is outside Olga's North block: only Alexei.
    for (let n = 20; n <= 24; n++) expect(await takeTag(t, (await t.resident(n, 'object-riverside')).token)).to.equal('staff-alexei');
  });

  it('offline employees are skipped; with nobody online the dialog waits in the department', async () => {
    await t.putSettings('bakery', withStrategy());
    await t.setStaff('staff-alexei', { online: false });
    for (let n = 1; n <= 5; n++) expect(await takeTag(t, (await t.resident(n, 'object-sunny-park')).token)).to.equal('staff-olga');
    await t.setStaff('staff-olga', { online: false });
    const { token } = await t.resident(9, 'object-sunny-park');
    expect(await takeTag(t, token)).to.equal(null);
    const { conversation } = await t.open(token);
    expect(conversation.assignee).to.deep.include({ departmentId: 'dept-support', employeeId: null });
    expect(conversation.status).to.equal('open');
  });

  it('round-robin: a queue per department, in turn, skipping who has no access or is offline', async () => {
    await t.putSettings('bakery', withStrategy('round-robin'));
    const order: (string | null)[] = [];
    for (let n = 1; n <= 4; n++) order.push(await takeTag(t, (await t.resident(n, 'object-sunny-park')).token));
    expect(order).to.deep.equal(['staff-alexei', 'staff-olga', 'staff-alexei', 'staff-olga']);
    // Olga cannot serve Riverside: her turn passes to Alexei.
    expect(await takeTag(t, (await t.resident(5, 'object-riverside')).token)).to.equal('staff-alexei');
    expect(await takeTag(t, (await t.resident(6, 'object-riverside')).token)).to.equal('staff-alexei');
    await t.setStaff('staff-alexei', { online: false });
    expect(await takeTag(t, (await t.resident(7, 'object-sunny-park')).token)).to.equal('staff-olga');
    expect(await takeTag(t, (await t.resident(8, 'object-sunny-park')).token)).to.equal('staff-olga');
  });

  it('personal manager: city → region → branch; a new client gets the branch’s next manager and keeps them', async () => {
    const geography = { cityRegion: { Moscow: 'central', Tver: 'central' }, regionBranch: { central: 'branch-central' }, branchManagers: { 'branch-central': ['staff-olga', 'staff-alexei'] } };
    await t.putSettings('bakery', withStrategy('personal-manager'), geography);
    const first = await t.resident(1, 'object-sunny-park', 'Moscow');
    const second = await t.resident(2, 'object-sunny-park', 'Tver');
    expect(await takeTag(t, first.token)).to.equal('staff-olga');
    expect(await takeTag(t, second.token)).to.equal('staff-alexei');
    // The first client's next dialog: the same manager, and the queue does not move.
    const olga = await t.signIn(staffPhone('staff-olga'));
    const { conversation } = await t.open(first.token);
    await t.ok('POST', `/staff/chats/${conversation.id}/end`, olga, { outcome: 'resolved' });
    expect(await takeTag(t, first.token)).to.equal('staff-olga');
    expect(await takeTag(t, (await t.resident(3, 'object-sunny-park', 'Moscow')).token)).to.equal('staff-olga');
    // An unknown city falls back to a random pick among those with access.
    expect(['staff-olga', 'staff-alexei']).to.include(await takeTag(t, (await t.resident(4, 'object-sunny-park', 'Atlantis')).token));
  });

  it('refuses a personal-manager strategy without a geography, and a strategy it does not know', async () => {
    const refused = await t.fails('PUT', '/partner/apps/bakery/chat/settings', 'pk_demo_bakery', { settings: withStrategy('personal-manager') }, 400, 'ERR_FIELD_INVALID');
    expect(refused.details.errors[0].field).to.equal('geography');
    await t.fails('PUT', '/partner/apps/bakery/chat/settings', 'pk_demo_bakery', { settings: { ...withStrategy(), responsible: { departmentId: 'dept-support', employeeIds: [], strategy: 'lottery' } } }, 400, 'INVALID_REQUEST');
  });
});

describe('chat backend: an assignment is claimed once', () => {
  it('two concurrent claims of one conversation: one wins, the other is ALREADY_ASSIGNED', async () => {
    const t = await createChatTest();
    const { token } = await t.resident(1, 'object-sunny-park');
    const { conversation } = await t.open(token);
    const [olga, alexei] = await Promise.all([t.signIn(staffPhone('staff-olga')), t.signIn(staffPhone('staff-alexei'))]);
    const answers = await Promise.all([t.call('POST', `/staff/chats/${conversation.id}/claim`, olga), t.call('POST', `/staff/chats/${conversation.id}/claim`, alexei)]);
    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body.assignee.employeeId;
    expect(answers.find((a) => a.status === 409)!.body.error.code).to.equal('ALREADY_ASSIGNED');
    const lines = (await t.entries(token, conversation.id)).filter((e) => e.bot?.kind === 'taken-over');
    expect(lines.map((e) => (e.bot as any).employeeId)).to.deep.equal([winner]);
  });

  it('two concurrent hand-offs by the bot (a tag tapped twice, free text at once): one auto-reply, one taken-over line', async () => {
    const t = await createChatTest();
    const { token } = await t.resident(1, 'object-sunny-park');
    const { conversation } = await t.open(token);
    await Promise.all([
      t.ok('POST', `/chats/${conversation.id}/tag`, token, { tagId: 'order' }),
      t.ok('POST', `/chats/${conversation.id}/tag`, token, { tagId: 'order' }),
      t.send(token, conversation.id, 'Hello?'),
    ]);
    const kinds = (await t.entries(token, conversation.id)).filter((e) => e.kind === 'bot').map((e) => e.bot!.kind);
    expect(kinds.filter((k) => k === 'taken-over')).to.have.length(1);
    expect(kinds.filter((k) => k === 'auto-reply').length).to.be.at.most(1);
  });
});

describe('chat backend: staff notifications', () => {
  it('“you were assigned” and “new message from a client”, by push and e-mail as each staff member chose, each linking its chat', async () => {
    const t = await createChatTest();
    await t.putSettings('bakery', withStrategy('round-robin'));
    const alexei = await t.signIn(staffPhone('staff-alexei'));
    const { token } = await t.resident(1, 'object-sunny-park');
    expect(await takeTag(t, token)).to.equal('staff-alexei');
    const { conversation } = await t.open(token);
    await t.send(token, conversation.id, 'Where is my bread?');

    const { notifications } = await t.ok('GET', '/staff/notifications', alexei);
    expect(notifications.map((n: any) => n.kind)).to.deep.equal(['client-message', 'assigned']);
    expect(notifications[0]).to.deep.include({ conversationId: conversation.id, chatNumber: 1, link: `/operator/chats/${conversation.id}` });
    expect(notifications[0].text).to.include('Where is my bread?');
    expect(notifications[0].channels).to.deep.equal({ push: true, email: false });
    const pushed = (await t.eventsOf(Audience.staff('staff-alexei'))).filter((e) => e.type === 'staff.notification');
    expect(pushed.map((e) => e.data.kind)).to.deep.equal(['assigned', 'client-message']);
    const { emails } = await t.ok('GET', '/staff/me/emails', alexei);
    expect(emails.map((e: any) => e.subject)).to.deep.equal(['You were assigned to chat 1 (Resident 1)']);
    expect(emails[0]).to.deep.include({ to: 'alexei@host.example', link: `/operator/chats/${conversation.id}` });

    const { staff } = await t.ok('PATCH', '/staff/me/notifications', alexei, { 'client-message': { push: false }, assigned: { email: false } });
    expect(staff.notifications).to.deep.equal({ assigned: { push: true, email: false }, 'client-message': { push: false, email: false } });
    await t.send(token, conversation.id, 'Hello?');
    expect((await t.ok('GET', '/staff/notifications', alexei)).notifications, 'both channels off: nothing').to.have.length(2);
    await t.fails('PATCH', '/staff/me/notifications', alexei, { everything: { push: true } }, 400, 'INVALID_REQUEST');
    const olgaNotes = await t.ok('GET', '/staff/notifications', await t.signIn(staffPhone('staff-olga')));
    expect(olgaNotes.notifications, 'only the assignee hears of the client’s messages').to.deep.equal([]);
  });

  it('chat settings are edited by the app’s partner only: its key or its organisation’s staff', async () => {
    const t = await createChatTest();
    const settings = withStrategy();
    await t.fails('PUT', '/partner/apps/bakery/chat/settings', 'pk_demo_fitness', { settings }, 401, 'UNAUTHORIZED');
    const petr = await t.signIn(staffPhone('staff-petr'));
    const saved = await t.ok('PUT', '/partner/apps/bakery/chat/settings', petr, { settings });
    expect(saved.settings.bot.tags.map((tag: any) => tag.id)).to.deep.equal(['order']);
    await t.fails('PUT', '/partner/apps/utilities/chat/settings', petr, { settings }, 403, 'FORBIDDEN');
    await t.fails('PUT', '/partner/apps/bakery/chat/settings', await t.signIn(staffPhone('staff-olga')), { settings }, 403, 'FORBIDDEN');
    const invalid = bakerySettings((s) => {
      s.welcomeTitle = 'x'.repeat(31);
      s.bot.tags = [];
    });
    const error = await t.fails('PUT', '/partner/apps/bakery/chat/settings', 'pk_demo_bakery', { settings: invalid }, 400, 'ERR_VALIDATION_FAILED');
    expect(error.details.errors.map((e: any) => e.field)).to.have.members(['welcomeTitle', 'bot.tags']);
    expect((await t.ok('GET', '/partner/apps/bakery/chat/settings', 'pk_demo_bakery')).settings.welcomeTitle).to.equal('Corner Bakery');
  });
});
