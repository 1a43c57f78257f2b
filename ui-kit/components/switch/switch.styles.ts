import { css } from 'lit';

export const switchStyles = css`
  .row {
    display: flex;
    align-items: center;
    gap: var(--ma-space-m);
    min-height: var(--ma-control-height-m);
    box-sizing: border-box;
    padding-block: var(--ma-space-xs);
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  .row.disabled {
    cursor: default;
  }
  .text {
    flex: 1;
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
  }
  .track {
    position: relative;
    flex: none;
    width: 51px;
    height: 31px;
  }
  input {
    appearance: none;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    margin: 0;
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-field-border);
    cursor: inherit;
    transition: background-color var(--ma-duration-base) var(--ma-easing-standard);
  }
  input:checked {
    background: var(--ma-color-brand);
    color: var(--ma-color-on-brand);
  }
  input:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
  .thumb {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    width: 27px;
    height: 27px;
    border-radius: 50%;
    background: #fff;
    box-shadow: var(--ma-shadow-1);
    pointer-events: none;
    transition: transform var(--ma-duration-base) var(--ma-easing-standard);
  }
  input:checked + .thumb {
    transform: translateX(20px);
  }
  :host(:dir(rtl)) input:checked + .thumb {
    transform: translateX(-20px);
  }
  .support:not(:empty) {
    margin: 0;
  }
`;
