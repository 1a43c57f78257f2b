import { html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { fieldStyles } from '../../base/field.styles.ts';
import { FormControl, validateText } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { textareaStyles } from './textarea.styles.ts';

const sizesToContent = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/**
 * A multi-line text field, form-associated. It grows with its text from `rows` up to `max-rows`
 * lines, then scrolls. With `maxlength` it shows a counter.
 *
 * @fires input - On every edit. @fires change - When an edit is committed (blur).
 * @csspart field - The box. @csspart textarea - The native textarea. @csspart counter - The counter.
 */
@customElement('ma-textarea')
export class MaTextarea extends FormControl {
  static override styles = [fieldStyles, textareaStyles];

  @property() value = '';

  @property() placeholder = '';

  /** Lines shown when empty. */
  @property({ type: Number }) rows = 3;

  /** Lines it grows to before it scrolls. */
  @property({ type: Number, attribute: 'max-rows' }) maxRows = 10;

  @property({ type: Number }) minlength?: number;

  @property({ type: Number }) maxlength?: number;

  @property({ type: Boolean, reflect: true }) readonly = false;

  @query('textarea') protected textarea!: HTMLTextAreaElement;

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
    return this.textarea;
  }

  protected override validate(): ValidityResult {
    return validateText(this, this.value, { required: this.required, minlength: this.minlength, maxlength: this.maxlength });
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (!sizesToContent && this.textarea) {
      this.textarea.style.height = 'auto';
      this.textarea.style.height = `${this.textarea.scrollHeight}px`;
    }
  }

  private onInput(): void {
    this.value = this.textarea.value;
  }

  protected override render() {
    const disabled = this.isDisabled;
    const counter =
      this.maxlength !== undefined
        ? html`<span class="counter ${this.value.length > this.maxlength ? 'over' : ''}" part="counter" aria-hidden="true"
            >${this.value.length} / ${this.maxlength}</span
          >`
        : nothing;
    return html`
      ${this.label ? html`<label class="label" part="label" for="textarea">${this.label}</label>` : nothing}
      <div class="field ${this.shownError ? 'invalid' : ''} ${disabled ? 'disabled' : ''}" part="field">
        <textarea
          id="textarea"
          class="control"
          part="textarea"
          style=${styleMap({ '--rows': String(this.rows), '--max-rows': String(this.maxRows) })}
          rows=${this.rows}
          .value=${live(this.value)}
          placeholder=${this.placeholder || nothing}
          minlength=${ifDefined(this.minlength)}
          maxlength=${ifDefined(this.maxlength)}
          ?required=${this.required}
          ?readonly=${this.readonly}
          ?disabled=${disabled}
          aria-label=${this.label ? nothing : this.accessibleLabel}
          aria-invalid=${this.shownError ? 'true' : nothing}
          aria-describedby=${this.describedBy}
          @input=${this.onInput}
          @change=${this.commit}
        ></textarea>
      </div>
      ${this.renderSupport(counter)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-textarea': MaTextarea;
  }
}
