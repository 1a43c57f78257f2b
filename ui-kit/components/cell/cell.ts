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
 * A static row (neither `href` nor `clickable`) is the element itself, a flex row: style it with
 * `ma-cell { … }`. A link or button row is an inner `<a>` or `<div role="button">` (part `base`).
 *
 * @slot - The title.
 * @slot subtitle - The subtitle (or use the `subtitle` property).
 * @slot before - Leading content: `ma-avatar`, `ma-icon`.
 * @slot after - Trailing content: a value, `ma-counter`, a control.
 * @csspart base - The row of a link (`<a>`, with `href`) or button (`<div>`, with `clickable`); a static row has none.
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
  @property({ type: Boolean, reflect: true }) clickable?: boolean;

  /** The row is a link to this URL. */
  @property({ reflect: true }) href?: string;

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

  // A row has a `before` or `after` slot only once it has children for it: every element in a
  // shadow root costs each of many rows its style recalculation. A slot, once made, stays.
  private beforeSlot?: HTMLSlotElement;
  private afterSlot?: HTMLSlotElement;

  /** Notices `before` / `after` children appended later, while one of the two slots is missing. */
  private childObserver?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.findSlotted();
    if (!this.beforeSlot || !this.afterSlot) {
      // Direct children only: watching the subtree would wake it on every change inside them.
      this.childObserver ??= new MutationObserver(() => this.findSlotted());
      this.childObserver.observe(this, { childList: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
  }

  protected override willUpdate(): void {
    // Also catches a child whose `slot` attribute changed, which the observer does not watch.
    this.findSlotted();
  }

  private findSlotted(): void {
    for (const child of this.children) {
      if (child.slot === 'before') this.beforeSlot ??= this.createSlot('before');
      else if (child.slot === 'after') this.afterSlot ??= this.createSlot('after');
    }
    if (this.beforeSlot && this.afterSlot) this.childObserver?.disconnect();
  }

  private createSlot(name: string): HTMLSlotElement {
    const slot = document.createElement('slot');
    slot.name = name;
    this.requestUpdate();
    return slot;
  }

  // The row is one template (one per kind of row), not a wrapper around nested templates: a nested
  // template per row costs more than a few bindings, so the chevron is hidden when off rather than
  // added. Line breaks sit inside tags: no whitespace text node is cloned per row. A static row
  // has no wrapper: the element itself is the flex row.
  override render() {
    const avatar = this.avatarName || this.avatarSrc ? this.renderAvatar() : nothing;
    const subtitle = this.subtitle ?? nothing;
    const before = this.beforeSlot ?? nothing;
    const after = this.afterSlot ?? nothing;
    if (this.href !== undefined) {
      return html`<a
        part="base"
        class="cell interactive"
        href=${this.disabled ? nothing : this.href}
        aria-disabled=${this.disabled ? 'true' : nothing}
        >${avatar}${before}<div part="content" class="content"
          ><slot part="title" class="title"></slot
          ><slot part="subtitle" class="subtitle" name="subtitle">${subtitle}</slot></div
        >${after}<svg part="chevron" class="chevron" ?hidden=${!this.chevron} viewBox="0 0 24 24" fill="none" stroke="currentColor"
          stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 6l6 6-6 6"></path></svg
      ></a>`;
    }
    if (this.clickable) {
      return html`<div
        part="base"
        class="cell interactive"
        role="button"
        tabindex=${this.disabled ? '-1' : '0'}
        aria-disabled=${this.disabled ? 'true' : nothing}
        @keydown=${this.handleKeydown}
        >${avatar}${before}<div part="content" class="content"
          ><slot part="title" class="title"></slot
          ><slot part="subtitle" class="subtitle" name="subtitle">${subtitle}</slot></div
        >${after}<svg part="chevron" class="chevron" ?hidden=${!this.chevron} viewBox="0 0 24 24" fill="none" stroke="currentColor"
          stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 6l6 6-6 6"></path></svg
      ></div>`;
    }
    return html`${avatar}${before}<div part="content" class="content"
      ><slot part="title" class="title"></slot
      ><slot part="subtitle" class="subtitle" name="subtitle">${subtitle}</slot></div
      >${after}<svg part="chevron" class="chevron" ?hidden=${!this.chevron} viewBox="0 0 24 24" fill="none" stroke="currentColor"
        stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M9 6l6 6-6 6"></path></svg
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-cell': MaCell;
  }
}
