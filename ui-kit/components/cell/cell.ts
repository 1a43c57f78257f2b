import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cellStyles } from './cell.styles.ts';

// Static (no bindings): the same path as `iconChevronRight`.
const chevron = html`<svg part="chevron" class="chevron" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 6l6 6-6 6"></path></svg>`;

/**
 * A list row: something before (an avatar, an icon), a title and a subtitle, something after
 * (a value, a switch, a counter) and an optional chevron. With `href` it is a link; with
 * `clickable` it is a button (activated by Enter and Space); keep controls out of such a row.
 *
 * @slot - The title.
 * @slot subtitle - The subtitle (or use the `subtitle` property).
 * @slot before - Leading content: `ma-avatar`, `ma-icon`.
 * @slot after - Trailing content: a value, `ma-counter`, a control.
 * @csspart base - The row (a `<div>`, or an `<a>` with `href`).
 * @csspart content - The title and subtitle column.
 * @csspart title - The title line.
 * @csspart subtitle - The subtitle line.
 * @csspart chevron - The chevron icon.
 */
@customElement('ma-cell')
export class MaCell extends LitElement {
  static override styles = cellStyles;

  // Properties start undefined (read as empty / false): a list renders many cells, and every
  // initialised or reflected default costs each of them a little.

  /** Secondary text under the title. */
  @property() subtitle?: string;

  /** Shows a chevron (the row leads to another screen). */
  @property({ type: Boolean }) chevron?: boolean;

  /** Lets title and subtitle wrap instead of cutting them with an ellipsis. */
  @property({ type: Boolean, reflect: true }) multiline?: boolean;

  /** The row is a button: focusable, announced as one, Enter and Space click it. */
  @property({ type: Boolean }) clickable?: boolean;

  /** The row is a link to this URL. */
  @property() href?: string;

  /** Dims the row and ignores interaction. */
  @property({ type: Boolean, reflect: true }) disabled?: boolean;

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.click();
  }

  override render() {
    const content = html`<slot name="before"></slot>
      <div part="content" class="content">
        <slot part="title" class="title"></slot>
        <slot part="subtitle" class="subtitle" name="subtitle">${this.subtitle ?? nothing}</slot>
      </div>
      <slot name="after"></slot>
      ${this.chevron ? chevron : nothing}`;
    if (this.href !== undefined) {
      return html`<a
        part="base"
        class="cell interactive"
        href=${this.disabled ? nothing : this.href}
        aria-disabled=${this.disabled ? 'true' : nothing}
      >${content}</a>`;
    }
    if (this.clickable) {
      return html`<div
        part="base"
        class="cell interactive"
        role="button"
        tabindex=${this.disabled ? '-1' : '0'}
        aria-disabled=${this.disabled ? 'true' : nothing}
        @keydown=${this.handleKeydown}
      >${content}</div>`;
    }
    return html`<div part="base" class="cell">${content}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-cell': MaCell;
  }
}
