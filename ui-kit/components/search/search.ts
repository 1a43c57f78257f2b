import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormControl, valid } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { clearButtonStyles, controlStyles, fieldStyles } from '../../base/form-control.styles.ts';
import { clearGlyph, searchGlyph } from '../../base/glyphs.ts';
import { msg } from '../../base/i18n.ts';
import { CANCEL, CLEAR, SEARCH } from '../../base/messages.ts';
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
export class MaSearch extends FormControl {
  static override styles = [controlStyles, fieldStyles, clearButtonStyles, searchStyles];

  static override properties: PropertyDeclarations = {
    value: {},
    placeholder: {},
    debounce: { type: Number },
    hideCancel: { type: Boolean, attribute: 'hide-cancel' },
    focused: { state: true },
  };

  value = '';

  /** Defaults to the built-in "Search". */
  placeholder = '';

  /** Milliseconds of quiet typing before `ma-search` fires; 0 fires only on Enter. */
  debounce = 300;

  hideCancel = false;

  private focused = false;

  protected get input(): HTMLInputElement {
    return this.renderRoot?.querySelector('input') as HTMLInputElement;
  }

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

  protected override validationAnchor(): HTMLElement {
    return this.input;
  }

  /** A search query is never invalid on its own; only `error` makes it so. */
  protected validate(): ValidityResult {
    return valid;
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

  private onCancel(): void {
    if (this.value) this.clear();
    this.input.blur();
    this.focused = false;
  }

  protected override render() {
    const disabled = this.isDisabled;
    const searchText = msg(SEARCH, this);
    return html`
      <div
        class="row"
        @focusin=${() => (this.focused = true)}
        @focusout=${(event: FocusEvent) => (this.focused = this.shadowRoot!.contains(event.relatedTarget as Node | null))}
      >
        <div class="field ${disabled ? 'disabled' : ''}" part="field">
          ${searchGlyph}
          <input
            class="control"
            part="input"
            type="search"
            enterkeyhint="search"
            autocomplete="off"
            .value=${live(this.value)}
            placeholder=${this.placeholder || searchText}
            aria-label=${this.label || this.outerLabel || this.placeholder || searchText}
            ?disabled=${disabled}
            @input=${this.onInput}
            @change=${this.commit}
            @keydown=${this.onKeydown}
          />
          ${this.value && !disabled
            ? html`<button
                type="button"
                class="clear"
                part="clear-button"
                aria-label=${msg(CLEAR, this)}
                @click=${() => {
                  this.clear();
                  this.input.focus();
                }}
              >
                ${clearGlyph}
              </button>`
            : nothing}
        </div>
        ${!this.hideCancel && !disabled && (this.focused || this.value)
          ? html`<button type="button" class="cancel" part="cancel-button" @click=${this.onCancel}>${msg(CANCEL, this)}</button>`
          : nothing}
      </div>
    `;
  }
}

customElements.define('ma-search', MaSearch);

declare global {
  interface HTMLElementTagNameMap {
    'ma-search': MaSearch;
  }
  interface HTMLElementEventMap {
    'ma-search': CustomEvent<SearchEventDetail>;
  }
}
