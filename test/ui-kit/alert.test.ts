import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../ui-kit/components/alert/alert.ts';
import type { AlertAction, MaAlert } from '../../ui-kit/components/alert/alert.ts';
import { deepActiveElement } from '../../ui-kit/base/modal.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const actions: AlertAction[] = [
  { value: 'cancel', label: 'Keep', mode: 'cancel' },
  { value: 'delete', label: 'Delete', mode: 'destructive' },
];

async function setup() {
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="opener">Delete</button>
    <ma-alert heading="Delete the message?" text="It will be deleted for everyone." .actions=${actions}></ma-alert>
  </div>`);
  const alert = root.querySelector('ma-alert')!;
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  return { root, alert, opener };
}
const buttons = (alert: MaAlert) => Array.from(alert.shadowRoot!.querySelectorAll<HTMLButtonElement>('.action'));

describe('ma-alert', () => {
  it('is a modal alertdialog labelled by its title and described by its text', async () => {
    const { alert } = await setup();
    void alert.show();
    await alert.updateComplete;
    const dialog = alert.shadowRoot!.querySelector('dialog')!;
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(alert.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Delete the message?');
    expect(alert.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).to.equal('It will be deleted for everyone.');
  });

  it('focuses the safe action and traps Tab between the actions', async () => {
    const { alert } = await setup();
    void alert.show();
    await alert.updateComplete;
    const [keep, remove] = buttons(alert);
    expect(deepActiveElement()).to.equal(keep);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(remove);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(keep);
  });

  it('resolves show() with the chosen action and returns focus', async () => {
    const { alert, opener } = await setup();
    const result = alert.show();
    await alert.updateComplete;
    const closed = oneEvent(alert, 'ma-close');
    buttons(alert)[1]!.click();
    expect(await result).to.equal('delete');
    expect((await closed).detail).to.deep.equal({ reason: 'action', action: 'delete' });
    await alert.updateComplete;
    expect(document.activeElement).to.equal(opener);
  });

  it('resolves null on Escape', async () => {
    const { alert } = await setup();
    const result = alert.show();
    await alert.updateComplete;
    await sendKeys({ press: 'Escape' });
    expect(await result).to.equal(null);
  });

  it('ignores a scrim click', async () => {
    const { alert } = await setup();
    void alert.show();
    await alert.updateComplete;
    await sendMouse({ type: 'click', position: [3, 3] });
    await alert.updateComplete;
    expect(alert.open).to.equal(true);
  });

  it('offers a localized OK when no actions are given', async () => {
    const el = await fixture<MaAlert>(html`<ma-alert lang="ru" heading="Готово" text="Заявка отправлена"></ma-alert>`);
    void el.show();
    await el.updateComplete;
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['ОК']);
  });

  it('has no axe violations in light and dark while open', async () => {
    const { alert } = await setup();
    void alert.show();
    await checkA11yBothSchemes(alert);
  });
});
