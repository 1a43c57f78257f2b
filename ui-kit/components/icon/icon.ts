import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { IconData } from '../../icons/icons.ts';
import { iconStyles } from './icon.styles.ts';

/**
 * An icon of the kit's set (or any 24×24 stroked path data), sized and coloured by `currentColor`.
 * With `label` it is an image with that name; without, it is decorative and hidden from
 * assistive technology.
 *
 * @csspart svg - The `<svg>` element.
 */
export class MaIcon extends LitElement {
  static override styles = iconStyles;

  static override properties: PropertyDeclarations = {
    icon: {},
    size: { type: Number },
    label: {},
  };

  /** SVG path data of the icon: an export of `ui-kit/icons`, e.g. `iconChevronRight`. */
  icon: IconData = '';

  /** Width and height in CSS pixels. */
  size = 24;

  /** Accessible name. Leave empty for a decorative icon. */
  label = '';

  override render() {
    const label = this.label || nothing;
    return html`<svg
      part="svg"
      viewBox="0 0 24 24"
      width=${this.size}
      height=${this.size}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      focusable="false"
      role=${this.label ? 'img' : nothing}
      aria-label=${label}
      aria-hidden=${this.label ? nothing : 'true'}
    ><path d=${this.icon}></path></svg>`;
  }
}

customElements.define('ma-icon', MaIcon);

declare global {
  interface HTMLElementTagNameMap {
    'ma-icon': MaIcon;
  }
}
