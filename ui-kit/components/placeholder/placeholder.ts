import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { placeholderStyles } from './placeholder.styles.ts';

/**
 * An empty or error state filling a screen or a section: an icon, a heading, a line of text and
 * an action ("No orders yet" · "Go to the catalogue").
 *
 * @slot icon - A large icon (`ma-icon size="56"`) or an illustration.
 * @slot heading - The heading (or use `heading`).
 * @slot - The explanation.
 * @slot action - A button.
 * @csspart base - The column.
 * @csspart icon - The icon box.
 * @csspart heading - The heading.
 * @csspart text - The text.
 * @csspart action - The action box.
 */
export class MaPlaceholder extends LitElement {
  static override styles = placeholderStyles;

  static override properties: PropertyDeclarations = {
    heading: {},
    stretched: { type: Boolean, reflect: true },
  };

  /** The heading. */
  heading = '';

  /** Fills the height of its container and centres the content. */
  stretched = false;

  private get actions(): Element[] {
    return this.renderRoot?.querySelector<HTMLSlotElement>('slot[name=action]')?.assignedElements() ?? [];
  }

  override render() {
    return html`<div part="base" class="base">
      <div part="icon" class="icon"><slot name="icon"></slot></div>
      <h2 part="heading" class="heading"><slot name="heading">${this.heading}</slot></h2>
      <div part="text" class="text"><slot></slot></div>
      <div part="action" class=${this.actions?.length ? 'action' : 'action empty'}>
        <slot name="action" @slotchange=${() => this.requestUpdate()}></slot>
      </div>
    </div>`;
  }
}

customElements.define('ma-placeholder', MaPlaceholder);

declare global {
  interface HTMLElementTagNameMap {
    'ma-placeholder': MaPlaceholder;
  }
}
