import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/icon-button/icon-button.ts';
import type { MaIconButton } from '../../ui-kit/components/icon-button/icon-button.ts';
import { iconShare } from '../../ui-kit/icons/icons.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-icon-button', () => {
  it('names its button with the label and draws the icon', async () => {
    const el = await fixture<MaIconButton>(html`<ma-icon-button label="Share" .icon=${iconShare}></ma-icon-button>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal('Share');
    expect(button.querySelector('path')!.getAttribute('d')).to.equal(iconShare);
    expect(button.getBoundingClientRect().width).to.equal(48);
  });

  it('clicks from the keyboard and reports pressed state', async () => {
    const el = await fixture<MaIconButton>(html`<ma-icon-button label="Like" .icon=${iconShare} .pressed=${false}></ma-icon-button>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    el.focus();
    const clicked = oneEvent(el, 'click');
    await sendKeys({ press: 'Space' });
    await clicked;
    el.disabled = true;
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div>
      <ma-icon-button label="Share" .icon=${iconShare}></ma-icon-button>
      <ma-icon-button label="Share" mode="tinted" size="m" .icon=${iconShare}></ma-icon-button>
      <ma-icon-button label="Share" mode="secondary" size="s" .icon=${iconShare}></ma-icon-button>
    </div>`);
    await checkA11yBothSchemes(el);
  });
});
