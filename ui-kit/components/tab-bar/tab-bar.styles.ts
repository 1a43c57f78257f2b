import { css } from 'lit';

export const tabBarStyles = css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
  }
  nav {
    display: flex;
    padding-bottom: var(--ma-safe-area-bottom, env(safe-area-inset-bottom, 0px));
    background: var(--ma-color-surface);
    box-shadow: inset 0 1px 0 var(--ma-color-separator);
  }
`;

export const tabBarItemStyles = css`
  :host {
    display: flex;
    flex: 1;
    min-width: 0;
  }
  .base {
    box-sizing: border-box;
    display: flex;
    flex: 1;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--ma-space-2xs);
    min-height: 56px;
    margin: 0;
    padding: var(--ma-space-xs) var(--ma-space-2xs);
    border: 0;
    background: none;
    color: var(--ma-color-text-secondary);
    font: inherit;
    font-size: var(--ma-font-size-caption);
    line-height: var(--ma-line-height-caption);
    font-weight: var(--ma-font-weight-medium);
    text-decoration: none;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
    outline: none;
    border-radius: var(--ma-radius-m);
  }
  :host([selected]) .base {
    color: var(--ma-color-link);
  }
  .base:focus-visible {
    box-shadow: var(--ma-focus-ring-inset);
  }
  .icon-box {
    position: relative;
    display: flex;
  }
  .icon,
  ::slotted([slot='icon']) {
    width: 26px;
    height: 26px;
  }
  .label {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .indicator {
    position: absolute;
    top: -4px;
    left: calc(100% - 10px);
    box-sizing: border-box;
    min-width: 18px;
    height: 18px;
    padding: 0 5px;
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-accent);
    color: var(--ma-color-on-accent);
    font-size: 11px;
    line-height: 18px;
    font-weight: var(--ma-font-weight-semibold);
    text-align: center;
    box-shadow: 0 0 0 2px var(--ma-color-surface);
  }
  .indicator.dot {
    top: -1px;
    left: calc(100% - 6px);
    min-width: 10px;
    width: 10px;
    height: 10px;
    padding: 0;
  }
`;
