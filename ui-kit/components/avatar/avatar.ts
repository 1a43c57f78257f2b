import { LitElement, html, nothing, type PropertyValues } from 'lit';
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
 * @csspart base - The round frame. @csspart image - The `<img>`. @csspart initials - The initials.
 * @cssproperty --ma-avatar-size - Any size other than the `size` presets.
 */
@customElement('ma-avatar')
export class MaAvatar extends LitElement {
  static override styles = avatarStyles;

  /** Image URL. */
  @property() src?: string;

  /** The person or organisation: the accessible name and the source of the initials. */
  @property() name = '';

  /** Initials to show instead of those taken from `name`. */
  @property() initials?: string;

  /** Diameter in px: 24, 32, 40 (default), 48, 56, 72, 96. */
  @property({ reflect: true }) size: '24' | '32' | '40' | '48' | '56' | '72' | '96' = '40';

  /** `circle` (people) or `square` (organisations, apps). */
  @property({ reflect: true }) shape: 'circle' | 'square' = 'circle';

  @state() private failed = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.failed = false;
  }

  override render() {
    const label = this.name || nothing;
    const content =
      this.src && !this.failed
        ? html`<img part="image" src=${this.src} alt="" loading="lazy" @error=${() => (this.failed = true)} />`
        : html`<span part="initials" aria-hidden="true">${this.initials ?? initialsOf(this.name)}</span>`;
    return html`<span
      part="base"
      class="base"
      role=${this.name ? 'img' : nothing}
      aria-label=${label}
      aria-hidden=${this.name ? nothing : 'true'}
    >${content}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-avatar': MaAvatar;
  }
}
