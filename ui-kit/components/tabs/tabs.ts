import { LitElement, html, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './tab.ts';
import './tab-panel.ts';
import type { MaTab } from './tab.ts';
import type { MaTabPanel } from './tab-panel.ts';
import { tabsStyles } from './tabs.styles.ts';

export interface TabChangeDetail {
  /** The `panel` of the newly selected tab. */
  value: string;
}

/**
 * Tabs following the WAI-ARIA tabs pattern: one tab in the Tab sequence, arrow keys (and Home,
 * End) move between tabs and select them, disabled tabs are skipped; each `ma-tab` shows the
 * `ma-tab-panel` of the same name.
 *
 * @slot nav - The `ma-tab`s.
 * @slot - The `ma-tab-panel`s (optional: a page can switch content itself on `ma-tab-change`).
 * @event ma-tab-change - The user selected another tab; `detail.value` is its `panel`.
 * @csspart tablist - The row of tabs.
 */
export class MaTabs extends LitElement {
  static override styles = tabsStyles;

  static override properties: PropertyDeclarations = {
    value: { reflect: true },
    label: {},
    stretched: { type: Boolean, reflect: true },
  };

  /** The `panel` of the selected tab; defaults to the first enabled tab. */
  value = '';

  /** Accessible name of the tab list. */
  label = '';

  /** Tabs share the width equally. */
  stretched = false;

  get tabs(): MaTab[] {
    return [...this.querySelectorAll<MaTab>(':scope > ma-tab')];
  }

  get panels(): MaTabPanel[] {
    return [...this.querySelectorAll<MaTabPanel>(':scope > ma-tab-panel')];
  }

  constructor() {
    super();
    this.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest?.('ma-tab');
      if (tab && tab.parentElement === this) this.select(tab, true);
    });
    this.addEventListener('keydown', (event) => this.handleKeydown(event));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.sync();
  }

  private sync(): void {
    const tabs = this.tabs;
    const enabled = tabs.filter((tab) => !tab.disabled);
    const current = tabs.find((tab) => tab.panel === this.value && !tab.disabled) ?? enabled[0];
    if (current && current.panel !== this.value) this.value = current.panel;
    const panels = this.panels;
    for (const tab of tabs) {
      tab.selected = tab === current;
      const panel = panels.find((candidate) => candidate.name === tab.panel);
      if (panel) {
        tab.setAttribute('aria-controls', panel.id);
        panel.setAttribute('aria-labelledby', tab.id);
      }
    }
    for (const panel of panels) panel.hidden = panel.name !== current?.panel;
  }

  private select(tab: MaTab, fromUser: boolean): void {
    if (tab.disabled || tab.panel === this.value) return;
    this.value = tab.panel;
    this.sync();
    if (fromUser) {
      this.dispatchEvent(
        new CustomEvent<TabChangeDetail>('ma-tab-change', { bubbles: true, composed: true, detail: { value: tab.panel } }),
      );
    }
  }

  private handleKeydown(event: KeyboardEvent): void {
    const tab = (event.target as Element).closest?.('ma-tab');
    if (!tab || tab.parentElement !== this) return;
    const enabled = this.tabs.filter((candidate) => !candidate.disabled);
    const index = enabled.indexOf(tab);
    let next: MaTab | undefined;
    if (event.key === 'ArrowRight') next = enabled[(index + 1) % enabled.length];
    else if (event.key === 'ArrowLeft') next = enabled[(index - 1 + enabled.length) % enabled.length];
    else if (event.key === 'Home') next = enabled[0];
    else if (event.key === 'End') next = enabled[enabled.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') next = tab;
    if (!next) return;
    event.preventDefault();
    this.select(next, true);
    next.focus();
  }

  override render() {
    return html`<div part="tablist" class="tablist" role="tablist" aria-label=${ifDefined(this.label || undefined)}>
        <slot name="nav" @slotchange=${() => this.sync()}></slot>
      </div>
      <slot @slotchange=${() => this.sync()}></slot>`;
  }
}

customElements.define('ma-tabs', MaTabs);

declare global {
  interface HTMLElementTagNameMap {
    'ma-tabs': MaTabs;
  }
  interface HTMLElementEventMap {
    'ma-tab-change': CustomEvent<TabChangeDetail>;
  }
}
