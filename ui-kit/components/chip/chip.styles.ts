import { css } from 'lit';

export const chipStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    max-width: 100%;
  }
  .base {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: var(--ma-space-xs);
    max-width: 100%;
    height: var(--ma-control-height-s);
    padding: 0 var(--ma-space-m);
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-surface-secondary);
    color: var(--ma-color-text);
    font-family: var(--ma-font-family);
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
  }
  :host([removable]) .base {
    padding-right: var(--ma-space-xs);
  }
  :host([mode='brand']) .base {
    background: var(--ma-color-brand-tint);
    color: var(--ma-color-link);
  }
  .label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  ::slotted([slot='before']) {
    width: 20px;
    height: 20px;
    margin-left: calc(-1 * var(--ma-space-xs));
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 24px;
    height: 24px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--ma-color-text-secondary);
    cursor: pointer;
  }
  button:hover {
    background: var(--ma-color-separator);
  }
  button:focus {
    outline: none;
  }
  button:focus-visible {
    box-shadow: var(--ma-focus-ring);
  }
  .remove {
    width: 16px;
    height: 16px;
  }
  /* Greyed by colour, not opacity: the label keeps 3:1 or more on any page. */
  :host([disabled]) .base {
    background: var(--ma-color-surface-secondary);
    color: var(--ma-color-text-tertiary);
  }
  :host([disabled]) ::slotted([slot='before']) {
    opacity: 0.48;
  }
  :host([disabled]) button {
    color: inherit;
    pointer-events: none;
  }
`;
