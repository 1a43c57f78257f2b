import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/segmented-control/segmented-control.ts';
import type { MaSegmentedControl, Segment } from '../../ui-kit/components/segmented-control/segmented-control.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const segments: Segment[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month', disabled: true },
  { value: 'year', label: 'Year' },
];
const buttons = (el: MaSegmentedControl) => Array.from(el.shadowRoot!.querySelectorAll('button'));

describe('ma-segmented-control', () => {
  it('renders a labelled radiogroup of segments', async () => {
    const el = await fixture<MaSegmentedControl>(html`<ma-segmented-control label="Period" value="week" .segments=${segments}></ma-segmented-control>`);
    expect(el.shadowRoot!.querySelector('[role=radiogroup]')!.getAttribute('aria-labelledby')).to.equal('label');
    expect(buttons(el).map((b) => b.getAttribute('aria-checked'))).to.deep.equal(['false', 'true', 'false', 'false']);
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
  });

  it('moves and selects with arrow keys, skipping disabled segments', async () => {
    const el = await fixture<MaSegmentedControl>(html`<ma-segmented-control label="Period" value="week" .segments=${segments}></ma-segmented-control>`);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[1]);
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowRight' });
    await change;
    expect(el.value).to.equal('year');
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal('day');
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.value).to.equal('year');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[3]);
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, 0]);
  });

  it('selects on click and fires input', async () => {
    const el = await fixture<MaSegmentedControl>(html`<ma-segmented-control label="Period" .segments=${segments}></ma-segmented-control>`);
    const input = oneEvent(el, 'input');
    buttons(el)[0]!.click();
    await input;
    expect(el.value).to.equal('day');
  });

  it('submits, resets and requires a choice', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <ma-segmented-control name="period" required label="Period" .segments=${segments}></ma-segmented-control>
    </form>`);
    const el = form.querySelector('ma-segmented-control')!;
    expect(new FormData(form).has('period')).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
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
    buttons(el)[1]!.click();
    await el.updateComplete;
    expect(new FormData(form).get('period')).to.equal('week');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
  });

  it('is disabled by a fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
      <ma-segmented-control name="p" value="day" label="P" .segments=${segments}></ma-segmented-control></fieldset></form>`);
    const el = form.querySelector('ma-segmented-control')!;
    await el.updateComplete;
    expect(buttons(el).every((b) => b.disabled)).to.equal(true);
    expect(new FormData(form).has('p')).to.equal(false);
  });

  it('focuses the chosen segment when an outer label is clicked', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><label for="s">View</label>
      <ma-segmented-control id="s" value="year" .segments=${segments}></ma-segmented-control></div>`);
    const el = root.querySelector('ma-segmented-control')!;
    root.querySelector('label')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[3]);
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaSegmentedControl>(html`<ma-segmented-control label="Period" value="week" .segments=${segments}></ma-segmented-control>`);
    await checkA11yBothSchemes(el);
  });
});
