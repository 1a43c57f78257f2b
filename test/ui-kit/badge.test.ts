import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/badge/badge.ts';
import type { MaBadge } from '../../ui-kit/components/badge/badge.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-badge', () => {
  it('shows its text in a pill', async () => {
    const el = await fixture<MaBadge>(html`<ma-badge mode="positive">Paid</ma-badge>`);
    expect(el.textContent).to.equal('Paid');
    expect(el.getAttribute('mode')).to.equal('positive');
  });

  it('becomes a small dot, named only when it has a label', async () => {
    const el = await fixture<MaBadge>(html`<ma-badge dot></ma-badge>`);
    const base = () => el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base().getBoundingClientRect().width).to.equal(8);
    expect(base().getAttribute('aria-hidden')).to.equal('true');
    el.label = 'Unread';
    await el.updateComplete;
    expect(base().getAttribute('aria-label')).to.equal('Unread');
  });

  it('has no axe violations in light and dark, in every mode', async () => {
    const el = await fixture(html`<div>
      ${['brand', 'accent', 'neutral', 'positive', 'negative', 'warning'].map((mode) => html`<ma-badge mode=${mode}>${mode}</ma-badge>`)}
      <ma-badge dot label="New"></ma-badge></div>`);
    await checkA11yBothSchemes(el);
  });
});
