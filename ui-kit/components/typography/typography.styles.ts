import { css } from 'lit';

export const typographyStyles = css`
  :host {
    display: block;
    margin: 0;
    font-family: var(--ma-font-family);
    font-size: var(--ma-typo-size);
    line-height: var(--ma-typo-line);
    font-weight: var(--ma-typo-weight, var(--ma-font-weight-regular));
    color: var(--ma-color-text);
    overflow-wrap: anywhere;
  }
  :host([inline]) {
    display: inline;
  }
  :host([tone='secondary']) {
    color: var(--ma-color-text-secondary);
  }
  :host([tone='tertiary']) {
    color: var(--ma-color-text-tertiary);
  }
  :host([tone='brand']) {
    color: var(--ma-color-link);
  }
  :host([tone='negative']) {
    color: var(--ma-color-negative);
  }
  :host([tone='positive']) {
    color: var(--ma-color-positive);
  }
  :host([weight='regular']) {
    --ma-typo-weight: var(--ma-font-weight-regular);
  }
  :host([weight='medium']) {
    --ma-typo-weight: var(--ma-font-weight-medium);
  }
  :host([weight='semibold']) {
    --ma-typo-weight: var(--ma-font-weight-semibold);
  }
  :host([weight='bold']) {
    --ma-typo-weight: var(--ma-font-weight-bold);
  }
  :host([caps]) {
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  .base {
    margin: 0;
    font: inherit;
    color: inherit;
  }
`;

/** Each element's scale: size and line height tokens, default weight. */
export const scaleStyles = {
  title1: css`:host { --ma-typo-size: var(--ma-font-size-title1); --ma-typo-line: var(--ma-line-height-title1); --ma-typo-weight: var(--ma-font-weight-bold); }`,
  title2: css`:host { --ma-typo-size: var(--ma-font-size-title2); --ma-typo-line: var(--ma-line-height-title2); --ma-typo-weight: var(--ma-font-weight-semibold); }`,
  title3: css`:host { --ma-typo-size: var(--ma-font-size-title3); --ma-typo-line: var(--ma-line-height-title3); --ma-typo-weight: var(--ma-font-weight-semibold); }`,
  headline: css`:host { --ma-typo-size: var(--ma-font-size-headline); --ma-typo-line: var(--ma-line-height-headline); --ma-typo-weight: var(--ma-font-weight-semibold); }`,
  text: css`:host { --ma-typo-size: var(--ma-font-size-text); --ma-typo-line: var(--ma-line-height-text); }`,
  subhead: css`:host { --ma-typo-size: var(--ma-font-size-subhead); --ma-typo-line: var(--ma-line-height-subhead); }`,
  caption: css`:host { --ma-typo-size: var(--ma-font-size-caption); --ma-typo-line: var(--ma-line-height-caption); }`,
  footnote: css`:host { --ma-typo-size: var(--ma-font-size-footnote); --ma-typo-line: var(--ma-line-height-footnote); }`,
};

export const titleLevelStyles = css`
  :host([level='2']) {
    --ma-typo-size: var(--ma-font-size-title2);
    --ma-typo-line: var(--ma-line-height-title2);
  }
  :host([level='3']) {
    --ma-typo-size: var(--ma-font-size-title3);
    --ma-typo-line: var(--ma-line-height-title3);
  }
  :host(:not([weight]):not([level='1'])) {
    --ma-typo-weight: var(--ma-font-weight-semibold);
  }
`;
