import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { SEED_CHAT_SETTINGS, SEED_USERS } from '../../src/backend/index.ts';
import type { ChatOpenResponse } from '../../src/backend/chat/contract.ts';
import { chatIn, chatText, mountShellWithChat, sheet, topics, typeAndSend, until, type ShellWithChat } from './chat-in-shell.ts';

/*
 * The restart timeout in the demo host: the backend's job, run on the backend's clock moved by
 * the test, ends a dialog the resident left unanswered, and the resident's open chat shows it
 * ended; the next visit starts over with the greeting and the topics.
 */

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const maria = SEED_USERS.find((user) => user.id === 'user-maria')!;
const timeout = SEED_CHAT_SETTINGS.find((each) => each.appId === 'utilities')!.settings.restartTimeoutMs;
const ENDED = 'The conversation has ended.';

describe('demo host: a restart timeout ends the dialog', () => {
  let world: ShellWithChat;

  beforeEach(async () => {
    world = await mountShellWithChat(maria.phone);
  });
  afterEach(() => world.dispose());

  const endedLine = () => chatIn(sheet())?.shadowRoot?.querySelector('.status-line.ended') ?? null;
  const conversation = async (): Promise<ChatOpenResponse['conversation']> => {
    const response = await world.harness.request('GET', `/chats/${conversationId}`, { token: world.client.session.token! });
    expect(response.status).to.equal(200);
    return ((await response.json()) as ChatOpenResponse).conversation;
  };
  let conversationId = '';
  const greetings = () => chatText().split('Report a problem or ask about your bills.').length - 1;

  async function openChatInApp(): Promise<void> {
    await world.run('api', { path: 'chat.open' });
    await until(() => chatIn(sheet()) !== null, 'the chat sheet');
  }

  it('the job on the moved clock ends the unanswered dialog: the open chat says so, and the next visit greets again', async function () {
    this.timeout(90_000);
    await world.loaded;
    await world.run('connectAndReady');
    await openChatInApp();
    await until(() => topics().length === 2 && topics().every((chip) => !chip.disabled), 'the greeting with active topics');
    const session = (chatIn(sheet()) as unknown as { controller: { conversationId: string | null } }).controller;
    await until(() => !!session.conversationId, 'the conversation id');
    conversationId = session.conversationId!;
    expect(endedLine(), 'no ending while the dialog runs').to.equal(null);

    // A moment before the timeout the job ends nothing.
    world.harness.clock.advance(timeout - 1);
    expect(await world.harness.app.chat.runTimeouts()).to.equal(0);
    expect((await conversation()).status).to.equal('bot');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(endedLine(), 'still running a moment before the timeout').to.equal(null);
    expect(topics().every((chip) => !chip.disabled)).to.equal(true);

    // At the timeout it ends the dialog; the resident's open chat shows it without a reload.
    world.harness.clock.advance(1);
    expect(await world.harness.app.chat.runTimeouts()).to.equal(1);
    expect(await world.harness.app.chat.runTimeouts(), 'nothing is ended twice').to.equal(0);
    expect((await conversation()).status).to.equal('closed');
    await until(() => endedLine() !== null, 'the ending in the open chat');
    expect(endedLine()!.textContent).to.include(ENDED);
    expect(endedLine()!.getAttribute('role')).to.equal('status');
    await until(() => topics().every((chip) => chip.disabled), 'the topics of the ended dialog to go quiet');
    expect(greetings()).to.equal(1);

    // The next visit starts over: a new greeting and topics, and the ending line goes.
    await sendKeys({ press: 'Escape' });
    await until(() => sheet() === null, 'the sheet to close');
    await openChatInApp();
    await until(() => greetings() === 2, 'the greeting of the new dialog');
    await until(() => endedLine() === null, 'the ending line to go');
    await until(() => topics().length === 4 && topics().every((chip) => !chip.disabled), 'the new topics, active');
    expect((await conversation()).status).to.equal('bot');
  });

  it('an answer in time keeps the dialog: free text resets the wait, and the job ends nothing', async function () {
    this.timeout(90_000);
    await world.loaded;
    await world.run('connectAndReady');
    await openChatInApp();
    await until(() => chatText().includes('Choose a topic'), 'the bot');
    world.harness.clock.advance(timeout - 1000);
    await typeAndSend('Is anyone there?');
    await until(() => chatText().includes('took over the conversation'), 'a person taking over');
    world.harness.clock.advance(timeout);
    expect(await world.harness.app.chat.runTimeouts(), 'the resident answered; nobody has written to them since').to.equal(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(endedLine()).to.equal(null);
  });
});
