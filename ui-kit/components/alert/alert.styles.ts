import { css } from 'lit';

export const alertStyles = css`
  dialog {
    position: fixed;
    inset: 0;
    width: min(300px, calc(100vw - 2 * var(--ma-space-xl)));
    height: fit-content;
    margin: auto;
  }
  .panel {
    border-radius: var(--ma-radius-l);
    background: var(--ma-color-surface);
    box-shadow: var(--ma-shadow-3);
    overflow: hidden;
    animation: ma-pop-in var(--ma-duration-base) var(--ma-easing-standard);
  }
  .content {
    padding: var(--ma-space-l);
    text-align: center;
  }
  .text {
    margin: var(--ma-space-xs) 0 0;
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    color: var(--ma-color-text-secondary);
  }
  .actions {
    display: flex;
    border-block-start: 1px solid var(--ma-color-separator);
  }
  .actions.stacked {
    flex-direction: column;
  }
  .action {
    flex: 1 1 0;
    min-height: var(--ma-control-height-l);
    padding: var(--ma-space-s) var(--ma-space-m);
    border: 0;
    background: none;
    color: var(--ma-color-link);
    font: inherit;
    font-size: var(--ma-font-size-text);
    cursor: pointer;
  }
  .action + .action {
    border-inline-start: 1px solid var(--ma-color-separator);
  }
  .stacked .action + .action {
    border-inline-start: 0;
    border-block-start: 1px solid var(--ma-color-separator);
  }
  .action.cancel {
    font-weight: var(--ma-font-weight-semibold);
  }
  .action.destructive {
    color: var(--ma-color-negative);
  }
  .action:active {
    background: var(--ma-color-surface-secondary);
  }
  .action:focus-visible {
    box-shadow: var(--ma-focus-ring-inset);
  }
  @keyframes ma-pop-in {
    from {
      opacity: 0;
      transform: scale(1.08);
    }
  }
`;
