import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/radio/radio.ts';
import type { MaRadio } from '../../ui-kit/components/radio/radio.ts';

describe('ma-radio', () => {
  it('has role radio, is out of the Tab order on its own, and shows its label', async () => {
    const el = await fixture<MaRadio>(html`<ma-radio value="a" label="Apple"></ma-radio>`);
    expect(el.getAttribute('role')).to.equal('radio');
    expect(el.tabIndex).to.equal(-1);
    expect(el.getAttribute('aria-checked')).to.equal('false');
    expect(el.shadowRoot!.querySelector('slot')!.textContent).to.equal('Apple');
  });

  it('reflects checked and disabled to ARIA', async () => {
    const el = await fixture<MaRadio>(html`<ma-radio value="a">Apple</ma-radio>`);
    el.checked = true;
    el.disabled = true;
    await el.updateComplete;
    expect(el.getAttribute('aria-checked')).to.equal('true');
    expect(el.getAttribute('aria-disabled')).to.equal('true');
    el.disabled = false;
    await el.updateComplete;
    expect(el.hasAttribute('aria-disabled')).to.equal(false);
  });
});
