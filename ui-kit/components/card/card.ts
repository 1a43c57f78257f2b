import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cardStyles } from './card.styles.ts';

/**
 * A rounded surface grouping related content (a product, an order, a promo).
 *
 * @slot - The content.
 * @csspart base - The surface.
 */
@customElement('ma-card')
export class MaCard extends LitElement {
  static override styles = cardStyles;

  /** `shadow` (raised), `outline` (bordered) or `tint` (secondary surface). */
  @property({ reflect: true }) mode: 'shadow' | 'outline' | 'tint' = 'shadow';

  /** Adds inner padding (16px). */
  @property({ type: Boolean, reflect: true }) padded = false;

  override render() {
    return html`<div part="base" class="base"><slot></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-card': MaCard;
  }
}
