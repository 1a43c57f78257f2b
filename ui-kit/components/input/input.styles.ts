import { css } from 'lit';

export const inputStyles = css`
  ::slotted([slot='before']),
  ::slotted([slot='after']) {
    flex: none;
    color: var(--ma-color-text-secondary);
  }
  .control::-webkit-search-cancel-button {
    display: none;
  }
`;
