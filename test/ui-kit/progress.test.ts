import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/progress/progress.ts';
import type { MaProgress } from '../../ui-kit/components/progress/progress.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-progress', () => {
  it('exposes a progressbar with its value and range', async () => {
    const el = await fixture<MaProgress>(html`<ma-progress value="30" label="Uploading"></ma-progress>`);
    const bar = el.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('30');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('100');
    expect(bar.getAttribute('aria-label')).to.equal('Uploading');
    const indicator = el.shadowRoot!.querySelector<HTMLElement>('[part="indicator"]')!;
    expect(indicator.style.width).to.equal('30%');
  });

  it('clamps the value and supports another max', async () => {
    const el = await fixture<MaProgress>(html`<ma-progress value="15" max="10"></ma-progress>`);
    const bar = el.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('10');
    expect(bar.getAttribute('aria-valuemax')).to.equal('10');
  });

  it('is indeterminate without a value', async () => {
    const el = await fixture<MaProgress>(html`<ma-progress></ma-progress>`);
    const bar = el.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.hasAttribute('aria-valuenow')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.indeterminate')).to.not.equal(null);
  });

  it('has no axe violations in light and dark', async () => {
    await checkA11yBothSchemes(await fixture(html`<div><ma-progress value="60"></ma-progress>
      <ma-progress mode="positive" value="100" label="Done"></ma-progress><ma-progress></ma-progress></div>`));
  });
});
