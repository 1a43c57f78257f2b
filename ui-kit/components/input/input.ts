import { html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { fieldStyles } from '../../base/field.styles.ts';
import { FormControl, validateText } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { clearGlyph } from '../../base/glyphs.ts';
import { msg } from '../../base/i18n.ts';
import { inputStyles } from './input.styles.ts';

export type InputType = 'text' | 'email' | 'tel' | 'number' | 'password' | 'url' | 'search';

/**
 * A single-line text field, form-associated.
 *
 * @slot before - Content before the text (an icon).
 * @slot after - Content after the text (a unit, an icon button).
 * @fires input - On every edit (the native event of the inner field).
 * @fires change - When an edit is committed (blur, Enter) or the field is cleared.
 * @csspart field - The box around the text. @csspart input - The native input.
 * @csspart label - The visible label. @csspart support - The hint or error line.
 */
@customElement('ma-input')
export class MaInput extends FormControl {
  static override styles = [fieldStyles, inputStyles];

  @property() type: InputType = 'text';

  @property() value = '';

  @property() placeholder = '';

  @property({ type: Number }) minlength?: number;

  @property({ type: Number }) maxlength?: number;

  /** A regular expression the whole value must match. */
  @property() pattern?: string;

  @property() min?: string;

  @property() max?: string;

  @property() step?: string;

  @property() autocomplete?: AutoFill;

  @property() inputmode?: string;

  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Shows a button that clears a non-empty value. */
  @property({ type: Boolean }) clearable = false;

  @query('input') protected input!: HTMLInputElement;

  /** Selects the whole text. */
  select(): void {
    this.input?.select();
  }

  protected formValue(): string {
    return this.value;
  }

  protected resetValue(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  protected restoreValue(state: string): void {
    this.value = state;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.input;
  }

  protected override validate(): ValidityResult {
    return validateText(this, this.value, {
      required: this.required,
      minlength: this.minlength,
      maxlength: this.maxlength,
      pattern: this.pattern,
      native: this.input?.validity,
    });
  }

  private onInput(): void {
    this.value = this.input.value;
  }

  private onClear(): void {
    this.value = '';
    this.input.focus();
    this.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
    this.commit();
  }

  protected override render() {
    const disabled = this.isDisabled;
    return html`
      ${this.label ? html`<label class="label" part="label" for="input">${this.label}</label>` : nothing}
      <div class="field ${this.shownError ? 'invalid' : ''} ${disabled ? 'disabled' : ''}" part="field">
        <slot name="before"></slot>
        <input
          id="input"
          class="control"
          part="input"
          .type=${this.type}
          .value=${live(this.value)}
          placeholder=${this.placeholder || nothing}
          minlength=${ifDefined(this.minlength)}
          maxlength=${ifDefined(this.maxlength)}
          min=${ifDefined(this.min)}
          max=${ifDefined(this.max)}
          step=${ifDefined(this.step)}
          autocomplete=${ifDefined(this.autocomplete)}
          inputmode=${ifDefined(this.inputmode)}
          ?required=${this.required}
          ?readonly=${this.readonly}
          ?disabled=${disabled}
          aria-label=${this.label ? nothing : this.accessibleLabel}
          aria-invalid=${this.shownError ? 'true' : nothing}
          aria-describedby=${this.describedBy}
          @input=${this.onInput}
          @change=${this.commit}
        />
        ${this.clearable && this.value && !disabled && !this.readonly
          ? html`<button type="button" class="icon-button" part="clear-button" aria-label=${msg('clear', this)} @click=${this.onClear}>
              ${clearGlyph}
            </button>`
          : nothing}
        <slot name="after"></slot>
      </div>
      ${this.renderSupport()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-input': MaInput;
  }
}
