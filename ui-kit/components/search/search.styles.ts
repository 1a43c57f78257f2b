import { css } from 'lit';

export const searchStyles = css`
  .row {
    display: flex;
    align-items: center;
    gap: var(--ma-space-s);
  }
  .field {
    flex: 1;
    min-height: var(--ma-control-height-m);
    padding-inline: var(--ma-space-s);
    gap: var(--ma-space-xs);
    border-color: transparent;
    background: var(--ma-color-surface-secondary);
  }
  .field > svg {
    color: var(--ma-color-text-secondary);
  }
  .cancel {
    flex: none;
    padding: var(--ma-space-xs);
    border: 0;
    border-radius: var(--ma-radius-s);
    background: none;
    color: var(--ma-color-link);
    font: inherit;
    font-size: var(--ma-font-size-text);
    cursor: pointer;
  }
  .cancel:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
`;
