import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/textarea/textarea.ts';
import type { MaTextarea } from '../../ui-kit/components/textarea/textarea.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const inner = (el: MaTextarea) => el.shadowRoot!.querySelector('textarea')!;

describe('ma-textarea', () => {
  it('renders a labelled native textarea', async () => {
    const el = await fixture<MaTextarea>(html`<ma-textarea label="Comment" placeholder="Write…"></ma-textarea>`);
    expect(inner(el).labels![0]!.textContent).to.equal('Comment');
    expect(inner(el).placeholder).to.equal('Write…');
  });

  it('grows with its text', async () => {
    const el = await fixture<MaTextarea>(html`<ma-textarea label="Comment" rows="2" style="width: 300px"></ma-textarea>`);
    const before = inner(el).getBoundingClientRect().height;
    el.value = 'line\n'.repeat(6);
    await el.updateComplete;
    expect(inner(el).getBoundingClientRect().height).to.be.greaterThan(before * 2);
  });

  it('counts characters against maxlength', async () => {
    const el = await fixture<MaTextarea>(html`<ma-textarea label="Comment" maxlength="10"></ma-textarea>`);
    el.focus();
    await sendKeys({ type: 'hello' });
    expect(el.value).to.equal('hello');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.counter')!.textContent!.replace(/\s/g, '')).to.equal('5/10');
  });

  it('fires change on commit', async () => {
    const el = await fixture<MaTextarea>(html`<ma-textarea label="Comment"></ma-textarea>`);
    el.focus();
    await sendKeys({ type: 'x' });
    const change = oneEvent(el, 'change');
    inner(el).blur();
    await change;
  });

  it('submits, resets, and validates required and minlength', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ma-textarea name="text" value="Hi" required minlength="5" label="Text"></ma-textarea></form>`,
    );
    const el = form.querySelector('ma-textarea')!;
    await el.updateComplete;
    expect(new FormData(form).get('text')).to.equal('Hi');
    expect(el.validity.tooShort).to.equal(true);
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
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.equal('Fill in this field');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('Hi');
  });

  it('is disabled by a fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><ma-textarea name="t" label="T"></ma-textarea></fieldset></form>`);
    const el = form.querySelector('ma-textarea')!;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
  });

  it('focuses when an outer label is clicked', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="t">About</label><ma-textarea id="t"></ma-textarea></div>`);
    const el = root.querySelector('ma-textarea')!;
    root.querySelector('label')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaTextarea>(html`<ma-textarea label="Comment" value="Text" maxlength="100" helper-text="Optional"></ma-textarea>`);
    await checkA11yBothSchemes(el);
  });
});
