import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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
  /** Font weight; each element has its own default. */
  @property({ reflect: true }) weight?: FontWeight;

  /** Text colour: `primary` (default), `secondary`, `tertiary`, `brand`, `positive`, `negative`. */
  @property({ reflect: true }) tone: TextTone = 'primary';

  /** Flows inline instead of as a block. */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** Upper case with a little letter spacing. */
  @property({ type: Boolean, reflect: true }) caps = false;

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
@customElement('ma-title')
export class MaTitle extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.title1, titleLevelStyles];

  /** Visual level: 1 (largest) … 3. */
  @property({ type: Number, reflect: true }) level: 1 | 2 | 3 = 1;

  /** The heading level for assistive technology, 1–6 (defaults to `level`); 0 renders no heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel?: number;

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

/**
 * Headline: a short emphasised line (17px semibold).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
@customElement('ma-headline')
export class MaHeadline extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.headline];
}

/**
 * Body text (16px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
@customElement('ma-text')
export class MaText extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.text];
}

/**
 * Secondary text under a title (14px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
@customElement('ma-subhead')
export class MaSubhead extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.subhead];
}

/**
 * Captions and labels (12px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
@customElement('ma-caption')
export class MaCaption extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.caption];
}

/**
 * Footnotes and hints (13px).
 *
 * @slot - The text.
 * @csspart base - The slot wrapping the text.
 */
@customElement('ma-footnote')
export class MaFootnote extends TypographyElement {
  static override styles = [typographyStyles, scaleStyles.footnote];
}

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
