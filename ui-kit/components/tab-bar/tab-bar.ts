import { LitElement, html, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { NAVIGATION } from '../../base/messages.ts';
import './tab-bar-item.ts';
import type { MaTabBarItem } from './tab-bar-item.ts';
import { tabBarStyles } from './tab-bar.styles.ts';

export interface TabBarChangeDetail {
  /** The `name` of the chosen item. */
  value: string;
}

/**
 * The bottom navigation of a mini-app: a few `ma-tab-bar-item`s, the current one marked with
 * `aria-current="page"`. Respects the bottom safe-area inset.
 *
 * @slot - The `ma-tab-bar-item`s.
 * @event ma-tab-bar-change - The user chose another item; `detail.value` is its `name`.
 * @csspart base - The `<nav>`.
 */
export class MaTabBar extends LitElement {
  static override styles = tabBarStyles;

  static override properties: PropertyDeclarations = {
    value: { reflect: true },
    label: {},
  };

  /** The `name` of the current item. */
  value = '';

  /** Accessible name of the navigation (default: the built-in "Navigation"). */
  label = '';

  constructor() {
    super();
    this.addEventListener('click', (event) => {
      const item = (event.target as Element).closest?.('ma-tab-bar-item');
      if (!item || item.parentElement !== this || item.name === this.value) return;
      this.value = item.name;
      this.dispatchEvent(
        new CustomEvent<TabBarChangeDetail>('ma-tab-bar-change', { bubbles: true, composed: true, detail: { value: item.name } }),
      );
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.sync();
  }

  private sync(): void {
    for (const item of this.querySelectorAll<MaTabBarItem>(':scope > ma-tab-bar-item')) {
      item.selected = item.name === this.value;
    }
  }

  override render() {
    return html`<nav part="base" aria-label=${this.label || msg(NAVIGATION, this)}>
      <slot @slotchange=${() => this.sync()}></slot>
    </nav>`;
  }
}

customElements.define('ma-tab-bar', MaTabBar);

declare global {
  interface HTMLElementTagNameMap {
    'ma-tab-bar': MaTabBar;
  }
  interface HTMLElementEventMap {
    'ma-tab-bar-change': CustomEvent<TabBarChangeDetail>;
  }
}
