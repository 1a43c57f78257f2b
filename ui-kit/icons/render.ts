import { html, type TemplateResult } from 'lit';
import type { IconData } from './icons.ts';

/**
 * An icon as an inline, decorative `<svg>` (aria-hidden) for a component's own template, with no
 * extra element. Size it from CSS through `part`/`className`.
 */
export function renderIcon(icon: IconData, part = 'icon', className = 'icon'): TemplateResult {
  return html`<svg part=${part} class=${className} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d=${icon}></path></svg>`;
}
