import type { PropertyDeclarations } from 'lit';
import { FormControl, valid, valueMissing } from './form-control.ts';
import type { ValidityResult } from './form-control.ts';
import { REQUIRED_CHECK } from './messages.ts';

/**
 * The base of on/off controls (checkbox, switch) backed by a native checkbox in the shadow root:
 * it submits `value` when checked, and a click on the host (an outer `<label>`) toggles it.
 */
export abstract class ToggleControl extends FormControl {
  static override properties: PropertyDeclarations = {
    checked: { type: Boolean },
    value: {},
  };

  checked = false;

  /** The value submitted when checked. */
  value = 'on';

  protected get input(): HTMLInputElement {
    return this.renderRoot?.querySelector('input') as HTMLInputElement;
  }

  constructor() {
    super();
    this.addEventListener('click', (event) => {
      // A click that lands on the host itself comes from an outer label or the host's padding.
      if (event.composedPath()[0] === this && !this.isDisabled) this.input?.click();
    });
  }

  protected formValue(): string | null {
    return this.checked ? this.value : null;
  }

  protected override formState(): string {
    return this.checked ? 'checked' : '';
  }

  protected resetValue(): void {
    this.checked = this.hasAttribute('checked');
  }

  protected restoreValue(state: string): void {
    this.checked = state === 'checked';
  }

  protected override validationAnchor(): HTMLElement {
    return this.input;
  }

  protected override validate(): ValidityResult {
    return this.required && !this.checked ? valueMissing(this, REQUIRED_CHECK) : valid;
  }

  protected onToggle(): void {
    this.checked = this.input.checked;
  }

  protected onChange(): void {
    this.onToggle();
    this.commit();
  }
}
