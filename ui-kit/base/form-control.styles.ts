import { css } from 'lit';

// Each sheet is wrapped in a pure call so that bundlers drop the ones a component does not use
// (a tagged template alone counts as a possible side effect).

/**
 * Styles every form control shares: the host and the disabled look. (Motion uses the duration
 * tokens, which are 0ms under `prefers-reduced-motion`.)
 */
export const controlStyles = /* @__PURE__ */ (() => css`
  :host {
    display: block;
    font-family: var(--ma-font-family);
    color: var(--ma-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  .disabled {
    opacity: 0.48;
  }
`)();

/** The label above a control and the hint or error line below it. */
export const labelStyles = /* @__PURE__ */ (() => css`
  .label {
    display: block;
    margin-block-end: var(--ma-space-xs);
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    color: var(--ma-color-text-secondary);
  }
  .support {
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    color: var(--ma-color-text-secondary);
  }
  .support:not(:empty) {
    margin-block-start: var(--ma-space-xs);
  }
  .error {
    color: var(--ma-color-negative);
  }
`)();

/** The box of text-like fields (input, textarea, select, search) and the native control in it. */
export const fieldStyles = /* @__PURE__ */ (() => css`
  .field {
    display: flex;
    align-items: center;
    gap: var(--ma-space-s);
    min-height: var(--ma-control-height-l);
    box-sizing: border-box;
    padding-inline: var(--ma-space-m);
    background: var(--ma-color-field);
    border: 1px solid var(--ma-color-field-border);
    border-radius: var(--ma-radius-m);
    transition: border-color var(--ma-duration-fast) var(--ma-easing-standard);
  }
  .field:focus-within {
    border-color: var(--ma-color-focus);
    box-shadow: var(--ma-focus-ring);
  }
  .invalid {
    border-color: var(--ma-color-negative);
  }
  .control {
    flex: 1;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
    outline: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
  }
  .control::placeholder {
    color: var(--ma-color-text-tertiary);
  }
  .control::-webkit-search-cancel-button {
    display: none;
  }
  ::slotted(*) {
    flex: none;
    color: var(--ma-color-text-secondary);
  }
`)();

/** The round clear button inside a field. */
export const clearButtonStyles = /* @__PURE__ */ (() => css`
  .clear {
    display: grid;
    place-items: center;
    width: 28px;
    height: 28px;
    padding: 0;
    border: 0;
    border-radius: var(--ma-radius-pill);
    background: none;
    color: var(--ma-color-text-secondary);
    cursor: pointer;
  }
  .clear:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
`)();
