/**
 * The colours a user sees, read from computed styles: for contrast checks of what is rendered
 * (focus rings, disabled labels) rather than of the tokens alone.
 *
 *   colorOf('rgb(255 204 0 / 0.2)')     { rgb: [255, 204, 0], alpha: 0.2 }
 *   backgroundBehind(element)           the opaque colour the element is drawn on
 *   fillOf(element)                     its own background over that, opaque
 *   seenContrast(text, box)             contrast of a text element on a box, opacity included
 *   ringBands(getComputedStyle(el).boxShadow)   the outset rings of a box-shadow, inner first
 */
import { contrast, type Rgb } from '../../ui-kit/tokens/color.ts';

export interface Color {
  rgb: Rgb;
  alpha: number;
}

/** A computed colour: `rgb()`/`rgba()` (commas or spaces), `color(srgb …)`, `transparent`. */
export function colorOf(css: string): Color {
  const value = css.trim();
  if (value === 'transparent') return { rgb: [0, 0, 0], alpha: 0 };
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(value);
  if (srgb) {
    const [r, g, b] = srgb.slice(1, 4).map((channel) => Number(channel) * 255) as [number, number, number];
    return { rgb: [r, g, b], alpha: srgb[4] === undefined ? 1 : Number(srgb[4]) };
  }
  const rgb = /^rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)$/.exec(value);
  if (!rgb) throw new TypeError(`Not a computed colour: ${css}`);
  const [r, g, b] = rgb.slice(1, 4).map(Number) as [number, number, number];
  return { rgb: [r, g, b], alpha: rgb[4] === undefined ? 1 : Number(rgb[4]) };
}

/** `top` painted over the opaque `bottom`. */
export function over(top: Color, bottom: Rgb): Rgb {
  return top.rgb.map((channel, index) => channel * top.alpha + bottom[index]! * (1 - top.alpha)) as unknown as Rgb;
}

/** The parent in the flat tree (slot, then shadow host), as layout sees it. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** The opaque colour `element` is drawn on: its ancestors' backgrounds over a white canvas. */
export function backgroundBehind(element: Element): Rgb {
  const ancestors: Element[] = [];
  for (let node = flatParent(element); node; node = flatParent(node)) ancestors.unshift(node);
  let color: Rgb = [255, 255, 255];
  for (const ancestor of ancestors) color = over(colorOf(getComputedStyle(ancestor).backgroundColor), color);
  return color;
}

/** The element's own background over what is behind it. */
export function fillOf(element: Element): Rgb {
  return over(colorOf(getComputedStyle(element).backgroundColor), backgroundBehind(element));
}

/** The opacity an element is painted with: its own times its ancestors'. */
function opacityOf(element: Element): number {
  let opacity = 1;
  for (let node: Element | null = element; node; node = flatParent(node)) opacity *= Number(getComputedStyle(node).opacity);
  return opacity;
}

/**
 * The contrast a reader sees between the text of `text` and the box `box` it sits on (its
 * ancestor): the box's fill, the text over it, both faded by their opacity over the page.
 */
export function seenContrast(text: Element, box: Element): number {
  const page = backgroundBehind(box);
  const fill = fillOf(box);
  const ink = over(colorOf(getComputedStyle(text).color), fill);
  const alpha = opacityOf(text);
  return contrast(over({ rgb: ink, alpha }, page), over({ rgb: fill, alpha }, page));
}

export interface RingBand {
  color: Color;
  /** Outer edge, px from the border box. */
  spread: number;
}

/** The solid outset rings (no offset, no blur) of a computed `box-shadow`, innermost first. */
export function ringBands(boxShadow: string): RingBand[] {
  if (boxShadow === 'none') return [];
  // Split on the commas between shadows, not those inside a colour function.
  const shadows = boxShadow.split(/,(?![^(]*\))/).map((shadow) => shadow.trim());
  const bands: RingBand[] = [];
  for (const shadow of shadows) {
    if (/\binset\b/.test(shadow)) continue;
    const color = /^(?:rgba?|color)\([^)]*\)/.exec(shadow)?.[0];
    const lengths = shadow.replace(color ?? '', '').match(/-?[\d.]+px/g)?.map((length) => Number.parseFloat(length)) ?? [];
    const [x = 0, y = 0, blur = 0, spread = 0] = lengths;
    if (!color || x || y || blur || spread <= 0) continue;
    bands.push({ color: colorOf(color), spread });
  }
  return bands.sort((a, b) => a.spread - b.spread);
}
