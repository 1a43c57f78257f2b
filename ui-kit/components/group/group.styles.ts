import { css } from 'lit';

export const groupStyles = css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
  }
  .header,
  .footer {
    display: block;
    padding: 0 var(--ma-space-l);
    color: var(--ma-color-text-secondary);
  }
  .header {
    padding-top: var(--ma-space-l);
    padding-bottom: var(--ma-space-s);
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    font-weight: var(--ma-font-weight-semibold);
    text-transform: uppercase;
    letter-spacing: 0.02em;
    margin: 0;
  }
  .footer {
    padding-top: var(--ma-space-s);
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
  }
  .body {
    background: var(--ma-color-surface);
    color: var(--ma-color-text);
  }
  :host([mode='card']) .body {
    margin: 0 var(--ma-space-m);
    border-radius: var(--ma-radius-l);
    overflow: hidden;
  }
  :host([mode='card']) .header,
  :host([mode='card']) .footer {
    padding-left: calc(var(--ma-space-m) + var(--ma-space-l));
    padding-right: calc(var(--ma-space-m) + var(--ma-space-l));
  }
  :host([separators]) .body ::slotted(:not(:last-child)) {
    box-shadow: inset 0 -1px 0 var(--ma-color-separator);
  }
  .empty {
    display: none;
  }
`;
