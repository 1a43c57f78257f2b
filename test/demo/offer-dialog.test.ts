import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../demo/shell/offer-dialog.ts';
import { showOfferDialog, type DemoOfferDialog } from '../../demo/shell/offer-dialog.ts';
import type { OfferResponse } from '../../src/backend/contract.ts';

const offer: OfferResponse = {
  appId: 'bakery',
  version: 3,
  title: 'Corner Bakery: terms of sale',
  text: 'Orders are baked to order.\n\nPayment is taken when the order is confirmed. You can cancel until it is baked.',
  publishedAt: '2025-03-01T09:00:00.000Z',
} as OfferResponse;

describe('<demo-offer-dialog>', () => {
  let el: DemoOfferDialog;
  beforeEach(async () => {
    el = await fixture<DemoOfferDialog>(html`<demo-offer-dialog app-name="Corner Bakery"></demo-offer-dialog>`);
  });

  const page = () => el.shadowRoot!.querySelector('ma-modal-page')!;
  const nativeDialog = () => page().shadowRoot!.querySelector('dialog')!;
  const button = (part: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part=${part}]`)!;

  it('shows the whole offer in the kit’s modal page, with the kit’s buttons', async () => {
    void el.show(offer);
    await el.updateComplete;
    await page().updateComplete;
    expect(nativeDialog().open).to.equal(true);
    expect(nativeDialog().matches(':modal')).to.equal(true);
    expect(page().heading).to.equal(offer.title);
    expect(el.shadowRoot!.querySelector('[part=text]')!.textContent).to.equal(offer.text);
    expect(el.shadowRoot!.querySelector('[part=meta]')!.textContent).to.contain('Corner Bakery').and.to.contain('Version 3');
    expect(button('accept').localName).to.equal('ma-button');
    expect(button('decline').localName).to.equal('ma-button');
    await expect(el).to.be.accessible();
  });

  it('resolves true on Accept, with the offer in the event', async () => {
    const decision = el.show(offer);
    await el.updateComplete;
    let detail: OfferResponse | undefined;
    el.addEventListener('demo-offer-accept', (event) => (detail = event.detail));
    button('accept').click();
    expect(await decision).to.equal(true);
    expect(detail!.version).to.equal(3);
    expect(el.open).to.equal(false);
  });

  it('resolves false on Decline', async () => {
    const decision = el.show(offer);
    await el.updateComplete;
    button('decline').click();
    expect(await decision).to.equal(false);
  });

  it('resolves false when dismissed with Escape', async () => {
    const decision = el.show(offer);
    await el.updateComplete;
    await page().updateComplete;
    button('accept').focus();
    await sendKeys({ press: 'Escape' });
    expect(await decision).to.equal(false);
    expect(el.open).to.equal(false);
  });

  it('speaks Russian under lang="ru"', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ru"><demo-offer-dialog></demo-offer-dialog></div>`);
    const ru = wrapper.querySelector('demo-offer-dialog')!;
    void ru.show(offer);
    await ru.updateComplete;
    expect(ru.shadowRoot!.querySelector('[part=accept]')!.textContent!.trim()).to.equal('Принять');
    ru.close();
  });

  it('opens a throw-away dialog with showOfferDialog and removes it afterwards', async () => {
    const decision = showOfferDialog(offer);
    const shown = document.body.lastElementChild as DemoOfferDialog;
    expect(shown.localName).to.equal('demo-offer-dialog');
    await shown.updateComplete;
    shown.shadowRoot!.querySelector<HTMLElement>('[part=accept]')!.click();
    expect(await decision).to.equal(true);
    expect(shown.isConnected).to.equal(false);
  });
});
