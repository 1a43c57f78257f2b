import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { tabPanelStyles } from './tabs.styles.ts';

let nextPanelId = 0;

/**
 * The content of one tab of `ma-tabs`; shown while its tab is selected.
 *
 * @slot - The content.
 */
export class MaTabPanel extends LitElement {
  static override styles = tabPanelStyles;

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
  };

  /** Matches the `panel` of its `ma-tab`. */
  name = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'tabpanel');
    if (!this.id) this.id = `ma-tab-panel-${++nextPanelId}`;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

customElements.define('ma-tab-panel', MaTabPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ma-tab-panel': MaTabPanel;
  }
}
