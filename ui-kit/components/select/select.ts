import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormControl, valid, valueMissing } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { controlStyles, fieldStyles, labelStyles } from '../../base/form-control.styles.ts';
import { chevronGlyph } from '../../base/glyphs.ts';
import { msg } from '../../base/i18n.ts';
import { REQUIRED_CHOICE, SELECT_PLACEHOLDER } from '../../base/messages.ts';
import { selectStyles } from './select.styles.ts';

/** One choice of an `<ma-select>`. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * A drop-down choice, form-associated, backed by a native `<select>` (so phones show their own
 * picker and screen readers know it). Choices come from the `options` property (an array of
 * `{ value, label, disabled? }`; as an attribute, JSON). While `value` is empty the placeholder
 * shows; `required` then blocks submit.
 *
 * @fires input - When the user picks a choice. @fires change - When the user picks a choice.
 * @csspart field - The box. @csspart select - The native select.
 */
export class MaSelect extends FormControl {
  static override styles = [controlStyles, labelStyles, fieldStyles, selectStyles];

  static override properties: PropertyDeclarations = {
    options: { type: Array },
    value: {},
    placeholder: {},
  };

  options: SelectOption[] = [];

  value = '';

  /** Text shown while nothing is chosen; defaults to the built-in "Choose". */
  placeholder = '';

  protected get select(): HTMLSelectElement {
    return this.renderRoot?.querySelector('select') as HTMLSelectElement;
  }

  protected formValue(): string | null {
    return this.value || null;
  }

  protected resetValue(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  protected restoreValue(state: string): void {
    this.value = state;
  }

  protected override validationAnchor(): HTMLElement {
    return this.select;
  }

  protected override validate(): ValidityResult {
    return this.required && !this.value ? valueMissing(this, REQUIRED_CHOICE) : valid;
  }

  private onChange(): void {
    this.value = this.select.value;
    this.commit();
  }

  protected override render() {
    const disabled = this.isDisabled;
    return html`
      ${this.label ? html`<label class="label" part="label" for="select">${this.label}</label>` : nothing}
      <div class="field ${this.shownError ? 'invalid' : ''} ${disabled ? 'disabled' : ''}" part="field">
        <select
          id="select"
          class="control ${this.value ? '' : 'empty'}"
          part="select"
          ?disabled=${disabled}
          ?required=${this.required}
          aria-label=${this.label ? nothing : this.outerLabel || nothing}
          aria-invalid=${this.shownError ? 'true' : nothing}
          aria-describedby=${this.describedBy}
          .value=${live(this.value)}
          @input=${() => (this.value = this.select.value)}
          @change=${this.onChange}
        >
          <option value="" disabled ?selected=${!this.value}>${this.placeholder || msg(SELECT_PLACEHOLDER, this)}</option>
          ${this.options.map(
            (option) =>
              html`<option value=${option.value} ?disabled=${!!option.disabled} ?selected=${option.value === this.value}>
                ${option.label}
              </option>`,
          )}
        </select>
        ${chevronGlyph}
      </div>
      ${this.renderSupport()}
    `;
  }
}

customElements.define('ma-select', MaSelect);

declare global {
  interface HTMLElementTagNameMap {
    'ma-select': MaSelect;
  }
}
