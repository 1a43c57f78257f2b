import { css } from 'lit';

export const textareaStyles = css`
  .field {
    align-items: stretch;
    padding-block: var(--ma-space-s);
  }
  textarea.control {
    resize: none;
    field-sizing: content;
    min-height: calc(var(--rows, 3) * var(--ma-line-height-text));
    max-height: calc(var(--max-rows, 10) * var(--ma-line-height-text));
  }
  .counter {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--ma-color-negative);
  }
`;
