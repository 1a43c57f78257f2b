import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { counterStyles } from './counter.styles.ts';

/** The text of a count: `max+` above `max`. */
export function formatCount(value: number, max: number): string {
  return value > max ? `${max}+` : String(value);
}

/**
 * A number in a pill: unread messages, items in a cart. Renders nothing for 0 unless `show-zero`.
 *
 * @csspart base - The pill.
 */
export class MaCounter extends LitElement {
  static override styles = counterStyles;

  static override properties: PropertyDeclarations = {
    value: { type: Number },
    max: { type: Number },
    mode: { reflect: true },
    size: { reflect: true },
    showZero: { type: Boolean, attribute: 'show-zero' },
    label: {},
  };

  /** The count. */
  value = 0;

  /** Above this the counter shows `max+`. */
  max = 99;

  /** `accent` (default), `brand`, `neutral`. */
  mode: 'accent' | 'brand' | 'neutral' = 'accent';

  /** `m` (20px) or `l` (24px). */
  size: 'm' | 'l' = 'm';

  /** Shows the counter even when the value is 0. */
  showZero = false;

  /** Accessible text read instead of the bare number, e.g. "3 unread". */
  label = '';

  override render() {
    if (this.value <= 0 && !this.showZero) return nothing;
    const text = formatCount(Math.max(0, Math.floor(this.value)), this.max);
    return this.label
      ? html`<span part="base" class="base" role="img" aria-label=${this.label}>${text}</span>`
      : html`<span part="base" class="base">${text}</span>`;
  }
}

customElements.define('ma-counter', MaCounter);

declare global {
  interface HTMLElementTagNameMap {
    'ma-counter': MaCounter;
  }
}
