import { css } from 'lit';

export const iconButtonStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    --ma-icon-button-size: var(--ma-control-height-l);
    color: var(--ma-color-link);
  }
  :host([size='s']) {
    --ma-icon-button-size: var(--ma-control-height-s);
  }
  :host([size='m']) {
    --ma-icon-button-size: var(--ma-control-height-m);
  }
  :host([mode='secondary']) {
    color: var(--ma-color-text-secondary);
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--ma-icon-button-size);
    height: var(--ma-icon-button-size);
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--ma-radius-pill);
    background: transparent;
    color: inherit;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
    transition: background-color var(--ma-duration-fast) var(--ma-easing-standard);
  }
  :host([mode='tinted']) button {
    background: var(--ma-color-brand-tint);
  }
  button:hover,
  button:active {
    background: var(--ma-color-brand-tint);
  }
  button:focus {
    outline: none;
  }
  button:focus-visible {
    box-shadow: var(--ma-focus-ring);
  }
  button:disabled {
    opacity: 0.48;
    cursor: default;
  }
  svg,
  ::slotted(*) {
    width: 24px;
    height: 24px;
  }
`;
