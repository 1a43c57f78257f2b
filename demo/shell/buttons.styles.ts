import { css } from 'lit';

/** The primary and secondary buttons of the demo host's own screens (sign-in, offer). */
export const demoButtonStyles = css`
  button {
    font: inherit;
    padding: 10px 16px;
    border-radius: 10px;
    border: 1px solid transparent;
    cursor: pointer;
  }
  button.primary {
    background: var(--ma-color-brand, #0b57d0);
    color: var(--ma-color-on-brand, #fff);
  }
  button.secondary {
    background: transparent;
    color: var(--ma-color-link, #0b57d0);
  }
`;
