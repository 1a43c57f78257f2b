import { css } from 'lit';

export const headerStyles = css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
  }
  header {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: var(--ma-space-xs);
    min-height: 56px;
    padding: var(--ma-safe-area-top, env(safe-area-inset-top, 0px)) var(--ma-space-xs) 0;
    background: var(--ma-color-surface);
    color: var(--ma-color-text);
  }
  :host([separator]) header {
    box-shadow: inset 0 -1px 0 var(--ma-color-separator);
  }
  :host([transparent]) header {
    background: transparent;
  }
  .side {
    display: flex;
    align-items: center;
    flex-shrink: 0;
    min-width: 48px;
  }
  .after {
    justify-content: flex-end;
  }
  .titles {
    flex: 1;
    min-width: 0;
    padding: 0 var(--ma-space-xs);
  }
  :host([centered]) .titles {
    text-align: center;
  }
  h1 {
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: var(--ma-font-size-headline);
    line-height: var(--ma-line-height-headline);
    font-weight: var(--ma-font-weight-semibold);
  }
  .subtitle {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: var(--ma-font-size-caption);
    line-height: var(--ma-line-height-caption);
    color: var(--ma-color-text-secondary);
  }
  .back {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 48px;
    height: 48px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--ma-color-link);
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  .back:hover {
    background: var(--ma-color-brand-tint);
  }
  .back:focus {
    outline: none;
  }
  .back:focus-visible {
    box-shadow: var(--ma-focus-ring);
  }
  .icon {
    width: 28px;
    height: 28px;
  }
`;
