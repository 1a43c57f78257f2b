import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createCatalogClient } from '../../src/backend/catalog-client.ts';
import type { ChatSettingsResponse } from '../../src/backend/chat/settings.ts';
import '../../demo/partner/app-card.ts';
import type { DemoPartnerAppCard } from '../../demo/partner/app-card.ts';
import { createChatSettingsApi, type ChatSettingsApi } from '../../demo/partner/chat-settings-api.ts';
import type { DemoPartnerChatSettings } from '../../demo/partner/chat-settings-form.ts';
import { BridgeLogStore } from '../../demo/shell/bridge-log.ts';
import '../../demo/shell/demo-shell.ts';
import type { DemoShell } from '../../demo/shell/demo-shell.ts';
import { ShellPreferences } from '../../demo/shell/preferences.ts';
import { pageLayout, SHELL_PAGES } from '../../demo/shell/routes.ts';
import { createHarness, ORIGIN, type Harness } from '../backend/harness.ts';

type Control = HTMLElement & { value: string; checked: boolean; error: string };

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, String(value)), removeItem: (key) => void values.delete(key) };
}

/**
 * The Chat settings tab of the partner cabinet's app card, on the real backend app as the bakery's
 * partner staff (Petr): a save read back, and the refusals of the chat rules, each shown at its
 * field with nothing stored and nothing typed lost.
 */
describe('partner cabinet: chat settings', function () {
  this.timeout(30000);
  let h: Harness;
  let api: ChatSettingsApi;
  let card: DemoPartnerAppCard;
  let catalog: ReturnType<typeof createCatalogClient>;

  beforeEach(async () => {
    h = await createHarness();
    const client = h.client();
    await client.signInAs('+79990000201');
    const options = { baseUrl: `${ORIGIN}/api`, fetch: (request: Request) => h.app.fetch(request), getSessionToken: () => client.session.token };
    api = createChatSettingsApi(options);
    catalog = createCatalogClient(options);
    card = await openCard(catalog);
  });
  afterEach(() => document.querySelectorAll('demo-partner-app-card').forEach((element) => element.remove()));

  async function openCard(catalog: ReturnType<typeof createCatalogClient>): Promise<DemoPartnerAppCard> {
    const element = await fixture<DemoPartnerAppCard>(html`<demo-partner-app-card .catalog=${catalog} .chatApi=${api} .appId=${'bakery'} locale="en"></demo-partner-app-card>`);
    await waitUntil(() => element.shadowRoot!.querySelector('ma-tab[panel=chat]'), 'the card did not open');
    element.shadowRoot!.querySelector<HTMLElement>('ma-tab[panel=chat]')!.click();
    await waitUntil(() => form(element)?.shadowRoot?.querySelector('[data-action=save-chat-settings]'), 'the chat settings did not load');
    return element;
  }

  const form = (element = card) => element.shadowRoot!.querySelector<DemoPartnerChatSettings>('demo-partner-chat-settings')!;
  const inForm = <T extends Element = Control>(selector: string) => form().shadowRoot!.querySelector<T>(selector);
  const all = <T extends Element = Control>(selector: string) => [...form().shadowRoot!.querySelectorAll<T>(selector)];
  const field = (name: string) => {
    const control = inForm(`[name="${name}"]`);
    if (!control) throw new Error(`no field ${name}`);
    return control;
  };

  async function type(name: string, text: string): Promise<void> {
    const control = field(name);
    control.value = text;
    control.dispatchEvent(new Event(control.localName === 'ma-select' ? 'change' : 'input', { bubbles: true, composed: true }));
    await form().updateComplete;
  }

  async function tick(selector: string, on = true): Promise<void> {
    const box = inForm(selector);
    if (!box) throw new Error(`no box ${selector}`);
    box.checked = on;
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await form().updateComplete;
  }

  async function press(action: string): Promise<void> {
    const button = inForm<HTMLElement>(`[data-action=${action}]`);
    if (!button) throw new Error(`no button ${action}`);
    button.click();
    await form().updateComplete;
  }

  /** Saves; resolves once the form has the backend's answer. */
  async function save(): Promise<boolean> {
    return form().save().then(async (saved) => {
      await form().updateComplete;
      return saved;
    });
  }

  async function fillNewTag(index: number, text: string): Promise<void> {
    await press('add-tag');
    await type(`bot.tags[${index}].text`, text);
    await type(`bot.tags[${index}].autoReply`, `About ${text}`);
    await tick(`[name="bot.tags[${index}].rules[0].objectIds"][value="block-north"]`);
    await type(`bot.tags[${index}].rules[0].departmentId`, 'dept-support');
  }

  async function expectNothingSaved(before: ChatSettingsResponse): Promise<void> {
    const after = await api.get('bakery');
    expect(after.updatedAt).to.equal(before.updatedAt);
    expect(after.settings).to.deep.equal(before.settings);
  }

  it('saves valid settings and reads them back', async () => {
    await type('welcomeTitle', 'Bakery help');
    await type('welcomeText', 'Ask us anything about your order.');
    await type('responsible.departmentId', 'dept-maintenance');
    await tick('[name="responsible.employeeIds"][value="staff-pavel"]');
    await type('responsible.strategy', 'round-robin');
    await type('bot.greetingEmployeeId', 'staff-alexei');
    await type('bot.callToChooseTopic', 'Pick a topic');
    await fillNewTag(2, 'Allergens');
    await tick('[name="bot.tags[2].rules[0].employeeIds"][value="staff-olga"]');
    await type('finishTexts.resolved', 'Solved, thank you.');
    await type('finishTexts.noAnswer', 'Closed for lack of an answer.');
    await type('restartTimeoutMs', '45');
    expect(field('welcomeTitle').getAttribute('helper-text'), 'the counter').to.equal('11 / 30');

    expect(await save(), JSON.stringify(form()['errors' as keyof DemoPartnerChatSettings])).to.equal(true);
    expect(inForm('[data-notice]')?.textContent).to.contain('saved');

    const stored = (await api.get('bakery')).settings;
    expect(stored.welcomeTitle).to.equal('Bakery help');
    expect(stored.welcomeText).to.equal('Ask us anything about your order.');
    expect(stored.responsible).to.deep.equal({ departmentId: 'dept-maintenance', employeeIds: ['staff-pavel'], strategy: 'round-robin' });
    expect(stored.bot.greetingEmployeeId).to.equal('staff-alexei');
    expect(stored.bot.callToChooseTopic).to.equal('Pick a topic');
    expect(stored.bot.tags.map((tag) => tag.text)).to.deep.equal(['My order', 'Delivery', 'Allergens']);
    expect(stored.bot.tags[2]!.rules).to.deep.equal([{ objectIds: ['block-north'], departmentId: 'dept-support', employeeIds: ['staff-olga'] }]);
    expect(stored.finishTexts).to.deep.equal({ resolved: 'Solved, thank you.', noAnswer: 'Closed for lack of an answer.' });
    expect(stored.restartTimeoutMs).to.equal(45 * 60_000);

    // A card opened afresh shows what was stored.
    card.remove();
    card = await openCard(catalog);
    expect(field('welcomeTitle').value).to.equal('Bakery help');
    expect(field('restartTimeoutMs').value).to.equal('45');
    expect(field('bot.tags[2].text').value).to.equal('Allergens');
    expect(inForm('[name="bot.tags[2].rules[0].objectIds"][value="block-north"]')!.checked).to.equal(true);
    expect(inForm('[name="responsible.employeeIds"][value="staff-pavel"]')!.checked).to.equal(true);
    expect(field('responsible.strategy').value).to.equal('round-robin');
  });

  it('refuses the bot switched on with no tag, at the switch, and stores nothing', async () => {
    const before = await api.get('bakery');
    await tick('[name="bot.enabled"]', false);
    await press('remove-tag');
    await press('remove-tag');
    expect(all('[data-tag]')).to.have.length(0);
    expect(field('bot.enabled').error).to.equal('');
    await tick('[name="bot.enabled"]', true);
    expect(field('bot.enabled').error, 'said at once').to.contain('at least one tag');

    expect(await save()).to.equal(false);
    expect(field('bot.enabled').error).to.contain('at least one tag');
    expect(field('bot.enabled').checked, 'the switch stays as it was set').to.equal(true);
    expect(inForm('[data-errors]')).to.not.equal(null);
    await expectNothingSaved(before);
  });

  it('refuses a tag text over 30 characters at its field, keeping the text', async () => {
    const before = await api.get('bakery');
    const long = 'A question about a fresh loaf!!';
    expect(long).to.have.length(31);
    await type('bot.tags[0].text', long);
    expect(field('bot.tags[0].text').getAttribute('helper-text')).to.equal('31 / 30');

    expect(await save()).to.equal(false);
    expect(field('bot.tags[0].text').error).to.contain('At most 30 characters');
    expect(field('bot.tags[0].text').value).to.equal(long);
    expect(field('bot.tags[1].text').error, 'only the long one').to.equal('');
    await expectNothingSaved(before);
  });

  it('refuses an 11th tag at the tag list', async () => {
    const before = await api.get('bakery');
    for (let index = 2; index < 11; index++) await fillNewTag(index, `Topic ${index}`);
    expect(all('[data-tag]')).to.have.length(11);
    expect(inForm('[data-tag-count]')!.textContent).to.contain('11 of 10');

    expect(await save()).to.equal(false);
    const error = inForm<HTMLElement>('[data-error-for="bot.tags"]');
    expect(error?.textContent).to.contain('At most 10 tags');
    expect(all('[data-tag]'), 'the tags typed stay').to.have.length(11);
    expect(field('bot.tags[10].text').value).to.equal('Topic 10');
    await expectNothingSaved(before);
  });

  it('refuses a rule without objects at its object list', async () => {
    const before = await api.get('bakery');
    await press('add-rule');
    await type('bot.tags[0].rules[1].departmentId', 'dept-sales');
    expect(await save()).to.equal(false);
    expect(inForm('[data-error-for="bot.tags[0].rules[1].objectIds"]')?.textContent).to.contain('at least one object');
    expect(inForm('[data-error-for="bot.tags[0].rules[0].objectIds"]'), 'the complete rule is fine').to.equal(null);
    expect(field('bot.tags[0].rules[1].departmentId').value).to.equal('dept-sales');

    // Choosing an object takes the error away, and the save goes through.
    await tick('[name="bot.tags[0].rules[1].objectIds"][value="object-riverside"]');
    expect(inForm('[data-error-for="bot.tags[0].rules[1].objectIds"]')).to.equal(null);
    expect(await save()).to.equal(true);
    const stored = (await api.get('bakery')).settings;
    expect(stored.bot.tags[0]!.rules[1]).to.deep.equal({ objectIds: ['object-riverside'], departmentId: 'dept-sales', employeeIds: [] });
    expect(stored).to.not.deep.equal(before.settings);
  });
});

describe('shell layout of staff pages', () => {
  let storage: ReturnType<typeof memoryStorage>;
  beforeEach(async () => {
    storage = memoryStorage();
    await setViewport({ width: 1280, height: 900 });
  });
  afterEach(async () => {
    document.querySelectorAll('demo-shell').forEach((shell) => shell.remove());
    history.replaceState(null, '', location.pathname + location.search);
    await setViewport({ width: 800, height: 600 });
  });

  it('registers the staff pages wide and the residents’ pages phone-shaped', () => {
    const layouts = Object.fromEntries(SHELL_PAGES.map((page) => [page.id, pageLayout(page)]));
    expect(layouts).to.include({ partner: 'wide', moderator: 'wide', operator: 'wide' });
    for (const page of SHELL_PAGES.filter((each) => each.role === 'resident')) expect(pageLayout(page), page.id).to.equal('phone');
  });

  async function shellAt(hash: string): Promise<HTMLElement> {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    const h = await createHarness();
    const shell = await fixture<DemoShell>(html`<demo-shell .client=${h.client()} .session=${{ get: () => null, set: () => undefined, clear: () => undefined }}
      .preferences=${new ShellPreferences(storage)} .log=${new BridgeLogStore(storage)}></demo-shell>`);
    await waitUntil(() => shell.shadowRoot!.querySelector('main ma-placeholder, main [data-widgets], main section, main ma-group'), `${hash} did not render`);
    return shell.shadowRoot!.querySelector<HTMLElement>('.phone')!;
  }

  it('draws a staff page at the window’s width and a resident page in the phone column', async () => {
    const staff = await shellAt('#/partner');
    expect(staff.dataset.layout).to.equal('wide');
    expect(staff.getBoundingClientRect().width, 'the partner cabinet').to.be.greaterThan(1100);
    const staffLog = (staff.getRootNode() as ShadowRoot).querySelector<HTMLElement>('aside.log')!;
    expect(getComputedStyle(staffLog).display, 'the bridge log stays in its sheet').to.equal('none');
    document.querySelectorAll('demo-shell').forEach((shell) => shell.remove());

    const moderator = await shellAt('#/moderator');
    expect(moderator.getBoundingClientRect().width, 'the moderator page').to.be.greaterThan(1100);
    document.querySelectorAll('demo-shell').forEach((shell) => shell.remove());

    const resident = await shellAt('#/screen/main');
    expect(resident.dataset.layout).to.equal('phone');
    expect(resident.getBoundingClientRect().width, 'the main screen').to.equal(420);
    const log = (resident.getRootNode() as ShadowRoot).querySelector<HTMLElement>('aside.log')!;
    expect(getComputedStyle(log).display, 'the bridge log beside the phone').to.not.equal('none');
  });
});
