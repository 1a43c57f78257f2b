import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../demo/shell/offer-dialog.ts';
import { showOfferDialog, type DemoOfferDialog } from '../../demo/shell/offer-dialog.ts';
import type { OfferResponse } from '../../src/backend/contract.ts';

const offer: OfferResponse = {
  appId: 'bakery',
  version: 3,
  title: 'Corner Bakery: terms of sale',
  text: 'Orders are baked to order.',
  publishedAt: '2025-03-01T09:00:00.000Z',
};

describe('<demo-offer-dialog>', () => {
  let el: DemoOfferDialog;
  beforeEach(async () => {
    el = await fixture<DemoOfferDialog>(html`<demo-offer-dialog></demo-offer-dialog>`);
  });

  const dialog = () => el.shadowRoot!.querySelector('dialog')!;
  const button = (part: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part=${part}]`)!;

  it('shows the offer as a labelled modal dialog', async () => {
    void el.show(offer);
    await el.updateComplete;
    expect(dialog().open).to.equal(true);
    expect(dialog().matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.getElementById(dialog().getAttribute('aria-labelledby')!)!.textContent).to.equal(offer.title);
    expect(el.shadowRoot!.getElementById(dialog().getAttribute('aria-describedby')!)!.textContent).to.equal(offer.text);
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
    expect(dialog().open).to.equal(false);
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
    button('accept').focus();
    await sendKeys({ press: 'Escape' });
    expect(await decision).to.equal(false);
    expect(dialog().open).to.equal(false);
  });

  it('opens a throw-away dialog with showOfferDialog and removes it afterwards', async () => {
    const decision = showOfferDialog(offer);
    const shown = document.body.lastElementChild as DemoOfferDialog;
    expect(shown.localName).to.equal('demo-offer-dialog');
    await shown.updateComplete;
    shown.shadowRoot!.querySelector<HTMLButtonElement>('[part=accept]')!.click();
    expect(await decision).to.equal(true);
    expect(shown.isConnected).to.equal(false);
  });
});
