import { LitElement, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { scaleStyles, titleLevelStyles, typographyStyles } from './typography.styles.ts';

export type FontWeight = 'regular' | 'medium' | 'semibold' | 'bold';
export type TextTone = 'primary' | 'secondary' | 'tertiary' | 'brand' | 'positive' | 'negative';

/**
 * Shared behaviour of the typography elements: the type scale comes from the element, weight and
 * tone from attributes.
 *
 * @slot - The text.
 * @csspart base - The element wrapping the text.
 */
export class TypographyElement extends LitElement {
  static override properties: PropertyDeclarations = {
    weight: { reflect: true },
    tone: { reflect: true },
    inline: { type: Boolean, reflect: true },
    caps: { type: Boolean, reflect: true },
  };

  /** Font weight; each element has its own default. */
  weight?: FontWeight;

  /** Text colour: `primary` (default), `secondary`, `tertiary`, `brand`, `positive`, `negative`. */
  tone: TextTone = 'primary';

  /** Flows inline instead of as a block. */
  inline = false;

  /** Upper case with a little letter spacing. */
  caps = false;

  override render() {
    return html`<slot part="base"></slot>`;
  }
}

/**
 * A title, rendered as a heading (`<h1>`–`<h6>`) so the page outline stays right.
 *
 * @slot - The title text.
 * @csspart base - The heading element.
 */
export class MaTitle extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.title1, titleLevelStyles];

  static override properties: PropertyDeclarations = {
    level: { type: Number, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Visual level: 1 (largest) … 3. */
  level: 1 | 2 | 3 = 1;

  /** The heading level for assistive technology, 1–6 (defaults to `level`); 0 renders no heading. */
  headingLevel?: number;

  override render() {
    const level = this.headingLevel ?? this.level;
    switch (level) {
      case 0: return html`<span part="base" class="base"><slot></slot></span>`;
      case 1: return html`<h1 part="base" class="base"><slot></slot></h1>`;
      case 2: return html`<h2 part="base" class="base"><slot></slot></h2>`;
      case 3: return html`<h3 part="base" class="base"><slot></slot></h3>`;
      case 4: return html`<h4 part="base" class="base"><slot></slot></h4>`;
      case 5: return html`<h5 part="base" class="base"><slot></slot></h5>`;
      default: return html`<h6 part="base" class="base"><slot></slot></h6>`;
    }
  }
}

customElements.define('ma-title', MaTitle);

/**
 * Headline: a short emphasised line (17px semibold).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
export class MaHeadline extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.headline];
}

customElements.define('ma-headline', MaHeadline);

/**
 * Body text (16px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
export class MaText extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.text];
}

customElements.define('ma-text', MaText);

/**
 * Secondary text under a title (14px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
export class MaSubhead extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.subhead];
}

customElements.define('ma-subhead', MaSubhead);

/**
 * Captions and labels (12px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
export class MaCaption extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.caption];
}

customElements.define('ma-caption', MaCaption);

/**
 * Footnotes and hints (13px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
export class MaFootnote extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.footnote];
}

customElements.define('ma-footnote', MaFootnote);

declare global {
  interface HTMLElementTagNameMap {
    'ma-title': MaTitle;
    'ma-headline': MaHeadline;
    'ma-text': MaText;
    'ma-subhead': MaSubhead;
    'ma-caption': MaCaption;
    'ma-footnote': MaFootnote;
  }
}
