import { css } from 'lit';

// Comments stay out of the template: a comment inside css`` ships to every mini-app.
// .list: the virtualizer's sizer is a line of 2px text, so a line height of 1 keeps it from
// adding to the scroll height. The shared focus ring comes before .own .bubble.failed, whose
// inset border wins over it at the same specificity.
export const chatStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 240px;
    background: var(--ma-color-background);
    color: var(--ma-color-text);
    font-family: var(--ma-font-family);
    font-size: var(--ma-font-size-text);
    line-height: var(--ma-line-height-text);
    --ma-chat-own-bubble: var(--ma-color-brand);
    --ma-chat-on-own-bubble: var(--ma-color-on-brand);
    --ma-chat-other-bubble: var(--ma-color-surface);
  }
  .list {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    outline: none;
    line-height: 1;
  }
  .list:focus-visible {
    box-shadow: var(--ma-focus-ring-inset);
  }
  .row {
    width: 100%;
    line-height: var(--ma-line-height-text);
    box-sizing: border-box;
    padding: var(--ma-space-2xs) var(--ma-space-m);
    outline: none;
  }
  .row:focus-visible .bubble,
  .row:focus-visible .service,
  .topic:focus-visible,
  .pending-controls button:focus-visible,
  .row.named {
    padding-top: var(--ma-space-s);
  }
  .day,
  .unread {
    display: flex;
    justify-content: center;
    padding: var(--ma-space-s) 0;
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
  }
  .day span {
    padding: var(--ma-space-2xs) var(--ma-space-m);
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-surface-secondary);
    color: var(--ma-color-text-secondary);
  }
  .unread {
    align-items: center;
    gap: var(--ma-space-s);
    color: var(--ma-color-link);
    font-weight: var(--ma-font-weight-medium);
  }
  .unread::before,
  .unread::after {
    content: '';
    flex: 1;
    border-top: 1px solid currentColor;
    opacity: 0.5;
  }
  .message {
    display: flex;
    align-items: flex-end;
    gap: var(--ma-space-s);
  }
  .own .message {
    justify-content: flex-end;
  }
  .avatar,
  .avatar-gap {
    flex-shrink: 0;
    width: 32px;
    align-self: flex-start;
  }
  .bubble {
    display: flex;
    flex-direction: column;
    gap: var(--ma-space-2xs);
    max-width: min(80%, 520px);
    min-width: 0;
    box-sizing: border-box;
    padding: var(--ma-space-s) var(--ma-space-m);
    border-radius: var(--ma-radius-l);
    background: var(--ma-chat-other-bubble);
    box-shadow: var(--ma-shadow-1);
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .own .bubble {
    background: var(--ma-chat-own-bubble);
    color: var(--ma-chat-on-own-bubble);
  }
  .own .meta,
  .own .file-size {
    color: inherit;
  }
  .own .bubble.failed {
    background: var(--ma-color-surface);
    color: var(--ma-color-text);
    box-shadow: inset 0 0 0 1px var(--ma-color-negative);
  }
  .author {
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    font-weight: var(--ma-font-weight-semibold);
    color: var(--ma-color-link);
  }
  .greeting-title {
    font-weight: var(--ma-font-weight-semibold);
  }
  .deleted {
    font-style: italic;
  }
  .bubble a {
    color: var(--ma-color-link);
  }
  .own .bubble a {
    color: inherit;
  }
  .meta {
    display: flex;
    align-self: flex-end;
    align-items: center;
    gap: var(--ma-space-xs);
    font-size: var(--ma-font-size-caption);
    line-height: var(--ma-line-height-caption);
    color: var(--ma-color-text-secondary);
    white-space: nowrap;
  }
  .tick-icon {
    display: block;
    width: 16px;
    height: 16px;
  }
  .failed .tick-icon {
    color: var(--ma-color-negative);
  }
  .service {
    margin: var(--ma-space-xs) auto;
    width: fit-content;
    max-width: 90%;
    padding: var(--ma-space-2xs) var(--ma-space-m);
    border-radius: var(--ma-radius-pill);
    background: var(--ma-color-surface-secondary);
    color: var(--ma-color-text-secondary);
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    text-align: center;
  }
  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ma-space-xs);
    margin-top: var(--ma-space-xs);
    white-space: normal;
  }
  .topic {
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    border-radius: var(--ma-radius-pill);
    cursor: pointer;
  }
  .topic:disabled {
    cursor: default;
  }
  .media img,
  .preview {
    display: block;
    max-width: 100%;
    max-height: 240px;
    border-radius: var(--ma-radius-m);
  }
  .file {
    display: flex;
    align-items: center;
    gap: var(--ma-space-s);
    color: inherit;
    text-decoration: none;
  }
  .file-icon {
    width: 28px;
    height: 28px;
    flex-shrink: 0;
  }
  .file-text {
    display: grid;
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
  .upload {
    --ma-progress-color: currentColor;
  }
  .pending-controls {
    display: flex;
    justify-content: flex-end;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--ma-space-s);
    padding-top: var(--ma-space-2xs);
    font-size: var(--ma-font-size-footnote);
  }
  .pending-controls .error {
    color: var(--ma-color-negative);
  }
  .pending-controls button {
    margin: 0;
    padding: var(--ma-space-2xs) var(--ma-space-s);
    border: 0;
    border-radius: var(--ma-radius-s);
    background: none;
    color: var(--ma-color-link);
    font: inherit;
    font-weight: var(--ma-font-weight-medium);
    cursor: pointer;
  }
  .snippet {
    display: flex;
    flex-direction: column;
    width: 100%;
    min-width: 200px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--ma-radius-m);
    overflow: hidden;
    background: var(--ma-color-surface-secondary);
    color: var(--ma-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
    white-space: normal;
  }
  .snippet-image {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
  }
  .snippet-body {
    display: grid;
    gap: var(--ma-space-2xs);
    padding: var(--ma-space-s) var(--ma-space-m);
  }
  .snippet-title {
    font-weight: var(--ma-font-weight-semibold);
  }
  .snippet-annotation {
    font-size: var(--ma-font-size-subhead);
    line-height: var(--ma-line-height-subhead);
    color: var(--ma-color-text-secondary);
  }
  .look-item-card {
    flex-direction: row;
    align-items: center;
  }
  .look-item-card .snippet-image {
    width: 64px;
    height: 64px;
    aspect-ratio: 1;
    margin: var(--ma-space-s) 0 var(--ma-space-s) var(--ma-space-s);
    border-radius: var(--ma-radius-s);
    flex-shrink: 0;
  }
  .look-image-only .snippet-image {
    aspect-ratio: 1;
  }
  .look-plain {
    flex-direction: row;
    align-items: center;
    color: var(--ma-color-link);
  }
  .look-plain .snippet-body {
    flex: 1;
  }
  .snippet-chevron {
    width: 20px;
    height: 20px;
    margin-right: var(--ma-space-s);
    flex-shrink: 0;
  }
  .status-line {
    padding: var(--ma-space-xs) var(--ma-space-l);
    font-size: var(--ma-font-size-footnote);
    line-height: var(--ma-line-height-footnote);
    color: var(--ma-color-text-secondary);
  }
  .offline {
    padding: var(--ma-space-s) var(--ma-space-l);
    background: var(--ma-color-surface-secondary);
    font-size: var(--ma-font-size-footnote);
    color: var(--ma-color-warning);
  }
  .empty {
    margin: auto;
    padding: var(--ma-space-xl);
    color: var(--ma-color-text-secondary);
    text-align: center;
  }
  .loading-older {
    position: absolute;
    top: var(--ma-space-s);
    left: 50%;
    transform: translateX(-50%);
    z-index: 1;
  }
  .list-box {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
