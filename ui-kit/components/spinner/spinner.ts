import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '../../base/i18n.ts';
import { LOADING } from '../../base/messages.ts';
import { spinnerStyles } from './spinner.styles.ts';

/**
 * An indeterminate activity indicator, announced as a busy progress bar ("Loading" by default).
 *
 * @csspart base - The `<svg>`.
 * @cssproperty --ma-spinner-color - Colour of the arc (default: the current text colour).
 */
@customElement('ma-spinner')
export class MaSpinner extends LitElement {
  static override styles = spinnerStyles;

  /** Size: `s` 16px, `m` 24px, `l` 32px. */
  @property({ reflect: true }) size: 's' | 'm' | 'l' = 'm';

  /** Accessible name; defaults to the built-in "Loading" text. */
  @property() label = '';

  override render() {
    return html`<svg part="base" viewBox="0 0 24 24" role="progressbar" aria-label=${this.label || msg(LOADING, this)}>
      <circle cx="12" cy="12" r="9.5"></circle>
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-spinner': MaSpinner;
  }
}
