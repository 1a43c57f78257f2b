import { css } from 'lit';

export const snackbarStyles = css`
  :host {
    position: fixed;
    inset-inline: 0;
    inset-block-end: 0;
    z-index: 1000;
    display: flex;
    justify-content: center;
    padding: var(--ma-space-s);
    padding-block-end: max(var(--ma-space-s), var(--ma-safe-area-bottom, env(safe-area-inset-bottom, 0px)));
    pointer-events: none;
    font-family: var(--ma-font-family);
  }
  :host([hidden]) {
    display: none;
  }
  .region {
    width: 100%;
    max-width: 480px;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: var(--ma-space-s);
    min-height: var(--ma-control-height-l);
    box-sizing: border-box;
    padding: var(--ma-space-s) var(--ma-space-s) var(--ma-space-s) var(--ma-space-l);
    border-radius: var(--ma-radius-m);
    background: var(--ma-color-text);
    color: var(--ma-color-surface);
    box-shadow: var(--ma-shadow-3);
    pointer-events: auto;
    animation: ma-snackbar-in var(--ma-duration-base) var(--ma-easing-standard);
  }
  .text {
    flex: 1;
    min-width: 0;
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
  }
  button {
    flex: none;
    display: inline-grid;
    place-items: center;
    min-height: var(--ma-control-height-s);
    padding: 0 var(--ma-space-s);
    border: 0;
    border-radius: var(--ma-radius-s);
    background: none;
    color: inherit;
    font: inherit;
    font-size: var(--ma-font-size-subhead);
    font-weight: var(--ma-font-weight-semibold);
    cursor: pointer;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
  @keyframes ma-snackbar-in {
    from {
      opacity: 0;
      transform: translateY(var(--ma-space-l));
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bar {
      animation: none;
    }
  }
`;
