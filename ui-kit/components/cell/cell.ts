import { ReactiveElement, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { initialsOf, nameInitials } from '../avatar/initials.ts';
import { cellStyles } from './cell.styles.ts';

let rowTemplate: HTMLTemplateElement | undefined;

/** The inside of every row (title, subtitle, chevron), parsed once and cloned per cell. */
function cloneRow(): DocumentFragment {
  if (!rowTemplate) {
    rowTemplate = document.createElement('template');
    rowTemplate.innerHTML = `<div part="content" class="content"><slot part="title" class="title"></slot><slot part="subtitle" class="subtitle" name="subtitle"></slot></div><span part="chevron" class="chevron"></span>`;
  }
  // importNode, not cloneNode: a clone would belong to the template's inert document and be
  // adopted node by node when inserted.
  return document.importNode(rowTemplate.content, true);
}

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
 * @csspart chevron - The chevron icon (a mask over its `color`).
 */
export class MaCell extends ReactiveElement {
  static override styles = cellStyles;

  static override properties: PropertyDeclarations = {
    subtitle: {},
    chevron: { type: Boolean },
    multiline: { type: Boolean, reflect: true },
    clickable: { type: Boolean, reflect: true },
    href: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    avatarName: { attribute: 'avatar-name' },
    avatarSrc: { attribute: 'avatar-src' },
    failedAvatarSrc: { state: true },
  };

  /** `cell.focus()` reaches the row's button or link, so a host can put focus back on the row that opened something. */
  static override shadowRootOptions: ShadowRootInit = { ...ReactiveElement.shadowRootOptions, delegatesFocus: true };

  // Properties start undefined (read as empty / false): a list renders many cells, and every
  // initialised or reflected default costs each of them a little.

  /** Secondary text under the title. */
  subtitle?: string;

  /** Shows a chevron (the row leads to another screen). */
  chevron?: boolean;

  /** Lets title and subtitle wrap instead of cutting them with an ellipsis. */
  multiline?: boolean;

  /** The row is a button: focusable, announced as one, Enter and Space click it. */
  clickable?: boolean;

  /** The row is a link to this URL. */
  href?: string;

  /** Dims the row and ignores interaction. */
  disabled?: boolean;

  /**
   * Shows a built-in avatar before the title with this person's or organisation's initials; also
   * the avatar's accessible name (without it the avatar is decorative).
   */
  avatarName?: string;

  /** Picture of the built-in avatar; its initials show while it is missing or fails to load. */
  avatarSrc?: string;

  /** The `avatar-src` that failed to load. */
  private failedAvatarSrc?: string;

  // The row is built by hand from a cloned template, not rendered by lit-html: with thousands of
  // rows, a template instance with its parts and markers per row costs more than setting the few
  // nodes that change. Each node is made once and kept.
  private content?: HTMLElement;
  private subtitleSlot?: HTMLSlotElement;
  private chevronIcon?: HTMLElement;
  private link?: HTMLAnchorElement;
  private button?: HTMLElement;
  private avatarInitials?: HTMLElement;
  private avatarImage?: HTMLImageElement;
  /** The nodes of the row as last placed, in order. */
  private placed: ChildNode[] = [];

  // A row has a `before` or `after` slot only once it has children for it: every element in a
  // shadow root costs each of many rows its style recalculation. A slot, once made, stays.
  private beforeSlot?: HTMLSlotElement;
  private afterSlot?: HTMLSlotElement;

  /**
   * Notices `before` / `after` children appended later, while a cell lacks one of the two slots.
   * One observer for all cells (it holds them weakly): an observer per row costs a long list.
   */
  private static childObserver?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.findSlotted();
    if (!this.beforeSlot || !this.afterSlot) {
      MaCell.childObserver ??= new MutationObserver((records) => {
        for (const cell of new Set(records.map((record) => record.target as MaCell))) cell.findSlotted();
      });
      // Direct children only: watching the subtree would wake it on every change inside them.
      MaCell.childObserver.observe(this, { childList: true });
    }
  }

  protected override willUpdate(): void {
    // Also catches a child whose `slot` attribute changed, which the observer does not watch
    // (connectedCallback has just looked before the first update).
    if (this.hasUpdated) this.findSlotted();
  }

  private findSlotted(): void {
    for (let child = this.firstElementChild; child; child = child.nextElementSibling) {
      if (child.slot === 'before') this.beforeSlot ??= this.createSlot('before');
      else if (child.slot === 'after') this.afterSlot ??= this.createSlot('after');
    }
  }

  private createSlot(name: string): HTMLSlotElement {
    const slot = document.createElement('slot');
    slot.name = name;
    this.requestUpdate();
    return slot;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    if (!this.content) {
      const row = cloneRow();
      this.content = row.firstChild as HTMLElement;
      this.subtitleSlot = this.content.lastChild as HTMLSlotElement;
      this.chevronIcon = row.lastChild as HTMLElement;
    }
    if (changed.has('subtitle')) this.subtitleSlot!.textContent = this.subtitle ?? '';
    this.chevronIcon!.toggleAttribute('hidden', !this.chevron);

    // A static row is the element itself; a link or button row is an inner element (part base).
    const root = this.renderRoot;
    let row: ParentNode = root;
    if (this.href !== undefined) {
      const link = (row = this.link ??= this.createBase('a'));
      if (this.disabled) link.removeAttribute('href');
      else link.href = this.href;
    } else if (this.clickable) {
      const button = (row = this.button ??= this.createBase('div'));
      button.tabIndex = this.disabled ? -1 : 0;
    }
    if (row instanceof HTMLElement) {
      if (this.disabled) row.setAttribute('aria-disabled', 'true');
      else row.removeAttribute('aria-disabled');
    }

    const avatar = this.avatarName || this.avatarSrc ? this.renderAvatar() : undefined;
    const nodes: ChildNode[] = [avatar, this.beforeSlot, this.content, this.afterSlot, this.chevronIcon].filter((node) => node !== undefined);
    if (nodes.length === this.placed.length && nodes.every((node, index) => node === this.placed[index]) && nodes[0]!.parentNode === row) return;
    for (const node of this.placed) if (!nodes.includes(node)) node.remove();
    for (const base of [this.link, this.button]) if (base && base !== row) base.remove();
    row.append(...nodes);
    if (row !== root) root.append(row);
    this.placed = nodes;
  }

  private createBase<K extends 'a' | 'div'>(tag: K): HTMLElementTagNameMap[K] {
    const base = document.createElement(tag);
    base.setAttribute('part', 'base');
    base.className = 'cell interactive';
    if (tag === 'div') {
      base.setAttribute('role', 'button');
      base.addEventListener('keydown', (event) => {
        const { key } = event as KeyboardEvent;
        if (key !== 'Enter' && key !== ' ') return;
        event.preventDefault();
        this.click();
      });
    }
    return base;
  }

  /** The built-in avatar: the picture, or the initials while there is none or it fails to load. */
  private renderAvatar(): HTMLElement {
    const name = this.avatarName || '';
    const src = this.avatarSrc;
    if (src && src !== this.failedAvatarSrc) {
      const image = (this.avatarImage ??= this.createAvatar('img'));
      // Setting `src`, even to the same URL, starts a new load.
      if (image.getAttribute('src') !== src) image.src = src;
      image.alt = name;
      return image;
    }
    const initials = (this.avatarInitials ??= this.createAvatar('span'));
    nameInitials(initials, name);
    initials.textContent = initialsOf(name);
    return initials;
  }

  private createAvatar<K extends 'img' | 'span'>(tag: K): HTMLElementTagNameMap[K] {
    const avatar = document.createElement(tag);
    avatar.setAttribute('part', 'avatar');
    avatar.className = 'avatar';
    if (tag === 'img') avatar.addEventListener('error', () => (this.failedAvatarSrc = avatar.getAttribute('src')!));
    return avatar;
  }
}

customElements.define('ma-cell', MaCell);

declare global {
  interface HTMLElementTagNameMap {
    'ma-cell': MaCell;
  }
}
