import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { DISMISS } from '../../base/messages.ts';
import { iconCheckCircle, iconClose, iconError, iconInfo, iconWarning } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { bannerStyles } from './banner.styles.ts';

const icons = { info: iconInfo, positive: iconCheckCircle, warning: iconWarning, negative: iconError };

/**
 * A message block inside a screen: information, success, a warning or an error, with optional
 * actions. With `dismissible` it has a close button: it fires `ma-dismiss` and then hides itself,
 * unless the event is cancelled.
 *
 * @slot heading - The heading (or use `heading`).
 * @slot - The text.
 * @slot icon - An icon replacing the mode's icon.
 * @slot actions - Buttons.
 * @event ma-dismiss - The close button was pressed (cancelable: cancel to keep the banner).
 * @csspart base - The block.
 * @csspart icon - The mode icon.
 * @csspart heading - The heading.
 * @csspart text - The text.
 * @csspart actions - The actions row.
 * @csspart dismiss-button - The close button.
 */
export class MaBanner extends LitElement {
  static override styles = bannerStyles;

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    heading: {},
    dismissible: { type: Boolean, reflect: true },
  };

  /** `info`, `positive`, `warning` or `negative`. */
  mode: 'info' | 'positive' | 'warning' | 'negative' = 'info';

  /** The heading. */
  heading = '';

  /** Shows a close button. */
  dismissible = false;

  private get actions(): Element[] {
    return this.renderRoot?.querySelector<HTMLSlotElement>('slot[name=actions]')?.assignedElements() ?? [];
  }

  private dismiss(): void {
    const event = new CustomEvent('ma-dismiss', { bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(event)) this.hidden = true;
  }

  override render() {
    const urgent = this.mode === 'negative' || this.mode === 'warning';
    return html`<div part="base" class="base" role=${urgent ? 'alert' : 'status'}>
      <slot name="icon">${renderIcon(icons[this.mode] ?? iconInfo, 'icon')}</slot>
      <div class="content">
        <span part="heading" class="heading"><slot name="heading">${this.heading}</slot></span>
        <span part="text" class="text"><slot></slot></span>
        <div part="actions" class=${this.actions?.length ? 'actions filled' : 'actions'}>
          <slot name="actions" @slotchange=${() => this.requestUpdate()}></slot>
        </div>
      </div>
      ${this.dismissible
        ? html`<button part="dismiss-button" class="dismiss" type="button" aria-label=${msg(DISMISS, this)} @click=${this.dismiss}>
            ${renderIcon(iconClose, 'dismiss-icon', 'close')}
          </button>`
        : nothing}
    </div>`;
  }
}

customElements.define('ma-banner', MaBanner);

declare global {
  interface HTMLElementTagNameMap {
    'ma-banner': MaBanner;
  }
  interface HTMLElementEventMap {
    'ma-dismiss': CustomEvent<void>;
  }
}
