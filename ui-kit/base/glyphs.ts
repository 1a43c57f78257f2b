import { svg } from 'lit';

// Small inline glyphs the form controls and overlays need, so they work without the icon set.
// 20px by default; a stylesheet may size them otherwise.
const glyph = (path: string) =>
  svg`<svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d=${path}></path></svg>`;

export const clearGlyph = /* @__PURE__ */ glyph('M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-5 6.4 1.4-1.4 3.6 3.6 3.6-3.6 1.4 1.4-3.6 3.6 3.6 3.6-1.4 1.4-3.6-3.6-3.6 3.6-1.4-1.4 3.6-3.6Z');
export const closeGlyph = /* @__PURE__ */ glyph(
  'M5.3 5.3a1 1 0 0 1 1.4 0L12 10.6l5.3-5.3a1 1 0 1 1 1.4 1.4L13.4 12l5.3 5.3a1 1 0 0 1-1.4 1.4L12 13.4l-5.3 5.3a1 1 0 0 1-1.4-1.4l5.3-5.3-5.3-5.3a1 1 0 0 1 0-1.4Z',
);
export const searchGlyph = /* @__PURE__ */ glyph(
  'M10.5 3a7.5 7.5 0 0 1 5.9 12.1l4.3 4.2a1 1 0 0 1-1.4 1.4l-4.2-4.3A7.5 7.5 0 1 1 10.5 3Zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z',
);
export const checkGlyph = /* @__PURE__ */ glyph('M9.5 15.6 5.2 11.3a1 1 0 0 0-1.4 1.4l5 5a1 1 0 0 0 1.4 0l10-10a1 1 0 0 0-1.4-1.4l-9.3 9.3Z');
export const dashGlyph = /* @__PURE__ */ glyph('M6 11h12a1 1 0 1 1 0 2H6a1 1 0 1 1 0-2Z');
export const chevronGlyph = /* @__PURE__ */ glyph('M6.3 9.3a1 1 0 0 1 1.4 0l4.3 4.3 4.3-4.3a1 1 0 1 1 1.4 1.4l-5 5a1 1 0 0 1-1.4 0l-5-5a1 1 0 0 1 0-1.4Z');
