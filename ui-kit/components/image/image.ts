import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { IMAGE_UNAVAILABLE } from '../../base/messages.ts';
import { iconImage } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { imageStyles } from './image.styles.ts';

/** `16/9`, `4:3`, `1.5` → a CSS aspect-ratio; anything else → undefined. */
export function toAspectRatio(ratio: string | undefined): string | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:[/:]\s*(\d+(?:\.\d+)?))?\s*$/.exec(ratio ?? '');
  if (!match) return undefined;
  return match[2] ? `${match[1]} / ${match[2]}` : match[1];
}

/**
 * An image that keeps its box while loading (a pulsing placeholder), shows a fallback when it
 * fails, and holds an aspect ratio. The `state` attribute (`loading`, `loaded`, `error`) is
 * reflected for styling.
 *
 * @slot fallback - Content shown when the image fails (default: an icon and "Image unavailable").
 * @event ma-load - The image loaded.
 * @event ma-error - The image failed to load.
 * @csspart image - The `<img>`.
 * @csspart fallback - The fallback box.
 * @cssproperty --ma-image-fit - `object-fit` (default `cover`).
 * @cssproperty --ma-image-radius - Corner radius.
 */
export class MaImage extends LitElement {
  static override styles = imageStyles;

  static override properties: PropertyDeclarations = {
    src: {},
    alt: {},
    ratio: {},
    loading: {},
    state: { reflect: true },
  };

  src = '';

  /** Alternative text; empty for a decorative image. */
  alt = '';

  /** Aspect ratio: `16/9`, `4:3`, `1`. */
  ratio?: string;

  /** Loads only near the viewport (`lazy`, default) or at once (`eager`). */
  loading: 'lazy' | 'eager' = 'lazy';

  /** Loading state, reflected for styling. */
  state: 'loading' | 'loaded' | 'error' = 'loading';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.state = this.src ? 'loading' : 'error';
    if (changed.has('ratio')) this.style.aspectRatio = toAspectRatio(this.ratio) ?? '';
  }

  private handleLoad(): void {
    this.state = 'loaded';
    this.dispatchEvent(new CustomEvent('ma-load', { bubbles: true, composed: true }));
  }

  private handleError(): void {
    this.state = 'error';
    this.dispatchEvent(new CustomEvent('ma-error', { bubbles: true, composed: true }));
  }

  override render() {
    return html`${this.src && this.state !== 'error'
      ? html`<img
          part="image"
          src=${this.src}
          alt=${this.alt}
          loading=${this.loading}
          decoding="async"
          @load=${this.handleLoad}
          @error=${this.handleError}
        />`
      : nothing}
    ${this.state === 'loading' ? html`<div class="loading" aria-hidden="true"></div>` : nothing}
    ${this.state === 'error'
      ? html`<div part="fallback" class="fallback" role=${this.alt ? 'img' : nothing} aria-label=${this.alt || nothing}>
          <slot name="fallback">${renderIcon(iconImage, 'fallback-icon', 'broken')}
            <span aria-hidden=${this.alt ? 'true' : nothing}>${msg(IMAGE_UNAVAILABLE, this)}</span></slot>
        </div>`
      : nothing}`;
  }
}

customElements.define('ma-image', MaImage);

declare global {
  interface HTMLElementTagNameMap {
    'ma-image': MaImage;
  }
  interface HTMLElementEventMap {
    'ma-load': CustomEvent<void>;
    'ma-error': CustomEvent<void>;
  }
}
