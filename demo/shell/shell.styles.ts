import { css } from 'lit';

/** Mobile first: the shell fills a phone's screen; on a wide screen it is a phone-wide column with the bridge log beside it. */
export const shellStyles = css`
  :host {
    display: flex;
    justify-content: center;
    gap: 16px;
    min-height: 100dvh;
    box-sizing: border-box;
    color: var(--ma-color-text);
    background: var(--ma-color-background-secondary, var(--ma-color-surface-secondary));
  }
  .phone {
    width: 100%;
    height: 100dvh;
    display: flex;
    flex-direction: column;
    background: var(--ma-color-background);
    position: relative;
    overflow: hidden;
  }
  main {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding-bottom: var(--ma-space-l, 16px);
  }
  main:focus {
    outline: none;
  }
  main.app {
    display: flex;
    flex-direction: column;
    padding-bottom: 0;
    overflow: hidden;
  }
  miniapp-frame {
    flex: 1;
    min-height: 0;
  }
  aside.log {
    display: none;
  }
  @media (min-width: 800px) {
    :host {
      padding: 16px;
    }
    .phone {
      width: 420px;
      height: min(880px, calc(100dvh - 32px));
      border-radius: 24px;
      box-shadow: var(--ma-shadow-3);
    }
    aside.log {
      display: block;
      width: 380px;
      max-height: calc(100dvh - 32px);
      overflow: auto;
      background: var(--ma-color-surface-secondary);
      border-radius: 16px;
    }
    /* A staff page (layout: 'wide') takes the window's width; the bridge log stays in its sheet. */
    .phone.wide {
      width: auto;
      flex: 1 1 auto;
      min-width: 0;
      height: calc(100dvh - 32px);
      border-radius: 16px;
    }
    aside.log.wide {
      display: none;
    }
  }
  .padded {
    padding: var(--ma-space-l, 16px);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ma-space-s, 8px);
    padding: var(--ma-space-s, 8px) var(--ma-space-l, 16px) var(--ma-space-l, 16px);
  }
  .control {
    padding: var(--ma-space-s, 8px) var(--ma-space-l, 16px) var(--ma-space-l, 16px);
  }
  .center {
    display: grid;
    place-items: center;
    align-content: center;
    gap: var(--ma-space-m, 12px);
    height: 100%;
    padding: 24px;
    box-sizing: border-box;
    text-align: center;
    color: var(--ma-color-text-secondary);
  }
  .skeleton {
    display: grid;
    gap: var(--ma-space-m, 12px);
    padding: var(--ma-space-l, 16px);
  }
  .skeleton ma-skeleton[shape='rect'] {
    height: 120px;
  }
  .header-actions {
    display: flex;
    align-items: center;
  }
  .app-title {
    display: inline-flex;
    align-items: center;
    gap: var(--ma-space-s, 8px);
    min-width: 0;
  }
  ma-banner.notice {
    margin: var(--ma-space-m, 12px) var(--ma-space-l, 16px);
  }
  ma-placeholder.launch-error {
    flex: 1;
  }
  ma-modal-page.about p {
    margin: 0 0 var(--ma-space-m, 12px);
    overflow-wrap: break-word;
  }
  ma-modal-page.about h3 {
    margin: var(--ma-space-l, 16px) 0 var(--ma-space-s, 8px);
    font-size: var(--ma-font-size-headline, 17px);
  }
  .offer-meta {
    color: var(--ma-color-text-secondary);
  }
  .offer-text {
    white-space: pre-wrap;
    line-height: 1.5;
  }
`;
