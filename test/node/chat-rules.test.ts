import { expect } from 'chai';
import { Audience, Collection, Permission, type StaffRecord } from '../../src/backend/index.ts';
import { MAX_ATTACHMENT_BYTES, mergeEntries, type ChatEntry } from '../../src/chat/index.ts';
import { anna, createChatTest, nextMessageId, staffPhone, type ChatTest } from './chat-harness.ts';

const HOUR = 60 * 60 * 1000;

describe('chat backend: edit and delete by the rules', () => {
  let t: ChatTest;
  let client: string;
  let olga: string;
  let chatId: string;
  beforeEach(async () => {
    t = await createChatTest();
    client = await t.signIn(anna.phone);
    olga = await t.signIn(staffPhone('staff-olga'));
    chatId = (await t.open(client)).conversation.id;
  });

  it('the author edits and deletes within the hour while unread; the other side sees the new revisions', async () => {
    const sent = await t.send(client, chatId, 'Helo');
    const edited = (await t.ok('PATCH', `/chats/${chatId}/entries/${sent.id}`, client, { text: 'Hello' })).entry as ChatEntry;
    expect(edited).to.include({ id: sent.id, seq: sent.seq, text: 'Hello' });
    expect(edited.rev).to.be.above(sent.rev);
    expect(edited.editedAt).to.equal(t.h.clock.now());
    const deleted = (await t.ok('DELETE', `/chats/${chatId}/entries/${sent.id}`, client)).entry as ChatEntry;
    expect(deleted).to.include({ text: '', deletedAt: t.h.clock.now() });
    expect(deleted.rev).to.be.above(edited.rev);
    await t.fails('PATCH', `/chats/${chatId}/entries/${sent.id}`, client, { text: 'Back' }, 409, 'ERR_MESSAGE_DELETED');
    const seen = (await t.entries(olga, chatId)).find((e) => e.id === sent.id)!;
    expect(seen).to.deep.equal(deleted);
  });

  it('no edit once the other side read it, nor after the hour (59:59 yes, 60:00 no)', async () => {
    const first = await t.send(client, chatId, 'First');
    const second = await t.send(client, chatId, 'Second');
    await t.ok('POST', `/chats/${chatId}/read`, olga);
    await t.fails('PATCH', `/chats/${chatId}/entries/${first.id}`, client, { text: 'Changed' }, 409, 'ERR_MESSAGE_READ');
    await t.fails('DELETE', `/chats/${chatId}/entries/${second.id}`, client, undefined, 409, 'ERR_MESSAGE_READ');

    const third = await t.send(client, chatId, 'Third');
    t.h.clock.advance(HOUR - 1);
    await t.ok('PATCH', `/chats/${chatId}/entries/${third.id}`, client, { text: 'Third, edited' });
    t.h.clock.advance(1);
    await t.fails('PATCH', `/chats/${chatId}/entries/${third.id}`, client, { text: 'Too late' }, 409, 'ERR_EDIT_WINDOW_CLOSED');
  });

  it('staff edit only their own messages; only an administrator deletes any (even read, even old)', async () => {
    const alexei = await t.signIn(staffPhone('staff-alexei'));
    const fromClient = await t.send(client, chatId, 'From the client');
    const fromOlga = await t.send(olga, chatId, 'From Olga');
    await t.fails('PATCH', `/chats/${chatId}/entries/${fromClient.id}`, olga, { text: 'Forged' }, 403, 'ERR_NOT_AUTHOR');
    await t.fails('DELETE', `/chats/${chatId}/entries/${fromClient.id}`, olga, undefined, 403, 'ERR_NOT_AUTHOR');
    await t.fails('PATCH', `/chats/${chatId}/entries/${fromOlga.id}`, client, { text: 'Forged' }, 403, 'ERR_NOT_AUTHOR');
    await t.ok('PATCH', `/chats/${chatId}/entries/${fromOlga.id}`, olga, { text: 'From Olga, edited' });
    await t.ok('POST', `/chats/${chatId}/read`, olga);
    t.h.clock.advance(2 * HOUR);
    const deleted = (await t.ok('DELETE', `/chats/${chatId}/entries/${fromClient.id}`, alexei)).entry;
    expect(deleted.deletedAt).to.equal(t.h.clock.now());
    await t.fails('DELETE', `/chats/${chatId}/entries/${fromOlga.id}`, olga, undefined, 409, 'ERR_EDIT_WINDOW_CLOSED');
    await t.ok('DELETE', `/chats/${chatId}/entries/${fromOlga.id}`, alexei);
    await t.fails('DELETE', `/chats/${chatId}/entries/${fromOlga.id}`, alexei, undefined, 409, 'ERR_MESSAGE_DELETED');
    await t.fails('DELETE', `/chats/${chatId}/entries/nope`, alexei, undefined, 404, 'ENTRY_NOT_FOUND');
  });

  it('read marks: readAt set on the other side’s entries, the unread count of the list drops to 0', async () => {
    await t.send(client, chatId, 'One');
    await t.send(client, chatId, 'Two');
    let list = await t.ok('GET', '/staff/chats?tab=unread', olga);
    expect(list.items.map((item: any) => [item.id, item.unread])).to.deep.equal([[chatId, 2]]);
    const read = await t.ok('POST', `/chats/${chatId}/read`, olga);
    expect(read.read).to.equal(2);
    list = await t.ok('GET', '/staff/chats?tab=unread', olga);
    expect(list.items).to.deep.equal([]);
    const entries = await t.entries(client, chatId);
    expect(entries.filter((e) => e.kind === 'text').map((e) => e.readAt)).to.deep.equal([t.h.clock.now(), t.h.clock.now()]);
    expect(entries.filter((e) => e.kind === 'bot').every((e) => e.readAt === null), 'staff reading marks only the client’s entries').to.equal(true);
    expect((await t.ok('POST', `/chats/${chatId}/read`, olga)).read, 'reading again marks nothing').to.equal(0);
  });

  it('catch-up after a revision returns new entries, edits, deletes and read marks, and the status', async () => {
    const mine = await t.send(client, chatId, 'Before the gap');
    const { rev } = await t.ok('GET', `/chats/${chatId}/changes?after=0`, client);
    const before = await t.entries(client, chatId);

    const a = await t.send(olga, chatId, 'A');
    const b = await t.send(olga, chatId, 'B');
    await t.ok('PATCH', `/chats/${chatId}/entries/${a.id}`, olga, { text: 'A, edited' });
    await t.ok('DELETE', `/chats/${chatId}/entries/${b.id}`, olga);
    await t.ok('POST', `/chats/${chatId}/read`, olga);

    const changes = await t.ok('GET', `/chats/${chatId}/changes?after=${rev}`, client);
    expect(changes.more).to.equal(false);
    expect(changes.status).to.equal('open');
    const byId = new Map((changes.entries as ChatEntry[]).map((e) => [e.id, e]));
    expect(byId.get(a.id)).to.include({ text: 'A, edited' });
    expect(byId.get(b.id)!.deletedAt).to.not.equal(null);
    expect(byId.get(mine.id)!.readAt, 'the read mark of the client’s own message').to.equal(t.h.clock.now());
    expect(changes.entries.map((e: ChatEntry) => e.rev)).to.deep.equal([...changes.entries.map((e: ChatEntry) => e.rev)].sort((x, y) => x - y));
    expect(changes.entries.every((e: ChatEntry) => e.rev > rev)).to.equal(true);

    const merged = mergeEntries(before, changes.entries);
    expect(merged).to.deep.equal(await t.entries(client, chatId));
    const nothing = await t.ok('GET', `/chats/${chatId}/changes?after=${changes.rev}`, client);
    expect(nothing.entries).to.deep.equal([]);
    expect(nothing.rev).to.equal(changes.rev);
    await t.fails('GET', `/chats/${chatId}/changes?after=-1`, client, undefined, 400, 'INVALID_REQUEST');
  });

  it('history pages by seq: the last page first, then older ones', async () => {
    // Greeting and topics (1, 2), the first message (3) hands over (4), then six more (5–10).
    for (let n = 1; n <= 7; n++) await t.send(client, chatId, `m${n}`);
    const last = await t.ok('GET', `/chats/${chatId}/entries?limit=4`, client);
    expect(last.entries.map((e: ChatEntry) => e.seq)).to.deep.equal([7, 8, 9, 10]);
    expect(last.entries.map((e: ChatEntry) => e.text)).to.deep.equal(['m4', 'm5', 'm6', 'm7']);
    expect(last.hasOlder).to.equal(true);
    const older = await t.ok('GET', `/chats/${chatId}/entries?limit=4&before=7`, client);
    expect(older.entries.map((e: ChatEntry) => e.seq)).to.deep.equal([3, 4, 5, 6]);
    const first = await t.ok('GET', `/chats/${chatId}/entries?limit=4&before=3`, client);
    expect(first.entries.map((e: ChatEntry) => e.seq)).to.deep.equal([1, 2]);
    expect(first.hasOlder).to.equal(false);
  });
});

describe('chat backend: staff see only the chats of their objects', () => {
  let t: ChatTest;
  let client: string;
  let chatId: string;
  beforeEach(async () => {
    t = await createChatTest();
    client = await t.signIn(anna.phone);
    chatId = (await t.open(client)).conversation.id;
    await t.send(client, chatId, 'Hello');
  });

  it('an employee without access to the object sees nothing: list, card, messages, events', async () => {
    for (const id of ['staff-nina', 'staff-pavel']) {
      const token = await t.signIn(staffPhone(id));
      expect((await t.ok('GET', '/staff/chats', token)).items, id).to.deep.equal([]);
      await t.fails('GET', `/staff/chats/${chatId}`, token, undefined, 404, 'CHAT_NOT_FOUND');
      await t.fails('GET', `/chats/${chatId}/entries`, token, undefined, 404, 'CHAT_NOT_FOUND');
      await t.fails('GET', `/chats/${chatId}/changes?after=0`, token, undefined, 404, 'CHAT_NOT_FOUND');
      await t.fails('POST', `/chats/${chatId}/messages`, token, { clientMessageId: nextMessageId(), text: 'Hi' }, 404, 'CHAT_NOT_FOUND');
      const events = await t.eventsOf(Audience.staff(id));
      expect(events.filter((e) => e.type.startsWith('chat.')), `${id} got no chat events`).to.deep.equal([]);
    }
    const olgaEvents = await t.eventsOf(Audience.staff('staff-olga'));
    expect(olgaEvents.filter((e) => e.type === 'chat.entry').length, 'Olga, with access, got them').to.be.above(0);
    const other = await t.signIn('+79990000002');
    await t.fails('GET', `/chats/${chatId}/entries`, other, undefined, 404, 'CHAT_NOT_FOUND');
    await t.fails('GET', `/chats/${chatId}/entries`, undefined, undefined, 401, 'UNAUTHORIZED');
    await t.fails('GET', '/staff/chats', other, undefined, 403, 'FORBIDDEN');
  });

  it('one without “send messages” reads but cannot write, assign or end', async () => {
    await t.h.store.put(Collection.USERS, 'user-staff-vera', { id: 'user-staff-vera', name: 'Vera Viewer', phone: '+79990000199', premises: [] });
    const vera: StaffRecord = {
      id: 'staff-vera', userId: 'user-staff-vera', name: 'Vera Viewer', email: 'vera@host.example', organisationId: null,
      permissions: [Permission.CHATS_VIEW], departmentId: 'dept-support', objectIds: ['group-city'], online: true,
      notifications: { assigned: { push: true, email: false }, 'client-message': { push: true, email: false } },
    };
    await t.h.store.put(Collection.STAFF, vera.id, vera);
    const token = await t.signIn('+79990000199');
    expect((await t.ok('GET', '/staff/chats', token)).items.map((i: any) => i.id)).to.deep.equal([chatId]);
    expect((await t.entries(token, chatId)).length).to.be.above(0);
    const refused = await t.fails('POST', `/chats/${chatId}/messages`, token, { clientMessageId: nextMessageId(), text: 'Hi' }, 403, 'FORBIDDEN');
    expect(refused.details).to.deep.equal({ missing: [Permission.CHATS_SEND] });
    await t.fails('POST', `/staff/chats/${chatId}/claim`, token, undefined, 403, 'FORBIDDEN');
    await t.fails('POST', `/staff/chats/${chatId}/end`, token, { outcome: 'resolved' }, 403, 'FORBIDDEN');
    await t.fails('POST', `/chats/${chatId}/uploads`, token, { kind: 'document', fileName: 'a.pdf', mimeType: 'application/pdf', sizeBytes: 10 }, 403, 'FORBIDDEN');
  });

  it('the card shows created, updated, channel, client, department and responsible, and the internal comment to staff only', async () => {
    const olga = await t.signIn(staffPhone('staff-olga'));
    // The client's first message went to someone in Customer support; Olga assigns it to herself.
    await t.ok('POST', `/staff/chats/${chatId}/assign`, olga, { departmentId: 'dept-support', employeeId: 'staff-olga' });
    await t.fails('POST', `/staff/chats/${chatId}/assign`, olga, { departmentId: 'dept-support', employeeId: 'staff-pavel' }, 400, 'INVALID_REQUEST');
    await t.ok('PUT', `/staff/chats/${chatId}/comment`, olga, { comment: 'Prefers calls after 6 pm' });
    const card = await t.ok('GET', `/staff/chats/${chatId}`, olga);
    expect(card).to.deep.include({ number: 1, appId: 'bakery', channel: 'web', internalComment: 'Prefers calls after 6 pm', status: 'open' });
    expect(card.client).to.deep.equal({ id: anna.id, name: anna.name, phone: anna.phone, premises: { id: 'premises-sp-12', title: 'Flat 12' }, object: { id: 'object-sunny-park', title: 'Sunny Park, building 1' } });
    expect(card.assignee).to.deep.equal({ departmentId: 'dept-support', departmentName: 'Customer support', employeeId: 'staff-olga', employeeName: 'Olga Smirnova' });
    expect(card.createdAt).to.be.a('string');
    const asClient = await t.ok('GET', `/chats/${chatId}`, client);
    expect(JSON.stringify(asClient)).to.not.include('Prefers calls');
    await t.fails('GET', `/staff/chats/${chatId}`, client, undefined, 403, 'FORBIDDEN');
    const events = await t.eventsOf(Audience.user(anna.id));
    expect(JSON.stringify(events)).to.not.include('Prefers calls');
  });

  it('the list filters by object, app, client, responsible and dates, and searches by chat number or client name', async () => {
    const alexei = await t.signIn(staffPhone('staff-alexei'));
    const maria = await t.signIn('+79990000003');
    await t.ok('POST', `/staff/chats/${chatId}/assign`, alexei, { departmentId: 'dept-support', employeeId: 'staff-olga' });
    t.h.clock.advance(60_000);
    const mariaChat = (await t.open(maria, 'utilities')).conversation;
    await t.ok('POST', `/staff/chats/${mariaChat.id}/claim`, alexei);
    const ids = async (query: string) => (await t.ok('GET', `/staff/chats${query}`, alexei)).items.map((i: any) => i.number);
    expect(await ids('')).to.deep.equal([2, 1]);
    expect(await ids('?objectId=block-river')).to.deep.equal([2]);
    expect(await ids('?objectId=object-sunny-park')).to.deep.equal([1]);
    expect(await ids('?appId=bakery')).to.deep.equal([1]);
    expect(await ids('?clientId=user-maria')).to.deep.equal([2]);
    expect(await ids('?responsibleId=staff-alexei')).to.deep.equal([2]);
    const at = new Date(t.h.clock.now()).toISOString();
    expect(await ids(`?createdFrom=${encodeURIComponent(at)}`)).to.deep.equal([2]);
    expect(await ids(`?createdTo=${encodeURIComponent(new Date(t.h.clock.now() - 1).toISOString())}`)).to.deep.equal([1]);
    expect(await ids('?q=%232')).to.deep.equal([2]);
    expect(await ids('?q=1')).to.deep.equal([1]);
    expect(await ids('?q=petro')).to.deep.equal([1]);
    expect(await ids('?limit=1')).to.deep.equal([2]);
    expect((await t.ok('GET', '/staff/chats?limit=1', alexei)).nextOffset).to.equal(1);
    await t.fails('GET', '/staff/chats?tab=mine', alexei, undefined, 400, 'INVALID_REQUEST');
    await t.fails('GET', '/staff/chats?createdFrom=yesterday', alexei, undefined, 400, 'INVALID_REQUEST');
  });
});

describe('chat backend: attachments are declared before their bytes', () => {
  let t: ChatTest;
  let client: string;
  let chatId: string;
  beforeEach(async () => {
    t = await createChatTest();
    client = await t.signIn(anna.phone);
    chatId = (await t.open(client)).conversation.id;
  });

  it('refuses a declaration of 40 MiB + 1 byte, before any upload, and stores nothing', async () => {
    const error = await t.fails('POST', `/chats/${chatId}/uploads`, client, { kind: 'media', fileName: 'big.mp4', mimeType: 'video/mp4', sizeBytes: MAX_ATTACHMENT_BYTES + 1 }, 400, 'ERR_ATTACHMENT_TOO_LARGE');
    expect(error.details.errors[0]).to.include({ field: 'attachment.sizeBytes', code: 'ERR_ATTACHMENT_TOO_LARGE' });
    expect(await t.h.store.list('chatUploads')).to.deep.equal([]);
    const exactly = await t.ok('POST', `/chats/${chatId}/uploads`, client, { kind: 'media', fileName: 'ok.mp4', mimeType: 'video/mp4', sizeBytes: MAX_ATTACHMENT_BYTES });
    expect(exactly.sizeBytes).to.equal(MAX_ATTACHMENT_BYTES);
  });

  it('takes exactly the declared bytes, then the message carries the attachment and its bytes are read back', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 hello');
    const declared = await t.ok('POST', `/chats/${chatId}/uploads`, client, { kind: 'document', fileName: 'bill.pdf', mimeType: 'application/pdf', sizeBytes: bytes.length });
    const token = client;
    const put = (body: Uint8Array) => t.h.app.fetch(new Request(`http://backend.test/api${declared.path}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: body as BodyInit }));
    const longer = await put(new Uint8Array(bytes.length + 1));
    expect(longer.status).to.equal(413);
    expect((await longer.json()).error.code).to.equal('PAYLOAD_TOO_LARGE');
    const shorter = await put(bytes.slice(1));
    expect(shorter.status).to.equal(400);
    await t.fails('POST', `/chats/${chatId}/messages`, client, { clientMessageId: nextMessageId(), text: '', uploadId: declared.uploadId }, 409, 'UPLOAD_STATE');
    expect((await put(bytes)).status).to.equal(200);
    expect((await put(bytes)).status, 'the bytes go once').to.equal(409);

    const entry = (await t.ok('POST', `/chats/${chatId}/messages`, client, { clientMessageId: nextMessageId(), text: '', uploadId: declared.uploadId })).entry as ChatEntry;
    expect(entry.attachment).to.deep.equal({ kind: 'document', fileName: 'bill.pdf', mimeType: 'application/pdf', sizeBytes: bytes.length, url: `/chats/${chatId}/entries/${entry.id}/attachment` });
    await t.fails('POST', `/chats/${chatId}/messages`, client, { clientMessageId: nextMessageId(), text: 'again', uploadId: declared.uploadId }, 409, 'UPLOAD_STATE');
    const olga = await t.signIn(staffPhone('staff-olga'));
    const download = await t.h.request('GET', entry.attachment!.url!, { token: olga });
    expect(download.status).to.equal(200);
    expect(download.headers.get('Content-Type')).to.equal('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).to.deep.equal(bytes);
    const stranger = await t.signIn(staffPhone('staff-pavel'));
    expect((await t.h.request('GET', entry.attachment!.url!, { token: stranger })).status).to.equal(404);
    await t.fails('POST', `/chats/${chatId}/messages`, olga, { clientMessageId: nextMessageId(), text: '', uploadId: declared.uploadId }, 404, 'UPLOAD_NOT_FOUND');
  });

  it('an empty message, or one over 4,096 characters, is refused with the field named', async () => {
    const empty = await t.fails('POST', `/chats/${chatId}/messages`, client, { clientMessageId: nextMessageId(), text: '   ' }, 400, 'ERR_MESSAGE_EMPTY');
    expect(empty.details.errors[0].field).to.equal('text');
    await t.fails('POST', `/chats/${chatId}/messages`, client, { clientMessageId: nextMessageId(), text: 'x'.repeat(4097) }, 400, 'ERR_FIELD_TOO_LONG');
    await t.fails('POST', `/chats/${chatId}/messages`, client, { clientMessageId: 'bad id with spaces', text: 'x' }, 400, 'INVALID_REQUEST');
    expect((await t.entries(client, chatId)).filter((e) => e.kind !== 'bot')).to.deep.equal([]);
  });
});

describe('chat backend: deep links, typing and the push to the client', () => {
  it('staff send one deep link per message to a screen or an app the client can open', async () => {
    const t = await createChatTest();
    const client = await t.signIn(anna.phone);
    const olga = await t.signIn(staffPhone('staff-olga'));
    const chatId = (await t.open(client)).conversation.id;
    const { options } = await t.ok('GET', `/staff/chats/${chatId}/deep-links`, olga);
    const apps = options.filter((o: any) => o.target.kind === 'mini-app').map((o: any) => o.target.appId);
    expect(apps).to.include('bakery');
    expect(apps, 'a Testing app the client does not test').to.not.include('bakery-beta');
    const entry = (await t.ok('POST', `/chats/${chatId}/messages`, olga, { clientMessageId: nextMessageId(), text: 'Your bills', deepLink: { target: { kind: 'bills' }, title: 'Bills', image: 'https://img.test/b.png', annotation: 'x' } })).entry;
    expect(entry.kind).to.equal('deep-link');
    expect(entry.deepLink).to.deep.equal({ look: 'plain', target: { kind: 'bills' }, title: 'Bills', image: null, annotation: null });
    await t.fails('POST', `/chats/${chatId}/messages`, olga, { clientMessageId: nextMessageId(), text: '', deepLink: { target: { kind: 'mini-app', appId: 'bakery-beta' }, title: 'Beta' } }, 400, 'DEEP_LINK_UNAVAILABLE');
    await t.fails('POST', `/chats/${chatId}/messages`, client, { clientMessageId: nextMessageId(), text: '', deepLink: { target: { kind: 'bills' }, title: 'Bills' } }, 403, 'FORBIDDEN');
    await t.fails('POST', `/chats/${chatId}/messages`, olga, { clientMessageId: nextMessageId(), text: '', deepLink: { target: { kind: 'nowhere' }, title: 'x' } }, 400, 'INVALID_REQUEST');
  });

  it('typing is an event for the other side, at most one per 2 s, never an entry', async () => {
    const t = await createChatTest();
    const client = await t.signIn(anna.phone);
    const chatId = (await t.open(client)).conversation.id;
    expect((await t.ok('POST', `/chats/${chatId}/typing`, client)).sent).to.equal(true);
    expect((await t.ok('POST', `/chats/${chatId}/typing`, client)).sent).to.equal(false);
    t.h.clock.advance(2000);
    expect((await t.ok('POST', `/chats/${chatId}/typing`, client)).sent).to.equal(true);
    const typing = (await t.eventsOf(Audience.staff('staff-olga'))).filter((e) => e.type === 'chat.typing');
    expect(typing.map((e) => e.data)).to.deep.equal([
      { type: 'chat.typing', conversationId: chatId, side: 'client', until: t.h.clock.now() - 2000 + 5000 },
      { type: 'chat.typing', conversationId: chatId, side: 'client', until: t.h.clock.now() + 5000 },
    ]);
    expect((await t.entries(client, chatId)).every((e) => e.kind === 'bot')).to.equal(true);
  });

  it('a staff message sends the client a push that opens the chat', async () => {
    const t = await createChatTest();
    const client = await t.signIn(anna.phone);
    const olga = await t.signIn(staffPhone('staff-olga'));
    const chatId = (await t.open(client)).conversation.id;
    const entry = await t.send(olga, chatId, 'Your order is on its way');
    const pushes = (await t.eventsOf(Audience.user(anna.id))).filter((e) => e.type === 'push.received');
    expect(pushes).to.have.length(1);
    expect(pushes[0]!.data).to.deep.include({ appId: 'bakery', title: 'Olga Smirnova', body: 'Your order is on its way', route: '/chat', id: `chat-${entry.id}` });
    expect(pushes[0]!.data.data).to.deep.equal({ chat: { conversationId: chatId, entryId: entry.id } });
    // The push limits (1 per 30 s) skip the push, never the message.
    const second = await t.send(olga, chatId, 'And another');
    expect(second.text).to.equal('And another');
    expect((await t.eventsOf(Audience.user(anna.id))).filter((e) => e.type === 'push.received')).to.have.length(1);
  });
});
