import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/link/link.ts';
import type { MaLink } from '../../ui-kit/components/link/link.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-link', () => {
  it('renders an anchor, opening external links safely', async () => {
    const el = await fixture<MaLink>(html`<ma-link href="https://example.com" external>Offer</ma-link>`);
    const a = el.shadowRoot!.querySelector('a')!;
    expect(a.href).to.equal('https://example.com/');
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
  });

  it('is a button without href, activated by Enter', async () => {
    const el = await fixture<MaLink>(html`<ma-link>Show more</ma-link>`);
    expect(el.shadowRoot!.querySelector('button')).to.not.equal(null);
    el.focus();
    const clicked = oneEvent(el, 'click');
    await sendKeys({ press: 'Enter' });
    await clicked;
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<p>Read the <ma-link href="/terms">terms</ma-link> or <ma-link>more</ma-link>.</p>`);
    await checkA11yBothSchemes(el);
  });
});
