import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/counter/counter.ts';
import { formatCount, type MaCounter } from '../../ui-kit/components/counter/counter.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-counter', () => {
  it('caps large numbers', () => {
    expect(formatCount(5, 99)).to.equal('5');
    expect(formatCount(120, 99)).to.equal('99+');
  });

  it('renders the value, nothing for zero unless show-zero', async () => {
    const el = await fixture<MaCounter>(html`<ma-counter value="3"></ma-counter>`);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.textContent).to.equal('3');
    el.value = 0;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
    el.showZero = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="base"]')!.textContent).to.equal('0');
    el.value = 1000;
    el.max = 999;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="base"]')!.textContent).to.equal('999+');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-counter value="3"></ma-counter><ma-counter value="12" mode="brand" size="l"></ma-counter>
      <ma-counter value="150" mode="neutral" label="150 unread"></ma-counter></div>`);
    await checkA11yBothSchemes(el);
  });
});
