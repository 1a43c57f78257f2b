import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/chip/chip.ts';
import type { MaChip } from '../../ui-kit/components/chip/chip.ts';
import { checkA11yBothSchemes } from './helpers.ts';

const removeButton = (el: MaChip) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="remove-button"]');

describe('ma-chip', () => {
  it('has a remove button only when removable, named after the chip', async () => {
    const el = await fixture<MaChip>(html`<ma-chip>Moscow</ma-chip>`);
    expect(removeButton(el)).to.equal(null);
    el.removable = true;
    await el.updateComplete;
    expect(removeButton(el)!.getAttribute('aria-label')).to.equal('Remove: Moscow');
  });

  it('fires ma-remove on click and on Delete, not when disabled', async () => {
    const el = await fixture<MaChip>(html`<ma-chip removable>Moscow</ma-chip>`);
    let removed = oneEvent(el, 'ma-remove');
    removeButton(el)!.click();
    expect((await removed).type).to.equal('ma-remove');
    removeButton(el)!.focus();
    removed = oneEvent(el, 'ma-remove');
    await sendKeys({ press: 'Delete' });
    await removed;
    el.disabled = true;
    await el.updateComplete;
    let count = 0;
    el.addEventListener('ma-remove', () => count++);
    removeButton(el)!.click();
    expect(count).to.equal(0);
  });

  it('speaks Russian under lang="ru"', async () => {
    const el = await fixture<HTMLElement>(html`<div lang="ru"><ma-chip removable>Казань</ma-chip></div>`);
    expect(removeButton(el.querySelector('ma-chip')!)!.getAttribute('aria-label')).to.equal('Удалить: Казань');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-chip>Plain</ma-chip><ma-chip removable>Removable</ma-chip>
      <ma-chip mode="brand" removable>Brand</ma-chip></div>`);
    await checkA11yBothSchemes(el);
  });
});
