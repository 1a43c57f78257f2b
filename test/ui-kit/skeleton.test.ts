import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../ui-kit/components/skeleton/skeleton.ts';
import type { MaSkeleton } from '../../ui-kit/components/skeleton/skeleton.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-skeleton', () => {
  it('is a decorative shape of the requested kind', async () => {
    const el = await fixture<MaSkeleton>(html`<ma-skeleton shape="circle"></ma-skeleton>`);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.getAttribute('aria-hidden')).to.equal('true');
    expect(el.getBoundingClientRect().width).to.equal(40);
    expect(getComputedStyle(base).borderTopLeftRadius).to.equal('50%');
  });

  it('stops pulsing under reduced motion', async () => {
    const el = await fixture<MaSkeleton>(html`<ma-skeleton shape="text"></ma-skeleton>`);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(getComputedStyle(base).animationName).to.equal('pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(base).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('has no axe violations in light and dark', async () => {
    await checkA11yBothSchemes(await fixture(html`<div aria-busy="true"><ma-skeleton shape="text"></ma-skeleton><ma-skeleton></ma-skeleton></div>`));
  });
});
