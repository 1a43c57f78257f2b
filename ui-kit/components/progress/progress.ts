import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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
@customElement('ma-progress')
export class MaProgress extends LitElement {
  static override styles = progressStyles;

  /** Progress from 0 to `max`; leave unset for an indeterminate bar. */
  @property({ type: Number }) value?: number;

  /** The value of a finished task. */
  @property({ type: Number }) max = 100;

  /** Accessible name; defaults to the built-in "Loading" text. */
  @property() label = '';

  /** Colour: `brand`, `positive`, `negative`. */
  @property({ reflect: true }) mode: 'brand' | 'positive' | 'negative' = 'brand';

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

declare global {
  interface HTMLElementTagNameMap {
    'ma-progress': MaProgress;
  }
}
