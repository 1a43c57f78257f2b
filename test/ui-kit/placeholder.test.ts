import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/placeholder/placeholder.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/icon/icon.ts';
import type { MaPlaceholder } from '../../ui-kit/components/placeholder/placeholder.ts';
import { iconCart } from '../../ui-kit/icons/icons.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-placeholder', () => {
  it('shows icon, heading, text and action', async () => {
    const el = await fixture<MaPlaceholder>(html`<ma-placeholder heading="No orders yet">
      <ma-icon slot="icon" .icon=${iconCart} size="56"></ma-icon>
      Your orders will appear here.
      <ma-button slot="action">Open the catalogue</ma-button>
    </ma-placeholder>`);
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('No orders yet');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="action"]')!).display).to.not.equal('none');
  });

  it('hides the empty action box', async () => {
    const el = await fixture<MaPlaceholder>(html`<ma-placeholder heading="Empty">Nothing here</ma-placeholder>`);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="action"]')!).display).to.equal('none');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-placeholder heading="No orders yet">
      <ma-icon slot="icon" .icon=${iconCart} size="56"></ma-icon>Your orders will appear here.
      <ma-button slot="action">Open the catalogue</ma-button></ma-placeholder></div>`);
    await checkA11yBothSchemes(el);
  });
});
