import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { toast } from '../../ui-kit/components/snackbar/snackbar.ts';
import type { MaSnackbar } from '../../ui-kit/components/snackbar/snackbar.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const bar = (el: MaSnackbar) => el.shadowRoot!.querySelector('.bar');

describe('ma-snackbar', () => {
  afterEach(() => document.querySelectorAll('ma-snackbar').forEach((el) => el.remove()));

  it('shows its text inside a polite status region', async () => {
    const el = await fixture<MaSnackbar>(html`<ma-snackbar text="Saved" duration="0"></ma-snackbar>`);
    const region = el.shadowRoot!.querySelector('[role=status]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(bar(el)).to.equal(null);
    el.open = true;
    await el.updateComplete;
    expect(region.textContent!.trim()).to.equal('Saved');
  });

  it('hides itself after its duration', async () => {
    const el = await fixture<MaSnackbar>(html`<ma-snackbar text="Saved" duration="60"></ma-snackbar>`);
    el.open = true;
    const closed = await oneEvent(el, 'ma-close');
    expect(closed.detail.reason).to.equal('timeout');
    await el.updateComplete;
    expect(bar(el)).to.equal(null);
  });

  it('stays while pointed at', async () => {
    const el = await fixture<MaSnackbar>(html`<ma-snackbar text="Saved" duration="100"></ma-snackbar>`);
    el.open = true;
    await el.updateComplete;
    const rect = bar(el)!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.left + 10), Math.round(rect.top + 10)] });
    await aTimeout(200);
    expect(el.open).to.equal(true);
    await sendMouse({ type: 'move', position: [0, 0] });
    await oneEvent(el, 'ma-close');
  });

  it('fires ma-action and closes when its action is pressed', async () => {
    const el = await fixture<MaSnackbar>(html`<ma-snackbar open text="Deleted" action-label="Undo" duration="0"></ma-snackbar>`);
    const action = oneEvent(el, 'ma-action');
    const closed = oneEvent(el, 'ma-close');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=action]')!.click();
    await action;
    expect((await closed).detail.reason).to.equal('action');
  });

  it('toast() shows one snackbar at a time and removes it when closed', async () => {
    let undone = 0;
    const first = toast('First', { duration: 0 });
    await first.updateComplete;
    await first.updateComplete;
    expect(first.open).to.equal(true);
    const second = toast('Second', { duration: 0, actionLabel: 'Undo', onAction: () => undone++ });
    expect(first.isConnected).to.equal(false);
    await second.updateComplete;
    await second.updateComplete;
    second.shadowRoot!.querySelector<HTMLButtonElement>('[part=action]')!.click();
    expect(undone).to.equal(1);
    expect(second.isConnected).to.equal(false);
    expect(document.querySelectorAll('ma-snackbar').length).to.equal(0);
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture<MaSnackbar>(html`<ma-snackbar open text="Saved" action-label="Undo" dismissible duration="0"></ma-snackbar>`);
    await checkA11yBothSchemes(el);
  });
});
