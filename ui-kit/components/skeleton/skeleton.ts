import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { skeletonStyles } from './skeleton.styles.ts';

/**
 * A grey shape standing in for content that is loading. Decorative: mark the loading region
 * itself busy (`aria-busy="true"`) or put a `ma-spinner` with a label nearby.
 *
 * @csspart base - The shape.
 * @cssproperty --ma-skeleton-width - Width (default: the container's, 40px for a circle).
 * @cssproperty --ma-skeleton-height - Height (default: 1em, a text line, or 40px).
 */
export class MaSkeleton extends LitElement {
  static override styles = skeletonStyles;

  static override properties: PropertyDeclarations = {
    shape: { reflect: true },
  };

  /** `rect`, `text` (a line of body text) or `circle` (an avatar). */
  shape: 'rect' | 'text' | 'circle' = 'rect';

  override render() {
    return html`<div part="base" class="base" aria-hidden="true"></div>`;
  }
}

customElements.define('ma-skeleton', MaSkeleton);

declare global {
  interface HTMLElementTagNameMap {
    'ma-skeleton': MaSkeleton;
  }
}
