import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/button/button.ts';
import type { MaButton } from '../../ui-kit/components/button/button.ts';
import { checkA11yBothSchemes } from './helpers.ts';
import { ringBands } from './rendered-colors.ts';

const inner = (el: MaButton) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;

describe('ma-button', () => {
  it('renders a native button with its label and reflects mode and size', async () => {
    const el = await fixture<MaButton>(html`<ma-button mode="secondary" size="l">Pay</ma-button>`);
    expect(inner(el).tagName).to.equal('BUTTON');
    expect(el.textContent).to.equal('Pay');
    expect(el.getAttribute('mode')).to.equal('secondary');
    expect(el.getAttribute('size')).to.equal('l');
    expect(inner(el).getBoundingClientRect().height).to.equal(48);
  });

  it('renders a link with href', async () => {
    const el = await fixture<MaButton>(html`<ma-button href="/orders" target="_blank">Orders</ma-button>`);
    const link = inner(el) as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.getAttribute('href')).to.equal('/orders');
    expect(link.rel).to.contain('noopener');
  });

  it('fires click, but not when disabled or loading', async () => {
    const el = await fixture<MaButton>(html`<ma-button>Go</ma-button>`);
    let clicks = 0;
    el.addEventListener('click', () => clicks++);
    inner(el).click();
    expect(clicks).to.equal(1);
    el.disabled = true;
    await el.updateComplete;
    el.click();
    expect(clicks).to.equal(1);
    el.disabled = false;
    el.loading = true;
    await el.updateComplete;
    el.click();
    expect(clicks).to.equal(1);
    expect(inner(el).getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[part="spinner"]')).to.not.equal(null);
  });

  it('activates from the keyboard and shows a focus ring', async () => {
    const el = await fixture<MaButton>(html`<ma-button>Go</ma-button>`);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(ringBands(getComputedStyle(inner(el)).boxShadow), 'a two-band ring').to.have.length(2);
    const clicked = oneEvent(el, 'click');
    await sendKeys({ press: 'Enter' });
    await clicked;
  });

  it('submits its native form with its name and value, and resets it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <input name="q" value="start" />
      <ma-button type="submit" name="action" value="save">Save</ma-button>
      <ma-button type="reset">Reset</ma-button>
    </form>`);
    const [submitButton, resetButton] = [...form.querySelectorAll('ma-button')] as [MaButton, MaButton];
    expect(submitButton.form).to.equal(form);
    let data: FormData | undefined;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      data = new FormData(form, event.submitter);
    });
    submitButton.click();
    expect(data?.get('q')).to.equal('start');
    expect(data?.get('action')).to.equal('save');
    form.querySelector('input')!.value = 'changed';
    resetButton.click();
    expect(form.querySelector('input')!.value).to.equal('start');
  });

  it('is disabled by a disabled fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
      <ma-button type="submit">Save</ma-button></fieldset></form>`);
    const el = form.querySelector('ma-button')!;
    let submitted = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = true;
    });
    await el.updateComplete;
    el.click();
    expect(submitted).to.equal(false);
    expect((inner(el) as HTMLButtonElement).disabled).to.equal(true);
  });

  it('has no axe violations in light and dark, in every mode', async () => {
    const el = await fixture(html`<div>
      ${['primary', 'secondary', 'tertiary', 'outline', 'destructive'].map((mode) => html`<ma-button mode=${mode}>${mode}</ma-button>`)}
      <ma-button loading>Loading</ma-button><ma-button href="/x">Link</ma-button><ma-button disabled>Off</ma-button>
    </div>`);
    await checkA11yBothSchemes(el);
  });
});
