import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import {
  applyBrand, applyTheme, contrast, darkColors, deriveBrandColors, installTokens, lightColors, mix, pickOnColor, resetBrand,
  setColorScheme, tokenNames, type ColorTokens,
} from '../../ui-kit/tokens/index.ts';
import { tokenValue, withScheme } from './helpers.ts';

const schemes = { light: lightColors, dark: darkColors };
const textTokens = ['text', 'text-secondary', 'text-tertiary', 'link', 'positive', 'negative', 'warning', 'focus'] as const;
const surfaces = ['background', 'surface', 'surface-secondary', 'field'] as const;

/** `rgb(r, g, b)` → `#rrggbb`. */
function hexOf(rgb: string): string {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function resolvedColor(token: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  document.body.append(probe);
  const color = hexOf(getComputedStyle(probe).color);
  probe.remove();
  return color;
}

describe('design tokens', () => {
  before(() => installTokens());
  afterEach(() => {
    setColorScheme('auto');
    resetBrand();
  });

  for (const [scheme, colors] of Object.entries(schemes)) {
    it(`keeps every text colour at WCAG AA on every surface (${scheme})`, () => {
      for (const text of textTokens) {
        for (const surface of surfaces) {
          const ratio = contrast(colors[text], colors[surface]);
          expect(ratio, `${text} on ${surface}`).to.be.at.least(4.5);
        }
      }
      expect(contrast(colors['on-brand'], colors.brand), 'on-brand on brand').to.be.at.least(4.5);
      expect(contrast(colors['on-brand'], colors['brand-pressed']), 'on-brand on pressed').to.be.at.least(4.5);
      expect(contrast(colors['on-accent'], colors.accent), 'on-accent on accent').to.be.at.least(4.5);
      for (const status of ['positive', 'negative', 'warning'] as const) {
        expect(contrast(colors['on-status'], colors[status]), `on-status on ${status}`).to.be.at.least(4.5);
      }
    });
  }

  it('derives the default brand shades the same way applyBrand does', () => {
    for (const [scheme, colors] of Object.entries(schemes) as Array<['light' | 'dark', ColorTokens]>) {
      const derived = deriveBrandColors({ brand: colors.brand }, scheme);
      for (const [name, value] of Object.entries(derived)) {
        expect(colors[name as keyof ColorTokens], `${scheme} ${name}`).to.equal(value);
      }
    }
  });

  it('keeps the link colour at AA on the brand tint (secondary buttons)', () => {
    for (const [scheme, colors] of Object.entries(schemes)) {
      const alpha = Number(/\/ ([\d.]+)\)/.exec(colors['brand-tint'])![1]);
      for (const surface of surfaces) {
        const tinted = mix(colors[surface], colors.brand, alpha);
        expect(contrast(colors.link, tinted), `${scheme}: link on tint over ${surface}`).to.be.at.least(4.5);
      }
    }
  });

  it('installs once and declares every token', () => {
    const sheet = installTokens();
    expect(installTokens()).to.equal(sheet);
    expect(document.adoptedStyleSheets.filter((s) => s === sheet)).to.have.length(1);
    for (const name of tokenNames) expect(tokenValue(name), name).not.to.equal('');
    expect(tokenValue('--ma-space-l')).to.equal('16px');
    expect(tokenValue('--ma-control-height-m')).to.equal('40px');
  });

  it('switches scheme with setColorScheme and follows prefers-color-scheme when unset', async () => {
    setColorScheme('dark');
    expect(resolvedColor('--ma-color-background')).to.equal(darkColors.background);
    setColorScheme('light');
    expect(resolvedColor('--ma-color-background')).to.equal(lightColors.background);
    setColorScheme('auto');
    await emulateMedia({ colorScheme: 'dark' });
    expect(resolvedColor('--ma-color-background')).to.equal(darkColors.background);
    setColorScheme('light');
    expect(resolvedColor('--ma-color-background'), 'an explicit choice wins').to.equal(lightColors.background);
    await emulateMedia({ colorScheme: 'light' });
  });

  it('sets motion durations to 0ms under prefers-reduced-motion', async () => {
    expect(tokenValue('--ma-duration-base')).to.equal('200ms');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(tokenValue('--ma-duration-fast')).to.equal('0ms');
    expect(tokenValue('--ma-duration-base')).to.equal('0ms');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(tokenValue('--ma-duration-base')).to.equal('200ms');
  });

  it('builds the focus ring from the control\'s own colour inside and the focus colour outside', () => {
    setColorScheme('dark');
    const ring = tokenValue('--ma-focus-ring');
    expect(ring).to.match(/^0 0 0 2px currentColor, 0 0 0 4px #[0-9a-f]{6}$/i);
    expect(ring).to.contain(darkColors.focus);
    expect(tokenValue('--ma-focus-ring-inset')).to.equal(`inset 0 0 0 3px ${darkColors.focus}`);
  });

  it('re-brands with a light brand: dark text on it, a darker link that still reaches AA', async () => {
    applyBrand({ brand: '#ffcc00' });
    for (const scheme of ['light', 'dark'] as const) {
      await withScheme(scheme, () => {
        const brand = resolvedColor('--ma-color-brand');
        const onBrand = resolvedColor('--ma-color-on-brand');
        expect(brand).to.equal('#ffcc00');
        expect(onBrand, 'dark text on yellow').not.to.equal('#ffffff');
        expect(contrast(onBrand, brand)).to.be.at.least(4.5);
        expect(contrast(onBrand, resolvedColor('--ma-color-brand-hover'))).to.be.at.least(4.5);
        expect(contrast(onBrand, resolvedColor('--ma-color-brand-pressed'))).to.be.at.least(4.5);
        const link = resolvedColor('--ma-color-link');
        for (const surface of surfaces) {
          expect(contrast(link, (schemes[scheme] as ColorTokens)[surface]), `link on ${surface}`).to.be.at.least(4.5);
        }
        expect(tokenValue('--ma-focus-ring')).to.contain(resolvedColor('--ma-color-focus'));
      });
    }
  });

  it('re-brands with a dark brand: white text on it', () => {
    applyBrand({ brand: '#4a148c', accent: '#00e676' });
    expect(resolvedColor('--ma-color-brand')).to.equal('#4a148c');
    expect(resolvedColor('--ma-color-on-brand')).to.equal('#ffffff');
    expect(resolvedColor('--ma-color-accent')).to.equal('#00e676');
    expect(resolvedColor('--ma-color-on-accent')).not.to.equal('#ffffff');
    expect(pickOnColor('#ffeb3b')).not.to.equal('#ffffff');
    expect(pickOnColor('#1a237e')).to.equal('#ffffff');
  });

  it('re-brands only the subtree of a given root', () => {
    const box = document.createElement('div');
    const inside = document.createElement('span');
    box.append(inside);
    document.body.append(box);
    applyBrand({ brand: '#008060' }, box);
    const color = (el: Element) => {
      el.setAttribute('style', 'color: var(--ma-color-brand)');
      return hexOf(getComputedStyle(el).color);
    };
    expect(color(inside)).to.equal('#008060');
    expect(resolvedColor('--ma-color-brand')).to.equal(lightColors.brand);
    box.remove();
  });

  it('applies the launch theme: scheme, brand and overrides, replacing the previous theme', () => {
    applyTheme({ scheme: 'dark', colors: { brand: '#ff5722', separator: '#123456', 'bad key': 'red', link: 'javascript:x' } });
    const html = document.documentElement;
    expect(html.getAttribute('data-ma-scheme')).to.equal('dark');
    expect(resolvedColor('--ma-color-brand')).to.equal('#ff5722');
    expect(resolvedColor('--ma-color-separator')).to.equal('#123456');
    expect(resolvedColor('--ma-color-link')).not.to.equal('#000000');
    applyTheme({ scheme: 'light' });
    expect(resolvedColor('--ma-color-brand')).to.equal(lightColors.brand);
    expect(resolvedColor('--ma-color-separator')).to.equal(lightColors.separator);
  });
});
