import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg } from '../../base/i18n.ts';
import { LOADING } from '../../base/messages.ts';
import { progressStyles } from './progress.styles.ts';

/**
 * A progress bar (ARIA `progressbar`): how much of a task is done, or, without `value`, that
 * something is in progress.
 *
 * @csspart base - The track (the `progressbar` element).
 * @csspart indicator - The filled part.
 * @cssproperty --ma-progress-color - Colour of the filled part.
 */
export class MaProgress extends LitElement {
  static override styles = progressStyles;

  static override properties: PropertyDeclarations = {
    value: { type: Number },
    max: { type: Number },
    label: {},
    mode: { reflect: true },
  };

  /** Progress from 0 to `max`; leave unset for an indeterminate bar. */
  value?: number;

  /** The value of a finished task. */
  max = 100;

  /** Accessible name; defaults to the built-in "Loading" text. */
  label = '';

  /** Colour: `brand`, `positive`, `negative`. */
  mode: 'brand' | 'positive' | 'negative' = 'brand';

  override render() {
    const max = this.max > 0 ? this.max : 100;
    const determinate = typeof this.value === 'number' && Number.isFinite(this.value);
    const value = determinate ? Math.min(max, Math.max(0, this.value!)) : 0;
    return html`<div
      part="base"
      class="track"
      role="progressbar"
      aria-label=${this.label || msg(LOADING, this)}
      aria-valuemin="0"
      aria-valuemax=${max}
      aria-valuenow=${determinate ? value : nothing}
    >
      <div
        part="indicator"
        class=${determinate ? 'indicator' : 'indicator indeterminate'}
        style=${styleMap({ width: determinate ? `${(value / max) * 100}%` : undefined })}
      ></div>
    </div>`;
  }
}

customElements.define('ma-progress', MaProgress);

declare global {
  interface HTMLElementTagNameMap {
    'ma-progress': MaProgress;
  }
}
