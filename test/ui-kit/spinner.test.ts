import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/spinner/spinner.ts';
import type { MaSpinner } from '../../ui-kit/components/spinner/spinner.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-spinner', () => {
  it('is a named progress bar, in the host locale', async () => {
    const el = await fixture<MaSpinner>(html`<ma-spinner></ma-spinner>`);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('progressbar');
    expect(svg.getAttribute('aria-label')).to.equal('Loading');
    const ru = await fixture<HTMLElement>(html`<div lang="ru"><ma-spinner></ma-spinner></div>`);
    expect(ru.querySelector('ma-spinner')!.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal('Загрузка');
  });

  it('sizes by the size attribute', async () => {
    const el = await fixture<MaSpinner>(html`<ma-spinner size="l" label="Sending"></ma-spinner>`);
    expect(el.shadowRoot!.querySelector('svg')!.getBoundingClientRect().width).to.equal(32);
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal('Sending');
  });

  it('has no axe violations in light and dark', async () => {
    await checkA11yBothSchemes(await fixture(html`<div><ma-spinner size="s"></ma-spinner><ma-spinner></ma-spinner></div>`));
  });
});
