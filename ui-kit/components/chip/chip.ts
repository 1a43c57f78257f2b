import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { REMOVE } from '../../base/messages.ts';
import { iconClose } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { chipStyles } from './chip.styles.ts';

/**
 * A compact token: a chosen filter, a tag, a recipient. With `removable` it has a remove button
 * (also Delete or Backspace while it has focus) that fires `ma-remove`; the page removes the chip.
 *
 * @slot - The label.
 * @slot before - An icon or a small avatar.
 * @event ma-remove - The user asked to remove the chip.
 * @csspart base - The pill.
 * @csspart label - The label.
 * @csspart remove-button - The remove button.
 */
export class MaChip extends LitElement {
  static override styles = chipStyles;

  static override properties: PropertyDeclarations = {
    removable: { type: Boolean, reflect: true },
    mode: { reflect: true },
    disabled: { type: Boolean, reflect: true },
  };

  /** Shows a remove button. */
  removable = false;

  /** `neutral` (default) or `brand` (tinted). */
  mode: 'neutral' | 'brand' = 'neutral';

  /**
   * Greys the chip; its remove button stays focusable (so it can be found) but is announced as
   * unavailable (`aria-disabled`) and does nothing.
   */
  disabled = false;

  private remove_(): void {
    if (this.disabled) return;
    this.dispatchEvent(new CustomEvent('ma-remove', { bubbles: true, composed: true }));
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.remove_();
    }
  }

  override render() {
    const label = this.textContent?.trim() ?? '';
    return html`<span part="base" class="base">
      <slot name="before"></slot>
      <span part="label" class="label"><slot @slotchange=${() => this.requestUpdate()}></slot></span>
      ${this.removable
        ? html`<button
            part="remove-button"
            type="button"
            aria-label=${label ? `${msg(REMOVE, this)}: ${label}` : msg(REMOVE, this)}
            aria-disabled=${this.disabled ? 'true' : nothing}
            @click=${this.remove_}
            @keydown=${this.handleKeydown}
          >${renderIcon(iconClose, 'remove-icon', 'remove')}</button>`
        : nothing}
    </span>`;
  }
}

customElements.define('ma-chip', MaChip);

declare global {
  interface HTMLElementTagNameMap {
    'ma-chip': MaChip;
  }
  interface HTMLElementEventMap {
    'ma-remove': CustomEvent<void>;
  }
}
