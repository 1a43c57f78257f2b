import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { BACK } from '../../base/messages.ts';
import { iconChevronLeft } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { headerStyles } from './header.styles.ts';

/**
 * The navigation header of a screen: a back button, the screen's title (the page heading) with an
 * optional subtitle, and actions after it. Respects the top safe-area inset.
 *
 * @slot - The title, when not set with `heading`.
 * @slot subtitle - A line under the title (or use `subtitle`).
 * @slot before - Replaces the back button.
 * @slot after - Actions: `ma-icon-button`s.
 * @event ma-back - The back button was pressed.
 * @csspart base - The `<header>`.
 * @csspart back-button - The back button.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 */
export class MaHeader extends LitElement {
  static override styles = headerStyles;

  static override properties: PropertyDeclarations = {
    heading: {},
    subtitle: {},
    back: { type: Boolean, reflect: true },
    centered: { type: Boolean, reflect: true },
    separator: { type: Boolean, reflect: true },
    transparent: { type: Boolean, reflect: true },
  };

  /** The screen title. */
  heading = '';

  /** A line under the title. */
  subtitle = '';

  /** Shows the back button. */
  back = false;

  /** Centres the title (iOS style). */
  centered = false;

  /** Draws a separator under the header. */
  separator = false;

  /** No background: over an image or the page background. */
  transparent = false;

  private goBack(): void {
    this.dispatchEvent(new CustomEvent('ma-back', { bubbles: true, composed: true }));
  }

  override render() {
    return html`<header part="base">
      <div class="side">
        <slot name="before">
          ${this.back
            ? html`<button part="back-button" class="back" type="button" aria-label=${msg(BACK, this)} @click=${this.goBack}>
                ${renderIcon(iconChevronLeft)}
              </button>`
            : nothing}
        </slot>
      </div>
      <div class="titles">
        <h1 part="title">${this.heading}<slot></slot></h1>
        <slot name="subtitle" part="subtitle" class="subtitle">${this.subtitle}</slot>
      </div>
      <div class="side after"><slot name="after"></slot></div>
    </header>`;
  }
}

customElements.define('ma-header', MaHeader);

declare global {
  interface HTMLElementTagNameMap {
    'ma-header': MaHeader;
  }
  interface HTMLElementEventMap {
    'ma-back': CustomEvent<void>;
  }
}
