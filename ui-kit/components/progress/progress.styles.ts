import { css } from 'lit';

export const progressStyles = css`
  :host {
    display: block;
    --ma-progress-color: var(--ma-color-brand);
  }
  :host([mode='positive']) {
    --ma-progress-color: var(--ma-color-positive);
  }
  :host([mode='negative']) {
    --ma-progress-color: var(--ma-color-negative);
  }
  .track {
    position: relative;
    height: 4px;
    overflow: hidden;
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-separator);
  }
  .indicator {
    height: 100%;
    border-radius: inherit;
    background: var(--ma-progress-color);
    transition: width var(--ma-duration-base) var(--ma-easing-standard);
  }
  .indeterminate {
    width: 40%;
    animation: slide 1.4s ease-in-out infinite;
  }
  @keyframes slide {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(250%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .indeterminate {
      width: 100%;
      opacity: 0.5;
      animation: none;
    }
  }
`;
