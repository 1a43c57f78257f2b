import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/select/select.ts';
import type { MaSelect, SelectOption } from '../../ui-kit/components/select/select.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const options: SelectOption[] = [
  { value: 'food', label: 'Food & drinks' },
  { value: 'games', label: 'Games' },
  { value: 'travel', label: 'Travel', disabled: true },
];
const inner = (el: MaSelect) => el.shadowRoot!.querySelector('select')!;

describe('ma-select', () => {
  it('renders its options after a placeholder', async () => {
    const el = await fixture<MaSelect>(html`<ma-select label="Category" .options=${options}></ma-select>`);
    const labels = Array.from(inner(el).options, (o) => o.textContent!.trim());
    expect(labels).to.deep.equal(['Choose', 'Food & drinks', 'Games', 'Travel']);
    expect(inner(el).options[3]!.disabled).to.equal(true);
    expect(inner(el).value).to.equal('');
    expect(inner(el).labels![0]!.textContent).to.equal('Category');
  });

  it('reads options from a JSON attribute and shows the value', async () => {
    const el = await fixture<MaSelect>(html`<ma-select label="Category" value="games" options=${JSON.stringify(options)}></ma-select>`);
    expect(inner(el).value).to.equal('games');
  });

  it('changes with the keyboard and fires change', async () => {
    const el = await fixture<MaSelect>(html`<ma-select label="Category" value="food" .options=${options}></ma-select>`);
    el.focus();
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowDown' });
    await change;
    expect(el.value).to.equal('games');
  });

  it('submits, resets and requires a choice', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ma-select name="category" required value="food" label="Category" .options=${options}></ma-select></form>`,
    );
    const el = form.querySelector('ma-select')!;
    expect(new FormData(form).get('category')).to.equal('food');
    el.value = '';
    await el.updateComplete;
    expect(new FormData(form).has('category')).to.equal(false);
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
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('food');
    expect(inner(el).value).to.equal('food');
  });

  it('is disabled by a fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><ma-select label="C" .options=${options}></ma-select></fieldset></form>`);
    const el = form.querySelector('ma-select')!;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
  });

  it('focuses when an outer label is clicked', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="s">Pick</label><ma-select id="s" .options=${options}></ma-select></div>`);
    const el = root.querySelector('ma-select')!;
    root.querySelector('label')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    expect(inner(el).getAttribute('aria-label')).to.equal('Pick');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaSelect>(html`<div>
      <ma-select label="Empty" .options=${options}></ma-select>
      <ma-select label="Filled" value="games" .options=${options}></ma-select>
      <ma-select label="Error" error="Pick another" .options=${options}></ma-select>
    </div>`);
    await checkA11yBothSchemes(el);
  });
});
