import { css } from 'lit';

export const buttonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    --ma-button-background: var(--ma-color-brand);
    --ma-button-background-hover: var(--ma-color-brand-hover);
    --ma-button-background-pressed: var(--ma-color-brand-pressed);
    --ma-button-color: var(--ma-color-on-brand);
    --ma-button-border: transparent;
  }
  :host([stretched]) {
    display: block;
  }
  :host([mode='secondary']) {
    --ma-button-background: var(--ma-color-brand-tint);
    --ma-button-background-hover: color-mix(in srgb, var(--ma-color-brand-tint), var(--ma-color-link) 8%);
    --ma-button-background-pressed: color-mix(in srgb, var(--ma-color-brand-tint), var(--ma-color-link) 16%);
    --ma-button-color: var(--ma-color-link);
  }
  :host([mode='tertiary']) {
    --ma-button-background: transparent;
    --ma-button-background-hover: var(--ma-color-brand-tint);
    --ma-button-background-pressed: var(--ma-color-brand-tint);
    --ma-button-color: var(--ma-color-link);
  }
  :host([mode='outline']) {
    --ma-button-background: transparent;
    --ma-button-background-hover: var(--ma-color-brand-tint);
    --ma-button-background-pressed: var(--ma-color-brand-tint);
    --ma-button-color: var(--ma-color-link);
    --ma-button-border: var(--ma-color-link);
  }
  :host([mode='destructive']) {
    --ma-button-background: var(--ma-color-negative);
    --ma-button-background-hover: color-mix(in srgb, var(--ma-color-negative), #000 10%);
    --ma-button-background-pressed: color-mix(in srgb, var(--ma-color-negative), #000 20%);
    --ma-button-color: var(--ma-color-on-status);
  }
  .button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--ma-space-s);
    position: relative;
    width: 100%;
    min-height: var(--ma-control-height-m);
    margin: 0;
    padding: 0 var(--ma-space-l);
    border: 1px solid var(--ma-button-border);
    border-radius: var(--ma-radius-m);
    background: var(--ma-button-background);
    color: var(--ma-button-color);
    font: inherit;
    font-family: var(--ma-font-family);
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
    font-weight: var(--ma-font-weight-semibold);
    text-decoration: none;
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
    transition:
      background-color var(--ma-duration-fast) var(--ma-easing-standard),
      transform var(--ma-duration-fast) var(--ma-easing-standard);
  }
  :host([size='s']) .button {
    min-height: var(--ma-control-height-s);
    padding: 0 var(--ma-space-m);
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    border-radius: var(--ma-radius-s);
  }
  :host([size='l']) .button {
    min-height: var(--ma-control-height-l);
    padding: 0 var(--ma-space-xl);
    font-size: var(--ma-font-size-headline);
  }
  .button:hover {
    background: var(--ma-button-background-hover);
  }
  .button:active {
    background: var(--ma-button-background-pressed);
    transform: scale(0.98);
  }
  .button:focus {
    outline: none;
  }
  .button:focus-visible {
    box-shadow: var(--ma-focus-ring);
  }
  :host([disabled]) .button {
    opacity: 0.48;
    cursor: default;
    pointer-events: none;
  }
  :host([loading]) .button {
    cursor: progress;
  }
  /* Transparent, not hidden: the label stays the button's accessible name while it loads. */
  :host([loading]) .label,
  :host([loading]) slot[name] {
    opacity: 0;
  }
  .spinner {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .spinner svg {
    width: 20px;
    height: 20px;
    animation: spin 0.8s linear infinite;
  }
  .spinner circle {
    fill: none;
    stroke: currentColor;
    stroke-width: 3;
    stroke-linecap: round;
    stroke-dasharray: 44 100;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  ::slotted(*) {
    flex-shrink: 0;
  }
  .label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    .button:active {
      transform: none;
    }
    .spinner svg {
      animation-duration: 2.4s;
    }
  }
`;
