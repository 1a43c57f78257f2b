import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormControl, validateText } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { clearButtonStyles, controlStyles, fieldStyles, labelStyles } from '../../base/form-control.styles.ts';
import { clearGlyph } from '../../base/glyphs.ts';
import { msg } from '../../base/i18n.ts';
import { CLEAR } from '../../base/messages.ts';

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
export class MaInput extends FormControl {
  static override styles = [controlStyles, labelStyles, fieldStyles, clearButtonStyles];

  static override properties: PropertyDeclarations = {
    type: {},
    value: {},
    placeholder: {},
    minlength: { type: Number },
    maxlength: { type: Number },
    pattern: {},
    min: {},
    max: {},
    step: {},
    autocomplete: {},
    inputmode: {},
    readonly: { type: Boolean, reflect: true },
    clearable: { type: Boolean },
  };

  type: InputType = 'text';

  value = '';

  placeholder = '';

  minlength?: number;

  maxlength?: number;

  /** A regular expression the whole value must match. */
  pattern?: string;

  min?: string;

  max?: string;

  step?: string;

  autocomplete?: AutoFill;

  inputmode?: string;

  readonly = false;

  /** Shows a button that clears a non-empty value. */
  clearable = false;

  protected get input(): HTMLInputElement {
    return this.renderRoot?.querySelector('input') as HTMLInputElement;
  }

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

  protected override validationAnchor(): HTMLElement {
    return this.input;
  }

  protected override validate(): ValidityResult {
    // Type, pattern and range are the inner input's own checks (it has the same attributes).
    return validateText(this, this.value, this.minlength, this.maxlength, this.input.validity);
  }

  private onClear(): void {
    this.value = '';
    this.input.focus();
    this.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
    this.commit();
  }

  /**
   * Enter submits the surrounding form as a native single-line field does (implicit submission):
   * a click on the form's first submit button (`<button>`, `<input>` or `<ma-button>`), which does
   * nothing when that button is disabled; with no submit button, a plain submit. The inner input
   * lives in a shadow root, so the browser does not do it for us.
   */
  private onKeydown(event: KeyboardEvent): void {
    const form = this.form;
    if (event.key != 'Enter' || event.isComposing || event.defaultPrevented || !form) return;
    event.preventDefault();
    const submitter = [...form.elements].find((element) => (element as HTMLButtonElement).type == 'submit') as HTMLElement | undefined;
    if (submitter) submitter.click();
    else form.requestSubmit();
  }

  protected override render() {
    const disabled = this.isDisabled;
    // Kept tight: whitespace inside a template ships to every mini-app as is.
    return html`${this.label ? html`<label class="label" part="label" for="input">${this.label}</label>` : nothing}
<div class="field ${this.shownError ? 'invalid' : ''} ${disabled ? 'disabled' : ''}" part="field"><slot name="before"></slot>
<input id="input" class="control" part="input" .type=${this.type} .value=${live(this.value)} placeholder=${this.placeholder || nothing}
 minlength=${this.minlength ?? nothing} maxlength=${this.maxlength ?? nothing} pattern=${this.pattern ?? nothing}
 min=${this.min ?? nothing} max=${this.max ?? nothing} step=${this.step ?? nothing}
 autocomplete=${this.autocomplete ?? nothing} inputmode=${this.inputmode ?? nothing}
 ?required=${this.required} ?readonly=${this.readonly} ?disabled=${disabled}
 aria-label=${this.label ? nothing : this.outerLabel || nothing} aria-invalid=${this.shownError ? 'true' : nothing} aria-describedby=${this.describedBy}
 @input=${() => (this.value = this.input.value)} @change=${this.commit} @keydown=${this.onKeydown}>
${this.clearable && this.value && !disabled && !this.readonly
  ? html`<button type="button" class="clear" part="clear-button" aria-label=${msg(CLEAR, this)} @click=${this.onClear}>${clearGlyph}</button>`
  : nothing}<slot name="after"></slot></div>
${this.renderSupport()}`;
  }
}

customElements.define('ma-input', MaInput);

declare global {
  interface HTMLElementTagNameMap {
    'ma-input': MaInput;
  }
}
