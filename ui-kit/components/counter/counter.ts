import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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
@customElement('ma-counter')
export class MaCounter extends LitElement {
  static override styles = counterStyles;

  /** The count. */
  @property({ type: Number }) value = 0;

  /** Above this the counter shows `max+`. */
  @property({ type: Number }) max = 99;

  /** `accent` (default), `brand`, `neutral`. */
  @property({ reflect: true }) mode: 'accent' | 'brand' | 'neutral' = 'accent';

  /** `m` (20px) or `l` (24px). */
  @property({ reflect: true }) size: 'm' | 'l' = 'm';

  /** Shows the counter even when the value is 0. */
  @property({ type: Boolean, attribute: 'show-zero' }) showZero = false;

  /** Accessible text read instead of the bare number, e.g. "3 unread". */
  @property() label = '';

  override render() {
    if (this.value <= 0 && !this.showZero) return nothing;
    const text = formatCount(Math.max(0, Math.floor(this.value)), this.max);
    return this.label
      ? html`<span part="base" class="base" role="img" aria-label=${this.label}>${text}</span>`
      : html`<span part="base" class="base">${text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-counter': MaCounter;
  }
}
