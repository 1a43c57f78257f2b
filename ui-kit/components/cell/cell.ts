import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { initialsOf } from '../avatar/initials.ts';
import { cellStyles } from './cell.styles.ts';

/**
 * A list row: something before (an avatar, an icon), a title and a subtitle, something after
 * (a value, a switch, a counter) and an optional chevron. With `href` it is a link; with
 * `clickable` it is a button (activated by Enter and Space); keep controls out of such a row.
 *
 * For the common contact row, `avatar-name` (and `avatar-src`) draw a 40px round avatar inside the
 * cell, which renders a long list faster than an `ma-avatar` in the `before` slot; use the slot for
 * other sizes, shapes or content.
 *
 * @slot - The title.
 * @slot subtitle - The subtitle (or use the `subtitle` property).
 * @slot before - Leading content: `ma-avatar`, `ma-icon`.
 * @slot after - Trailing content: a value, `ma-counter`, a control.
 * @csspart base - The row (a `<div>`, or an `<a>` with `href`).
 * @csspart avatar - The built-in avatar (with `avatar-name` or `avatar-src`): the initials, or the `<img>`.
 * @csspart content - The title and subtitle column.
 * @csspart title - The title line.
 * @csspart subtitle - The subtitle line.
 * @csspart chevron - The chevron icon.
 */
@customElement('ma-cell')
export class MaCell extends LitElement {
  static override styles = cellStyles;

  // Properties start undefined (read as empty / false): a list renders many cells, and every
  // initialised or reflected default costs each of them a little.

  /** Secondary text under the title. */
  @property() subtitle?: string;

  /** Shows a chevron (the row leads to another screen). */
  @property({ type: Boolean }) chevron?: boolean;

  /** Lets title and subtitle wrap instead of cutting them with an ellipsis. */
  @property({ type: Boolean, reflect: true }) multiline?: boolean;

  /** The row is a button: focusable, announced as one, Enter and Space click it. */
  @property({ type: Boolean }) clickable?: boolean;

  /** The row is a link to this URL. */
  @property() href?: string;

  /** Dims the row and ignores interaction. */
  @property({ type: Boolean, reflect: true }) disabled?: boolean;

  /**
   * Shows a built-in avatar before the title with this person's or organisation's initials; also
   * the avatar's accessible name (without it the avatar is decorative).
   */
  @property({ attribute: 'avatar-name' }) avatarName?: string;

  /** Picture of the built-in avatar; its initials show while it is missing or fails to load. */
  @property({ attribute: 'avatar-src' }) avatarSrc?: string;

  /** The `avatar-src` that failed to load. */
  @state() private failedAvatarSrc?: string;

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.click();
  }

  /** The built-in avatar: the picture, or the initials while there is none or it fails to load. */
  private renderAvatar() {
    const name = this.avatarName || undefined;
    const src = this.avatarSrc;
    return src && src !== this.failedAvatarSrc
      ? html`<img part="avatar" class="avatar" src=${src} alt=${name ?? ''} @error=${() => (this.failedAvatarSrc = src)} />`
      : html`<span part="avatar" class="avatar" role=${name ? 'img' : nothing} aria-label=${name ?? nothing}
          aria-hidden=${name ? nothing : 'true'}>${initialsOf(name ?? '')}</span>`;
  }

  // The row is one template (one per kind of row), not a wrapper around nested templates: a nested
  // template per row costs more than a few bindings, so the chevron is hidden when off rather than
  // added. Line breaks sit inside tags: no whitespace text node is cloned per row.
  override render() {
    const avatar = this.avatarName || this.avatarSrc ? this.renderAvatar() : nothing;
    const subtitle = this.subtitle ?? nothing;
    if (this.href !== undefined) {
      return html`<a
        part="base"
        class="cell interactive"
        href=${this.disabled ? nothing : this.href}
        aria-disabled=${this.disabled ? 'true' : nothing}
        >${avatar}<slot name="before"></slot
        ><div part="content" class="content"
          ><slot part="title" class="title"></slot
          ><slot part="subtitle" class="subtitle" name="subtitle">${subtitle}</slot></div
        ><slot name="after"></slot
        ><svg part="chevron" class="chevron" ?hidden=${!this.chevron} viewBox="0 0 24 24" fill="none" stroke="currentColor"
          stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 6l6 6-6 6"></path></svg
      ></a>`;
    }
    const clickable = this.clickable;
    return html`<div
      part="base"
      class=${clickable ? 'cell interactive' : 'cell'}
      role=${clickable ? 'button' : nothing}
      tabindex=${clickable ? (this.disabled ? '-1' : '0') : nothing}
      aria-disabled=${clickable && this.disabled ? 'true' : nothing}
      @keydown=${clickable ? this.handleKeydown : nothing}
      >${avatar}<slot name="before"></slot
      ><div part="content" class="content"
        ><slot part="title" class="title"></slot
        ><slot part="subtitle" class="subtitle" name="subtitle">${subtitle}</slot></div
      ><slot name="after"></slot
      ><svg part="chevron" class="chevron" ?hidden=${!this.chevron} viewBox="0 0 24 24" fill="none" stroke="currentColor"
        stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 6l6 6-6 6"></path></svg
    ></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-cell': MaCell;
  }
}
