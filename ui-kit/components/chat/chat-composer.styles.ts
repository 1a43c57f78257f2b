import { css } from 'lit';

export const composerStyles = css`
  :host {
    display: block;
    padding: var(--ma-space-s) var(--ma-space-s) calc(var(--ma-space-s) + var(--ma-safe-area-bottom));
    background: var(--ma-color-surface);
    border-top: 1px solid var(--ma-color-separator);
    font-family: var(--ma-font-family);
    color: var(--ma-color-text);
  }
  .bar {
    display: flex;
    align-items: flex-end;
    gap: var(--ma-space-xs);
  }
  textarea {
    flex: 1;
    min-width: 0;
    box-sizing: border-box;
    min-height: var(--ma-control-height-l);
    max-height: calc(var(--ma-line-height-text) * 6 + 2 * var(--ma-space-m));
    margin: 0;
    padding: var(--ma-space-m) var(--ma-space-l);
    border: 1px solid var(--ma-color-field-border);
    border-radius: calc(var(--ma-control-height-l) / 2);
    background: var(--ma-color-field);
    color: var(--ma-color-text);
    font: inherit;
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
    resize: none;
    overflow-y: auto;
  }
  textarea::placeholder {
    color: var(--ma-color-text-secondary);
  }
  textarea:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
  .attachment,
  .editing {
    display: flex;
    align-items: center;
    gap: var(--ma-space-s);
    margin: 0 var(--ma-space-xs) var(--ma-space-s);
  }
  .editing {
    justify-content: space-between;
    padding-left: var(--ma-space-s);
    border-left: 3px solid var(--ma-color-brand);
    font-size: var(--ma-font-size-subhead);
    color: var(--ma-color-link);
  }
  .preview {
    width: 48px;
    height: 48px;
    object-fit: cover;
    border-radius: var(--ma-radius-s);
  }
  .file-icon {
    width: 32px;
    height: 32px;
    color: var(--ma-color-link);
    flex-shrink: 0;
  }
  .file-text {
    display: grid;
    flex: 1;
    min-width: 0;
  }
  .file-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .file-size {
    font-size: var(--ma-font-size-caption);
    color: var(--ma-color-text-secondary);
  }
  .error {
    margin: 0 var(--ma-space-xs) var(--ma-space-s);
    font-size: var(--ma-font-size-subhead);
    color: var(--ma-color-negative);
  }
`;
