import { css } from 'lit';

export const badgeStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    --ma-badge-background: var(--ma-color-brand);
    --ma-badge-color: var(--ma-color-on-brand);
  }
  :host([mode='accent']) {
    --ma-badge-background: var(--ma-color-accent);
    --ma-badge-color: var(--ma-color-on-accent);
  }
  :host([mode='neutral']) {
    --ma-badge-background: var(--ma-color-surface-secondary);
    --ma-badge-color: var(--ma-color-text);
  }
  :host([mode='positive']) {
    --ma-badge-background: var(--ma-color-positive);
    --ma-badge-color: var(--ma-color-on-status);
  }
  :host([mode='negative']) {
    --ma-badge-background: var(--ma-color-negative);
    --ma-badge-color: var(--ma-color-on-status);
  }
  :host([mode='warning']) {
    --ma-badge-background: var(--ma-color-warning);
    --ma-badge-color: var(--ma-color-on-status);
  }
  .base {
    display: inline-flex;
    align-items: center;
    gap: var(--ma-space-xs);
    padding: 0 var(--ma-space-s);
    min-height: 20px;
    border-radius: var(--ma-radius-pill);
    background: var(--ma-badge-background);
    color: var(--ma-badge-color);
    font-family: var(--ma-font-family);
    font-size: var(--ma-font-size-caption);
    line-height: var(--ma-line-height-caption);
    font-weight: var(--ma-font-weight-semibold);
    white-space: nowrap;
  }
  :host([dot]) .base {
    min-height: 0;
    width: 8px;
    height: 8px;
    padding: 0;
  }
`;
