import { html, nothing, type TemplateResult } from 'lit';
import type { OfferResponse } from '../../src/backend/contract.ts';
import { initialsOf } from '../../ui-kit/components/avatar/avatar.ts';
import { iconClose, iconMore } from '../../ui-kit/icons/icons.ts';
import type { DemoApp } from '../apps/catalog.ts';
import { appDescription, capabilityList } from './app-texts.ts';
import type { PageContext } from './routes.ts';
import { formatDate } from './texts.ts';

/** What the About sheet shows: the app, and its offer once loaded (or why it could not be). */
export interface AboutState {
  app: DemoApp;
  offer: OfferResponse | string | undefined;
}

/**
 * The mini-app's chrome, as Telegram's and VK's hosts draw it: back, the app's icon and name,
 * then ⋯ (reload, share, about) and close.
 */
export function renderAppChrome(ctx: PageContext, app: DemoApp, actions: { back(): void; close(): void; menu(): void }): TemplateResult {
  return html`<ma-header class="app-chrome" back @ma-back=${actions.back}>
    <span class="app-title"><ma-avatar size="24" shape="square" initials=${initialsOf(app.name)}></ma-avatar>${app.name}</span>
    <span slot="after" class="header-actions">
      <ma-icon-button icon=${iconMore} label=${ctx.t('more')} data-action="app-menu" @click=${actions.menu}></ma-icon-button>
      <ma-icon-button icon=${iconClose} label=${ctx.t('close')} data-action="close-app" @click=${actions.close}></ma-icon-button>
    </span>
  </ma-header>`;
}

/** The About sheet: what the app is, what it may use, and its offer in full. */
export function renderAbout(ctx: PageContext, about: AboutState | undefined): TemplateResult {
  const offer = about?.offer;
  return html`<ma-modal-page class="about" heading=${about ? `${ctx.t('about')}: ${about.app.name}` : ctx.t('about')}>
    ${about
      ? html`<p>${appDescription(about.app, ctx.locale)}</p>
          <h3>${ctx.t('aboutCapabilities')}</h3>
          <p>${about.app.capabilities.length ? capabilityList(about.app.capabilities, ctx.locale) : ctx.t('aboutNone')}</p>
          <h3>${ctx.t('aboutOffer')}</h3>
          ${offer === undefined
            ? html`<ma-spinner></ma-spinner>`
            : typeof offer === 'string'
              ? html`<p role="alert">${ctx.t('offerUnavailable', { error: offer })}</p>`
              : html`<p class="offer-meta">${offer.title} · ${ctx.t('offerVersion', { version: offer.version, date: formatDate(ctx.locale, offer.publishedAt) })}</p>
                  <p class="offer-text">${offer.text}</p>
                  ${offer.url ? html`<a href=${offer.url} target="_blank" rel="noopener">${offer.url}</a>` : nothing}`}`
      : nothing}
  </ma-modal-page>`;
}

/** Shares a deep link with the system's sheet, else copies it; `shown` when neither worked (the caller shows it). */
export async function shareLink(title: string, url: string): Promise<'shared' | 'copied' | 'shown'> {
  if (typeof navigator.share === 'function' && navigator.canShare?.({ title, url })) {
    try {
      await navigator.share({ title, url });
      return 'shared';
    } catch (error) {
      if ((error as DOMException)?.name === 'AbortError') return 'shared';
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'shown';
  }
}
