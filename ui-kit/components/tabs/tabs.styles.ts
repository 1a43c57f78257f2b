import { css } from 'lit';

export const tabsStyles = css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
  }
  .tablist {
    display: flex;
    gap: var(--ma-space-xs);
    padding: 0 var(--ma-space-s);
    overflow-x: auto;
    scrollbar-width: none;
    box-shadow: inset 0 -1px 0 var(--ma-color-separator);
  }
  :host([stretched]) ::slotted(ma-tab) {
    flex: 1;
  }
`;

export const tabStyles = css`
  :host {
    display: inline-flex;
    flex-shrink: 0;
    outline: none;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  :host([disabled]) {
    cursor: default;
    opacity: 0.48;
  }
  .base {
    box-sizing: border-box;
    position: relative;
    display: flex;
    flex: 1;
    align-items: center;
    justify-content: center;
    gap: var(--ma-space-xs);
    height: var(--ma-control-height-l);
    padding: 0 var(--ma-space-m);
    border-radius: var(--ma-radius-s) var(--ma-radius-s) 0 0;
    color: var(--ma-color-text-secondary);
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    font-weight: var(--ma-font-weight-medium);
    white-space: nowrap;
    transition: color var(--ma-duration-fast) var(--ma-easing-standard);
  }
  :host(:hover) .base {
    color: var(--ma-color-text);
  }
  :host([selected]) .base {
    color: var(--ma-color-text);
  }
  :host([selected]) .base::after {
    content: '';
    position: absolute;
    left: var(--ma-space-m);
    right: var(--ma-space-m);
    bottom: 0;
    height: 2px;
    border-radius: 2px 2px 0 0;
    /* The link colour: the brand, darkened when a light brand would not stand out. */
    background: var(--ma-color-link);
  }
  :host(:focus-visible) .base {
    box-shadow: var(--ma-focus-ring-inset);
  }
`;

export const tabPanelStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
`;
