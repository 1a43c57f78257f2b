import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { cardStyles } from './card.styles.ts';

/**
 * A rounded surface grouping related content (a product, an order, a promo).
 *
 * @slot - The content.
 * @csspart base - The surface.
 */
export class MaCard extends LitElement {
  static override styles = cardStyles;

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    padded: { type: Boolean, reflect: true },
  };

  /** `shadow` (raised), `outline` (bordered) or `tint` (secondary surface). */
  mode: 'shadow' | 'outline' | 'tint' = 'shadow';

  /** Adds inner padding (16px). */
  padded = false;

  override render() {
    return html`<div part="base" class="base"><slot></slot></div>`;
  }
}

customElements.define('ma-card', MaCard);

declare global {
  interface HTMLElementTagNameMap {
    'ma-card': MaCard;
  }
}
