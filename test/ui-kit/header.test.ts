import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/header/header.ts';
import '../../ui-kit/components/icon-button/icon-button.ts';
import type { MaHeader } from '../../ui-kit/components/header/header.ts';
import { iconMore } from '../../ui-kit/icons/icons.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const back = (el: MaHeader) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="back-button"]');

describe('ma-header', () => {
  it('shows the title as the page heading and a subtitle', async () => {
    const el = await fixture<MaHeader>(html`<ma-header heading="Orders" subtitle="3 active"></ma-header>`);
    expect(el.shadowRoot!.querySelector('h1')!.textContent!.trim()).to.equal('Orders');
    expect(el.shadowRoot!.querySelector('[part="subtitle"]')!.textContent).to.equal('3 active');
    expect(back(el)).to.equal(null);
  });

  it('fires ma-back from the back button, by click and by keyboard', async () => {
    const el = await fixture<MaHeader>(html`<ma-header back heading="Order"></ma-header>`);
    expect(back(el)!.getAttribute('aria-label')).to.equal('Back');
    let event = oneEvent(el, 'ma-back');
    back(el)!.click();
    await event;
    back(el)!.focus();
    event = oneEvent(el, 'ma-back');
    await sendKeys({ press: 'Enter' });
    await event;
  });

  it('names the back button in Russian under lang="ru"', async () => {
    const el = await fixture<HTMLElement>(html`<div lang="ru"><ma-header back heading="Заказ"></ma-header></div>`);
    expect(back(el.querySelector('ma-header')!)!.getAttribute('aria-label')).to.equal('Назад');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-header back heading="Orders" subtitle="Today" separator>
      <ma-icon-button slot="after" label="More" .icon=${iconMore}></ma-icon-button></ma-header></div>`);
    await checkA11yBothSchemes(el);
  });
});
