import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { badgeStyles } from './badge.styles.ts';

export type StatusMode = 'brand' | 'accent' | 'neutral' | 'positive' | 'negative' | 'warning';

/**
 * A short status label ("New", "Paid") or, with `dot`, a small dot that draws attention. A dot
 * has no text, so give it a `label` when it means something.
 *
 * @slot - The label text.
 * @csspart base - The pill.
 */
export class MaBadge extends LitElement {
  static override styles = badgeStyles;

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    dot: { type: Boolean, reflect: true },
    label: {},
  };

  /** Colour: `brand`, `accent`, `neutral`, `positive`, `negative`, `warning`. */
  mode: StatusMode = 'brand';

  /** A dot without text. */
  dot = false;

  /** Accessible name of a dot ("Unread"). */
  label = '';

  override render() {
    if (this.dot) {
      return this.label
        ? html`<span part="base" class="base" role="img" aria-label=${this.label}></span>`
        : html`<span part="base" class="base" aria-hidden="true"></span>`;
    }
    return html`<span part="base" class="base"><slot></slot></span>`;
  }
}

customElements.define('ma-badge', MaBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ma-badge': MaBadge;
  }
}
