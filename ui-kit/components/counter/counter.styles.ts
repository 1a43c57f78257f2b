import { css } from 'lit';

export const counterStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    --ma-counter-background: var(--ma-color-accent);
    --ma-counter-color: var(--ma-color-on-accent);
  }
  :host([mode='brand']) {
    --ma-counter-background: var(--ma-color-brand);
    --ma-counter-color: var(--ma-color-on-brand);
  }
  :host([mode='neutral']) {
    --ma-counter-background: var(--ma-color-surface-secondary);
    --ma-counter-color: var(--ma-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 20px;
    height: 20px;
    padding: 0 6px;
    border-radius: var(--ma-radius-pill);
    background: var(--ma-counter-background);
    color: var(--ma-counter-color);
    font-family: var(--ma-font-family);
    font-size: var(--ma-font-size-caption);
    line-height: 1;
    font-weight: var(--ma-font-weight-semibold);
    font-variant-numeric: tabular-nums;
  }
  :host([size='l']) .base {
    min-width: 24px;
    height: 24px;
    padding: 0 8px;
    font-size: var(--ma-font-size-subhead);
  }
`;
