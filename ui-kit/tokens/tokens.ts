/**
 * The design tokens: the single source of truth. `scripts/build-tokens.mjs` turns them into
 * `tokens.css` (and `tokens.css.ts` for `installTokens()`); components read them only as CSS
 * custom properties. Names are a public contract: add tokens, never rename one.
 */

/** Colour tokens, keyed by the name without the `--ma-color-` prefix. */
export interface ColorTokens {
  brand: string;
  'brand-hover': string;
  'brand-pressed': string;
  'brand-tint': string;
  'on-brand': string;
  accent: string;
  'on-accent': string;
  background: string;
  surface: string;
  'surface-secondary': string;
  text: string;
  'text-secondary': string;
  'text-tertiary': string;
  separator: string;
  link: string;
  positive: string;
  negative: string;
  warning: string;
  'on-status': string;
  overlay: string;
  field: string;
  'field-border': string;
  focus: string;
  skeleton: string;
}

export type ColorTokenName = keyof ColorTokens;
export type ColorScheme = 'light' | 'dark';

export const lightColors: ColorTokens = {
  brand: '#0a6ad6',
  'brand-hover': '#095fc1',
  'brand-pressed': '#0855ab',
  'brand-tint': 'rgb(10 106 214 / 0.1)',
  'on-brand': '#ffffff',
  accent: '#d32f2f',
  'on-accent': '#ffffff',
  background: '#f2f3f5',
  surface: '#ffffff',
  'surface-secondary': '#ebedf0',
  text: '#1a1b1e',
  'text-secondary': '#545c68',
  'text-tertiary': '#616a75',
  separator: '#d7d9dd',
  link: '#095fc1',
  positive: '#1d7a3a',
  negative: '#cc2936',
  warning: '#a35300',
  'on-status': '#ffffff',
  overlay: 'rgb(0 0 0 / 0.4)',
  field: '#f5f6f8',
  'field-border': '#848d98',
  focus: '#095fc1',
  skeleton: '#e3e5e8',
};

export const darkColors: ColorTokens = {
  brand: '#1f74dc',
  'brand-hover': '#1c68c6',
  'brand-pressed': '#195db0',
  'brand-tint': 'rgb(31 116 220 / 0.2)',
  'on-brand': '#ffffff',
  accent: '#ff6b6b',
  'on-accent': '#111214',
  background: '#0e0f11',
  surface: '#1c1d20',
  'surface-secondary': '#27292d',
  text: '#e8eaed',
  'text-secondary': '#a6adb6',
  'text-tertiary': '#959ca6',
  separator: '#35373b',
  link: '#6ba3e8',
  positive: '#5cc77a',
  negative: '#ff7a7a',
  warning: '#f5b040',
  'on-status': '#111214',
  overlay: 'rgb(0 0 0 / 0.6)',
  field: '#26282c',
  'field-border': '#6f7782',
  focus: '#6ba3e8',
  skeleton: '#2c2e32',
};

export const colors: Record<ColorScheme, ColorTokens> = { light: lightColors, dark: darkColors };

export type TypeScale = 'title1' | 'title2' | 'title3' | 'headline' | 'text' | 'subhead' | 'caption' | 'footnote';

/** Scheme-independent tokens, keyed by the full custom property name. */
export const baseTokens = {
  '--ma-font-family':
    '-apple-system, BlinkMacSystemFont, "SF Pro Text", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  '--ma-font-size-title1': '28px',
  '--ma-font-size-title2': '22px',
  '--ma-font-size-title3': '20px',
  '--ma-font-size-headline': '17px',
  '--ma-font-size-text': '16px',
  '--ma-font-size-subhead': '14px',
  '--ma-font-size-caption': '12px',
  '--ma-font-size-footnote': '13px',
  '--ma-line-height-title1': '34px',
  '--ma-line-height-title2': '28px',
  '--ma-line-height-title3': '26px',
  '--ma-line-height-headline': '22px',
  '--ma-line-height-text': '21px',
  '--ma-line-height-subhead': '18px',
  '--ma-line-height-caption': '16px',
  '--ma-line-height-footnote': '18px',
  '--ma-font-weight-regular': '400',
  '--ma-font-weight-medium': '500',
  '--ma-font-weight-semibold': '600',
  '--ma-font-weight-bold': '700',
  '--ma-space-2xs': '2px',
  '--ma-space-xs': '4px',
  '--ma-space-s': '8px',
  '--ma-space-m': '12px',
  '--ma-space-l': '16px',
  '--ma-space-xl': '24px',
  '--ma-space-2xl': '32px',
  '--ma-radius-s': '6px',
  '--ma-radius-m': '10px',
  '--ma-radius-l': '14px',
  '--ma-radius-pill': '9999px',
  '--ma-shadow-1': '0 1px 2px rgb(0 0 0 / 0.08), 0 0 1px rgb(0 0 0 / 0.12)',
  '--ma-shadow-2': '0 4px 12px rgb(0 0 0 / 0.12), 0 0 2px rgb(0 0 0 / 0.08)',
  '--ma-shadow-3': '0 12px 32px rgb(0 0 0 / 0.18), 0 0 4px rgb(0 0 0 / 0.08)',
  '--ma-duration-fast': '120ms',
  '--ma-duration-base': '200ms',
  '--ma-easing-standard': 'cubic-bezier(0.3, 0, 0.2, 1)',
  // Two bands, so the ring shows on any fill and any page: the inner one in the control's own text
  // colour (which contrasts with its fill, say white on a yellow or blue button), the outer one in
  // the focus colour (which contrasts with every surface). `currentColor` resolves on the control,
  // so an element that draws a fill but no text (a checked checkbox) sets `color` to its on-colour.
  '--ma-focus-ring': '0 0 0 2px currentColor, 0 0 0 4px var(--ma-color-focus)',
  // For rows, tabs and sheet actions, whose ring is drawn inside them on their own surface.
  '--ma-focus-ring-inset': 'inset 0 0 0 3px var(--ma-color-focus)',
  '--ma-control-height-s': '32px',
  '--ma-control-height-m': '40px',
  '--ma-control-height-l': '48px',
  // What content keeps clear of at each edge (notch, home indicator, the host's chrome over the
  // app's frame), and the frame's visible and whole heights. In a host's frame the SDK's
  // applyLaunchStyles() sets them from the host's measurements (env() is zero inside a frame);
  // in a page of its own they follow the browser.
  '--ma-safe-area-top': 'env(safe-area-inset-top, 0px)',
  '--ma-safe-area-right': 'env(safe-area-inset-right, 0px)',
  '--ma-safe-area-bottom': 'env(safe-area-inset-bottom, 0px)',
  '--ma-safe-area-left': 'env(safe-area-inset-left, 0px)',
  '--ma-viewport-height': '100dvh',
  '--ma-viewport-stable-height': '100svh',
} as const;

export type BaseTokenName = keyof typeof baseTokens;
export type TokenName = BaseTokenName | `--ma-color-${ColorTokenName}`;

/** Motion tokens set to 0ms under `prefers-reduced-motion: reduce`. */
export const reducedMotionTokens = {
  '--ma-duration-fast': '0ms',
  '--ma-duration-base': '0ms',
} as const;

/** Tokens that reference another token and must be declared again wherever that one changes. */
export const derivedTokens = {
  '--ma-focus-ring': baseTokens['--ma-focus-ring'],
  '--ma-focus-ring-inset': baseTokens['--ma-focus-ring-inset'],
} as const;

export const colorTokenNames = Object.keys(lightColors) as ColorTokenName[];

/** Every token name, for tooling and tests. */
export const tokenNames: TokenName[] = [
  ...colorTokenNames.map((name) => `--ma-color-${name}` as const),
  ...(Object.keys(baseTokens) as BaseTokenName[]),
];

/** The custom properties of a colour set, keyed by full name. */
export function colorProperties(set: Partial<ColorTokens>): Record<string, string> {
  return Object.fromEntries(Object.entries(set).map(([name, value]) => [`--ma-color-${name}`, value]));
}

/** `var(--ma-…)` for a token name, typed. */
export function tokenVar(name: TokenName): string {
  return `var(${name})`;
}
