import { html, type TemplateResult } from 'lit';
import type { IconData } from './icons.ts';

/**
 * An icon as an inline, decorative `<svg>` (aria-hidden) for use inside a component's template,
 * with no extra element. Size comes from CSS (`width`/`height` on `svg` or `part`).
 */
export function renderIcon(icon: IconData, part = 'icon'): TemplateResult {
  return html`<svg part=${part} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d=${icon}></path></svg>`;
}
