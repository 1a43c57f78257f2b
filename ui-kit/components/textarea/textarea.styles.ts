import { css } from 'lit';

export const textareaStyles = css`
  .field {
    align-items: stretch;
    padding-block: var(--ma-space-s);
  }
  textarea {
    resize: none;
    field-sizing: content;
    min-height: calc(var(--rows) * var(--ma-line-height-text));
    max-height: calc(var(--max-rows) * var(--ma-line-height-text));
  }
  .support {
    display: flex;
    gap: var(--ma-space-s);
  }
  .counter {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  .over {
    color: var(--ma-color-negative);
  }
`;
