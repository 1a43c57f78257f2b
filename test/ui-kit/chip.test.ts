import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/components/chip/chip.ts';
import type { MaChip } from '../../ui-kit/components/chip/chip.ts';
import { applyBrand, brandPresets, resetBrand } from '../../ui-kit/tokens/index.ts';
import { checkA11yBothSchemes, withScheme } from './helpers.ts';
import { seenContrast } from './rendered-colors.ts';

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

  it('says on its remove button that a disabled chip is disabled, and the button does nothing', async () => {
    const el = await fixture<MaChip>(html`<ma-chip removable disabled>Moscow</ma-chip>`);
    expect(removeButton(el)!.getAttribute('aria-disabled')).to.equal('true');
    let count = 0;
    el.addEventListener('ma-remove', () => count++);
    removeButton(el)!.focus();
    expect(el.shadowRoot!.activeElement, 'still focusable, so it can be found').to.equal(removeButton(el));
    await sendKeys({ press: 'Delete' });
    expect(count).to.equal(0);
    el.disabled = false;
    await el.updateComplete;
    expect(removeButton(el)!.hasAttribute('aria-disabled')).to.equal(false);
  });

  it('keeps the label of a disabled chip at 3:1 or more, in both modes, for every brand, in light and dark', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <ma-chip disabled>Neutral</ma-chip><ma-chip disabled mode="brand" removable>Brand</ma-chip>
      <div style="background: var(--ma-color-surface)"><ma-chip disabled>Neutral</ma-chip><ma-chip disabled mode="brand">Brand</ma-chip></div>
    </div>`);
    const failures: string[] = [];
    try {
      for (const preset of brandPresets) {
        if (preset.brand) applyBrand({ brand: preset.brand });
        else resetBrand();
        for (const scheme of ['light', 'dark'] as const) {
          await withScheme(scheme, () => {
            for (const chip of el.querySelectorAll('ma-chip')) {
              const base = chip.shadowRoot!.querySelector('[part="base"]')!;
              const ratio = seenContrast(chip.shadowRoot!.querySelector('[part="label"]')!, base);
              if (ratio < 3) failures.push(`${preset.name} ${scheme} ${chip.mode}: ${ratio.toFixed(2)}:1`);
            }
          });
        }
      }
    } finally {
      resetBrand();
    }
    expect(failures).to.deep.equal([]);
  });

  it('speaks Russian under lang="ru"', async () => {
    const el = await fixture<HTMLElement>(html`<div lang="ru"><ma-chip removable>Казань</ma-chip></div>`);
    expect(removeButton(el.querySelector('ma-chip')!)!.getAttribute('aria-label')).to.equal('Удалить: Казань');
  });

  it('has no axe violations in light and dark', async () => {
    const el = await fixture(html`<div><ma-chip>Plain</ma-chip><ma-chip removable>Removable</ma-chip>
      <ma-chip mode="brand" removable>Brand</ma-chip><ma-chip disabled removable>Disabled</ma-chip></div>`);
    await checkA11yBothSchemes(el);
  });
});
