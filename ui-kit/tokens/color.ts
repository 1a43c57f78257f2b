/**
 * Small colour maths for the tokens: hex parsing, WCAG relative luminance and contrast ratio,
 * mixing. Pure functions, no DOM, so the build script, the runtime and the tests share them.
 */

export type Rgb = readonly [number, number, number];

/** Parses `#rgb`, `#rrggbb` (case-insensitive). Throws on anything else. */
export function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) throw new TypeError(`Not a hex colour: ${hex}`);
  let digits = match[1];
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  const value = Number.parseInt(digits, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.x relative luminance, 0 (black) … 1 (white). */
export function luminance(color: string | Rgb): number {
  const [r, g, b] = (typeof color === 'string' ? parseHex(color) : color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two opaque colours, 1 … 21. */
export function contrast(a: string | Rgb, b: string | Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `amount` (0…1) of `other` mixed into `color`, in sRGB. */
export function mix(color: string, other: string, amount: number): string {
  const a = parseHex(color);
  const b = parseHex(other);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * amount) as unknown as Rgb);
}

/** The colour with an alpha channel, as `rgb(r g b / a)`. */
export function withAlpha(color: string, alpha: number): string {
  const [r, g, b] = parseHex(color);
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}

/**
 * Moves `color` towards `towards` in small steps until it reaches `ratio` against every colour in
 * `against`; returns the first colour that does (or `towards` itself).
 */
export function ensureContrast(color: string, against: readonly string[], ratio: number, towards: string): string {
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(color, towards, step / 50);
    if (against.every((bg) => contrast(candidate, bg) >= ratio)) return candidate;
  }
  return towards;
}
