import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tabPanelStyles } from './tabs.styles.ts';

let nextPanelId = 0;

/**
 * The content of one tab of `ma-tabs`; shown while its tab is selected.
 *
 * @slot - The content.
 */
@customElement('ma-tab-panel')
export class MaTabPanel extends LitElement {
  static override styles = tabPanelStyles;

  /** Matches the `panel` of its `ma-tab`. */
  @property({ reflect: true }) name = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'tabpanel');
    if (!this.id) this.id = `ma-tab-panel-${++nextPanelId}`;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-tab-panel': MaTabPanel;
  }
}
