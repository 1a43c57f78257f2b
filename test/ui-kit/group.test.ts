import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/group/group.ts';
import '../../ui-kit/components/cell/cell.ts';
import type { MaGroup } from '../../ui-kit/components/group/group.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-group', () => {
  it('shows header and footer and names the group after the header', async () => {
    const el = await fixture<MaGroup>(html`<ma-group header="Payments" footer="Cards are stored by the host">
      <ma-cell>Card</ma-cell></ma-group>`);
    const section = el.shadowRoot!.querySelector('section')!;
    expect(section.getAttribute('role')).to.equal('group');
    expect(el.shadowRoot!.querySelector('#header')!.textContent!.trim()).to.equal('Payments');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="footer"]')!).display).to.equal('block');
  });

  it('hides an empty header and footer', async () => {
    const el = await fixture<MaGroup>(html`<ma-group><ma-cell>Row</ma-cell></ma-group>`);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="header"]')!).display).to.equal('none');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="footer"]')!).display).to.equal('none');
    expect(el.shadowRoot!.querySelector('section')!.hasAttribute('role')).to.equal(false);
  });

  it('insets the surface in card mode and spans the width in plain mode', async () => {
    const el = await fixture<MaGroup>(html`<ma-group mode="card"><ma-cell>Row</ma-cell></ma-group>`);
    const body = el.shadowRoot!.querySelector('[part="body"]')!;
    expect(getComputedStyle(body).borderTopLeftRadius).to.not.equal('0px');
    el.mode = 'plain';
    await el.updateComplete;
    expect(getComputedStyle(body).borderTopLeftRadius).to.equal('0px');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-group header="Account" footer="Footer note" separators>
      <ma-cell>One</ma-cell><ma-cell subtitle="Two">Two</ma-cell></ma-group></div>`);
    await checkA11yBothSchemes(el);
  });
});
