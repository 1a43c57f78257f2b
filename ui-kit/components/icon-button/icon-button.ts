import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { IconData } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { iconButtonStyles } from './icon-button.styles.ts';

/**
 * A round button with only an icon. `label` is required: it is the button's accessible name.
 *
 * @slot - An icon element, instead of `icon`.
 * @csspart base - The inner `<button>`.
 * @csspart icon - The icon drawn from `icon`.
 */
@customElement('ma-icon-button')
export class MaIconButton extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = iconButtonStyles;

  /** Accessible name (required): what the button does, e.g. "Share". */
  @property() label = '';

  /** SVG path data of the icon (an export of `ui-kit/icons`); or put an element in the slot. */
  @property() icon: IconData = '';

  /** `plain` (transparent), `tinted` (brand tint), `secondary` (neutral colour). */
  @property({ reflect: true }) mode: 'plain' | 'tinted' | 'secondary' = 'plain';

  /** Touch target: `s` 32px, `m` 40px, `l` 48px. */
  @property({ reflect: true }) size: 's' | 'm' | 'l' = 'l';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Marks a toggle button as pressed (`aria-pressed`); leave unset for a plain button. */
  @property({ type: Boolean, reflect: true }) pressed?: boolean;

  override render() {
    return html`<button
      part="base"
      type="button"
      aria-label=${this.label}
      aria-pressed=${ifDefined(this.pressed === undefined ? undefined : String(this.pressed))}
      ?disabled=${this.disabled}
    >${this.icon ? renderIcon(this.icon) : html`<slot></slot>`}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-icon-button': MaIconButton;
  }
}
