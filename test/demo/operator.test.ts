import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { unzipSync, strFromU8 } from 'fflate';
import { DemoSmsInbox, startDemoBackend, type DemoBackend } from '../../demo/backend/index.ts';
import '../../demo/operator/operator-console.ts';
import type { DemoOperatorConsole } from '../../demo/operator/operator-console.ts';
import type { DemoOperatorList } from '../../demo/operator/chat-list.ts';
import type { DemoOperatorChat } from '../../demo/operator/chat-view.ts';
import type { DemoOperatorNotifications } from '../../demo/operator/notifications-panel.ts';
import type { DemoOperatorComposerTools } from '../../demo/operator/composer-tools.ts';
import { HIDDEN_COLUMNS_KEY } from '../../demo/operator/list-columns.ts';
import { OPERATOR_TEXTS } from '../../demo/operator/texts.ts';
import { detectSpeechRecognition, type SpeechRecognitionLike, type SpeechResultEvent } from '../../demo/operator/voice-input.ts';
import { createBackendClient, createChatSession, SEED_STAFF, SEED_USERS, type ChatListItem, type ChatSession } from '../../src/backend/index.ts';
import { makeSnippet } from '../../src/chat/deep-links.ts';
import type { MaChat } from '../../ui-kit/components/chat/chat.ts';
import { deleteDatabase, openSecondTab } from '../backend/live-helpers.ts';

const DAY = 24 * 60 * 60 * 1000;
const FAST = { backoff: { initialMs: 5, maxMs: 50 } };
const [anna, ivan, maria] = SEED_USERS as [typeof SEED_USERS[0], typeof SEED_USERS[0], typeof SEED_USERS[0]];
const phoneOf = (id: string) => SEED_STAFF.find((s) => s.id === id)!.phone;

type Download = { suggestedFilename: string; base64: string } | { failure: string };

// Every script this page loads, to tell when the spreadsheet library came (the timing buffer alone fills up).
const loadedResources: string[] = [];
performance.setResourceTimingBufferSize(100_000);
new PerformanceObserver((entries) => loadedResources.push(...entries.getEntries().map((entry) => entry.name))).observe({ type: 'resource', buffered: true });

/** The operator console against the demo backend in this page (msw + IndexedDB), clients in the page or in a second tab. */
describe('operator console (demo, staff side)', function () {
  this.timeout(60000);
  const databaseName = `operator-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  let backend: DemoBackend;
  const tokens: Record<string, string> = {};
  const chats: Record<string, ChatListItem> = {};
  const sessions: ChatSession[] = [];

  const signIn = async (phone: string) => {
    const client = createBackendClient({ baseUrl: '/api', getSessionToken: () => null });
    await client.requestCode(phone);
    return (await client.signIn(phone, sms.latest(phone)!.code)).sessionToken;
  };
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`/api${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: response.status, text: await response.text() };
  };
  const json = async (token: string, method: string, path: string, body?: unknown) => {
    const answer = await call(token, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status} ${answer.text}`);
    return JSON.parse(answer.text);
  };
  const openChat = async (token: string, appId: string, channel: 'ios' | 'android' | 'web') => (await json(token, 'POST', `/apps/${appId}/chat`, { channel })).conversation.id as string;
  const clientSays = (token: string, chatId: string, text: string) => json(token, 'POST', `/chats/${chatId}/messages`, { clientMessageId: crypto.randomUUID(), text });
  const clientSession = (token: string, appId: string) => {
    const created = createChatSession({ api: { baseUrl: '/api', getSessionToken: () => token }, target: { side: 'client', appId }, live: FAST, retryMs: 20 });
    sessions.push(created);
    return created;
  };

  const mount = (token: string, extra: Partial<DemoOperatorConsole> = {}) =>
    fixture<DemoOperatorConsole>(html`<demo-operator-console locale="en" .liveOptions=${FAST}
      .sessionOptions=${{ live: FAST, retryMs: 20, now: clock.now }}
      .apiOptions=${{ baseUrl: '/api', getSessionToken: () => token }} .speech=${extra.speech} .chatId=${extra.chatId ?? null}></demo-operator-console>`);
  const shadow = (element: Element) => element.shadowRoot!;
  const list = (console: DemoOperatorConsole) => shadow(console).querySelector<DemoOperatorList>('demo-operator-list')!;
  const chatView = (console: DemoOperatorConsole) => shadow(console).querySelector<DemoOperatorChat>('demo-operator-chat')!;
  const maChat = (console: DemoOperatorConsole) => shadow(chatView(console)).querySelector<MaChat>('ma-chat')!;
  const tools = (console: DemoOperatorConsole) => shadow(chatView(console)).querySelector<DemoOperatorComposerTools>('demo-operator-composer-tools')!;
  const rows = (console: DemoOperatorConsole) => [...shadow(list(console)).querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const rowIds = (console: DemoOperatorConsole) => rows(console).map((row) => row.dataset.chat!).sort();
  const ids = (...names: string[]) => names.map((name) => chats[name]!.id).sort();
  const change = async (element: Element | null, value: string | boolean) => {
    if (!element) throw new Error('no such control');
    if (typeof value === 'boolean') (element as HTMLInputElement).checked = value;
    else (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  const listShows = async (console: DemoOperatorConsole, expected: string[], what: string) => {
    await waitUntil(() => JSON.stringify(rowIds(console)) === JSON.stringify(expected), `${what}: rows ${JSON.stringify(rowIds(console))}, expected ${JSON.stringify(expected)}`, { timeout: 5000 });
  };
  const field = (console: DemoOperatorConsole) => {
    const composer = shadow(maChat(console)).querySelector('ma-chat-composer')!;
    return shadow(composer).querySelector('textarea')!;
  };
  const type = async (console: DemoOperatorConsole, text: string) => {
    await waitUntil(() => shadow(maChat(console)).querySelector('ma-chat-composer')?.shadowRoot?.querySelector('textarea'), 'no composer');
    const textarea = field(console);
    textarea.value = text;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const pressEnter = () => {
    const textarea = field(current!);
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  };
  const openInConsole = async (console: DemoOperatorConsole, chatId: string) => {
    console.go({ section: 'chats', chatId });
    await waitUntil(() => chatView(console)?.card && chatView(console).controller?.session.online, 'the chat did not open', { timeout: 5000 });
    await waitUntil(() => shadow(chatView(console)).querySelector('ma-chat'), 'no ma-chat');
  };
  const texts = (session: { entries: readonly { kind: string; text: string }[] }) => session.entries.filter((e) => e.kind !== 'bot').map((e) => e.text);
  let current: DemoOperatorConsole | undefined;

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send, clock });
    for (const [name, phone] of [['anna', anna.phone], ['ivan', ivan.phone], ['maria', maria.phone]] as const) tokens[name] = await signIn(phone);
    for (const id of ['staff-olga', 'staff-pavel', 'staff-alexei', 'staff-nina']) tokens[id] = await signIn(phoneOf(id));
    offset = -3 * DAY;
    const a = await openChat(tokens.anna!, 'bakery', 'ios');
    await clientSays(tokens.anna!, a, 'hello from anna');
    offset = -1 * DAY;
    const b = await openChat(tokens.maria!, 'utilities', 'android');
    await clientSays(tokens.maria!, b, 'a leak in the office');
    offset = 0;
    await openChat(tokens.ivan!, 'bakery', 'web');
    // Pavel has Maria's chat (the responsible filter finds it by him).
    await json(tokens['staff-alexei']!, 'POST', `/staff/chats/${b}/assign`, { departmentId: 'dept-maintenance', employeeId: 'staff-pavel' });
    const all: { items: ChatListItem[] } = await json(tokens['staff-alexei']!, 'GET', '/staff/chats?limit=200');
    chats.A = all.items.find((i) => i.client.id === anna.id && i.appId === 'bakery')!;
    chats.B = all.items.find((i) => i.client.id === maria.id)!;
    chats.C = all.items.find((i) => i.client.id === ivan.id)!;
    localStorage.removeItem(HIDDEN_COLUMNS_KEY);
  });
  afterEach(() => {
    for (const each of sessions.splice(0)) each.close();
    current = undefined;
  });
  after(async () => {
    localStorage.removeItem(HIDDEN_COLUMNS_KEY);
    await backend.stop();
    await Promise.all([deleteDatabase(databaseName), deleteDatabase(`${databaseName}-blobs`)]);
  });

  it('lists every chat of the administrator’s objects; unread rows are highlighted with their count; New keeps only them', async () => {
    const console = await mount(tokens['staff-alexei']!);
    await listShows(console, ids('A', 'B', 'C'), 'all chats');
    const byId = new Map(rows(console).map((row) => [row.dataset.chat!, row]));
    for (const name of ['A', 'B']) {
      const row = byId.get(chats[name]!.id)!;
      expect(row.classList.contains('unread'), `${name} highlighted`).to.equal(true);
      expect(row.querySelector('ma-counter')!.getAttribute('value')).to.equal('1');
      expect(row.querySelector('ma-counter')!.getAttribute('label')).to.equal('1 unread');
    }
    expect(byId.get(chats.C!.id)!.classList.contains('unread')).to.equal(false);
    expect(byId.get(chats.C!.id)!.querySelector('ma-counter') === null, 'no counter on a read row').to.equal(true);
    const tabs = shadow(list(console)).querySelector('ma-segmented-control[name=tab]') as HTMLElement & { segments: { label: string }[] };
    expect(tabs.segments.map((s) => s.label)).to.deep.equal(['All', 'New (2)']);
    await change(tabs, 'unread');
    await listShows(console, ids('A', 'B'), 'the New tab');
    await change(tabs, 'all');
    await listShows(console, ids('A', 'B', 'C'), 'back to All');

    // A reload says it is busy until it lands, for assistive technology.
    const view = list(console);
    const results = () => shadow(view).querySelector('[data-results]')!.getAttribute('aria-busy');
    expect(results(), 'at rest').to.equal('false');
    const reload = view.refresh();
    await view.updateComplete;
    expect(results(), 'while reloading').to.equal('true');
    await reload;
    await view.updateComplete;
    expect(results(), 'once reloaded').to.equal('false');
  });

  it('searches by chat number (with or without #) and by part of the client’s name', async () => {
    const console = await mount(tokens['staff-alexei']!);
    await listShows(console, ids('A', 'B', 'C'), 'all chats');
    const search = shadow(list(console)).querySelector('ma-search')!;
    const run = (value: string) => search.dispatchEvent(new CustomEvent('ma-search', { detail: { value }, bubbles: true, composed: true }));
    run(`#${chats.C!.number}`);
    await listShows(console, ids('C'), 'by #number');
    run(String(chats.B!.number));
    await listShows(console, ids('B'), 'by number');
    run('kuzn');
    await listShows(console, ids('B'), 'by part of the name');
    run('nobody-like-this');
    await waitUntil(() => shadow(list(console)).querySelector('[data-empty]'), 'the empty placeholder');
    run('');
    await listShows(console, ids('A', 'B', 'C'), 'search cleared');
  });

  it('filters by object, app, client, responsible and each date; a reversed range is refused with a message', async () => {
    const console = await mount(tokens['staff-alexei']!);
    await listShows(console, ids('A', 'B', 'C'), 'all chats');
    const root = shadow(list(console));
    const select = (name: string) => root.querySelector(`ma-select[name=${name}]`);
    await change(select('objectId'), 'block-north');
    await listShows(console, ids('A', 'C'), 'object: North block (its building below it)');
    await change(select('objectId'), 'object-riverside');
    await listShows(console, ids('B'), 'object: Riverside');
    await change(select('objectId'), '');
    await change(select('appId'), 'utilities');
    await listShows(console, ids('B'), 'app');
    await change(select('appId'), '');
    await change(select('clientId'), ivan.id);
    await listShows(console, ids('C'), 'client');
    await change(select('clientId'), '');
    await change(select('responsibleId'), 'staff-pavel');
    await listShows(console, ids('B'), 'responsible');
    await change(select('responsibleId'), '');
    await listShows(console, ids('A', 'B', 'C'), 'no filter');

    const day = (ms: number) => { const d = new Date(ms); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };
    const dateInput = (name: string) => root.querySelector(`ma-input[name=${name}]`);
    const items = Object.values(chats);
    const startOf = (ms: number) => new Date(`${day(ms)}T00:00:00`).getTime();
    const keep = (test: (item: ChatListItem) => boolean) => items.filter(test).map((i) => i.id).sort();
    const twoDaysAgo = Date.now() - 2 * DAY;
    await change(dateInput('createdFrom'), day(twoDaysAgo));
    const createdFrom = keep((i) => Date.parse(i.createdAt) >= startOf(twoDaysAgo));
    expect(createdFrom).to.deep.equal(ids('B', 'C'));
    await listShows(console, createdFrom, 'created from two days ago');
    await change(dateInput('createdFrom'), '');
    await change(dateInput('createdTo'), day(twoDaysAgo));
    await listShows(console, ids('A'), 'created up to two days ago');
    await change(dateInput('createdTo'), '');
    await change(dateInput('updatedFrom'), day(Date.now()));
    const updatedToday = keep((i) => Date.parse(i.updatedAt) >= startOf(Date.now()));
    await listShows(console, updatedToday, 'updated today');
    await change(dateInput('updatedFrom'), '');
    await change(dateInput('updatedTo'), day(twoDaysAgo));
    await listShows(console, keep((i) => Date.parse(i.updatedAt) < startOf(twoDaysAgo) + DAY), 'updated up to two days ago');
    await change(dateInput('updatedTo'), '');
    await listShows(console, ids('A', 'B', 'C'), 'dates cleared');

    await change(dateInput('createdFrom'), day(Date.now()));
    await change(dateInput('createdTo'), day(twoDaysAgo));
    await waitUntil(() => root.querySelector('[data-range-error]'), 'no range error');
    expect(root.querySelector('[data-range-error]')!.textContent).to.contain('Created: the start is after the end');
    expect(rowIds(console), 'the list stays as it was').to.deep.equal(ids('A', 'B', 'C'));
    root.querySelector<HTMLElement>('[data-action=reset-filters]')!.click();
    await waitUntil(() => !root.querySelector('[data-range-error]'), 'the range error stays');
  });

  it('hides and shows columns, and remembers the choice', async () => {
    const console = await mount(tokens['staff-alexei']!);
    await listShows(console, ids('A', 'B', 'C'), 'all chats');
    const root = shadow(list(console));
    const headings = () => [...root.querySelectorAll('th')].map((th) => (th as HTMLElement).dataset.column);
    expect(headings()).to.include.members(['channel', 'object']);
    await change(root.querySelector('ma-checkbox[name=column-channel]'), false);
    await waitUntil(() => !headings().includes('channel'), 'channel still shown');
    expect(root.querySelectorAll('td[data-column=channel]').length).to.equal(0);
    expect(JSON.parse(localStorage.getItem(HIDDEN_COLUMNS_KEY)!)).to.deep.equal(['channel']);
    const again = await mount(tokens['staff-alexei']!);
    await listShows(again, ids('A', 'B', 'C'), 'remounted');
    expect([...shadow(list(again)).querySelectorAll('th')].map((th) => (th as HTMLElement).dataset.column)).to.not.include('channel');
    await change(shadow(list(again)).querySelector('ma-checkbox[name=column-channel]'), true);
    await waitUntil(() => shadow(list(again)).querySelector('th[data-column=channel]'), 'channel back');
  });

  it('exports exactly the filtered rows, with the shown columns, to a real .xlsx; write-excel-file loads only then', async () => {
    const console = await mount(tokens['staff-alexei']!);
    await listShows(console, ids('A', 'B', 'C'), 'all chats');
    const root = shadow(list(console));
    await change(root.querySelector('ma-select[name=appId]'), 'bakery');
    await listShows(console, ids('A', 'C'), 'bakery only');
    await change(root.querySelector('ma-checkbox[name=column-object]'), false);
    const loaded = () => loadedResources.filter((name) => name.includes('write-excel-file')).length;
    expect(loaded(), 'not loaded before the export').to.equal(0);

    await executeServerCommand('arm-download', {});
    root.querySelector<HTMLElement>('[data-action=export]')!.click();
    const download = await executeServerCommand<Download, undefined>('take-download');
    if ('failure' in download) throw new Error(download.failure);
    expect(download.suggestedFilename).to.match(/^chats-.*\.xlsx$/);
    expect(loaded(), 'loaded for the export').to.be.greaterThan(0);
    const bytes = Uint8Array.from(atob(download.base64), (c) => c.charCodeAt(0));
    const table = readSheet(bytes);
    expect(table[0]).to.deep.equal(['No.', 'Client', 'Mini-app', 'Status', 'Responsible', 'Channel', 'Unread', 'Created', 'Updated']);
    const body = table.slice(1);
    expect(body.map((row) => row[0]).sort()).to.deep.equal([String(chats.A!.number), String(chats.C!.number)].sort());
    const annaRow = body.find((row) => row[0] === String(chats.A!.number))!;
    expect(annaRow.slice(1, 3)).to.deep.equal(['Anna Petrova', 'Corner Bakery']);
    expect(annaRow[5]).to.equal('iOS');
    expect(annaRow[6]).to.equal('1');
    await waitUntil(() => root.querySelector('[data-exported]'), 'no export notice');
    expect(root.querySelector('[data-exported]')!.textContent).to.contain('Exported 2 chats');
    await change(root.querySelector('ma-checkbox[name=column-object]'), true);
  });

  it('the card shows created, updated, channel, the client, department and responsible', async () => {
    const console = await mount(tokens['staff-alexei']!, { chatId: chats.B!.id });
    await waitUntil(() => chatView(console)?.card, 'no card');
    await chatView(console).updateComplete;
    const value = (name: string) => shadow(chatView(console)).querySelector(`[data-field=${name}]`)!.textContent!.trim();
    expect(value('channel')).to.equal('Android');
    expect(value('client')).to.equal('Maria Kuznetsova');
    expect(value('phone')).to.equal(maria.phone);
    expect(value('premises')).to.equal('Office 101');
    expect(value('object')).to.equal('Riverside, building 3');
    expect(value('department')).to.equal('Maintenance');
    expect(value('responsible')).to.equal('Pavel Volkov (Maintenance)');
    expect(value('status')).to.equal('Open');
    const card = chatView(console).card!;
    expect(value('created')).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(card.createdAt)));
    expect(Date.parse(card.createdAt)).to.be.below(Date.now() - DAY / 2);
    expect(value('updated')).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(card.updatedAt)));
  });

  it('the internal comment is kept for staff and never reaches the client', async () => {
    const secret = `internal note ${crypto.randomUUID()}`;
    const console = await mount(tokens['staff-alexei']!, { chatId: chats.A!.id });
    await waitUntil(() => chatView(console)?.card, 'no card');
    await chatView(console).updateComplete;
    const root = shadow(chatView(console));
    await type(console, '');
    const textarea = root.querySelector('ma-textarea[name=comment]') as HTMLElement & { value: string };
    textarea.value = secret;
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLElement>('[data-action=save-comment]')!.click();
    await waitUntil(() => root.querySelector('[data-comment-note]')?.textContent === 'Comment saved', 'not saved');
    expect((await json(tokens['staff-olga']!, 'GET', `/staff/chats/${chats.A!.id}`)).internalComment).to.equal(secret);

    const client = clientSession(tokens.anna!, 'bakery');
    await client.ready;
    expect(JSON.stringify(client.entries)).to.not.contain(secret);
    for (const path of [`/chats/${chats.A!.id}`, `/chats/${chats.A!.id}/changes?after=0`, `/chats/${chats.A!.id}/entries`]) {
      const answer = await call(tokens.anna!, 'GET', path);
      expect(answer.status, path).to.equal(200);
      expect(answer.text, path).to.not.contain(secret);
    }
    expect((await call(tokens.anna!, 'GET', `/staff/chats/${chats.A!.id}`)).status, 'the client cannot read the card').to.equal(403);
    const tooLong = 'x'.repeat(2001);
    textarea.value = tooLong;
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLElement>('[data-action=save-comment]')!.click();
    await waitUntil(() => root.querySelector('[data-comment-note]')?.textContent === 'At most 2000 characters', 'too long not refused');
    expect((await json(tokens['staff-olga']!, 'GET', `/staff/chats/${chats.A!.id}`)).internalComment, 'the saved one is kept').to.equal(secret);
  });

  it('operator replies arrive live in the client’s chat in another tab, and the client’s message live in the console', async () => {
    const { tab, frame } = await openSecondTab(databaseName);
    try {
      const client = createChatSession({ api: { baseUrl: 'http://localhost/api', fetch: (r) => tab.backend.app.fetch(r), getSessionToken: () => tokens.ivan! }, target: { side: 'client', appId: 'bakery' }, live: FAST, retryMs: 20 });
      sessions.push(client);
      await client.ready;
      await waitUntil(() => client.online, 'the client is not online');
      const console = (current = await mount(tokens['staff-alexei']!));
      await openInConsole(console, chats.C!.id);
      await type(console, 'Hello Ivan, how can I help?');
      pressEnter();
      await waitUntil(() => texts(client).includes('Hello Ivan, how can I help?'), 'the reply did not arrive in the other tab', { timeout: 5000 });
      await waitUntil(() => field(console).value === '', 'the composer was not cleared');

      client.send({ text: 'my croissant was cold' });
      await waitUntil(() => texts(chatView(console).controller!).includes('my croissant was cold'), 'the client’s message did not arrive live', { timeout: 5000 });
      await maChat(console).updateComplete;
      await waitUntil(() => shadow(maChat(console)).textContent?.includes('my croissant was cold') || [...shadow(maChat(console)).querySelectorAll('*')].some((e) => e.textContent?.includes('my croissant was cold')), 'not on screen');
    } finally {
      await tab.backend.stop();
      frame.remove();
    }
  });

  it('offers deep links only to what that client may open, and sends one with the next message', async () => {
    const console = (current = await mount(tokens['staff-alexei']!));
    await openInConsole(console, chats.A!.id);
    await waitUntil(() => tools(console)?.choices.length > 0, 'no link choices');
    const keys = () => tools(console).choices.map((c) => c.key);
    expect(keys()).to.include.members(['bills', 'services', 'category-list', 'mini-app:bakery', 'service:plumber', 'event:e-42', 'marketplace-category:flowers', 'event-category:kids']);
    expect(keys(), 'Anna is no tester of the Testing app').to.not.include('mini-app:bakery-beta');
    expect(keys(), 'apps not active are not offered').to.not.include('mini-app:parking');

    // A link to an app she may not open is refused by the backend and kept as failed, not lost.
    chatView(console).controller!.send({ text: 'try the beta', deepLink: makeSnippet({ kind: 'mini-app', appId: 'bakery-beta' }, { title: 'Beta' }) });
    await waitUntil(() => chatView(console).controller!.pending.find((p) => p.text === 'try the beta')?.state === 'failed', 'the unavailable link was not refused');
    expect(chatView(console).controller!.pending.find((p) => p.text === 'try the beta')!.error).to.match(/cannot open the app "bakery-beta"/);

    const client = clientSession(tokens.anna!, 'bakery');
    await client.ready;
    const select = shadow(tools(console)).querySelector('ma-select[name=deep-link]');
    await change(select, 'service:plumber');
    await waitUntil(() => shadow(tools(console)).querySelector('[data-link-chip]'), 'no chip for the chosen link');
    await type(console, 'Book a plumber here');
    pressEnter();
    await waitUntil(() => client.entries.some((e) => e.text === 'Book a plumber here' && e.deepLink?.target.kind === 'service'), 'the link did not arrive', { timeout: 5000 });
    const sent = client.entries.find((e) => e.text === 'Book a plumber here')!;
    expect(sent.deepLink).to.deep.include({ look: 'item-card', title: 'Call a plumber', target: { kind: 'service', serviceId: 'plumber' } });
    await waitUntil(() => !shadow(tools(console)).querySelector('[data-link-chip]'), 'the link stayed for the next message');

    // A link alone, with the Send-the-link button.
    await change(select, 'mini-app:bakery');
    await waitUntil(() => shadow(tools(console)).querySelector('[data-action=send-link]'), 'no send-link button');
    shadow(tools(console)).querySelector<HTMLElement>('[data-action=send-link]')!.click();
    await waitUntil(() => client.entries.some((e) => e.deepLink?.target.kind === 'mini-app' && e.text === ''), 'the link alone did not arrive', { timeout: 5000 });

    const ivanConsole = await mount(tokens['staff-alexei']!, { chatId: chats.C!.id });
    await waitUntil(() => shadow(chatView(ivanConsole))?.querySelector('demo-operator-composer-tools') && tools(ivanConsole).choices.length > 0, 'no choices for Ivan');
    expect(tools(ivanConsole).choices.map((c) => c.key), 'Ivan tests the beta').to.include('mini-app:bakery-beta');
  });

  it('emoji go in at the caret; voice input is hidden without speech recognition and types what a recogniser hears', async () => {
    class Prefixed {}
    class Standard {}
    expect(detectSpeechRecognition({}) === null, 'nothing to detect').to.equal(true);
    expect(detectSpeechRecognition({ webkitSpeechRecognition: Prefixed }) === Prefixed, 'the prefixed one').to.equal(true);
    expect(detectSpeechRecognition({ SpeechRecognition: Standard, webkitSpeechRecognition: Prefixed }) === Standard, 'the standard one first').to.equal(true);
    expect(detectSpeechRecognition({ webkitSpeechRecognition: 'not a constructor' }) === null, 'not a constructor').to.equal(true);
    const console = (current = await mount(tokens['staff-alexei']!, { speech: null }));
    await openInConsole(console, chats.C!.id);
    expect(shadow(tools(console)).querySelector('[data-action=voice]') === null, 'voice hidden without recognition').to.equal(true);

    await type(console, 'Thanks !');
    field(console).setSelectionRange(7, 7);
    shadow(tools(console)).querySelector<HTMLElement>('[data-action=emoji]')!.click();
    await waitUntil(() => shadow(tools(console)).querySelector('demo-emoji-picker')?.shadowRoot?.querySelector('[data-emoji="👍"]'), 'no picker');
    shadow(shadow(tools(console)).querySelector('demo-emoji-picker')!).querySelector<HTMLElement>('[data-emoji="👍"]')!.click();
    expect(field(console).value).to.equal('Thanks 👍!');
    expect((shadow(maChat(console)).querySelector('ma-chat-composer') as HTMLElement & { value: string }).value, 'the composer took it').to.equal('Thanks 👍!');
    await tools(console).updateComplete;
    expect(shadow(tools(console)).querySelector('demo-emoji-picker') === null, 'the picker closed').to.equal(true);

    const made: StubRecognition[] = [];
    class StubRecognition implements SpeechRecognitionLike {
      lang = '';
      interimResults = true;
      continuous = true;
      onresult: ((event: SpeechResultEvent) => void) | null = null;
      onerror: ((event: { error: string }) => void) | null = null;
      onend: (() => void) | null = null;
      constructor() {
        made.push(this);
      }
      start() {
        setTimeout(() => {
          this.onresult?.({ resultIndex: 0, results: [Object.assign([{ transcript: ' the plumber comes at noon ' }], { isFinal: true })] });
          this.onend?.();
        }, 10);
      }
      stop() {
        this.onend?.();
      }
    }
    const withVoice = (current = await mount(tokens['staff-alexei']!, { speech: StubRecognition }));
    await openInConsole(withVoice, chats.C!.id);
    await waitUntil(() => shadow(tools(withVoice)).querySelector('[data-action=voice]'), 'voice shown with a recogniser');
    await type(withVoice, '');
    shadow(tools(withVoice)).querySelector<HTMLElement>('[data-action=voice]')!.click();
    await waitUntil(() => field(withVoice).value === 'the plumber comes at noon', `heard: ${field(withVoice).value}`);
    expect(made).to.have.length(1);
    expect(made[0]!.lang).to.equal('en-US');
    expect(made[0]!.interimResults).to.equal(false);
  });

  it('edit and delete: own messages within the hour while unread; an administrator deletes any; others’ only with the right', async () => {
    const chatId = await openChat(tokens.ivan!, 'utilities', 'web');
    await clientSays(tokens.ivan!, chatId, 'the heating is off');
    const console = (current = await mount(tokens['staff-alexei']!));
    await openInConsole(console, chatId);
    await type(console, 'we are on it');
    pressEnter();
    const controller = () => chatView(console).controller!;
    const entry = (text: string) => controller().entries.find((e) => e.text === text);
    await waitUntil(() => entry('we are on it'), 'not stored');
    const actions = (text: string) => maChat(console).actionsFor(entry(text)!).map((a) => a.value);
    expect(actions('we are on it')).to.include.members(['edit', 'delete']);
    await controller().edit(entry('we are on it')!.id, 'we are on it, 10 minutes');
    await waitUntil(() => entry('we are on it, 10 minutes'), 'not edited');
    expect(actions('the heating is off'), 'the administrator deletes the client’s message, never edits it').to.deep.equal(['copy', 'delete']);

    offset = 61 * 60 * 1000;
    try {
      expect(actions('we are on it, 10 minutes'), 'an hour later').to.deep.equal(['copy', 'delete']);
    } finally {
      offset = 0;
    }
    const client = clientSession(tokens.ivan!, 'utilities');
    await client.ready;
    client.markRead();
    await waitUntil(() => entry('we are on it, 10 minutes')!.readAt !== null, 'not read');
    expect(actions('we are on it, 10 minutes'), 'read by the client: the administrator may still delete').to.deep.equal(['copy', 'delete']);
    await controller().delete(entry('the heating is off')!.id);
    await waitUntil(() => client.entries.some((e) => e.clientMessageId && e.deletedAt !== null && e.author.kind === 'client'), 'the delete did not reach the client', { timeout: 5000 });

    // An operator without chats:admin: edits own while unread, may not delete the client's.
    await clientSays(tokens.ivan!, chatId, 'still cold');
    const pavelChat = await json(tokens['staff-alexei']!, 'GET', `/staff/chats?clientId=${ivan.id}&appId=utilities`);
    expect(pavelChat.items).to.have.length(1);
    const olga = (current = await mount(tokens['staff-olga']!));
    await openInConsole(olga, chatId);
    await waitUntil(() => chatView(olga).controller!.entries.some((e) => e.text === 'still cold'), 'Olga does not see it');
    const olgaEntry = chatView(olga).controller!.entries.find((e) => e.text === 'still cold')!;
    expect(maChat(olga).actionsFor(olgaEntry).map((a) => a.value)).to.deep.equal(['copy']);
    const alexeis = chatView(olga).controller!.entries.find((e) => e.text === 'we are on it, 10 minutes')!;
    expect(maChat(olga).actionsFor(alexeis).map((a) => a.value), 'another operator’s message').to.deep.equal(['copy']);
  });

  it('ends the dialog with “Question resolved” or “User did not answer”, each sending its closing text', async () => {
    const chatId = await openChat(tokens.anna!, 'utilities', 'ios');
    await clientSays(tokens.anna!, chatId, 'my bill is wrong');
    const client = clientSession(tokens.anna!, 'utilities');
    await client.ready;
    const console = (current = await mount(tokens['staff-alexei']!));
    await openInConsole(console, chatId);
    const root = () => shadow(chatView(console));
    const closing = () => client.entries.filter((e) => e.bot?.kind === 'closing').map((e) => e.text || (e.bot as { text?: string }).text);
    root().querySelector<HTMLElement>('[data-action=end-resolved]')!.click();
    await waitUntil(() => closing().includes('Your request is resolved.'), `no resolved text: ${JSON.stringify(closing())}`, { timeout: 5000 });
    await waitUntil(() => root().querySelector('[data-field=status]')?.textContent === 'Closed', 'the card is not closed');
    expect(root().querySelector('[data-notice]')!.textContent).to.equal('The dialog ended: Question resolved');
    expect(root().querySelector<HTMLElement & { disabled: boolean }>('[data-action=end-no-answer]')!.disabled, 'nothing to end').to.equal(true);
    expect((await call(tokens['staff-alexei']!, 'POST', `/staff/chats/${chatId}/end`, { outcome: 'no-answer' })).status, 'the backend refuses it too').to.equal(409);

    await clientSays(tokens.anna!, chatId, 'one more thing');
    await waitUntil(() => root().querySelector('[data-field=status]')?.textContent === 'Open', 'the new dialog is not shown');
    root().querySelector<HTMLElement>('[data-action=end-no-answer]')!.click();
    await waitUntil(() => closing().includes('We closed the request as you did not answer.'), `no no-answer text: ${JSON.stringify(closing())}`, { timeout: 5000 });
  });

  it('an employee without access to the object sees no chats, and a chat’s link shows it is not there', async () => {
    const console = await mount(tokens['staff-nina']!);
    await waitUntil(() => list(console)?.loaded, 'not loaded');
    await waitUntil(() => shadow(list(console)).querySelector('[data-empty]'), 'chats shown to Nina');
    expect(rows(console)).to.have.length(0);
    expect(shadow(list(console)).querySelector('[data-total]')!.textContent).to.equal('0 chats');
    const pavel = await mount(tokens['staff-pavel']!);
    await listShows(pavel, [chats.B!.id], 'Pavel sees Riverside only');
    const direct = await mount(tokens['staff-nina']!, { chatId: chats.A!.id });
    await waitUntil(() => chatView(direct) && shadow(chatView(direct)).querySelector('[data-missing]'), 'the chat opened for Nina');
    const resident = await mount(tokens.anna!);
    await waitUntil(() => shadow(resident).querySelector('[data-not-staff]'), 'a resident got the console');
  });

  it('notifications: assigned and client message appear live and open their chat; e-mail toggles show the mails on screen', async () => {
    // Whoever the default routing picked, Olga is not the responsible one now.
    await json(tokens['staff-alexei']!, 'POST', `/staff/chats/${chats.A!.id}/assign`, { departmentId: 'dept-support', employeeId: 'staff-alexei' });
    const console = (current = await mount(tokens['staff-olga']!));
    await waitUntil(() => console.me, 'no profile');
    console.go({ section: 'notifications', chatId: null });
    const panel = () => shadow(console).querySelector<DemoOperatorNotifications>('demo-operator-notifications')!;
    await waitUntil(() => panel()?.loaded, 'no panel');
    const before = panel().notifications.length;
    await json(tokens['staff-alexei']!, 'POST', `/staff/chats/${chats.A!.id}/assign`, { departmentId: 'dept-support', employeeId: 'staff-olga' });
    await waitUntil(() => panel().notifications.length > before, 'no live notification', { timeout: 5000 });
    await panel().updateComplete;
    const assigned = panel().notifications[0]!;
    expect(assigned.kind, 'the newest first').to.equal('assigned');
    expect(assigned.text).to.contain(`You were assigned to chat ${chats.A!.number}`);
    await waitUntil(() => panel().emails.some((m) => m.subject.startsWith(`You were assigned to chat ${chats.A!.number}`)), 'the assigned e-mail is not on screen');
    expect(shadow(panel()).querySelector('[data-emails]')!.textContent).to.contain('olga@host.example');

    // New message from a client: push only by default; turning e-mail on sends the next one by mail too.
    const switchOf = (name: string) => shadow(panel()).querySelector(`ma-switch[name=${name}]`) as HTMLInputElement;
    expect(switchOf('client-message-email').checked).to.equal(false);
    await change(switchOf('client-message-email'), true);
    await waitUntil(async () => (await json(tokens['staff-olga']!, 'GET', '/staff/me')).staff.notifications['client-message'].email === true, 'the toggle was not saved');
    await clientSays(tokens.anna!, chats.A!.id, 'are you there?');
    await waitUntil(() => panel().notifications.some((n) => n.kind === 'client-message' && n.text.includes('are you there?')), 'no client-message notification', { timeout: 5000 });
    await waitUntil(() => panel().emails.some((m) => m.subject === `New message from Anna Petrova in chat ${chats.A!.number}`), 'no client-message e-mail on screen', { timeout: 5000 });
    await change(switchOf('client-message-email'), false);
    await waitUntil(async () => (await json(tokens['staff-olga']!, 'GET', '/staff/me')).staff.notifications['client-message'].email === false, 'not turned off');

    await panel().updateComplete;
    shadow(panel()).querySelector<HTMLElement>(`[data-notification="${assigned.id}"] button`)!.click();
    await waitUntil(() => chatView(console)?.card?.id === chats.A!.id, 'the notification did not open its chat');
  });

  it('has every text in both languages', () => {
    expect(Object.keys(OPERATOR_TEXTS.ru).sort()).to.deep.equal(Object.keys(OPERATOR_TEXTS.en).sort());
    for (const [key, value] of Object.entries(OPERATOR_TEXTS.ru)) expect(value, key).to.not.equal('');
  });
});

/** The first sheet of an .xlsx as rows of cell texts (shared strings, inline strings and numbers). */
function readSheet(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  expect(Object.keys(files)).to.include('[Content_Types].xml');
  const parse = (name: string) => new DOMParser().parseFromString(strFromU8(files[name]!), 'application/xml');
  const shared = files['xl/sharedStrings.xml'] ? [...parse('xl/sharedStrings.xml').getElementsByTagName('si')].map((si) => si.textContent ?? '') : [];
  const sheet = parse('xl/worksheets/sheet1.xml');
  return [...sheet.getElementsByTagName('row')].map((row) =>
    [...row.getElementsByTagName('c')].map((cell) => {
      const type = cell.getAttribute('t');
      const value = cell.getElementsByTagName('v')[0]?.textContent ?? '';
      if (type === 's') return shared[Number(value)] ?? '';
      if (type === 'inlineStr') return cell.getElementsByTagName('t')[0]?.textContent ?? '';
      return value;
    }),
  );
}
