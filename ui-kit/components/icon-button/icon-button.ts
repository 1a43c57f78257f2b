import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
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
export class MaIconButton extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = iconButtonStyles;

  static override properties: PropertyDeclarations = {
    label: {},
    icon: {},
    mode: { reflect: true },
    size: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    pressed: { type: Boolean, reflect: true },
  };

  /** Accessible name (required): what the button does, e.g. "Share". */
  label = '';

  /** SVG path data of the icon (an export of `ui-kit/icons`); or put an element in the slot. */
  icon: IconData = '';

  /** `plain` (transparent), `tinted` (brand tint), `secondary` (neutral colour). */
  mode: 'plain' | 'tinted' | 'secondary' = 'plain';

  /** Touch target: `s` 32px, `m` 40px, `l` 48px. */
  size: 's' | 'm' | 'l' = 'l';

  disabled = false;

  /** Marks a toggle button as pressed (`aria-pressed`); leave unset for a plain button. */
  pressed?: boolean;

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

customElements.define('ma-icon-button', MaIconButton);

declare global {
  interface HTMLElementTagNameMap {
    'ma-icon-button': MaIconButton;
  }
}
