import { css } from 'lit';

export const iconStyles = css`
  :host {
    display: inline-flex;
    flex-shrink: 0;
    vertical-align: middle;
    color: inherit;
  }
  svg {
    display: block;
  }
`;
