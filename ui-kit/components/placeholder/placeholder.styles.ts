import { css } from 'lit';

export const placeholderStyles = css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
  }
  .base {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--ma-space-m);
    padding: var(--ma-space-2xl) var(--ma-space-xl);
    text-align: center;
  }
  :host([stretched]) .base {
    min-height: 100%;
    height: 100%;
  }
  .icon {
    color: var(--ma-color-text-tertiary);
  }
  .icon ::slotted(*) {
    width: 56px;
    height: 56px;
  }
  .heading {
    margin: 0;
    font-size: var(--ma-font-size-title3);
    line-height: var(--ma-line-height-title3);
    font-weight: var(--ma-font-weight-semibold);
    color: var(--ma-color-text);
  }
  .text {
    max-width: 32em;
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
    color: var(--ma-color-text-secondary);
  }
  .action {
    margin-top: var(--ma-space-s);
  }
  .empty {
    display: none;
  }
`;
