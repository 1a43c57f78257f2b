import { css } from 'lit';

export const imageStyles = css`
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    border-radius: var(--ma-image-radius, var(--ma-radius-m));
    background: var(--ma-color-skeleton);
  }
  :host([inline]) {
    display: inline-block;
    vertical-align: middle;
  }
  img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--ma-image-fit, cover);
    opacity: 0;
    transition: opacity var(--ma-duration-base) var(--ma-easing-standard);
  }
  :host([state='loaded']) img {
    opacity: 1;
  }
  :host([state='loaded']) {
    background: transparent;
  }
  .fallback {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--ma-space-xs);
    padding: var(--ma-space-s);
    background: var(--ma-color-surface-secondary);
    color: var(--ma-color-text-secondary);
    font-family: var(--ma-font-family);
    font-size: var(--ma-font-size-caption);
    line-height: var(--ma-line-height-caption);
    text-align: center;
  }
  .broken {
    width: 28px;
    height: 28px;
  }
  .loading {
    position: absolute;
    inset: 0;
    animation: pulse 1.5s ease-in-out infinite;
    background: var(--ma-color-skeleton);
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .loading {
      animation: none;
    }
  }
`;
