import { css } from 'lit';

export const segmentedControlStyles = css`
  .track {
    display: flex;
    gap: var(--ma-space-2xs);
    padding: var(--ma-space-2xs);
    border-radius: var(--ma-radius-m);
    background: var(--ma-color-surface-secondary);
  }
  button {
    flex: 1 1 0;
    min-width: 0;
    min-height: calc(var(--ma-control-height-s) - 2 * var(--ma-space-2xs));
    padding: var(--ma-space-xs) var(--ma-space-s);
    border: 0;
    border-radius: calc(var(--ma-radius-m) - var(--ma-space-2xs));
    background: none;
    color: var(--ma-color-text);
    font: inherit;
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    font-weight: var(--ma-font-weight-medium);
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  button[aria-checked='true'] {
    background: var(--ma-color-surface);
    box-shadow: var(--ma-shadow-1);
  }
  button:disabled {
    color: var(--ma-color-text-tertiary);
    cursor: default;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
`;
