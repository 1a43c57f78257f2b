import { LitElement, html, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { tabStyles } from './tabs.styles.ts';

let nextTabId = 0;

/**
 * One tab of `ma-tabs`. It is the `tab` itself (role and state on the element), so the tab list
 * and panels can reference it by id.
 *
 * @slot - The tab's label; an icon or `ma-counter` can go in too.
 * @csspart base - The label box.
 */
export class MaTab extends LitElement {
  static override styles = tabStyles;

  static override properties: PropertyDeclarations = {
    panel: { reflect: true },
    selected: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
  };

  /** The name of the `ma-tab-panel` this tab shows, and the value `ma-tabs` reports. */
  panel = '';

  /** Set by `ma-tabs` for the active tab. */
  selected = false;

  disabled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'tab');
    if (!this.id) this.id = `ma-tab-${++nextTabId}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected')) {
      this.setAttribute('aria-selected', String(this.selected));
      this.tabIndex = this.selected && !this.disabled ? 0 : -1;
    }
    if (changed.has('disabled')) {
      if (this.disabled) this.setAttribute('aria-disabled', 'true');
      else this.removeAttribute('aria-disabled');
    }
  }

  override render() {
    return html`<div part="base" class="base"><slot></slot></div>`;
  }
}

customElements.define('ma-tab', MaTab);

declare global {
  interface HTMLElementTagNameMap {
    'ma-tab': MaTab;
  }
}
