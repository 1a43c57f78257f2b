import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { linkStyles } from './link.styles.ts';

/**
 * An inline text link in the link colour. Without `href` it renders a button that looks like a
 * link (for in-page actions).
 *
 * @slot - The link text.
 * @csspart base - The inner `<a>` or `<button>`.
 */
export class MaLink extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = linkStyles;

  static override properties: PropertyDeclarations = {
    href: {},
    external: { type: Boolean },
    underline: { type: Boolean, reflect: true },
  };

  /** The URL. Without it the element is a button. */
  href?: string;

  /** Opens in a new browsing context (`_blank`, with `rel="noopener noreferrer"`). */
  external = false;

  /** Underlines the text always, not only on hover. */
  underline = false;

  override render() {
    if (this.href === undefined) return html`<button part="base" type="button"><slot></slot></button>`;
    return html`<a
      part="base"
      href=${this.href}
      target=${ifDefined(this.external ? '_blank' : undefined)}
      rel=${ifDefined(this.external ? 'noopener noreferrer' : undefined)}
    ><slot></slot></a>`;
  }
}

customElements.define('ma-link', MaLink);

declare global {
  interface HTMLElementTagNameMap {
    'ma-link': MaLink;
  }
}
