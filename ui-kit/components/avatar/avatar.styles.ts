import { css } from 'lit';

export const avatarStyles = css`
  :host {
    --ma-avatar-size: 40px;
    display: inline-flex;
    flex-shrink: 0;
    vertical-align: middle;
    width: var(--ma-avatar-size);
    height: var(--ma-avatar-size);
    overflow: hidden;
    border-radius: 50%;
    background: var(--ma-color-brand);
    color: var(--ma-color-on-brand);
    font-family: var(--ma-font-family);
    font-weight: var(--ma-font-weight-semibold);
    font-size: calc(var(--ma-avatar-size) * 0.4);
    line-height: 1;
    user-select: none;
  }
  :host([size='24']) { --ma-avatar-size: 24px; }
  :host([size='32']) { --ma-avatar-size: 32px; }
  :host([size='48']) { --ma-avatar-size: 48px; }
  :host([size='56']) { --ma-avatar-size: 56px; }
  :host([size='72']) { --ma-avatar-size: 72px; }
  :host([size='96']) { --ma-avatar-size: 96px; }
  .initials {
    display: flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    height: 100%;
  }
  :host([shape='square']) {
    border-radius: calc(var(--ma-avatar-size) * 0.25);
  }
  img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;
