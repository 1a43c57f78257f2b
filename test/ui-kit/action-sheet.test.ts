import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../ui-kit/components/action-sheet/action-sheet.ts';
import type { MaActionSheet, SheetAction } from '../../ui-kit/components/action-sheet/action-sheet.ts';
import { deepActiveElement } from '../../ui-kit/base/modal.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const actions: SheetAction[] = [
  { value: 'copy', label: 'Copy' },
  { value: 'edit', label: 'Edit', disabled: true },
  { value: 'delete', label: 'Delete', destructive: true },
];

async function setup(heading = 'Message') {
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="opener">More</button>
    <ma-action-sheet heading=${heading} .actions=${actions}></ma-action-sheet>
  </div>`);
  const sheet = root.querySelector('ma-action-sheet')!;
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  return { sheet, opener };
}
const buttons = (sheet: MaActionSheet) => Array.from(sheet.shadowRoot!.querySelectorAll<HTMLButtonElement>('button'));

describe('ma-action-sheet', () => {
  it('lists the actions, destructive and disabled ones marked, then Cancel', async () => {
    const { sheet } = await setup();
    void sheet.show();
    await sheet.updateComplete;
    expect(buttons(sheet).map((b) => b.textContent!.trim())).to.deep.equal(['Copy', 'Edit', 'Delete', 'Cancel']);
    expect(buttons(sheet)[1]!.disabled).to.equal(true);
    expect(buttons(sheet)[2]!.classList.contains('destructive')).to.equal(true);
    expect(sheet.shadowRoot!.querySelector('dialog')!.matches(':modal')).to.equal(true);
  });

  it('returns the chosen action and gives focus back', async () => {
    const { sheet, opener } = await setup();
    const result = sheet.show();
    await sheet.updateComplete;
    expect(deepActiveElement()).to.equal(buttons(sheet)[0]);
    const closed = oneEvent(sheet, 'ma-close');
    buttons(sheet)[2]!.click();
    expect(await result).to.equal('delete');
    expect((await closed).detail).to.deep.equal({ reason: 'action', action: 'delete' });
    await sheet.updateComplete;
    expect(document.activeElement).to.equal(opener);
  });

  it('returns null on Cancel, Escape and a scrim click', async () => {
    const { sheet } = await setup();
    let result = sheet.show();
    await sheet.updateComplete;
    buttons(sheet)[3]!.click();
    expect(await result).to.equal(null);

    result = sheet.show();
    await sheet.updateComplete;
    await sendKeys({ press: 'Escape' });
    expect(await result).to.equal(null);

    result = sheet.show();
    await sheet.updateComplete;
    const closed = oneEvent(sheet, 'ma-close');
    await sendMouse({ type: 'click', position: [3, 3] });
    expect((await closed).detail.reason).to.equal('scrim');
    expect(await result).to.equal(null);
  });

  it('stays open when shown again before the last close has been announced', async () => {
    const { sheet } = await setup();
    const first = sheet.show();
    await sheet.updateComplete;
    sheet.close('cancel');
    await sheet.updateComplete;
    expect(await first).to.equal(null);
    // The dialog's own close event is a task queued by dialog.close(); a user can reopen first.
    const second = sheet.show();
    await sheet.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sheet.open, 'the second show() is still open').to.equal(true);
    expect(sheet.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    buttons(sheet)[0]!.click();
    expect(await second).to.equal('copy');
  });

  it('when the browser closes the dialog itself, still unlocks the page and gives focus back', async () => {
    const { sheet, opener } = await setup();
    const result = sheet.show();
    await sheet.updateComplete;
    expect(document.documentElement.style.overflow).to.equal('hidden');
    const closed = oneEvent(sheet, 'ma-close');
    sheet.shadowRoot!.querySelector('dialog')!.close();
    expect((await closed).detail.reason).to.equal('escape');
    expect(await result).to.equal(null);
    await sheet.updateComplete;
    expect(document.documentElement.style.overflow, 'the page scrolls again').to.equal('');
    expect(document.activeElement).to.equal(opener);
  });

  it('traps Tab, skipping the disabled action', async () => {
    const { sheet } = await setup();
    void sheet.show();
    await sheet.updateComplete;
    const [copy, , remove, cancel] = buttons(sheet);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(remove);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(cancel);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(copy);
  });

  it('is named even without a heading', async () => {
    const { sheet } = await setup('');
    void sheet.show();
    await sheet.updateComplete;
    expect(sheet.shadowRoot!.querySelector('dialog')!.getAttribute('aria-label')).to.equal('More');
  });

  it('has no axe violations in light and dark while open', async () => {
    const { sheet } = await setup();
    void sheet.show();
    await checkA11yBothSchemes(sheet);
  });
});
