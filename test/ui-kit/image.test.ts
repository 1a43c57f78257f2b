import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../ui-kit/components/image/image.ts';
import { toAspectRatio, type MaImage } from '../../ui-kit/components/image/image.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const picture = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="teal"/></svg>');

describe('ma-image', () => {
  it('parses aspect ratios', () => {
    expect(toAspectRatio('16/9')).to.equal('16 / 9');
    expect(toAspectRatio('4:3')).to.equal('4 / 3');
    expect(toAspectRatio('1.5')).to.equal('1.5');
    expect(toAspectRatio('wide')).to.equal(undefined);
  });

  it('holds its ratio while loading, then shows the image and fires ma-load', async () => {
    const el = await fixture<MaImage>(html`<div style="width: 320px"><ma-image ratio="16/9" alt="A teal rectangle" loading="eager"></ma-image></div>`);
    const image = el.querySelector('ma-image')!;
    const loaded = oneEvent(image, 'ma-load');
    image.src = picture;
    await image.updateComplete;
    expect(image.state).to.equal('loading');
    expect(image.getBoundingClientRect().height).to.equal(180);
    await loaded;
    expect(image.getAttribute('state')).to.equal('loaded');
    expect(image.shadowRoot!.querySelector('img')!.alt).to.equal('A teal rectangle');
  });

  it('shows the fallback and fires ma-error when the image fails', async () => {
    const el = await fixture<MaImage>(html`<ma-image ratio="1" alt="Product photo" loading="eager" style="width: 100px"></ma-image>`);
    const failed = oneEvent(el, 'ma-error');
    el.src = '/no-such-image.png';
    await failed;
    await el.updateComplete;
    const fallback = el.shadowRoot!.querySelector('[part="fallback"]')!;
    expect(fallback.textContent).to.contain('Image unavailable');
    expect(fallback.getAttribute('aria-label')).to.equal('Product photo');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div style="width: 200px"><ma-image ratio="16/9" alt="Teal" src=${picture} loading="eager"></ma-image>
      <ma-image ratio="1" alt="Broken" src=""></ma-image></div>`);
    await checkA11yBothSchemes(el);
  });
});
