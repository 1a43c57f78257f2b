import { css } from 'lit';

/** Styles shared by text-like fields: the label above, the field box, the hint or error below. */
export const fieldStyles = css`
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
  .field {
    display: flex;
    align-items: center;
    gap: var(--ma-space-s);
    min-height: var(--ma-control-height-l);
    box-sizing: border-box;
    padding-inline: var(--ma-space-m);
    background: var(--ma-color-field);
    border: 1px solid var(--ma-color-field-border);
    border-radius: var(--ma-radius-m);
    transition: border-color var(--ma-duration-fast) var(--ma-easing-standard);
  }
  .field:focus-within {
    border-color: var(--ma-color-focus);
    box-shadow: var(--ma-focus-ring);
  }
  .field.invalid {
    border-color: var(--ma-color-negative);
  }
  .field.disabled {
    opacity: 0.48;
  }
  .control {
    flex: 1;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
    outline: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
  }
  .control::placeholder {
    color: var(--ma-color-text-tertiary);
  }
  .support {
    display: flex;
    gap: var(--ma-space-s);
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    color: var(--ma-color-text-secondary);
  }
  .support:not(:empty) {
    margin-block-start: var(--ma-space-xs);
  }
  .error {
    color: var(--ma-color-negative);
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 28px;
    height: 28px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--ma-radius-pill);
    background: none;
    color: var(--ma-color-text-secondary);
    cursor: pointer;
  }
  .icon-button:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
  svg {
    width: 20px;
    height: 20px;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
