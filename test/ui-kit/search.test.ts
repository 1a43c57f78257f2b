import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/search/search.ts';
import type { MaSearch } from '../../ui-kit/components/search/search.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const inner = (el: MaSearch) => el.shadowRoot!.querySelector('input')!;
const button = (el: MaSearch, part: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part=${part}]`);

describe('ma-search', () => {
  it('renders a search field named "Search" by default', async () => {
    const el = await fixture<MaSearch>(html`<ma-search></ma-search>`);
    expect(inner(el).type).to.equal('search');
    expect(inner(el).getAttribute('aria-label')).to.equal('Search');
    expect(inner(el).placeholder).to.equal('Search');
  });

  it('fires ma-search once, debounced, after typing', async () => {
    // Long enough that typing five keys never outlasts it, even on a loaded machine.
    const el = await fixture<MaSearch>(html`<ma-search debounce="1000"></ma-search>`);
    const seen: string[] = [];
    el.addEventListener('ma-search', (e) => seen.push(e.detail.value));
    el.focus();
    await sendKeys({ type: 'pizza' });
    expect(seen).to.deep.equal([]);
    const event = await oneEvent(el, 'ma-search');
    expect(event.detail.value).to.equal('pizza');
    expect(seen).to.deep.equal(['pizza']);
  });

  it('fires ma-search at once on Enter, with no debounce', async () => {
    const el = await fixture<MaSearch>(html`<ma-search debounce="0"></ma-search>`);
    el.focus();
    await sendKeys({ type: 'sushi' });
    const event = oneEvent(el, 'ma-search');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.value).to.equal('sushi');
  });

  it('clears with the clear button and with Escape', async () => {
    const el = await fixture<MaSearch>(html`<ma-search value="tea"></ma-search>`);
    expect(button(el, 'clear-button')!.getAttribute('aria-label')).to.equal('Clear');
    const event = oneEvent(el, 'ma-search');
    button(el, 'clear-button')!.click();
    expect((await event).detail.value).to.equal('');
    expect(el.value).to.equal('');
    await sendKeys({ type: 'x' });
    expect(el.value).to.equal('x');
    await sendKeys({ press: 'Escape' });
    expect(el.value).to.equal('');
  });

  it('shows Cancel while focused; Cancel clears and blurs', async () => {
    const el = await fixture<MaSearch>(html`<div><ma-search lang="ru"></ma-search></div>`).then((d) => d.querySelector('ma-search')!);
    expect(button(el, 'cancel-button')).to.equal(null);
    el.focus();
    await sendKeys({ type: 'чай' });
    await el.updateComplete;
    const cancel = button(el, 'cancel-button')!;
    expect(cancel.textContent).to.equal('Отмена');
    cancel.click();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(null);
    expect(button(el, 'cancel-button')).to.equal(null);
  });

  it('submits its value with a form and resets', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ma-search name="q" value="a"></ma-search></form>`);
    const el = form.querySelector('ma-search')!;
    el.value = 'b';
    await el.updateComplete;
    expect(new FormData(form).get('q')).to.equal('b');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('a');
  });

  it('is disabled by a fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><ma-search name="q"></ma-search></fieldset></form>`);
    const el = form.querySelector('ma-search')!;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
  });

  it('focuses when an outer label is clicked', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="s">Find a shop</label><ma-search id="s"></ma-search></div>`);
    const el = root.querySelector('ma-search')!;
    root.querySelector('label')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    expect(inner(el).getAttribute('aria-label')).to.equal('Find a shop');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaSearch>(html`<ma-search value="coffee"></ma-search>`);
    await checkA11yBothSchemes(el);
  });
});
