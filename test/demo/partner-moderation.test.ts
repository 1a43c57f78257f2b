import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createCatalogClient, type CatalogClient } from '../../src/backend/catalog-client.ts';
import '../../demo/partner/partner-cabinet.ts';
import type { DemoPartnerCabinet } from '../../demo/partner/partner-cabinet.ts';
import type { DemoPartnerAppCard } from '../../demo/partner/app-card.ts';
import '../../demo/moderator/moderator-page.ts';
import type { DemoModeratorPage } from '../../demo/moderator/moderator-page.ts';
import { createHarness, ORIGIN, type Harness } from '../backend/harness.ts';
import { APP_ORIGIN } from '../helpers/frames.ts';
import { packSample } from '../fixtures/review/sample.ts';

/**
 * The catalog's life through the two staff pages against the real backend app: a packed sample
 * registered and uploaded in the partner cabinet, sent to moderation, opened in the moderator page
 * from its zip on the sandbox origin and approved, published, placed as a widget a resident sees,
 * and sent back to moderation by a new build.
 */
describe('partner cabinet and moderator page', function () {
  this.timeout(60000);
  let h: Harness;

  async function staffCatalog(phone: string): Promise<CatalogClient> {
    const client = h.client();
    await client.signInAs(phone);
    return createCatalogClient({ baseUrl: `${ORIGIN}/api`, fetch: (request) => h.app.fetch(request), getSessionToken: () => client.session.token });
  }

  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => {
    document.querySelectorAll('demo-partner-cabinet, demo-moderator-page').forEach((element) => element.remove());
  });

  const root = (element: Element) => element.shadowRoot!;
  const q = <T extends Element = HTMLElement>(element: Element, selector: string) => root(element).querySelector<T>(selector);

  function type(element: Element, selector: string, text: string, event = 'input'): void {
    const field = q<HTMLInputElement>(element, selector);
    if (!field) throw new Error(`no field ${selector}`);
    field.value = text;
    field.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
  }

  function tick(element: Element, selector: string): void {
    const box = q<HTMLInputElement>(element, selector)!;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  async function click(element: Element, selector: string): Promise<void> {
    await waitUntil(() => q(element, selector) && !(q(element, selector) as HTMLButtonElement).disabled, `${selector} is not there or disabled`);
    q(element, selector)!.click();
  }

  const card = (cabinet: DemoPartnerCabinet) => q<DemoPartnerAppCard>(cabinet, 'demo-partner-app-card')!;

  async function upload(cardElement: DemoPartnerAppCard, bytes: Uint8Array, name: string): Promise<void> {
    const input = q<HTMLInputElement>(cardElement, 'input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => q(cardElement, '[data-notice]')?.textContent?.includes(name), `the build ${name} was not uploaded: ${q(cardElement, '[data-error]')?.textContent}`);
  }

  it('says it is loading until the catalog answers, and claims no empty list when the catalog failed', async () => {
    let answer!: (apps: { apps: [] }) => void;
    const slow = { partner: { listApps: () => new Promise((resolve) => (answer = resolve)), listLicences: async () => ({ licences: [] }) } } as unknown as CatalogClient;
    const cabinet = await fixture<DemoPartnerCabinet>(html`<demo-partner-cabinet locale="en" .catalog=${slow}></demo-partner-cabinet>`);
    const list = () => q(cabinet, '[data-apps]')!;
    expect(list().getAttribute('aria-busy')).to.equal('true');
    expect(q(cabinet, '[data-loading]')?.getAttribute('role')).to.equal('status');
    expect(list().textContent).to.not.include('No mini-apps yet');
    answer({ apps: [] });
    await waitUntil(() => list().getAttribute('aria-busy') === 'false', 'still busy after the answer');
    expect(q(cabinet, '[data-loading]')).to.equal(null);
    expect(list().textContent).to.include('No mini-apps yet');

    const down = { partner: { listApps: async () => Promise.reject(new Error('The catalog is down')), listLicences: async () => ({ licences: [] }) } } as unknown as CatalogClient;
    const failed = await fixture<DemoPartnerCabinet>(html`<demo-partner-cabinet locale="en" .catalog=${down}></demo-partner-cabinet>`);
    await waitUntil(() => q(failed, 'ma-banner[role=alert]'), 'no error was shown');
    expect(q(failed, '[data-apps]')!.getAttribute('aria-busy')).to.equal('false');
    expect(q(failed, '[data-apps]')!.textContent).to.not.include('No mini-apps yet');
  });

  it('shows every registration rule at its field, keeps what was typed, then registers', async () => {
    const partner = await staffCatalog('+79990000201');
    const cabinet = await fixture<DemoPartnerCabinet>(html`<demo-partner-cabinet .catalog=${partner}></demo-partner-cabinet>`);
    await click(cabinet, '[data-action=new-app]');
    await cabinet.updateComplete;
    type(cabinet, 'ma-input[name=name]', 'Ab!');
    await click(cabinet, '[data-action=register]');
    await waitUntil(() => q(cabinet, '[data-errors]'), 'no errors were shown');
    const lines = [...root(cabinet).querySelectorAll('[data-errors] li')].map((li) => li.textContent!);
    for (const field of ['licence', 'name', 'category', 'description', 'placementRulesAccepted']) expect(lines.some((line) => line.startsWith(`${field}:`)), `${field} in ${lines.join(' | ')}`).to.equal(true);
    expect(q<HTMLInputElement & { error: string }>(cabinet, 'ma-input[name=name]')!.error).to.not.equal('');
    expect(q<HTMLInputElement>(cabinet, 'ma-input[name=name]')!.value).to.equal('Ab!');
    expect((await partner.partner.listApps()).apps.map((app) => app.name)).to.not.include('Ab!');
  });

  it('goes from upload to moderation, review from the zip, approval, publishing, a widget and back to moderation', async () => {
    const partner = await staffCatalog('+79990000201');
    const moderator = await staffCatalog('+79990000301');
    const resident = await staffCatalog('+79990000001');
    const cabinet = await fixture<DemoPartnerCabinet>(html`<demo-partner-cabinet .catalog=${partner}></demo-partner-cabinet>`);

    // Register, a moment after the seed (the list's order of equal times is by id, which is random here).
    h.clock.advance(1000);
    await click(cabinet, '[data-action=new-app]');
    await cabinet.updateComplete;
    const licence = (await partner.partner.listLicences()).licences.find((each) => each.appId === null)!.name;
    type(cabinet, 'ma-select[name=licence]', licence, 'change');
    type(cabinet, 'ma-input[name=name]', 'Review sample');
    type(cabinet, 'ma-select[name=category]', 'tools', 'change');
    type(cabinet, 'ma-textarea[name=description]', 'A sample app for the review');
    type(cabinet, 'ma-input[name="offer.title"]', 'Terms of use');
    type(cabinet, 'ma-input[name="offer.documentId"]', 'T-1');
    type(cabinet, 'ma-input[name="offer.url"]', 'https://example.com/terms');
    tick(cabinet, 'ma-checkbox[name=placementRulesAccepted]');
    await click(cabinet, '[data-action=register]');
    await waitUntil(() => card(cabinet)?.app || q(cabinet, '[data-errors]'), 'the registration did not answer');
    expect(q(cabinet, '[data-errors]')?.textContent ?? '', 'the registration was refused').to.equal('');
    await waitUntil(() => card(cabinet)?.app, 'the card did not open');
    const appId = card(cabinet).app!.id;
    expect(card(cabinet).app!.status).to.equal('inactive');
    await waitUntil(() => q(cabinet, `[data-app-id="${appId}"]`), 'the new app is not in the list');
    expect(q(cabinet, '[data-apps] ma-cell[data-app-id]')!.dataset.appId, 'newest first').to.equal(appId);

    // Upload the packed sample and send it.
    await card(cabinet).updateComplete;
    await upload(card(cabinet), await packSample(), 'review-sample-1.0.0.zip');
    await click(card(cabinet), '[data-action=send-to-moderation]');
    await waitUntil(() => card(cabinet).app?.status === 'on-moderation', 'not sent to moderation');

    // The moderator opens it from its zip on the sandbox origin.
    const page = await fixture<DemoModeratorPage>(html`<demo-moderator-page .catalog=${moderator} apps-origin=${APP_ORIGIN}></demo-moderator-page>`);
    await waitUntil(() => q(page, `[data-queue] [data-app-id="${appId}"]`), 'the submission is not in the queue');
    expect(q(page, `[data-queue] [data-app-id="${appId}"] ma-badge`)!.dataset.status).to.equal('on-moderation');
    q(page, `[data-queue] [data-app-id="${appId}"]`)!.click();
    await click(page, '[data-action=open-build]');
    await waitUntil(() => page.report.length > 0 && page.report.every((check) => check.status !== 'pending'), 'the checks did not finish', { timeout: 20000 }).catch(() => {
      throw new Error(`the checks did not finish: ${page.report.filter((check) => check.status === 'pending').map((check) => `${check.id} (${check.summary})`).join(', ')}`);
    });
    expect(page.report.filter((check) => check.status !== 'pass').map((check) => check.id)).to.deep.equal([]);
    const frame = root(page).querySelector('.frame iframe') as HTMLIFrameElement;
    expect(new URL(frame.src).origin).to.equal(APP_ORIGIN);
    expect(new URL(frame.src).pathname).to.match(/^\/demo\/review\/sandbox\/[^/]+\/index\.html$/);
    const log = q(page, 'demo-review-log')!;
    await waitUntil(() => log.shadowRoot!.querySelectorAll('li').length >= 2, 'the calls are not in the log');
    expect([...log.shadowRoot!.querySelectorAll('li .method')].map((element) => element.textContent)).to.include.members(['user.get', 'app.ready']);

    // Approve.
    await click(page, '[data-action=approve]');
    await waitUntil(() => q(page, '[data-submission] ma-badge')?.dataset.status === 'ready-to-publish', 'not approved');

    // Publish and place a widget; the resident sees it.
    await card(cabinet).load();
    await card(cabinet).updateComplete;
    await click(card(cabinet), '[data-action=publish]');
    await waitUntil(() => card(cabinet).app?.status === 'active', 'not published');
    await click(card(cabinet), '[data-screen=home] [data-action=place-widget]');
    await waitUntil(() => q(card(cabinet), '[data-screen=home] [data-action=publish-widget]'), 'no draft widget');
    expect((await resident.widgets('home')).widgets.map((widget) => widget.app.id), 'a draft is hidden').to.not.include(appId);
    await click(card(cabinet), '[data-screen=home] [data-action=publish-widget]');
    await waitUntil(() => q(card(cabinet), '[data-screen=home] [data-action=draft-widget]'), 'the widget was not published');
    expect((await resident.widgets('home')).widgets.map((widget) => widget.app.id)).to.include(appId);
    expect((await resident.widgets('main')).widgets.map((widget) => widget.app.id)).to.not.include(appId);

    // A new build goes back to moderation.
    await upload(card(cabinet), await packSample({ version: '1.1.0' }), 'review-sample-1.1.0.zip');
    expect(card(cabinet).app!.status).to.equal('on-moderation');
    await page.refresh();
    await page.updateComplete;
    expect(q(page, `[data-queue] [data-app-id="${appId}"] ma-badge`)!.dataset.status).to.equal('on-moderation');
  });
});
