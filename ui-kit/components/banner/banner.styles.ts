import { css } from 'lit';

export const bannerStyles = css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
    --ma-banner-accent: var(--ma-color-link);
  }
  :host([hidden]) {
    display: none;
  }
  :host([mode='positive']) {
    --ma-banner-accent: var(--ma-color-positive);
  }
  :host([mode='warning']) {
    --ma-banner-accent: var(--ma-color-warning);
  }
  :host([mode='negative']) {
    --ma-banner-accent: var(--ma-color-negative);
  }
  .base {
    display: flex;
    align-items: flex-start;
    gap: var(--ma-space-m);
    padding: var(--ma-space-m) var(--ma-space-l);
    border-radius: var(--ma-radius-l);
    background: var(--ma-color-surface);
    color: var(--ma-color-text);
    box-shadow: inset 4px 0 0 var(--ma-banner-accent), var(--ma-shadow-1);
  }
  .icon {
    flex-shrink: 0;
    width: 24px;
    height: 24px;
    color: var(--ma-banner-accent);
  }
  .content {
    flex: 1;
    min-width: 0;
  }
  .heading {
    display: block;
    font-size: var(--ma-font-size-headline);
    line-height: var(--ma-line-height-headline);
    font-weight: var(--ma-font-weight-semibold);
  }
  .text {
    display: block;
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    color: var(--ma-color-text-secondary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ma-space-s);
  }
  .actions.filled {
    margin-top: var(--ma-space-s);
  }
  .dismiss {
    flex-shrink: 0;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 32px;
    height: 32px;
    margin: -4px -8px -4px 0;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--ma-color-text-secondary);
    cursor: pointer;
  }
  .dismiss:hover {
    background: var(--ma-color-surface-secondary);
  }
  .dismiss:focus {
    outline: none;
  }
  .dismiss:focus-visible {
    box-shadow: var(--ma-focus-ring);
  }
  .close {
    width: 20px;
    height: 20px;
  }
`;
