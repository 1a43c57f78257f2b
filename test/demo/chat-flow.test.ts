import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../demo/shell/demo-shell.ts';
import type { DemoShell } from '../../demo/shell/demo-shell.ts';
import { ShellPreferences } from '../../demo/shell/preferences.ts';
import type { DemoApp } from '../../demo/apps/catalog.ts';
import { createChatSession, createMemoryChatOutbox, SEED_STAFF, SEED_USERS, type ChatSession } from '../../src/backend/index.ts';
import type { ChatCard, ChatListResponse } from '../../src/backend/chat/contract.ts';
import type { MiniAppFrameElement } from '../../src/host/miniapp-frame.ts';
import { createHarness, ORIGIN, type Harness, type SessionClient } from '../backend/harness.ts';
import { FIXTURE_URL, fixtureLoaded, runInFrame } from '../helpers/frames.ts';

/*
 * The chat end to end in the demo host: a resident in a mini-app (the test fixture standing in
 * for the utilities app, whose seed chat has a bot) opens the chat, picks a topic, is routed by
 * the topic's rule, and an operator of that department answers through the backend; the reply
 * shows live in the sheet, and the staff message's push opens the chat again, from the banner
 * and from the notification list.
 */

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const maria = SEED_USERS.find((user) => user.id === 'user-maria')!;
const pavel = SEED_STAFF.find((staff) => staff.id === 'staff-pavel')!;
const utilities: DemoApp = { id: 'utilities', name: 'Utility Bills', description: 'bills', url: FIXTURE_URL, capabilities: ['user', 'chat'] };
const SHEET = 'dialog.ma-chat-sheet[open]';
const PATIENCE_MS = 15_000;

type ChatElement = HTMLElement & { layoutComplete: Promise<void> };

async function until(check: () => boolean, what: string, timeoutMs = PATIENCE_MS): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sheet = () => document.querySelector<HTMLDialogElement>(SHEET);
const chatIn = (dialog: HTMLDialogElement | null) => dialog?.querySelector<ChatElement>('ma-chat') ?? null;
/** What the chat in the open sheet shows, as text. */
const chatText = () => chatIn(sheet())?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('demo host: a resident chats with the department a topic routes to', () => {
  let harness: Harness;
  let client: SessionClient;
  let operatorToken: string;
  let shell: DemoShell;
  let loaded: Promise<string>;
  const sessions: ChatSession[] = [];

  beforeEach(async () => {
    harness = await createHarness();
    client = harness.client();
    await client.signInAs(maria.phone);
    await client.acceptOffer('utilities', 1);
    const operator = harness.client();
    await operator.signInAs(pavel.phone);
    operatorToken = operator.session.token!;
    history.replaceState(null, '', `${location.pathname}${location.search}#/app/utilities`);
    const session = { get: () => client.session.token, set: (token: string) => void (client.session.token = token), clear: () => void (client.session.token = null) };
    const chatApi = { baseUrl: `${ORIGIN}/api`, fetch: (request: Request) => harness.app.fetch(request), getSessionToken: () => client.session.token };
    loaded = fixtureLoaded(() => frameElement()?.host?.iframe?.contentWindow, 30_000);
    const memory = new Map<string, string>();
    const preferences = new ShellPreferences({ getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) });
    preferences.setLocale('en');
    shell = await fixture<DemoShell>(html`<demo-shell
      .apps=${[utilities]}
      .client=${client}
      .session=${session}
      .preferences=${preferences}
      .chatApi=${chatApi}
      .chatOutbox=${createMemoryChatOutbox()}
    ></demo-shell>`);
  });
  afterEach(() => {
    for (const each of sessions.splice(0)) each.close();
    shell.remove();
    document.querySelectorAll('.ma-push-banner, dialog').forEach((node) => node.remove());
    history.replaceState(null, '', location.pathname + location.search);
    document.documentElement.lang = 'en';
  });

  const frameElement = () => shell?.shadowRoot?.querySelector<MiniAppFrameElement>('miniapp-frame');
  const run = <T = unknown>(command: string, args?: unknown) => runInFrame<T>(frameElement()!.host!.iframe!.contentWindow!, command, args, 20_000);
  const staff = async <T>(path: string): Promise<T> => {
    const response = await harness.request('GET', path, { token: operatorToken });
    expect(response.status, path).to.equal(200);
    return (await response.json()) as T;
  };

  it('greets with the topics, routes a tag to its rule’s department, shows the operator’s reply live, and the reply’s push opens the chat', async function () {
    this.timeout(90_000);
    await loaded;
    await run('connectAndReady');

    // The resident opens the chat from the app: the sheet with the bot's greeting and topics.
    await run('api', { path: 'chat.open' });
    expect(sheet(), 'the sheet is up when chat.open resolves').to.not.equal(null);
    expect(sheet()!.querySelector('h2')!.textContent).to.equal('Utility Bills');
    await until(() => chatText().includes('Report a problem or ask about your bills.'), 'the greeting');
    await until(() => chatText().includes('Choose a topic'), 'the call to choose a topic');
    const topics = () => [...(chatIn(sheet())!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.topic'))];
    await until(() => topics().length === 2, 'two topic chips');
    expect(topics().map((chip) => chip.textContent!.trim())).to.deep.equal(['Repairs', 'Bills']);

    // A tag: its auto-reply, then who took over (Maria lives in the river block: maintenance, Pavel).
    topics().find((chip) => chip.dataset.tag === 'repair')!.click();
    await until(() => chatText().includes('Describe what is broken; a photo helps.'), 'the auto-reply');
    await until(() => chatText().includes('Pavel Volkov took over the conversation'), 'the taken-over line');
    expect(chatText().indexOf('Describe what is broken')).to.be.lessThan(chatText().indexOf('Pavel Volkov took over'));

    // The operator sees the conversation routed to the rule's department and assigned to him.
    const list = await staff<ChatListResponse>('/staff/chats');
    const routed = list.items.find((item) => item.appId === 'utilities' && item.client.id === maria.id);
    expect(routed, 'the conversation in the operator’s list').to.not.equal(undefined);
    expect(routed!.status).to.equal('open');
    expect(routed!.assignee).to.include({ departmentId: 'dept-maintenance', departmentName: 'Maintenance', employeeId: 'staff-pavel' });
    const card = await staff<ChatCard>(`/staff/chats/${routed!.id}`);
    expect(card.client.name).to.equal(maria.name);

    // He replies; it shows in the open sheet without a reload.
    const operator = createChatSession({
      api: { baseUrl: `${ORIGIN}/api`, fetch: (request) => harness.app.fetch(request), getSessionToken: () => operatorToken },
      target: { side: 'staff', conversationId: routed!.id },
      outbox: createMemoryChatOutbox(),
    });
    sessions.push(operator);
    await operator.ready;
    expect(operator.entries.some((entry) => entry.bot?.kind === 'auto-reply'), 'the operator reads the same conversation').to.equal(true);
    operator.send({ text: 'A plumber comes at three today.' });
    await until(() => chatText().includes('A plumber comes at three today.'), 'the reply in the client’s sheet');

    // The reply's push: a banner; the sheet is closed first, and tapping the banner opens the chat again over the running app.
    const banner = () => [...document.querySelectorAll<HTMLElement>('.ma-push-banner button, .ma-push-banner [role=button]')].find((node) => node.textContent?.includes('A plumber comes at three'));
    await until(() => banner() !== undefined, 'the push banner for the staff message');
    await sendKeys({ press: 'Escape' });
    await until(() => sheet() === null, 'the sheet to close');
    const launchId = frameElement()!.host!.launchId;
    banner()!.click();
    await until(() => sheet() !== null, 'the chat opened by the push');
    expect(frameElement()!.host!.launchId, 'the app was not relaunched').to.equal(launchId);
    await until(() => chatText().includes('A plumber comes at three today.'), 'the reply in the reopened chat');
    expect(location.hash).to.equal('#/app/utilities');
  });

  it('a chat push in the notification list opens the app, then its chat', async function () {
    this.timeout(90_000);
    await loaded;
    await run('connectAndReady');
    await run('api', { path: 'chat.open' });
    await until(() => chatText().includes('Choose a topic'), 'the bot');
    const conversationId = (await staff<ChatListResponse>('/staff/chats')).items.find((item) => item.client.id === maria.id)!.id;
    await sendKeys({ press: 'Escape' });
    await until(() => sheet() === null, 'the sheet to close');

    const operator = createChatSession({
      api: { baseUrl: `${ORIGIN}/api`, fetch: (request) => harness.app.fetch(request), getSessionToken: () => operatorToken },
      target: { side: 'staff', conversationId },
      outbox: createMemoryChatOutbox(),
    });
    sessions.push(operator);
    await operator.ready;
    operator.send({ text: 'We saw your request.' });
    await until(() => shell.pushes.some((push) => push.route === '/chat'), 'the chat push in the list');
    const push = shell.pushes.find((each) => each.route === '/chat')!;
    expect(push.data).to.deep.include({ chat: { conversationId, entryId: push.id.replace(/^chat-/, '') } });

    // Leave the app: the list entry has to launch it first.
    shell.go('#/notifications');
    await until(() => frameElement() === null || frameElement() === undefined, 'the app to close');
    await until(() => shell.shadowRoot!.querySelector(`ma-cell[data-push="${push.id}"]`) !== null, 'the notification list');
    const relaunched = fixtureLoaded(() => frameElement()?.host?.iframe?.contentWindow, 30_000);
    shell.shadowRoot!.querySelector<HTMLElement>(`ma-cell[data-push="${push.id}"]`)!.click();
    await relaunched;
    expect(location.hash).to.equal('#/app/utilities');
    expect(sheet(), 'no chat before the app is ready').to.equal(null);
    await run('connectAndReady');
    await until(() => sheet() !== null, 'the chat after the app is ready');
    await until(() => chatText().includes('We saw your request.'), 'the staff message in the chat');
  });
});
