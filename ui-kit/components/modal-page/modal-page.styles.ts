import { css } from 'lit';

export const modalPageStyles = css`
  dialog {
    height: calc(100dvh - var(--ma-space-2xl));
  }
  .panel {
    height: 100%;
  }
  .body {
    background: var(--ma-color-background);
    padding-block-start: var(--ma-space-l);
  }
  header {
    border-block-end: 1px solid var(--ma-color-separator);
  }
`;
