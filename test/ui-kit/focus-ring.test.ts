import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../ui-kit/index.ts';
import { applyBrand, brandPresets, contrast, resetBrand } from '../../ui-kit/tokens/index.ts';
import type { Rgb } from '../../ui-kit/tokens/color.ts';
import { settleTransitions, withScheme } from './helpers.ts';
import { backgroundBehind, colorOf, over, ringBands } from './rendered-colors.ts';

/** Every element of a control, its children (the radios of a group) and their shadow roots. */
function partsOf(host: Element): Element[] {
  const parts: Element[] = [];
  const walk = (element: Element) => {
    parts.push(element);
    for (const child of element.shadowRoot?.children ?? []) walk(child);
    for (const child of element.children) walk(child);
  };
  walk(host);
  return parts;
}

/** What a focus ring looks like when drawn: for each element, its box-shadow and border colour. */
function snapshot(host: Element): Map<Element, { boxShadow: string; border: string }> {
  return new Map(partsOf(host).map((part) => {
    const style = getComputedStyle(part);
    return [part, { boxShadow: style.boxShadow, border: style.borderTopColor }];
  }));
}

interface Ring {
  /** The ring's colours, innermost first (a border that turned to the focus colour included). */
  bands: Rgb[];
  /** The colour just inside the ring: the control's border, or its fill. */
  fill: Rgb;
  /** The colour just outside: what the control is drawn on. */
  surface: Rgb;
}

/** The ring that focusing `host` drew, found as the element whose box-shadow changed. */
function ringOf(host: Element, before: ReturnType<typeof snapshot>): Ring {
  for (const [part, after] of snapshot(host)) {
    const previous = before.get(part);
    if (!previous || previous.boxShadow === after.boxShadow) continue;
    const bands = ringBands(after.boxShadow);
    if (!bands.length) continue;
    const style = getComputedStyle(part);
    const surface = backgroundBehind(part);
    const background = over(colorOf(style.backgroundColor), surface);
    const border = colorOf(style.borderTopColor);
    const hasBorder = Number.parseFloat(style.borderTopWidth) > 0 && border.alpha > 0;
    const colours = bands.map((band) => over(band.color, surface));
    const borderColour = over(border, background);
    // The border is part of the indicator when focus recolours it, or when it has the colour of
    // the ring's inner band (the two merge into one band); otherwise it is what the ring touches.
    const borderIsRing = hasBorder && (previous.border !== after.border || contrast(borderColour, colours[0]!) < 1.1);
    const fill = hasBorder && !borderIsRing ? borderColour : background;
    return { bands: borderIsRing ? [borderColour, ...colours] : colours, fill, surface };
  }
  throw new Error(`focusing ${host.localName} drew no ring`);
}

/** One of each control whose ring must show, on the page background and on a surface. */
const controls = () => html`
  <ma-button>Primary</ma-button>
  <ma-button mode="secondary">Secondary</ma-button>
  <ma-button mode="tertiary">Tertiary</ma-button>
  <ma-button mode="outline">Outline</ma-button>
  <ma-button mode="destructive">Delete</ma-button>
  <ma-icon-button label="Share"></ma-icon-button>
  <ma-icon-button label="Like" mode="tinted"></ma-icon-button>
  <ma-segmented-control label="View" value="list" .segments=${[{ value: 'list', label: 'List' }, { value: 'map', label: 'Map' }]}></ma-segmented-control>
  <ma-checkbox label="Checked" checked></ma-checkbox>
  <ma-checkbox label="Unchecked"></ma-checkbox>
  <ma-switch label="On" checked></ma-switch>
  <ma-switch label="Off"></ma-switch>
  <ma-radio-group label="Delivery" value="courier"><ma-radio value="courier">Courier</ma-radio><ma-radio value="post">Post</ma-radio></ma-radio-group>
  <ma-chip mode="brand" removable>Brand</ma-chip>
  <ma-chip removable>Neutral</ma-chip>
  <ma-link href="#">Link</ma-link>
  <ma-input label="Name"></ma-input>`;

const MIN_CONTRAST = 3;

describe('focus ring', () => {
  afterEach(() => resetBrand());

  it('shows on every fill and every surface, for every brand preset, in light and dark', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <button id="start">Start</button>
      <div class="on-background">${controls()}</div>
      <div class="on-surface" style="background: var(--ma-color-surface); padding: 8px">${controls()}</div>
    </div>`);
    const hosts = [...el.querySelectorAll('.on-background > *, .on-surface > *')];
    const lowest = { fill: Infinity, surface: Infinity, where: { fill: '', surface: '' } };
    const failures: string[] = [];
    for (const preset of brandPresets) {
      if (preset.brand) applyBrand({ brand: preset.brand });
      else resetBrand();
      for (const scheme of ['light', 'dark'] as const) {
        await withScheme(scheme, async () => {
          el.querySelector<HTMLButtonElement>('#start')!.focus();
          for (const host of hosts) {
            const before = snapshot(host);
            await sendKeys({ press: 'Tab' });
            settleTransitions();
            const where = `${preset.name} ${scheme}: ${host.closest('.on-surface') ? 'surface' : 'background'} ${host.outerHTML.slice(0, 60)}`;
            expect(host.contains(document.activeElement), `Tab reaches ${where}`).to.equal(true);
            const ring = ringOf(host, before);
            // A two-tone ring shows if one band stands out from the fill and one from the surface.
            const onFill = Math.max(...ring.bands.map((band) => contrast(band, ring.fill)));
            const onSurface = Math.max(...ring.bands.map((band) => contrast(band, ring.surface)));
            if (onFill < lowest.fill) Object.assign(lowest, { fill: onFill, where: { ...lowest.where, fill: where } });
            if (onSurface < lowest.surface) Object.assign(lowest, { surface: onSurface, where: { ...lowest.where, surface: where } });
            if (onFill < MIN_CONTRAST) failures.push(`${where}: ${onFill.toFixed(2)}:1 against its fill`);
            if (onSurface < MIN_CONTRAST) failures.push(`${where}: ${onSurface.toFixed(2)}:1 against the surface`);
          }
        });
      }
    }
    console.log(`lowest ring contrast: ${lowest.fill.toFixed(2)}:1 on a fill (${lowest.where.fill}), ${lowest.surface.toFixed(2)}:1 on a surface (${lowest.where.surface})`);
    expect(failures).to.deep.equal([]);
  });

  it('reads a two-tone ring from a computed box-shadow, and none from other shadows', () => {
    const bands = ringBands('rgb(17, 18, 20) 0px 0px 0px 2px, color(srgb 1 0.8 0) 0px 0px 0px 4px, rgba(0, 0, 0, 0.08) 0px 1px 2px 0px');
    expect(bands.map((band) => [band.color.rgb, band.spread])).to.deep.equal([[[17, 18, 20], 2], [[255, 204, 0], 4]]);
    expect(ringBands('rgb(9, 95, 193) 0px 0px 0px 3px inset')).to.deep.equal([]);
    expect(ringBands('none')).to.deep.equal([]);
  });
});
