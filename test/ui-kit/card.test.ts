import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/card/card.ts';
import type { MaCard } from '../../ui-kit/components/card/card.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-card', () => {
  it('renders its content on a raised surface by default', async () => {
    const el = await fixture<MaCard>(html`<ma-card padded><p>Order #42</p></ma-card>`);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(getComputedStyle(base).boxShadow).to.not.equal('none');
    expect(getComputedStyle(base).paddingTop).to.equal('16px');
    expect(el.querySelector('p')!.assignedSlot).to.not.equal(null);
  });

  it('switches to outline and tint modes', async () => {
    const el = await fixture<MaCard>(html`<ma-card mode="outline">x</ma-card>`);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(getComputedStyle(base).borderTopWidth).to.equal('1px');
    el.mode = 'tint';
    await el.updateComplete;
    expect(getComputedStyle(base).borderTopWidth).to.equal('0px');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-card padded><p>Shadow</p></ma-card><ma-card mode="outline" padded><p>Outline</p></ma-card>
      <ma-card mode="tint" padded><p>Tint</p></ma-card></div>`);
    await checkA11yBothSchemes(el);
  });
});
