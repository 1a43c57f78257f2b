import { ReactiveElement, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { avatarCss } from './avatar.styles.ts';
import { initialsOf, nameInitials } from './initials.ts';

export { initialsOf };

let sheet: CSSStyleSheet | undefined;
const styledRoots = new WeakSet<Node>();

/** Adopts the avatar rules into the document or shadow root holding `element`, once per root. */
function adoptAvatarStyles(element: Element): void {
  const root = element.getRootNode();
  if (styledRoots.has(root) || !(root instanceof Document || root instanceof ShadowRoot)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(avatarCss);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  styledRoots.add(root);
}

/**
 * A user's or an organisation's picture; shows initials when there is no image or it fails to load.
 * With `name` it is an image named after the person; without, it is decorative.
 *
 * It renders without a shadow root (its `<img>` or the initials are its own children), so a list of
 * hundreds of avatars costs little more than as many `<div>`s; its rules are adopted once by the
 * document or shadow root it is placed in, in the cascade layer `ma-avatar`, so any rule of the
 * page overrides them. Style it and its `img` with ordinary selectors.
 *
 * @cssproperty --ma-avatar-size - Any size other than the `size` presets (inherited: set it on a list to size all its avatars).
 */
export class MaAvatar extends ReactiveElement {
  static override properties: PropertyDeclarations = {
    src: {},
    name: {},
    initials: {},
    size: { reflect: true },
    shape: { reflect: true },
    failed: { state: true },
  };

  /** Image URL. */
  src?: string;

  /** The person or organisation: the accessible name and the source of the initials. */
  name?: string;

  /** Initials to show instead of those taken from `name`. */
  initials?: string;

  // `size` and `shape` start undefined so that lists of avatars reflect no default attributes.

  /** Diameter in px: 24, 32, 40 (the default), 48, 56, 72, 96. */
  size?: '24' | '32' | '40' | '48' | '56' | '72' | '96';

  /** `circle` (people, the default) or `square` (organisations, apps). */
  shape?: 'circle' | 'square';

  private failed?: boolean;

  private image?: HTMLImageElement;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    adoptAvatarStyles(this);
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.failed = false;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const name = this.name ?? '';
    if (this.src && !this.failed) {
      this.removeAttribute('role');
      this.removeAttribute('aria-label');
      this.removeAttribute('aria-hidden');
      const image = (this.image ??= this.createImage());
      image.src = this.src;
      image.alt = name;
      if (image.parentNode !== this) this.replaceChildren(image);
      return;
    }
    // Initials: the element itself is the image, named after the person, or decorative.
    nameInitials(this, name);
    this.textContent = this.initials ?? initialsOf(name);
  }

  private createImage(): HTMLImageElement {
    const image = document.createElement('img');
    image.loading = 'lazy';
    image.addEventListener('error', () => (this.failed = true));
    return image;
  }
}

customElements.define('ma-avatar', MaAvatar);

declare global {
  interface HTMLElementTagNameMap {
    'ma-avatar': MaAvatar;
  }
}
