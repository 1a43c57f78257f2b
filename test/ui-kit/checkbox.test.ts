import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/checkbox/checkbox.ts';
import type { MaCheckbox } from '../../ui-kit/components/checkbox/checkbox.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const inner = (el: MaCheckbox) => el.shadowRoot!.querySelector('input')!;

describe('ma-checkbox', () => {
  it('renders a native checkbox named by its label', async () => {
    const el = await fixture<MaCheckbox>(html`<ma-checkbox label="Remember me" checked></ma-checkbox>`);
    expect(inner(el).type).to.equal('checkbox');
    expect(inner(el).checked).to.equal(true);
    expect(inner(el).labels![0]!.textContent).to.contain('Remember me');
  });

  it('toggles on click and fires input and change', async () => {
    const el = await fixture<MaCheckbox>(html`<ma-checkbox label="A"></ma-checkbox>`);
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    const change = oneEvent(el, 'change');
    inner(el).click();
    await change;
    expect(el.checked).to.equal(true);
    expect(inputs).to.equal(1);
  });

  it('toggles with Space', async () => {
    const el = await fixture<MaCheckbox>(html`<ma-checkbox label="A"></ma-checkbox>`);
    el.focus();
    await sendKeys({ press: 'Space' });
    expect(el.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    expect(el.checked).to.equal(false);
  });

  it('shows indeterminate until toggled', async () => {
    const el = await fixture<MaCheckbox>(html`<ma-checkbox label="All" indeterminate></ma-checkbox>`);
    expect(inner(el).indeterminate).to.equal(true);
    inner(el).click();
    await el.updateComplete;
    expect(el.indeterminate).to.equal(false);
    expect(el.checked).to.equal(true);
  });

  it('submits its value only when checked, and resets to the checked attribute', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ma-checkbox name="news" value="yes" label="News"></ma-checkbox></form>`);
    const el = form.querySelector('ma-checkbox')!;
    expect(new FormData(form).has('news')).to.equal(false);
    el.checked = true;
    await el.updateComplete;
    expect(new FormData(form).get('news')).to.equal('yes');
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.equal(false);
  });

  it('blocks submit when required and unchecked, with the message', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ma-checkbox name="terms" required label="I accept"></ma-checkbox></form>`);
    const el = form.querySelector('ma-checkbox')!;
    let submitted = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    form.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.equal('Check this to continue');
    inner(el).click();
    await el.updateComplete;
    form.requestSubmit();
    expect(submitted).to.equal(true);
  });

  it('is disabled by a fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><ma-checkbox name="a" checked label="A"></ma-checkbox></fieldset></form>`);
    const el = form.querySelector('ma-checkbox')!;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
    expect(new FormData(form).has('a')).to.equal(false);
  });

  it('restores a saved state', async () => {
    const el = await fixture<MaCheckbox>(html`<ma-checkbox label="A"></ma-checkbox>`);
    el.formStateRestoreCallback('checked');
    expect(el.checked).to.equal(true);
    el.formStateRestoreCallback('');
    expect(el.checked).to.equal(false);
  });

  it('toggles when an outer label is clicked', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="c">Terms</label><ma-checkbox id="c"></ma-checkbox></div>`);
    const el = root.querySelector('ma-checkbox')!;
    root.querySelector('label')!.click();
    await el.updateComplete;
    expect(el.checked).to.equal(true);
    expect(inner(el).getAttribute('aria-label')).to.equal('Terms');
  });

  it('toggles when a wrapping label is clicked', async () => {
    const label = await fixture<HTMLLabelElement>(html`<label>Wrap <ma-checkbox></ma-checkbox></label>`);
    const el = label.querySelector('ma-checkbox')!;
    (label.firstChild as Text).parentElement!.click();
    await el.updateComplete;
    expect(el.checked).to.equal(true);
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaCheckbox>(html`<div>
      <ma-checkbox label="Checked" checked></ma-checkbox>
      <ma-checkbox label="Mixed" indeterminate></ma-checkbox>
      <ma-checkbox label="Off" helper-text="Hint"></ma-checkbox>
      <ma-checkbox label="Disabled" disabled></ma-checkbox>
      <ma-checkbox error="Must be checked">With <a href="#terms">terms</a></ma-checkbox>
    </div>`);
    await checkA11yBothSchemes(el);
  });
});
