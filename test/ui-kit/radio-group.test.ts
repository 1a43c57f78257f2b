import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/radio-group/radio-group.ts';
import type { MaRadioGroup } from '../../ui-kit/components/radio-group/radio-group.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const group = (value = '') => html`
  <ma-radio-group label="Delivery" name="delivery" value=${value}>
    <ma-radio value="courier">Courier</ma-radio>
    <ma-radio value="pickup">Pickup</ma-radio>
    <ma-radio value="post" disabled>Post</ma-radio>
    <ma-radio value="drone">Drone</ma-radio>
  </ma-radio-group>
`;

const focused = () => document.activeElement as HTMLElement | null;

describe('ma-radio-group', () => {
  it('exposes a labelled radiogroup of radios with aria-checked', async () => {
    const el = await fixture<MaRadioGroup>(group('pickup'));
    const radiogroup = el.shadowRoot!.querySelector('[role=radiogroup]')!;
    expect(radiogroup.getAttribute('aria-labelledby')).to.equal('label');
    expect(el.shadowRoot!.getElementById('label')!.textContent).to.equal('Delivery');
    expect(el.radios.map((r) => r.getAttribute('role'))).to.deep.equal(['radio', 'radio', 'radio', 'radio']);
    expect(el.radios.map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['false', 'true', 'false', 'false']);
  });

  it('keeps only the chosen radio in the Tab order', async () => {
    const el = await fixture<MaRadioGroup>(group('pickup'));
    expect(el.radios.map((r) => r.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
  });

  it('puts the first enabled radio in the Tab order when nothing is chosen', async () => {
    const el = await fixture<MaRadioGroup>(group());
    expect(el.radios.map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1]);
  });

  it('moves and selects with arrow keys, skipping disabled radios and wrapping', async () => {
    const el = await fixture<MaRadioGroup>(group('courier'));
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.focus();
    expect(focused()).to.equal(el.radios[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('pickup');
    expect(focused()).to.equal(el.radios[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal('drone');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('courier');
    await sendKeys({ press: 'ArrowUp' });
    expect(el.value).to.equal('drone');
    expect(changes).to.equal(4);
    await el.updateComplete;
    expect(el.radios.map((r) => r.tabIndex)).to.deep.equal([-1, -1, -1, 0]);
  });

  it('selects the focused radio with Space', async () => {
    const el = await fixture<MaRadioGroup>(group());
    el.focus();
    await sendKeys({ press: 'Space' });
    expect(el.value).to.equal('courier');
  });

  it('Tab enters the group once and leaves it', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><button>before</button>${group('pickup')}<button>after</button></div>`);
    const el = root.querySelector('ma-radio-group')!;
    root.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(el.radios[1]);
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(root.querySelectorAll('button')[1]);
  });

  it('selects on click and fires input and change', async () => {
    const el = await fixture<MaRadioGroup>(group());
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    const change = oneEvent(el, 'change');
    el.radios[3]!.click();
    await change;
    expect(el.value).to.equal('drone');
    expect(inputs).to.equal(1);
    el.radios[2]!.click();
    expect(el.value).to.equal('drone');
  });

  it('submits its value, resets, and blocks submit when required', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <ma-radio-group name="size" value="m" required label="Size">
        <ma-radio value="s">S</ma-radio><ma-radio value="m">M</ma-radio>
      </ma-radio-group>
    </form>`);
    const el = form.querySelector('ma-radio-group')!;
    expect(new FormData(form).get('size')).to.equal('m');
    el.value = 's';
    await el.updateComplete;
    expect(new FormData(form).get('size')).to.equal('s');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('m');
    el.value = '';
    await el.updateComplete;
    let submitted = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    form.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.equal('Choose an option');
  });

  it('is disabled by a fieldset: no Tab stop, no selection', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled>${group('pickup')}</fieldset></form>`);
    const el = form.querySelector('ma-radio-group')!;
    await el.updateComplete;
    expect(el.radios.every((r) => r.tabIndex === -1 && r.getAttribute('aria-disabled') === 'true')).to.equal(true);
    el.radios[0]!.click();
    expect(el.value).to.equal('pickup');
    expect(new FormData(form).has('delivery')).to.equal(false);
  });

  it('restores a saved state', async () => {
    const el = await fixture<MaRadioGroup>(group());
    el.formStateRestoreCallback('drone');
    await el.updateComplete;
    expect(el.radios[3]!.getAttribute('aria-checked')).to.equal('true');
  });

  it('focuses the chosen radio when an outer label is clicked', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="g">Size</label>
      <ma-radio-group id="g" value="m"><ma-radio value="s">S</ma-radio><ma-radio value="m">M</ma-radio></ma-radio-group></div>`);
    const el = root.querySelector('ma-radio-group')!;
    root.querySelector('label')!.click();
    expect(focused()).to.equal(el.radios[1]);
    expect(el.shadowRoot!.querySelector('[role=radiogroup]')!.getAttribute('aria-label')).to.equal('Size');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaRadioGroup>(group('pickup'));
    await checkA11yBothSchemes(el);
    el.error = 'Not available';
    await checkA11yBothSchemes(el);
  });
});
