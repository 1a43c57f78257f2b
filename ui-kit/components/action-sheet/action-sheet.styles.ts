import { css } from 'lit';

export const actionSheetStyles = css`
  dialog {
    position: fixed;
    inset: auto 0 0;
    width: 100%;
    max-width: 480px;
    max-height: calc(100dvh - var(--ma-space-2xl));
    margin-inline: auto;
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--ma-space-s);
    padding: var(--ma-space-s);
    padding-block-end: max(var(--ma-space-s), var(--ma-safe-area-bottom, env(safe-area-inset-bottom, 0px)));
    animation: ma-slide-up var(--ma-duration-base) var(--ma-easing-standard);
  }
  .group {
    display: flex;
    flex-direction: column;
    overflow: auto;
    border-radius: var(--ma-radius-l);
    background: var(--ma-color-surface);
    box-shadow: var(--ma-shadow-2);
  }
  .title {
    padding: var(--ma-space-m) var(--ma-space-l);
    text-align: center;
    border-block-end: 1px solid var(--ma-color-separator);
  }
  .heading {
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    color: var(--ma-color-text-secondary);
  }
  .text {
    margin: var(--ma-space-2xs) 0 0;
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    color: var(--ma-color-text-secondary);
  }
  .action {
    min-height: calc(var(--ma-control-height-l) + var(--ma-space-s));
    padding: var(--ma-space-s) var(--ma-space-l);
    border: 0;
    background: none;
    color: var(--ma-color-link);
    font: inherit;
    font-size: var(--ma-font-size-headline);
    cursor: pointer;
  }
  .action + .action {
    border-block-start: 1px solid var(--ma-color-separator);
  }
  .action.destructive {
    color: var(--ma-color-negative);
  }
  .action:disabled {
    color: var(--ma-color-text-tertiary);
    cursor: default;
  }
  .action:active:not(:disabled) {
    background: var(--ma-color-surface-secondary);
  }
  .cancel {
    font-weight: var(--ma-font-weight-semibold);
  }
  .action:focus-visible {
    box-shadow: var(--ma-focus-ring-inset);
  }
  @keyframes ma-slide-up {
    from {
      transform: translateY(100%);
    }
  }
`;
