import { css } from 'lit';

export const selectStyles = css`
  .field {
    padding-inline-end: var(--ma-space-s);
  }
  select {
    appearance: none;
    align-self: stretch;
    cursor: pointer;
  }
  select.empty {
    color: var(--ma-color-text-tertiary);
  }
  option {
    color: var(--ma-color-text);
    background: var(--ma-color-surface);
  }
  svg {
    flex: none;
    color: var(--ma-color-text-secondary);
    pointer-events: none;
  }
`;
