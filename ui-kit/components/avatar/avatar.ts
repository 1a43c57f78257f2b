import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { avatarStyles } from './avatar.styles.ts';

/** Up to two initials of a name: "Anna Petrova" → "AP". */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * A user's or an organisation's picture; shows initials when there is no image or it fails to load.
 * With `name` it is an image named after the person; without, it is decorative.
 *
 * @csspart image - The `<img>`.
 * @csspart initials - The initials (also the named image when `name` is set).
 * @cssproperty --ma-avatar-size - Any size other than the `size` presets.
 */
@customElement('ma-avatar')
export class MaAvatar extends LitElement {
  static override styles = avatarStyles;

  /** Image URL. */
  @property() src?: string;

  /** The person or organisation: the accessible name and the source of the initials. */
  @property() name?: string;

  /** Initials to show instead of those taken from `name`. */
  @property() initials?: string;

  // `size` and `shape` start undefined so that lists of avatars reflect no default attributes.

  /** Diameter in px: 24, 32, 40 (the default), 48, 56, 72, 96. */
  @property({ reflect: true }) size?: '24' | '32' | '40' | '48' | '56' | '72' | '96';

  /** `circle` (people, the default) or `square` (organisations, apps). */
  @property({ reflect: true }) shape?: 'circle' | 'square';

  @state() private failed?: boolean;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.failed = false;
  }

  override render() {
    const name = this.name ?? '';
    if (this.src && !this.failed) {
      return html`<img part="image" src=${this.src} alt=${name} loading="lazy" @error=${() => (this.failed = true)} />`;
    }
    const initials = this.initials ?? initialsOf(name);
    return name
      ? html`<span part="initials" class="initials" role="img" aria-label=${name}>${initials}</span>`
      : html`<span part="initials" class="initials" aria-hidden="true">${initials}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-avatar': MaAvatar;
  }
}
