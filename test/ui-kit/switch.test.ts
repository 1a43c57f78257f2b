import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/switch/switch.ts';
import type { MaSwitch } from '../../ui-kit/components/switch/switch.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const inner = (el: MaSwitch) => el.shadowRoot!.querySelector('input')!;

describe('ma-switch', () => {
  it('renders a native checkbox with role switch, named by its label', async () => {
    const el = await fixture<MaSwitch>(html`<ma-switch label="Remember me" checked></ma-switch>`);
    expect(inner(el).getAttribute('role')).to.equal('switch');
    expect(inner(el).checked).to.equal(true);
    expect(inner(el).labels![0]!.textContent).to.contain('Remember me');
  });

  it('toggles on click and fires input and change', async () => {
    const el = await fixture<MaSwitch>(html`<ma-switch label="A"></ma-switch>`);
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    const change = oneEvent(el, 'change');
    inner(el).click();
    await change;
    expect(el.checked).to.equal(true);
    expect(inputs).to.equal(1);
  });

  it('toggles with Space', async () => {
    const el = await fixture<MaSwitch>(html`<ma-switch label="A"></ma-switch>`);
    el.focus();
    await sendKeys({ press: 'Space' });
    expect(el.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    expect(el.checked).to.equal(false);
  });

  it('submits its value only when checked, and resets to the checked attribute', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ma-switch name="news" value="yes" label="News"></ma-switch></form>`);
    const el = form.querySelector('ma-switch')!;
    expect(new FormData(form).has('news')).to.equal(false);
    el.checked = true;
    await el.updateComplete;
    expect(new FormData(form).get('news')).to.equal('yes');
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.equal(false);
  });

  it('blocks submit when required and unchecked, with the message', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ma-switch name="terms" required label="I accept"></ma-switch></form>`);
    const el = form.querySelector('ma-switch')!;
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
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><ma-switch name="a" checked label="A"></ma-switch></fieldset></form>`);
    const el = form.querySelector('ma-switch')!;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
    expect(new FormData(form).has('a')).to.equal(false);
  });

  it('restores a saved state', async () => {
    const el = await fixture<MaSwitch>(html`<ma-switch label="A"></ma-switch>`);
    el.formStateRestoreCallback('checked');
    expect(el.checked).to.equal(true);
    el.formStateRestoreCallback('');
    expect(el.checked).to.equal(false);
  });

  it('toggles when an outer label is clicked', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="c">Terms</label><ma-switch id="c"></ma-switch></div>`);
    const el = root.querySelector('ma-switch')!;
    root.querySelector('label')!.click();
    await el.updateComplete;
    expect(el.checked).to.equal(true);
    expect(inner(el).getAttribute('aria-label')).to.equal('Terms');
  });

  it('toggles when a wrapping label is clicked', async () => {
    const label = await fixture<HTMLLabelElement>(html`<label>Wrap <ma-switch></ma-switch></label>`);
    const el = label.querySelector('ma-switch')!;
    (label.firstChild as Text).parentElement!.click();
    await el.updateComplete;
    expect(el.checked).to.equal(true);
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaSwitch>(html`<div>
      <ma-switch label="Checked" checked></ma-switch>
      <ma-switch label="Off" helper-text="Hint"></ma-switch>
      <ma-switch label="Disabled" disabled></ma-switch>
      <ma-switch error="Must be checked">With <a href="#terms">terms</a></ma-switch>
    </div>`);
    await checkA11yBothSchemes(el);
  });
});
