import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/modal-page/modal-page.ts';
import type { MaModalPage } from '../../ui-kit/components/modal-page/modal-page.ts';
import '../../ui-kit/components/input/input.ts';
import { deepActiveElement } from '../../ui-kit/base/modal.ts';
import { checkA11yBothSchemes } from './helpers.ts';

describe('ma-modal-page', () => {
  async function setup() {
    const root = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">Edit profile</button>
      <ma-modal-page heading="Profile">
        <ma-input label="Name" value="Anna"></ma-input>
        <button slot="footer" id="save">Save</button>
      </ma-modal-page>
    </div>`);
    const page = root.querySelector('ma-modal-page')!;
    const opener = root.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    page.open = true;
    await page.updateComplete;
    return { root, page, opener };
  }

  it('takes nearly the full height of the viewport', async () => {
    const { page } = await setup();
    const dialog = page.shadowRoot!.querySelector('dialog')!;
    expect(dialog.getBoundingClientRect().height).to.be.greaterThan(window.innerHeight * 0.8);
  });

  it('traps Tab across its own header, slotted fields and the footer', async () => {
    const { root, page } = await setup();
    const close = page.shadowRoot!.querySelector('[part=close-button]');
    const field = root.querySelector('ma-input')!.shadowRoot!.querySelector('input');
    expect(deepActiveElement()).to.equal(close);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(field);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(root.querySelector('#save'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(close);
  });

  it('closes on Escape and returns focus', async () => {
    const { page, opener } = await setup();
    const closed = oneEvent(page as MaModalPage, 'ma-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.reason).to.equal('escape');
    await page.updateComplete;
    expect(document.activeElement).to.equal(opener);
  });

  it('resolves show() with null when closed without an action', async () => {
    const { page } = await setup();
    page.open = false;
    await page.updateComplete;
    const result = page.show();
    await page.updateComplete;
    page.close('close-button');
    expect(await result).to.equal(null);
  });

  it('has no axe violations in light and dark while open', async () => {
    const { page } = await setup();
    await checkA11yBothSchemes(page);
  });
});
