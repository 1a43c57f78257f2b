import { expect, fixture, html } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../demo/operator/operator-console.ts';
import type { DemoOperatorConsole } from '../../demo/operator/operator-console.ts';
import type { DemoOperatorChat } from '../../demo/operator/chat-view.ts';
import type { DemoOperatorComposerTools } from '../../demo/operator/composer-tools.ts';
import { linkChoices, type LinkChoice } from '../../demo/operator/deep-link-options.ts';
import { operatorTexts } from '../../demo/operator/texts.ts';
import { BILLS, SERVICES } from '../../demo/shell/host-data.ts';
import { createChatSession, createMemoryChatOutbox, SEED_STAFF, SEED_USERS, type ChatSession, type DeepLinkOption } from '../../src/backend/index.ts';
import { hostScreenOf } from '../../src/chat/index.ts';
import { HOST_SCREENS } from '../../src/protocol/index.ts';
import { createHarness, ORIGIN, type Harness } from '../backend/harness.ts';
import { until } from './chat-in-shell.ts';

/*
 * The operator's deep links: one per message, to any of the host's 13 screens the client can
 * open (a screen that shows one thing through its cards), and the mini-apps the client can open;
 * the chosen link reaches the client's chat with the look of its target.
 */

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const maria = SEED_USERS.find((user) => user.id === 'user-maria')!;
const alexei = SEED_STAFF.find((staff) => staff.id === 'staff-alexei')!;
const FAST = { backoff: { initialMs: 5, maxMs: 50 } };
const t = operatorTexts('en');

describe('operator console: deep links to the host’s screens', () => {
  let harness: Harness;
  let console: DemoOperatorConsole | undefined;
  const sessions: ChatSession[] = [];
  afterEach(() => {
    for (const each of sessions.splice(0)) each.close();
    console?.remove();
  });

  const screensOf = (choices: readonly LinkChoice[]) => new Set(choices.map((choice) => hostScreenOf(choice.snippet.target)?.screen).filter((screen) => screen !== undefined));

  it('offers every one of the 13 host screens to a resident, and sends a bill’s link that reaches her chat as a plain card', async function () {
    this.timeout(60_000);
    harness = await createHarness();
    const resident = harness.client();
    await resident.signInAs(maria.phone);
    const operator = harness.client();
    await operator.signInAs(alexei.phone);
    const api = (token: () => string | null) => ({ baseUrl: `${ORIGIN}/api`, fetch: (request: Request) => harness.app.fetch(request), getSessionToken: token });
    const client = createChatSession({ api: api(() => resident.session.token), target: { side: 'client', appId: 'service-desk' }, outbox: createMemoryChatOutbox(), live: FAST, retryMs: 20 });
    sessions.push(client);
    await client.ready;

    console = await fixture<DemoOperatorConsole>(html`<demo-operator-console locale="en" .liveOptions=${FAST} .sessionOptions=${{ live: FAST, retryMs: 20 }}
      .apiOptions=${api(() => operator.session.token)} .chatId=${client.conversationId}></demo-operator-console>`);
    const view = () => console!.shadowRoot!.querySelector<DemoOperatorChat>('demo-operator-chat');
    const tools = () => view()?.shadowRoot?.querySelector<DemoOperatorComposerTools>('demo-operator-composer-tools') ?? null;
    await until(() => (tools()?.choices.length ?? 0) > 0 && view()!.controller?.online === true, 'the link choices');

    const choices = tools()!.choices;
    expect([...screensOf(choices)].sort()).to.deep.equal(Object.keys(HOST_SCREENS).sort());
    expect(choices.filter((choice) => choice.group === 'screens').map((choice) => choice.label)).to.deep.equal(
      ['Main', 'Home', 'Showcase', 'Services', 'Bills', 'Events', 'Marketplace', 'Marketplace categories'],
    );
    expect(choices.filter((choice) => choice.snippet.target.kind === 'bill').map((choice) => choice.key)).to.deep.equal(BILLS.map((bill) => `bill:${bill.id}`));
    expect(new Set(choices.map((choice) => choice.key)).size, 'each choice once').to.equal(choices.length);

    // The select names the screen; the link goes with the next message, and the client gets it once, plain.
    const select = tools()!.shadowRoot!.querySelector<HTMLElement & { value: string }>('ma-select[name=deep-link]')!;
    select.value = `bill:${BILLS[0]!.id}`;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(() => tools()!.shadowRoot!.querySelector('[data-link-chip]') !== null, 'the chip of the chosen link');
    const composer = view()!.shadowRoot!.querySelector('ma-chat')!.shadowRoot!.querySelector('ma-chat-composer')!;
    await until(() => composer.shadowRoot?.querySelector('textarea') !== null, 'the composer');
    const textarea = composer.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Your last month’s bill';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await until(() => client.entries.some((entry) => entry.text === 'Your last month’s bill'), 'the link at the client');
    const sent = client.entries.find((entry) => entry.text === 'Your last month’s bill')!;
    expect(sent.kind).to.equal('deep-link');
    expect(sent.deepLink).to.deep.include({ look: 'plain', target: { kind: 'bill', billId: BILLS[0]!.id }, image: null, annotation: null });
    expect(sent.deepLink!.title).to.equal(`Utilities and maintenance, ${BILLS[0]!.period.en}`);
    expect(hostScreenOf(sent.deepLink!.target)).to.deep.equal({ screen: 'bill', id: BILLS[0]!.id });
  });

  it('offers a screen’s cards only when the client can open that screen', () => {
    const options = (kinds: string[]): DeepLinkOption[] => kinds.map((kind) => ({ target: { kind } as DeepLinkOption['target'], title: kind }));
    const all = linkChoices(options(['main', 'home', 'showcase', 'services', 'bills', 'events', 'marketplace', 'category-list']), t, 'en');
    expect(screensOf(all).size).to.equal(13);

    const withoutBills = linkChoices(options(['main', 'home', 'showcase', 'services', 'events', 'marketplace', 'category-list']), t, 'en');
    expect([...screensOf(withoutBills)].sort()).to.deep.equal(Object.keys(HOST_SCREENS).filter((screen) => screen !== 'bills' && screen !== 'bill').sort());

    const onlyServices = linkChoices(options(['services']), t, 'en');
    expect(onlyServices.map((choice) => choice.key)).to.deep.equal(['services', ...SERVICES.map((service) => `service:${service.id}`)]);
    expect(linkChoices([], t, 'ru')).to.deep.equal([]);
  });
});
