/**
 * Runtime side of the tokens: install the stylesheet, switch the colour scheme, re-brand, and
 * apply the theme the host passes at launch.
 */
import type { LaunchTheme } from '../../src/protocol/launch.ts';
import { brandCss, type BrandOptions } from './brand.ts';
import { tokensCss } from './tokens.css.ts';

export * from './tokens.ts';
export { brandCss, brandPresets, deriveBrandColors, pickOnColor, type BrandOptions } from './brand.ts';
export { contrast, luminance, mix, parseHex } from './color.ts';

type StyleRoot = Document | ShadowRoot;

const sheets = new WeakMap<StyleRoot, Map<string, CSSStyleSheet>>();

/** Creates (once per root and key) a constructed stylesheet adopted by `root`, and returns it. */
function adoptedSheet(root: StyleRoot, key: string): CSSStyleSheet {
  let byKey = sheets.get(root);
  if (!byKey) sheets.set(root, (byKey = new Map()));
  let sheet = byKey.get(key);
  if (!sheet) {
    const view = (root instanceof Document ? root : root.ownerDocument).defaultView ?? window;
    sheet = new view.CSSStyleSheet();
    byKey.set(key, sheet);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  return sheet;
}

/** Adds the tokens stylesheet to a document (or shadow root). Calling it again does nothing. */
export function installTokens(doc: StyleRoot = document): CSSStyleSheet {
  const existing = sheets.get(doc)?.get('tokens');
  if (existing) return existing;
  const sheet = adoptedSheet(doc, 'tokens');
  sheet.replaceSync(tokensCss);
  return sheet;
}

/**
 * Sets the colour scheme on `root` (default `<html>`). `'auto'` removes the choice, so the
 * system preference (`prefers-color-scheme`) applies again.
 */
export function setColorScheme(scheme: 'light' | 'dark' | 'auto', root: Element = document.documentElement): void {
  if (scheme === 'auto') root.removeAttribute('data-ma-scheme');
  else root.setAttribute('data-ma-scheme', scheme);
}

let brandScopes = 0;

function scopeSelector(root: Element): string {
  if (root === root.ownerDocument.documentElement) return ':root';
  let id = root.getAttribute('data-ma-brand');
  if (!id) root.setAttribute('data-ma-brand', (id = `b${++brandScopes}`));
  return `[data-ma-brand="${id}"]`;
}

function styleRootOf(root: Element): StyleRoot {
  const node = root.getRootNode();
  return node instanceof ShadowRoot ? node : root.ownerDocument;
}

/**
 * Re-brands everything under `root` (default `<html>`): brand, its hover/pressed/tint shades, the
 * text colour on it (white or dark, whichever meets WCAG AA), link and focus colours, in both
 * schemes. Calling it again replaces the previous brand of that root.
 */
export function applyBrand(options: BrandOptions, root: Element = document.documentElement): void {
  const selector = scopeSelector(root);
  adoptedSheet(styleRootOf(root), `brand:${selector}`).replaceSync(brandCss(options, selector));
}

/** Removes the brand set with `applyBrand` on `root`. */
export function resetBrand(root: Element = document.documentElement): void {
  const selector = scopeSelector(root);
  sheets.get(styleRootOf(root))?.get(`brand:${selector}`)?.replaceSync('');
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const TOKEN_KEY = /^[a-z][a-z0-9-]*$/;
const themeOverrides = new WeakMap<Element, string[]>();

/**
 * Applies the host's launch theme: its scheme, its brand (`colors.brand`, `colors.accent`, derived
 * like `applyBrand`) and any other colour overrides keyed by token name without `--ma-color-`
 * (set inline on `root`, so they win). Keys or values that are not plain token names or valid CSS
 * colours are ignored; overrides of a previous call are removed.
 */
export function applyTheme(theme: LaunchTheme, root: HTMLElement = document.documentElement): void {
  installTokens(styleRootOf(root));
  setColorScheme(theme.scheme, root);
  const { brand, accent, ...others } = theme.colors ?? {};
  if (brand && HEX.test(brand)) applyBrand(accent && HEX.test(accent) ? { brand, accent } : { brand }, root);
  else resetBrand(root);
  for (const property of themeOverrides.get(root) ?? []) root.style.removeProperty(property);
  const applied: string[] = [];
  for (const [name, value] of Object.entries(others)) {
    if (!TOKEN_KEY.test(name) || !CSS.supports('color', value)) continue;
    root.style.setProperty(`--ma-color-${name}`, value);
    applied.push(`--ma-color-${name}`);
  }
  themeOverrides.set(root, applied);
}
