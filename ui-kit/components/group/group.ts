import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { groupStyles } from './group.styles.ts';

/**
 * A section of a screen: a header, rows (`ma-cell`s or anything) on a surface, and a footer note.
 * With a header it is a named group for assistive technology.
 *
 * @slot - The rows.
 * @slot header - Header content (or use `header`).
 * @slot footer - Footer content (or use `footer`).
 * @csspart base - The section.
 * @csspart header - The header.
 * @csspart body - The surface with the rows.
 * @csspart footer - The footer.
 */
export class MaGroup extends LitElement {
  static override styles = groupStyles;

  static override properties: PropertyDeclarations = {
    header: {},
    footer: {},
    mode: { reflect: true },
    separators: { type: Boolean, reflect: true },
  };

  /** Header text, shown above the rows in small capitals. */
  header = '';

  /** Footer text: a hint under the rows. */
  footer = '';

  /** `plain`: the surface spans the width; `card`: an inset surface with rounded corners. */
  mode: 'plain' | 'card' = 'card';

  /** Draws separators between rows. */
  separators = false;

  override render() {
    return html`<section part="base" role=${this.header ? 'group' : nothing} aria-labelledby=${this.header ? 'header' : nothing}>
      <h2 part="header" id="header" class=${this.header ? 'header' : 'header empty'}><slot name="header">${this.header}</slot></h2>
      <div part="body" class="body"><slot></slot></div>
      <div part="footer" class=${this.footer ? 'footer' : 'footer empty'}><slot name="footer">${this.footer}</slot></div>
    </section>`;
  }
}

customElements.define('ma-group', MaGroup);

declare global {
  interface HTMLElementTagNameMap {
    'ma-group': MaGroup;
  }
}
