import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { IconData } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { tabBarItemStyles } from './tab-bar.styles.ts';

/**
 * One destination of `ma-tab-bar`: an icon over a short label, with an optional counter or dot.
 *
 * @slot - The label.
 * @slot icon - An icon element, instead of `icon`.
 * @csspart base - The `<button>` or `<a>`.
 * @csspart indicator - The counter or dot.
 */
export class MaTabBarItem extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = tabBarItemStyles;

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    icon: {},
    href: {},
    selected: { type: Boolean, reflect: true },
    counter: { type: Number },
    dot: { type: Boolean },
  };

  /** The value `ma-tab-bar` reports when this item is chosen. */
  name = '';

  /** SVG path data of the icon (an export of `ui-kit/icons`). */
  icon: IconData = '';

  /** Navigates to this URL (the item renders a link). */
  href?: string;

  /** The current destination; set by `ma-tab-bar`. */
  selected = false;

  /** A count shown over the icon (0 hides it). */
  counter = 0;

  /** A dot over the icon: something new there. */
  dot = false;

  override render() {
    const indicator = this.counter > 0
      ? html`<span part="indicator" class="indicator">${this.counter > 99 ? '99+' : this.counter}</span>`
      : this.dot ? html`<span part="indicator" class="indicator dot"></span>` : nothing;
    const content = html`<span class="icon-box">
        <slot name="icon">${this.icon ? renderIcon(this.icon) : nothing}</slot>${indicator}
      </span>
      <span class="label"><slot></slot></span>`;
    const current = this.selected ? 'page' : nothing;
    return this.href !== undefined
      ? html`<a part="base" class="base" href=${this.href} aria-current=${current}>${content}</a>`
      : html`<button part="base" class="base" type="button" aria-current=${current}>${content}</button>`;
  }
}

customElements.define('ma-tab-bar-item', MaTabBarItem);

declare global {
  interface HTMLElementTagNameMap {
    'ma-tab-bar-item': MaTabBarItem;
  }
}
