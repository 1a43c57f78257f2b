import { css } from 'lit';

export const linkStyles = css`
  :host {
    display: inline;
  }
  a,
  button {
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--ma-color-link);
    text-decoration: none;
    cursor: pointer;
    border-radius: var(--ma-radius-s);
    -webkit-tap-highlight-color: transparent;
  }
  a:hover,
  button:hover {
    text-decoration: underline;
  }
  :host([underline]) a,
  :host([underline]) button {
    text-decoration: underline;
  }
  a:focus,
  button:focus {
    outline: none;
  }
  a:focus-visible,
  button:focus-visible {
    box-shadow: var(--ma-focus-ring);
  }
`;
