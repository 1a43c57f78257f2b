import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/icon/icon.ts';
import type { MaIcon } from '../../ui-kit/components/icon/icon.ts';
import * as icons from '../../ui-kit/icons/icons.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-icon and the icon set', () => {
  it('has at least 40 icons, each valid path data that draws something', async () => {
    const entries = Object.entries(icons).filter(([name]) => name.startsWith('icon'));
    expect(entries.length).to.be.at.least(40);
    const el = await fixture<MaIcon>(html`<ma-icon></ma-icon>`);
    for (const [name, data] of entries) {
      el.icon = data as string;
      await el.updateComplete;
      const path = el.shadowRoot!.querySelector('path')!;
      const box = path.getBBox();
      expect(box.width + box.height, name).to.be.greaterThan(0);
      expect(box.x, `${name} inside the grid`).to.be.at.least(0);
      expect(box.x + box.width, `${name} inside the grid`).to.be.at.most(24);
    }
  });

  it('is decorative without a label and an image with one', async () => {
    const el = await fixture<MaIcon>(html`<ma-icon .icon=${icons.iconHeart} size="32"></ma-icon>`);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect(svg.getAttribute('width')).to.equal('32');
    el.label = 'Favourite';
    await el.updateComplete;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('Favourite');
    expect(svg.hasAttribute('aria-hidden')).to.equal(false);
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<p>
      <ma-icon .icon=${icons.iconStar} label="Rated"></ma-icon><ma-icon .icon=${icons.iconBell}></ma-icon>
    </p>`);
    await checkA11yBothSchemes(el);
  });
});
