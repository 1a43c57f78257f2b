import { css } from 'lit';

export const spinnerStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    color: var(--ma-spinner-color, currentColor);
    --ma-spinner-size: 24px;
  }
  :host([size='s']) {
    --ma-spinner-size: 16px;
  }
  :host([size='l']) {
    --ma-spinner-size: 32px;
  }
  svg {
    width: var(--ma-spinner-size);
    height: var(--ma-spinner-size);
    animation: spin 0.8s linear infinite;
  }
  circle {
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
  @media (prefers-reduced-motion: reduce) {
    svg {
      animation-duration: 2.4s;
    }
  }
`;
