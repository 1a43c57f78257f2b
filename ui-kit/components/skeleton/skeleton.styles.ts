import { css } from 'lit';

export const skeletonStyles = css`
  :host {
    display: block;
    width: var(--ma-skeleton-width, 100%);
    height: var(--ma-skeleton-height, 1em);
  }
  :host([shape='text']) {
    height: var(--ma-skeleton-height, var(--ma-line-height-text));
    padding: 3px 0;
    box-sizing: border-box;
  }
  :host([shape='circle']) {
    width: var(--ma-skeleton-width, 40px);
    height: var(--ma-skeleton-height, 40px);
  }
  .base {
    width: 100%;
    height: 100%;
    border-radius: var(--ma-radius-s);
    background: var(--ma-color-skeleton);
    animation: pulse 1.5s ease-in-out infinite;
  }
  :host([shape='circle']) .base {
    border-radius: 50%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .base {
      animation: none;
    }
  }
`;
