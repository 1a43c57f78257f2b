import { html } from 'lit';
import type { TemplateResult } from 'lit';

/*
 * Message text is text: it is rendered through Lit's text bindings (never as HTML), and only
 * http(s) URLs become links, opening in a new browsing context with no opener and no referrer.
 */

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»"']+$/;

/** The URL as a string when it parses and is http(s), else null. */
export function safeHttpUrl(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An image source the widget will load: http(s), blob: or a data: image; anything else is dropped. */
export function safeImageUrl(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  if (/^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i.test(candidate)) return candidate;
  if (/^blob:/i.test(candidate)) return candidate;
  return safeHttpUrl(candidate);
}

export type TextPart = { text: string } | { text: string; href: string };

/** Splits text into plain runs and http(s) links. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHttpUrl(raw);
    if (!href) continue;
    const at = match.index;
    if (at > from) parts.push({ text: text.slice(from, at) });
    parts.push({ text: raw, href });
    from = at + raw.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

export function renderText(text: string): TemplateResult | string {
  if (!text.includes('http')) return text;
  return html`${linkParts(text).map((part) =>
    'href' in part ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>` : part.text,
  )}`;
}
