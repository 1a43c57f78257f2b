import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../ui-kit/components/banner/banner.ts';
import '../../ui-kit/components/button/button.ts';
import type { MaBanner } from '../../ui-kit/components/banner/banner.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const dismissButton = (el: MaBanner) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss-button"]');

describe('ma-banner', () => {
  it('shows heading and text, with an alert role for warnings', async () => {
    const el = await fixture<MaBanner>(html`<ma-banner heading="Payment failed" mode="negative">Try another card</ma-banner>`);
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim()).to.equal('Payment failed');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('role')).to.equal('alert');
    expect(dismissButton(el)).to.equal(null);
  });

  it('dismisses: fires ma-dismiss and hides, unless cancelled', async () => {
    const el = await fixture<MaBanner>(html`<ma-banner dismissible heading="Tip">Text</ma-banner>`);
    expect(dismissButton(el)!.getAttribute('aria-label')).to.equal('Dismiss');
    el.addEventListener('ma-dismiss', (event) => event.preventDefault(), { once: true });
    dismissButton(el)!.click();
    expect(el.hidden).to.equal(false);
    const dismissed = oneEvent(el, 'ma-dismiss');
    dismissButton(el)!.click();
    await dismissed;
    expect(el.hidden).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('has no axe violations in light and dark, in every mode', async () => {
    const el = await fixture(html`<div>
      ${['info', 'positive', 'warning', 'negative'].map((mode) => html`<ma-banner mode=${mode} heading=${mode} dismissible>Text
        <ma-button slot="actions" size="s" mode="secondary">Action</ma-button></ma-banner>`)}
    </div>`);
    await checkA11yBothSchemes(el);
  });
});
