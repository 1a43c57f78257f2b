import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormControl, validateText } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { controlStyles, fieldStyles, labelStyles } from '../../base/form-control.styles.ts';
import { textareaStyles } from './textarea.styles.ts';

/**
 * A multi-line text field, form-associated. It grows with its text from `rows` up to `max-rows`
 * lines, then scrolls. With `maxlength` it shows a counter.
 *
 * @fires input - On every edit. @fires change - When an edit is committed (blur).
 * @csspart field - The box. @csspart textarea - The native textarea. @csspart counter - The counter.
 */
export class MaTextarea extends FormControl {
  static override styles = [controlStyles, labelStyles, fieldStyles, textareaStyles];

  static override properties: PropertyDeclarations = {
    value: {},
    placeholder: {},
    rows: { type: Number },
    maxRows: { type: Number, attribute: 'max-rows' },
    minlength: { type: Number },
    maxlength: { type: Number },
    readonly: { type: Boolean, reflect: true },
  };

  value = '';

  placeholder = '';

  /** Lines shown when empty. */
  rows = 3;

  /** Lines it grows to before it scrolls. */
  maxRows = 10;

  minlength?: number;

  maxlength?: number;

  readonly = false;

  protected get textarea(): HTMLTextAreaElement {
    return this.renderRoot?.querySelector('textarea') as HTMLTextAreaElement;
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
    return this.textarea;
  }

  protected override validate(): ValidityResult {
    return validateText(this, this.value, this.minlength, this.maxlength);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Browsers without `field-sizing: content` grow the textarea by hand.
    if (!CSS.supports('field-sizing', 'content')) {
      this.textarea.style.height = 'auto';
      this.textarea.style.height = `${this.textarea.scrollHeight}px`;
    }
  }

  protected override render() {
    const disabled = this.isDisabled;
    const { maxlength, value } = this;
    return html`
      ${this.label ? html`<label class="label" part="label" for="textarea">${this.label}</label>` : nothing}
      <div class="field ${this.shownError ? 'invalid' : ''} ${disabled ? 'disabled' : ''}" part="field">
        <textarea
          id="textarea"
          class="control"
          part="textarea"
          style="--rows: ${this.rows}; --max-rows: ${this.maxRows}"
          rows=${this.rows}
          .value=${live(value)}
          placeholder=${this.placeholder || nothing}
          minlength=${this.minlength ?? nothing}
          maxlength=${maxlength ?? nothing}
          ?required=${this.required}
          ?readonly=${this.readonly}
          ?disabled=${disabled}
          aria-label=${this.label ? nothing : this.outerLabel || nothing}
          aria-invalid=${this.shownError ? 'true' : nothing}
          aria-describedby=${this.describedBy}
          @input=${() => (this.value = this.textarea.value)}
          @change=${this.commit}
        ></textarea>
      </div>
      ${this.renderSupport(
        maxlength === undefined
          ? nothing
          : html`<span class="counter ${value.length > maxlength ? 'over' : ''}" part="counter" aria-hidden="true"
              >${value.length} / ${maxlength}</span
            >`,
      )}
    `;
  }
}

customElements.define('ma-textarea', MaTextarea);

declare global {
  interface HTMLElementTagNameMap {
    'ma-textarea': MaTextarea;
  }
}
