import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../ui-kit/components/bottom-sheet/bottom-sheet.ts';
import '../../ui-kit/components/input/input.ts';
import { deepActiveElement } from '../../ui-kit/base/modal.ts';
import { checkA11yBothSchemes, nextFrame } from './helpers.ts';

async function setup(attrs = '') {
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="opener">Open</button>
    <ma-bottom-sheet heading="Filters" .persistent=${attrs.includes('persistent')} .swipe=${attrs.includes('swipe')}>
      <p>Pick what to show</p>
      <button id="first">Apply</button>
      <button id="last">Reset</button>
    </ma-bottom-sheet>
  </div>`);
  const sheet = root.querySelector('ma-bottom-sheet')!;
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  sheet.open = true;
  await sheet.updateComplete;
  const dialog = sheet.shadowRoot!.querySelector('dialog')!;
  await Promise.all(sheet.shadowRoot!.getAnimations().map((animation) => animation.finished));
  const closeButton = sheet.shadowRoot!.querySelector<HTMLButtonElement>('[part=close-button]')!;
  return { root, sheet, opener, dialog, closeButton };
}

describe('ma-bottom-sheet', () => {
  it('opens as a modal dialog labelled by its heading, with focus inside', async () => {
    const { sheet, dialog, closeButton } = await setup();
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('heading');
    expect(sheet.shadowRoot!.getElementById('heading')!.textContent).to.equal('Filters');
    expect(deepActiveElement()).to.equal(closeButton);
    expect(closeButton.getAttribute('aria-label')).to.equal('Close');
  });

  it('makes the page behind inert', async () => {
    const { opener, closeButton } = await setup();
    opener.focus();
    expect(deepActiveElement()).to.equal(closeButton);
  });

  it('focuses a slotted field marked autofocus on open', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <ma-bottom-sheet heading="Rename"><ma-input label="Name" autofocus></ma-input></ma-bottom-sheet>
    </div>`);
    const sheet = root.querySelector('ma-bottom-sheet')!;
    sheet.open = true;
    await sheet.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('ma-input')!.shadowRoot!.querySelector('input'));
  });

  it('keeps Tab inside, both ways', async () => {
    const { root, closeButton } = await setup();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(root.querySelector('#first'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(root.querySelector('#last'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(closeButton);
    await sendKeys({ press: 'Shift+Tab' });
    expect(deepActiveElement()).to.equal(root.querySelector('#last'));
  });

  it('closes on Escape with reason escape and returns focus to the opener', async () => {
    const { sheet, opener, dialog } = await setup();
    const closed = oneEvent(sheet, 'ma-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.reason).to.equal('escape');
    await sheet.updateComplete;
    expect(sheet.open).to.equal(false);
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('closes with the close button', async () => {
    const { sheet, closeButton } = await setup();
    const closed = oneEvent(sheet, 'ma-close');
    closeButton.click();
    expect((await closed).detail.reason).to.equal('close-button');
  });

  it('closes on a scrim click unless persistent', async () => {
    const { sheet } = await setup();
    const closed = oneEvent(sheet, 'ma-close');
    await sendMouse({ type: 'click', position: [5, 5] });
    expect((await closed).detail.reason).to.equal('scrim');

    const persistent = await setup('persistent');
    await sendMouse({ type: 'click', position: [5, 5] });
    await persistent.sheet.updateComplete;
    expect(persistent.sheet.open).to.equal(true);
  });

  it('does not close on a click inside the sheet', async () => {
    const { sheet, root } = await setup();
    root.querySelector<HTMLElement>('p')!.click();
    await sheet.updateComplete;
    expect(sheet.open).to.equal(true);
  });

  it('closes when the header is dragged down, with swipe', async () => {
    const { sheet } = await setup('swipe');
    const header = sheet.shadowRoot!.querySelector('header')!.getBoundingClientRect();
    const x = Math.round(header.left + 20);
    const y = Math.round(header.top + header.height / 2);
    const closed = oneEvent(sheet, 'ma-close');
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, y + 60] });
    await sendMouse({ type: 'move', position: [x, y + 150] });
    await sendMouse({ type: 'up' });
    expect((await closed).detail.reason).to.equal('swipe');
  });

  it('springs back after a short drag', async () => {
    const { sheet } = await setup('swipe');
    const header = sheet.shadowRoot!.querySelector('header')!.getBoundingClientRect();
    const x = Math.round(header.left + 20);
    const y = Math.round(header.top + header.height / 2);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, y + 30] });
    const panel = sheet.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    expect(panel.style.transform).to.equal('translateY(30px)');
    await sendMouse({ type: 'up' });
    await nextFrame();
    expect(sheet.open).to.equal(true);
    expect(panel.style.transform).to.equal('');
  });

  it('has no axe violations in light and dark while open', async () => {
    const { sheet } = await setup();
    await checkA11yBothSchemes(sheet);
  });
});

describe('ma-bottom-sheet page scroll', () => {
  it('locks the page scroll while open and releases it on close', async () => {
    const sheet = await fixture<HTMLElement & { open: boolean; updateComplete: Promise<boolean> }>(
      html`<ma-bottom-sheet heading="Scroll"><p>Body</p></ma-bottom-sheet>`,
    );
    sheet.open = true;
    await sheet.updateComplete;
    expect(document.documentElement.style.overflow).to.equal('hidden');
    sheet.open = false;
    await sheet.updateComplete;
    expect(document.documentElement.style.overflow).to.equal('');
  });
});
