import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { LOADING } from '../../base/messages.ts';
import { spinnerStyles } from './spinner.styles.ts';

/**
 * An indeterminate activity indicator, announced as a busy progress bar ("Loading" by default).
 *
 * @csspart base - The `<svg>`.
 * @cssproperty --ma-spinner-color - Colour of the arc (default: the current text colour).
 */
export class MaSpinner extends LitElement {
  static override styles = spinnerStyles;

  static override properties: PropertyDeclarations = {
    size: { reflect: true },
    label: {},
  };

  /** Size: `s` 16px, `m` 24px, `l` 32px. */
  size: 's' | 'm' | 'l' = 'm';

  /** Accessible name; defaults to the built-in "Loading" text. */
  label = '';

  override render() {
    return html`<svg part="base" viewBox="0 0 24 24" role="progressbar" aria-label=${this.label || msg(LOADING, this)}>
      <circle cx="12" cy="12" r="9.5"></circle>
    </svg>`;
  }
}

customElements.define('ma-spinner', MaSpinner);

declare global {
  interface HTMLElementTagNameMap {
    'ma-spinner': MaSpinner;
  }
}
