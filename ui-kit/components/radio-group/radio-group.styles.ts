import { css } from 'lit';

export const radioGroupStyles = css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
    color: var(--ma-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  .label {
    display: block;
    margin-block-end: var(--ma-space-xs);
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    color: var(--ma-color-text-secondary);
  }
  .support {
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    color: var(--ma-color-text-secondary);
  }
  .error {
    color: var(--ma-color-negative);
  }
`;
