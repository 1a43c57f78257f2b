import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { fieldStyles } from '../../base/field.styles.ts';
import { FormControl } from '../../base/form-control.ts';
import { clearGlyph, searchGlyph } from '../../base/glyphs.ts';
import { msg } from '../../base/i18n.ts';
import { searchStyles } from './search.styles.ts';

export interface SearchEventDetail {
  value: string;
}

/**
 * A search field with a clear button and a Cancel button (shown while it is focused or filled),
 * form-associated. It fires `ma-search` with `{ value }`: `debounce` ms after the user stops
 * typing (300 by default; 0 fires only on Enter), at once on Enter, and with `''` on clear or
 * Cancel. Cancel also blurs the field.
 *
 * @fires input - On every edit. @fires change - When an edit is committed.
 * @fires ma-search - The query to run, debounced.
 * @csspart field - The box. @csspart input - The native input. @csspart cancel-button - Cancel.
 */
@customElement('ma-search')
export class MaSearch extends FormControl {
  static override styles = [fieldStyles, searchStyles];

  @property() value = '';

  /** Defaults to the built-in "Search". */
  @property() placeholder = '';

  /** Milliseconds of quiet typing before `ma-search` fires; 0 fires only on Enter. */
  @property({ type: Number }) debounce = 300;

  @property({ type: Boolean, attribute: 'hide-cancel' }) hideCancel = false;

  @state() private focused = false;

  @query('input') protected input!: HTMLInputElement;

  private timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
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

  private emitSearch(): void {
    clearTimeout(this.timer);
    this.dispatchEvent(new CustomEvent<SearchEventDetail>('ma-search', { bubbles: true, composed: true, detail: { value: this.value } }));
  }

  private onInput(): void {
    this.value = this.input.value;
    clearTimeout(this.timer);
    if (this.debounce > 0) this.timer = setTimeout(() => this.emitSearch(), this.debounce);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.emitSearch();
    } else if (event.key === 'Escape' && this.value) {
      event.preventDefault();
      this.clear();
    }
  }

  private clear(): void {
    this.value = '';
    this.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
    this.commit();
    this.emitSearch();
  }

  private onClear(): void {
    this.clear();
    this.input.focus();
  }

  private onCancel(): void {
    if (this.value) this.clear();
    this.input.blur();
    this.focused = false;
  }

  protected override render() {
    const disabled = this.isDisabled;
    const showCancel = !this.hideCancel && !disabled && (this.focused || !!this.value);
    return html`
      <div class="row" @focusin=${() => (this.focused = true)} @focusout=${this.onFocusOut}>
        <div class="field ${disabled ? 'disabled' : ''}" part="field">
          ${searchGlyph}
          <input
            class="control"
            part="input"
            type="search"
            enterkeyhint="search"
            autocomplete="off"
            .value=${live(this.value)}
            placeholder=${this.placeholder || msg('search', this)}
            aria-label=${this.label || this.outerLabel || this.placeholder || msg('search', this)}
            ?disabled=${disabled}
            @input=${this.onInput}
            @change=${this.commit}
            @keydown=${this.onKeydown}
          />
          ${this.value && !disabled
            ? html`<button type="button" class="icon-button" part="clear-button" aria-label=${msg('clear', this)} @click=${this.onClear}>
                ${clearGlyph}
              </button>`
            : nothing}
        </div>
        ${showCancel
          ? html`<button type="button" class="cancel" part="cancel-button" @click=${this.onCancel}>${msg('cancel', this)}</button>`
          : nothing}
      </div>
    `;
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.shadowRoot!.contains(next)) this.focused = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-search': MaSearch;
  }
  interface HTMLElementEventMap {
    'ma-search': CustomEvent<SearchEventDetail>;
  }
}
