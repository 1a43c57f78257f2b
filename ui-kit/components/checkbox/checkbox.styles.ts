import { css } from 'lit';

export const checkboxStyles = css`
  .row {
    display: flex;
    align-items: flex-start;
    gap: var(--ma-space-m);
    min-height: var(--ma-control-height-m);
    box-sizing: border-box;
    padding-block: var(--ma-space-s);
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  .row.disabled {
    cursor: default;
  }
  .box {
    position: relative;
    flex: none;
    width: 22px;
    height: 22px;
    margin-block: 1px;
  }
  input {
    appearance: none;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    margin: 0;
    border: 2px solid var(--ma-color-field-border);
    border-radius: var(--ma-radius-s);
    background: var(--ma-color-field);
    cursor: inherit;
    transition: background-color var(--ma-duration-fast) var(--ma-easing-standard);
  }
  input:checked,
  input:indeterminate {
    border-color: var(--ma-color-brand);
    background: var(--ma-color-brand);
    color: var(--ma-color-on-brand);
  }
  input:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
  .invalid input {
    border-color: var(--ma-color-negative);
  }
  .mark {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: var(--ma-color-on-brand);
    pointer-events: none;
  }
  svg {
    width: 18px;
    height: 18px;
  }
  ::slotted(a) {
    color: var(--ma-color-link);
  }
  .support {
    padding-inline-start: calc(22px + var(--ma-space-m));
  }
  .support:not(:empty) {
    margin: 0;
  }
`;
