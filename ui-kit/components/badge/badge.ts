import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { badgeStyles } from './badge.styles.ts';

export type StatusMode = 'brand' | 'accent' | 'neutral' | 'positive' | 'negative' | 'warning';

/**
 * A short status label ("New", "Paid") or, with `dot`, a small dot that draws attention. A dot
 * has no text, so give it a `label` when it means something.
 *
 * @slot - The label text.
 * @csspart base - The pill.
 */
@customElement('ma-badge')
export class MaBadge extends LitElement {
  static override styles = badgeStyles;

  /** Colour: `brand`, `accent`, `neutral`, `positive`, `negative`, `warning`. */
  @property({ reflect: true }) mode: StatusMode = 'brand';

  /** A dot without text. */
  @property({ type: Boolean, reflect: true }) dot = false;

  /** Accessible name of a dot ("Unread"). */
  @property() label = '';

  override render() {
    if (this.dot) {
      return this.label
        ? html`<span part="base" class="base" role="img" aria-label=${this.label}></span>`
        : html`<span part="base" class="base" aria-hidden="true"></span>`;
    }
    return html`<span part="base" class="base"><slot></slot></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-badge': MaBadge;
  }
}
