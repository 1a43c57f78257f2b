/**
 * Re-branding: from one brand colour (and optionally an accent) derive every colour token that
 * depends on it, for both schemes, keeping text contrast at WCAG AA (4.5:1).
 */
import { contrast, ensureContrast, mix, parseHex, withAlpha } from './color.ts';
import { darkColors, derivedTokens, lightColors, type ColorScheme, type ColorTokens } from './tokens.ts';

export interface BrandOptions {
  /** The brand colour, `#rgb` or `#rrggbb`. */
  brand: string;
  /** The accent colour (counters, highlights), `#rgb` or `#rrggbb`. */
  accent?: string;
}

/** Brands the gallery offers and the tests check; the first (no `brand`) is the kit's own colours. */
export const brandPresets: ReadonlyArray<{ name: string; brand?: string }> = [
  { name: 'Default' },
  { name: 'Sun', brand: '#ffcc00' },
  { name: 'Forest', brand: '#00875a' },
  { name: 'Grape', brand: '#7b3fe4' },
  { name: 'Coral', brand: '#ff6a4d' },
];

export const AA_TEXT = 4.5;
const WHITE = '#ffffff';
const DARK_TEXT = '#111214';
const BLACK = '#000000';
/** Opacity of the brand tint over the page, per scheme. */
export const TINT_LIGHT = 0.1;
export const TINT_DARK = 0.2;

/** The text colour to put on `background`: white when it reaches AA, else a dark one that does. */
export function pickOnColor(background: string): string {
  if (contrast(WHITE, background) >= AA_TEXT) return WHITE;
  return contrast(DARK_TEXT, background) >= AA_TEXT ? DARK_TEXT : BLACK;
}

/** The brand-dependent colour tokens of one scheme. */
export function deriveBrandColors(options: BrandOptions, scheme: ColorScheme): Partial<ColorTokens> {
  const brand = normalise(options.brand);
  const base = scheme === 'light' ? lightColors : darkColors;
  const onBrand = pickOnColor(brand);
  // Hover and pressed move away from the text colour, so contrast only grows.
  const away = onBrand === WHITE ? BLACK : WHITE;
  const tintAlpha = scheme === 'light' ? TINT_LIGHT : TINT_DARK;
  // The link colour is also the text of tinted (secondary) buttons: check it on the tint too.
  const backgrounds = [base.background, base.surface, base['surface-secondary'], base.field]
    .flatMap((background) => [background, mix(background, brand, tintAlpha)]);
  const link = ensureContrast(brand, backgrounds, AA_TEXT, scheme === 'light' ? BLACK : WHITE);
  const derived: Partial<ColorTokens> = {
    brand,
    'brand-hover': mix(brand, away, 0.1),
    'brand-pressed': mix(brand, away, 0.2),
    'brand-tint': withAlpha(brand, tintAlpha),
    'on-brand': onBrand,
    link,
    focus: link,
  };
  if (options.accent) {
    const accent = normalise(options.accent);
    derived.accent = accent;
    derived['on-accent'] = pickOnColor(accent);
  }
  return derived;
}

function normalise(hex: string): string {
  parseHex(hex); // throws on a malformed colour
  return hex.trim().toLowerCase();
}

function block(selector: string, colors: Partial<ColorTokens>): string {
  const lines = Object.entries(colors).map(([name, value]) => `  --ma-color-${name}: ${value};`);
  for (const [name, value] of Object.entries(derivedTokens)) lines.push(`  ${name}: ${value};`);
  return `${selector} {\n${lines.join('\n')}\n}\n`;
}

/**
 * A stylesheet re-branding everything under `selector` in both schemes (explicit
 * `data-ma-scheme` or the system preference). Load it after the tokens; save it as a `.css` file
 * to re-brand with CSS alone.
 */
export function brandCss(options: BrandOptions, selector = ':root'): string {
  const light = deriveBrandColors(options, 'light');
  const dark = deriveBrandColors(options, 'dark');
  const darkSelector = `${selector}[data-ma-scheme="dark"], [data-ma-scheme="dark"] ${selector}`;
  return (
    block(`${selector}:not([data-ma-scheme="dark"])`, light) +
    block(darkSelector, dark) +
    `@media (prefers-color-scheme: dark) {\n${block(`${selector}:not([data-ma-scheme="light"])`, dark)}}\n`
  );
}
