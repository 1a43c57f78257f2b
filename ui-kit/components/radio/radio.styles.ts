import { css } from 'lit';

export const radioStyles = css`
  :host {
    display: flex;
    align-items: flex-start;
    gap: var(--ma-space-m);
    min-height: var(--ma-control-height-m);
    box-sizing: border-box;
    padding-block: var(--ma-space-s);
    font-family: var(--ma-font-family);
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
    color: var(--ma-color-text);
    cursor: pointer;
    outline: none;
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none;
  }
  :host([aria-disabled='true']) {
    opacity: 0.48;
    cursor: default;
  }
  .circle {
    flex: none;
    display: grid;
    place-items: center;
    box-sizing: border-box;
    width: 22px;
    height: 22px;
    margin-block: 1px;
    border: 2px solid var(--ma-color-field-border);
    border-radius: 50%;
    background: var(--ma-color-field);
    transition: border-color var(--ma-duration-fast) var(--ma-easing-standard);
  }
  :host(:focus-visible) .circle {
    box-shadow: var(--ma-focus-ring);
  }
  :host([aria-checked='true']) .circle {
    border-color: var(--ma-color-brand);
    color: var(--ma-color-on-brand);
  }
  :host([aria-checked='true']) .circle::after {
    content: '';
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--ma-color-brand);
  }
  .description {
    display: block;
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    color: var(--ma-color-text-secondary);
  }
`;
