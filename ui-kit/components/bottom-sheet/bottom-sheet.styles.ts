import { css } from 'lit';

export const bottomSheetStyles = css`
  dialog {
    position: fixed;
    inset: auto 0 0;
    width: 100%;
    max-width: 640px;
    max-height: calc(100dvh - var(--ma-space-2xl));
    margin-inline: auto;
  }
  .panel {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    max-height: inherit;
    height: var(--ma-sheet-height, auto);
    padding-block-end: var(--ma-safe-area-bottom, env(safe-area-inset-bottom, 0px));
    border-radius: var(--ma-radius-l) var(--ma-radius-l) 0 0;
    background: var(--ma-color-surface);
    box-shadow: var(--ma-shadow-3);
    animation: ma-slide-up var(--ma-duration-base) var(--ma-easing-standard);
    transition: transform var(--ma-duration-fast) var(--ma-easing-standard);
  }
  .grab {
    touch-action: none;
  }
  .handle {
    width: 36px;
    height: 4px;
    margin: var(--ma-space-s) auto 0;
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-separator);
  }
  header {
    display: flex;
    align-items: center;
    gap: var(--ma-space-s);
    padding: var(--ma-space-s) var(--ma-space-l);
    min-height: var(--ma-control-height-l);
    box-sizing: border-box;
  }
  .heading {
    flex: 1;
    min-width: 0;
  }
  .body {
    flex: 1;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0 var(--ma-space-l) var(--ma-space-l);
  }
  footer {
    padding: var(--ma-space-s) var(--ma-space-l) var(--ma-space-l);
  }
  @keyframes ma-slide-up {
    from {
      transform: translateY(100%);
    }
  }
  .close {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    padding: 0;
    border: 0;
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-surface-secondary);
    color: var(--ma-color-text-secondary);
    cursor: pointer;
  }
`;
