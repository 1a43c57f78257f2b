import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
  }
  .base {
    box-sizing: border-box;
    height: 100%;
    overflow: hidden;
    border-radius: var(--ma-radius-l);
    background: var(--ma-color-surface);
    color: var(--ma-color-text);
    font-family: var(--ma-font-family);
  }
  :host([mode='shadow']) .base {
    box-shadow: var(--ma-shadow-2);
  }
  :host([mode='outline']) .base {
    border: 1px solid var(--ma-color-separator);
  }
  :host([mode='tint']) .base {
    background: var(--ma-color-surface-secondary);
  }
  :host([padded]) .base {
    padding: var(--ma-space-l);
  }
`;
