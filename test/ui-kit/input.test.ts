import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/input/input.ts';
import type { MaInput } from '../../ui-kit/components/input/input.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const inner = (el: MaInput) => el.shadowRoot!.querySelector('input')!;
const errorText = (el: MaInput) => el.shadowRoot!.querySelector('.error')?.textContent?.trim() ?? '';

describe('ma-input', () => {
  it('renders its label, placeholder and helper text, and names the inner field', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="Name" placeholder="Ivan" helper-text="As in passport"></ma-input>`);
    const input = inner(el);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Name');
    expect(input.placeholder).to.equal('Ivan');
    expect(input.labels![0]!.textContent).to.equal('Name');
    expect(el.shadowRoot!.querySelector('.help')!.textContent).to.equal('As in passport');
    expect(input.getAttribute('aria-describedby')).to.equal('help');
  });

  it('passes its type to the inner field', async () => {
    const el = await fixture<MaInput>(html`<ma-input type="email" label="E-mail"></ma-input>`);
    expect(inner(el).type).to.equal('email');
  });

  it('updates value on typing and fires input, then change on commit', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="Name"></ma-input>`);
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    el.focus();
    await sendKeys({ type: 'abc' });
    expect(el.value).to.equal('abc');
    expect(inputs).to.equal(3);
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'Tab' });
    await change;
  });

  it('submits its value with a native form and resets to the value attribute', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ma-input name="city" value="Kazan" label="City"></ma-input></form>`);
    const el = form.querySelector('ma-input')!;
    el.value = 'Perm';
    await el.updateComplete;
    expect(new FormData(form).get('city')).to.equal('Perm');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('Kazan');
    expect(new FormData(form).get('city')).to.equal('Kazan');
  });

  it('submits the surrounding form on Enter with its submit button, as a native field does', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ma-input name="phone" label="Phone"></ma-input><button type="submit" name="go" value="code">Get code</button></form>`,
    );
    const el = form.querySelector('ma-input')!;
    const submits: (string | null)[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits.push(((event as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? null);
      submits.push(String(new FormData(form).get('phone')));
    });
    inner(el).focus();
    await sendKeys({ type: '89990000001' });
    await sendKeys({ press: 'Enter' });
    expect(submits).to.deep.equal(['code', '89990000001']);
    form.querySelector('button')!.disabled = true;
    await sendKeys({ press: 'Enter' });
    expect(submits).to.have.length(2);
    // Outside a form Enter does nothing but type.
    const lone = await fixture<MaInput>(html`<ma-input label="Alone"></ma-input>`);
    inner(lone).focus();
    await sendKeys({ press: 'Enter' });
    expect(lone.value).to.equal('');
  });

  it('on Enter clicks an <ma-button type="submit">, so its name, value and loading state count; with no submit button it submits plainly', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ma-input name="q" label="Query"></ma-input><ma-button name="go" value="find" type="submit">Find</ma-button></form>`,
    );
    const submits: (string | null)[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits.push(new FormData(form, (event as SubmitEvent).submitter).get('go') as string | null);
    });
    inner(form.querySelector('ma-input')!).focus();
    await sendKeys({ press: 'Enter' });
    expect(submits).to.deep.equal(['find']);
    form.querySelector('ma-button')!.loading = true;
    await sendKeys({ press: 'Enter' });
    expect(submits, 'a loading button ignores the click, as a disabled one does').to.have.length(1);
    form.querySelector('ma-button')!.remove();
    await sendKeys({ press: 'Enter' });
    expect(submits).to.deep.equal(['find', null]);
  });

  it('blocks submit when required and empty, and shows the message', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ma-input name="n" required label="Name"></ma-input></form>`);
    const el = form.querySelector('ma-input')!;
    let submitted = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    expect(errorText(el)).to.equal('');
    form.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(errorText(el)).to.equal('Fill in this field');
    expect(inner(el).getAttribute('aria-invalid')).to.equal('true');
    el.value = 'Ivan';
    await el.updateComplete;
    form.requestSubmit();
    expect(submitted).to.equal(true);
  });

  it('checks minlength, maxlength and pattern with messages in the page language', async () => {
    const el = await fixture<MaInput>(html`<ma-input lang="ru" label="Код" minlength="3" maxlength="5" pattern="[0-9]+"></ma-input>`);
    el.value = '12';
    await el.updateComplete;
    expect(el.validity.tooShort).to.equal(true);
    expect(el.validationMessage).to.equal('Не меньше 3 символов');
    el.value = '123456';
    await el.updateComplete;
    expect(el.validity.tooLong).to.equal(true);
    expect(el.validationMessage).to.equal('Не больше 5 символов');
    el.value = '12a';
    await el.updateComplete;
    expect(el.validity.patternMismatch).to.equal(true);
    el.value = '123';
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
  });

  it('ignores an invalid pattern, like a native input', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="Code" pattern="[" value="x"></ma-input>`);
    expect(el.checkValidity()).to.equal(true);
  });

  it('reports a bad e-mail as invalid', async () => {
    const el = await fixture<MaInput>(html`<ma-input type="email" label="E-mail" value="not-an-email"></ma-input>`);
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.typeMismatch).to.equal(true);
    expect(el.validationMessage).to.equal('Check this value');
  });

  it('shows a page-provided error at once and clears it', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="Name" error="Taken"></ma-input>`);
    await el.updateComplete;
    expect(errorText(el)).to.equal('Taken');
    expect(el.validity.customError).to.equal(true);
    el.error = '';
    await el.updateComplete;
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    expect(el.checkValidity()).to.equal(true);
  });

  it('shows the error after the user edits, not before', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="Code" minlength="3"></ma-input>`);
    el.focus();
    await sendKeys({ type: 'a' });
    expect(errorText(el)).to.equal('');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    await el.updateComplete;
    expect(errorText(el)).to.equal('At least 3 characters');
  });

  it('is disabled by a disabled fieldset and then not submitted', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><fieldset disabled><ma-input name="n" value="x" label="N"></ma-input></fieldset></form>`,
    );
    const el = form.querySelector('ma-input')!;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
    expect(new FormData(form).has('n')).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(false);
  });

  it('restores a saved state', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="N"></ma-input>`);
    el.formStateRestoreCallback('restored');
    expect(el.value).to.equal('restored');
  });

  it('focuses the inner field when its outer label is clicked, and takes its name', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="x">Street</label><ma-input id="x"></ma-input></div>`);
    const el = root.querySelector('ma-input')!;
    root.querySelector('label')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    expect(inner(el).getAttribute('aria-label')).to.equal('Street');
  });

  it('clears with the clear button', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="N" value="abc" clearable></ma-input>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    expect(button.getAttribute('aria-label')).to.equal('Clear');
    const change = oneEvent(el, 'change');
    button.click();
    await change;
    expect(el.value).to.equal('');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('has no axe violations in light and dark, filled, with an error and disabled', async () => {
    const el = await fixture<MaInput>(html`<ma-input label="Name" value="Ivan" helper-text="Hint" clearable></ma-input>`);
    await checkA11yBothSchemes(el);
    el.error = 'Wrong';
    await el.updateComplete;
    await checkA11yBothSchemes(el);
    el.disabled = true;
    await checkA11yBothSchemes(el);
  });
});
