import { expect, fixture, html } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { DemoSmsInbox, startDemoBackend, createSessionHolder, DEFAULT_SESSION_KEY, type DemoBackend } from '../../demo/backend/index.ts';
import '../../demo/shell/demo-shell.ts';
import type { DemoShell } from '../../demo/shell/demo-shell.ts';
import { ShellPreferences } from '../../demo/shell/preferences.ts';
import type { DemoOperatorConsole } from '../../demo/operator/operator-console.ts';
import type { DemoOperatorList } from '../../demo/operator/chat-list.ts';
import type { DemoOperatorChat } from '../../demo/operator/chat-view.ts';
import { createBackendClient, createChatSession, SEED_STAFF, SEED_USERS, type ChatSession } from '../../src/backend/index.ts';
import { deleteDatabase } from '../backend/live-helpers.ts';
import { until } from './chat-in-shell.ts';

/*
 * The operator console where the demo mounts it: the shell at `#/operator`, reached from the role
 * switcher in Settings, over the demo backend in this page (msw + IndexedDB) on its first run, so
 * the sample conversations are there. An operator opens one and replies; the client gets it live.
 */

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const phoneOf = (id: string) => SEED_STAFF.find((staff) => staff.id === id)!.phone;
const userName = (id: string) => SEED_USERS.find((user) => user.id === id)!.name;
const FAST = { backoff: { initialMs: 5, maxMs: 50 } };

describe('demo shell: the operator console at #/operator', function () {
  this.timeout(60_000);
  const databaseName = `operator-shell-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  let backend: DemoBackend;
  let shell: DemoShell | undefined;
  const sessions: ChatSession[] = [];

  const signIn = async (phone: string) => {
    const client = createBackendClient({ baseUrl: '/api', getSessionToken: () => null });
    await client.requestCode(phone);
    return (await client.signIn(phone, sms.latest(phone)!.code)).sessionToken;
  };

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send, sampleConversations: true });
  });
  afterEach(() => {
    for (const each of sessions.splice(0)) each.close();
    shell?.remove();
    shell = undefined;
    localStorage.removeItem(DEFAULT_SESSION_KEY);
    history.replaceState(null, '', location.pathname + location.search);
  });
  after(async () => {
    await backend.stop();
    await Promise.all([deleteDatabase(databaseName), deleteDatabase(`${databaseName}-blobs`)]);
  });

  /** The shell as the demo mounts it, with the staff member's session in the demo's session slot. */
  async function mountShellAs(staffId: string, hash: string): Promise<DemoShell> {
    const session = createSessionHolder();
    session.set(await signIn(phoneOf(staffId)));
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    const api = { baseUrl: '/api', getSessionToken: () => session.get() };
    const memory = new Map<string, string>();
    const preferences = new ShellPreferences({ getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) });
    preferences.setLocale('en');
    shell = await fixture<DemoShell>(html`<demo-shell .session=${session} .client=${createBackendClient(api)} .chatApi=${api} .preferences=${preferences}></demo-shell>`);
    return shell;
  }

  const consoleOf = (element: DemoShell) => element.shadowRoot!.querySelector<DemoOperatorConsole>('demo-operator-console');
  const list = (element: DemoShell) => consoleOf(element)?.shadowRoot?.querySelector<DemoOperatorList>('demo-operator-list') ?? null;
  const rows = (element: DemoShell) => [...(list(element)?.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
  const cell = (row: HTMLTableRowElement, column: string) => row.querySelector(`td[data-column=${column}]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const rowOf = (element: DemoShell, clientId: string) => rows(element).find((row) => cell(row, 'client') === userName(clientId));
  const chatView = (element: DemoShell) => consoleOf(element)?.shadowRoot?.querySelector<DemoOperatorChat>('demo-operator-chat') ?? null;

  it('Settings offers the operator role; its console lists the sample conversations: the bot’s, an open one with its unread count, an ended one', async () => {
    const element = await mountShellAs('staff-alexei', '#/settings');
    const roleLink = () => element.shadowRoot!.querySelector<HTMLElement>('ma-cell[href="#/operator"]');
    await until(() => roleLink() !== null, 'the operator role in Settings');
    roleLink()!.shadowRoot!.querySelector<HTMLAnchorElement>('a')!.click();
    await until(() => location.hash === '#/operator', 'the operator route');
    await until(() => consoleOf(element) !== null, 'the console in the shell');
    await until(() => rows(element).length === 3, 'three sample conversations in the list');

    const ended = rowOf(element, 'user-anna')!;
    const open = rowOf(element, 'user-maria')!;
    const bot = rowOf(element, 'user-ivan')!;
    expect([cell(ended, 'app'), cell(ended, 'status'), cell(ended, 'channel')]).to.deep.equal(['Corner Bakery', 'Closed', 'iOS']);
    expect([cell(open, 'app'), cell(open, 'status'), cell(open, 'responsible')]).to.deep.equal(['Service desk', 'Open', 'Pavel Volkov (Maintenance)']);
    expect([cell(bot, 'app'), cell(bot, 'status'), cell(bot, 'responsible')]).to.deep.equal(['Service desk', 'Bot', '—']);
    expect(open.classList.contains('unread'), 'the client’s last reply is unread').to.equal(true);
    expect(open.dataset.unread).to.equal('1');
    expect(ended.classList.contains('unread')).to.equal(false);
  });

  it('an operator opens a sample conversation from the list, replies, and the client gets the reply live', async () => {
    const maria = await signIn(SEED_USERS.find((user) => user.id === 'user-maria')!.phone);
    const client = createChatSession({ api: { baseUrl: '/api', getSessionToken: () => maria }, target: { side: 'client', appId: 'service-desk' }, live: FAST, retryMs: 20 });
    sessions.push(client);
    await client.ready;
    expect(client.entries.some((entry) => entry.text === 'A technician comes tomorrow between 10 and 12. Will someone be in?'), 'the client sees the sample history').to.equal(true);

    const element = await mountShellAs('staff-pavel', '#/operator');
    await until(() => rowOf(element, 'user-maria') !== undefined, 'Maria’s conversation in Pavel’s list');
    rowOf(element, 'user-maria')!.click();
    await until(() => /^#\/operator\/chats\/[^/]+$/.test(location.hash), 'the chat’s own route');
    expect(decodeURIComponent(location.hash.split('/').at(-1)!)).to.equal(client.conversationId);
    await until(() => !!chatView(element)?.card && chatView(element)!.controller?.online === true, 'the chat card and a live session');
    expect(chatView(element)!.card!.client.name).to.equal(userName('user-maria'));
    await until(() => chatView(element)!.controller!.entries.some((entry) => entry.text === 'Yes, I will be there all morning.'), 'the sample history in the console');

    const maChat = () => chatView(element)!.shadowRoot!.querySelector('ma-chat');
    await until(() => !!maChat()?.shadowRoot?.querySelector('ma-chat-composer')?.shadowRoot?.querySelector('textarea'), 'the operator’s composer');
    const textarea = maChat()!.shadowRoot!.querySelector('ma-chat-composer')!.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Our technician is on the way.';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));

    await until(() => client.entries.some((entry) => entry.text === 'Our technician is on the way.'), 'the reply at the client');
    const reply = client.entries.find((entry) => entry.text === 'Our technician is on the way.')!;
    expect(reply.author).to.include({ kind: 'staff', id: 'staff-pavel' });
    expect(client.entries.filter((entry) => entry.text === 'Our technician is on the way.'), 'exactly once').to.have.length(1);
  });
});
