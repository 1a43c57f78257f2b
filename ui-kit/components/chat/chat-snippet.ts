import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DeepLinkSnippet } from '../../../src/chat/deep-links.ts';
import { iconChevronRight } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import { safeImageUrl } from './chat-text.ts';

/*
 * A deep-link snippet in one of its four looks (src/chat/deep-links.ts): `widget-card` (a wide
 * image, the title and the annotation), `item-card` (a thumbnail beside the title and the
 * annotation), `image-only` (the image with the title under it) and `plain` (the title alone).
 * It is a button: the page opens the target (the widget itself never navigates).
 */
export function renderSnippet(snippet: DeepLinkSnippet, open: (snippet: DeepLinkSnippet) => void): TemplateResult {
  const image = snippet.look === 'plain' ? null : safeImageUrl(snippet.image);
  const annotation = snippet.look === 'widget-card' || snippet.look === 'item-card' ? snippet.annotation : null;
  return html`<button type="button" part="snippet" class="snippet look-${snippet.look}" data-look=${snippet.look} @click=${() => open(snippet)}>
    ${image ? html`<img class="snippet-image" src=${image} alt="" loading="lazy" />` : nothing}
    <span class="snippet-body">
      <span class="snippet-title">${snippet.title}</span>
      ${annotation ? html`<span class="snippet-annotation">${annotation}</span>` : nothing}
    </span>
    ${snippet.look === 'plain' ? renderIcon(iconChevronRight, 'snippet-chevron', 'snippet-chevron') : nothing}
  </button>`;
}
