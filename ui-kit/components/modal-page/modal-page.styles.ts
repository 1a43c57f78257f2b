import { css } from 'lit';

// On top of the bottom sheet's styles. The panel's height (not the dialog's) fixes the size: its
// max-height inherits the dialog's, the same calc.
export const modalPageStyles = css`
  .panel {
    height: calc(100dvh - var(--ma-space-2xl));
  }
  .body {
    background: var(--ma-color-background);
    padding-block-start: var(--ma-space-l);
  }
  header {
    border-block-end: 1px solid var(--ma-color-separator);
  }
`;
