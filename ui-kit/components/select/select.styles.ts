import { css } from 'lit';

export const selectStyles = css`
  .field {
    position: relative;
    padding-inline-end: var(--ma-space-s);
  }
  select.control {
    appearance: none;
    align-self: stretch;
    cursor: pointer;
  }
  select.control.empty {
    color: var(--ma-color-text-tertiary);
  }
  option {
    color: var(--ma-color-text);
    background: var(--ma-color-surface);
  }
  .chevron {
    display: grid;
    color: var(--ma-color-text-secondary);
    pointer-events: none;
  }
`;
