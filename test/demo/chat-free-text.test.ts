import { expect, fixture, html } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../demo/operator/operator-console.ts';
import type { DemoOperatorConsole } from '../../demo/operator/operator-console.ts';
import type { DemoOperatorChat } from '../../demo/operator/chat-view.ts';
import type { DemoOperatorList } from '../../demo/operator/chat-list.ts';
import { SEED_STAFF, SEED_USERS } from '../../src/backend/index.ts';
import type { SessionClient } from '../backend/harness.ts';
import { chatText, mountShellWithChat, sheet, topics, typeAndSend, until, type ShellWithChat } from './chat-in-shell.ts';

/*
 * A resident who types instead of choosing a topic: the conversation goes to the default
 * responsible of the app's basic settings (the utilities' service desk: Customer support, with no
 * employee listed, so whoever in it has access to Maria's building, Alexei), the bot's topics go
 * quiet, and the operator console lists the chat routed there.
 */

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const maria = SEED_USERS.find((user) => user.id === 'user-maria')!;
const alexei = SEED_STAFF.find((staff) => staff.id === 'staff-alexei')!;
const FAST = { backoff: { initialMs: 5, maxMs: 50 } };

describe('demo host: free text before a tag goes to the default responsible', () => {
  let world: ShellWithChat;
  let operator: SessionClient;
  let console: DemoOperatorConsole | undefined;

  beforeEach(async () => {
    world = await mountShellWithChat(maria.phone);
    operator = world.harness.client();
    await operator.signInAs(alexei.phone);
  });
  afterEach(() => {
    console?.remove();
    console = undefined;
    world.dispose();
  });

  const shadow = (element: Element) => element.shadowRoot!;
  const list = () => shadow(console!).querySelector<DemoOperatorList>('demo-operator-list');
  const rows = () => [...(list()?.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
  const cell = (row: HTMLTableRowElement, column: string) => row.querySelector(`td[data-column=${column}]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('types instead of tapping a topic: the default responsible takes over, and the console shows the chat routed to him', async function () {
    this.timeout(90_000);
    await world.loaded;
    await world.run('connectAndReady');
    await world.run('api', { path: 'chat.open' });
    await until(() => chatText().includes('Choose a topic'), 'the call to choose a topic');
    await until(() => topics().length === 2 && topics().every((chip) => !chip.disabled), 'the topic chips, active');

    await typeAndSend('Water is dripping from the ceiling');
    await until(() => chatText().includes('Alexei Orlov took over the conversation'), 'the taken-over line for the default responsible');
    const text = chatText();
    expect(text.indexOf('Water is dripping from the ceiling'), 'the resident’s message comes first').to.be.lessThan(text.indexOf('Alexei Orlov took over'));
    expect(text, 'no topic’s auto-reply').to.not.include('Describe what is broken');
    expect(text).to.not.include('Which month is the bill for?');
    await until(() => topics().every((chip) => chip.disabled), 'the topics to go quiet once a person has the dialog');
    expect(sheet(), 'the chat stays open').to.not.equal(null);

    // The operator console, as Alexei: the chat is listed open, with him in Customer support responsible.
    console = await fixture<DemoOperatorConsole>(html`<demo-operator-console locale="en" .liveOptions=${FAST} .sessionOptions=${{ live: FAST, retryMs: 20 }}
      .apiOptions=${world.staffApi(() => operator.session.token)}></demo-operator-console>`);
    await until(() => rows().some((row) => cell(row, 'client') === maria.name), 'Maria’s chat in the console');
    const row = rows().find((each) => cell(each, 'client') === maria.name)!;
    expect(cell(row, 'status')).to.equal('Open');
    expect(cell(row, 'responsible')).to.equal('Alexei Orlov (Customer support)');
    expect(row.classList.contains('unread'), 'the resident’s message is unread for staff').to.equal(true);

    // Opened, the card names the department and the responsible, and the history holds the free text.
    row.click();
    const view = () => shadow(console!).querySelector<DemoOperatorChat>('demo-operator-chat');
    await until(() => !!view()?.card, 'the chat card');
    expect(view()!.card!.assignee).to.deep.include({ departmentId: 'dept-support', employeeId: 'staff-alexei' });
    const history = () => view()!.controller?.entries.map((entry) => entry.text) ?? [];
    await until(() => history().includes('Water is dripping from the ceiling'), 'the free text in the console’s history');
    expect(view()!.controller!.entries.map((entry) => entry.bot?.kind ?? entry.kind)).to.deep.equal(['greeting', 'choose-topic', 'text', 'taken-over']);
  });
});
