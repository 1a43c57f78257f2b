import { expect, fixture, html } from '@open-wc/testing';
import '../../ui-kit/components/typography/typography.ts';
import type { MaTitle } from '../../ui-kit/components/typography/typography.ts';
import { checkA11yBothSchemes, tokenValue } from './helpers.ts';

describe('typography', () => {
  it('renders titles as headings of their level, or another level on request', async () => {
    const el = await fixture<MaTitle>(html`<ma-title level="2">Orders</ma-title>`);
    expect(el.shadowRoot!.querySelector('h2')).to.not.equal(null);
    el.headingLevel = 4;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h4')).to.not.equal(null);
    el.headingLevel = 0;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
  });

  it('uses the type scale tokens per element and level', async () => {
    const el = await fixture(html`<div>
      <ma-title level="1">A</ma-title><ma-title level="3">B</ma-title><ma-headline>C</ma-headline>
      <ma-text>D</ma-text><ma-subhead>E</ma-subhead><ma-caption>F</ma-caption><ma-footnote>G</ma-footnote>
    </div>`);
    const sizes = [...el.children].map((child) => getComputedStyle(child).fontSize);
    expect(sizes).to.deep.equal(['title1', 'title3', 'headline', 'text', 'subhead', 'caption', 'footnote']
      .map((name) => tokenValue(`--ma-font-size-${name}`)));
    expect(getComputedStyle(el.children[0]!).fontWeight).to.equal('700');
    expect(getComputedStyle(el.children[1]!).fontWeight).to.equal('600');
  });

  it('applies weight and tone attributes', async () => {
    const el = await fixture(html`<ma-text weight="bold" tone="secondary">x</ma-text>`);
    expect(getComputedStyle(el).fontWeight).to.equal('700');
    const probe = await fixture(html`<span style="color: var(--ma-color-text-secondary)"></span>`);
    expect(getComputedStyle(el).color).to.equal(getComputedStyle(probe).color);
  });

  it('has no axe violations in light and dark, in every tone', async () => {
    const el = await fixture(html`<div>
      <ma-title>Title</ma-title><ma-title level="2">Title 2</ma-title><ma-title level="3">Title 3</ma-title>
      <ma-headline>Headline</ma-headline>
      ${['primary', 'secondary', 'tertiary', 'brand', 'positive', 'negative'].map((tone) => html`<ma-text tone=${tone}>${tone}</ma-text>`)}
      <ma-subhead>Subhead</ma-subhead><ma-caption caps>Caption</ma-caption><ma-footnote tone="tertiary">Footnote</ma-footnote>
    </div>`);
    await checkA11yBothSchemes(el);
  });
});
