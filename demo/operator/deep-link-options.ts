/**
 * What an operator may link a client to: the host screens and cards the backend accepts as
 * targets, and the mini-apps this client can open (from `GET /staff/chats/:chatId/deep-links`,
 * which knows the client: a Testing app only for its testers).
 */
import type { DeepLinkOption } from '../../src/backend/chat/contract.ts';
import { makeSnippet, type DeepLinkSnippet, type DeepLinkTarget } from '../../src/chat/deep-links.ts';
import { demoApps } from '../apps/catalog.ts';
import { EVENT_CATEGORIES, EVENTS, MARKET_CATEGORIES, SERVICES } from '../shell/host-data.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import type { OperatorText } from './texts.ts';

export interface LinkChoice {
  /** Unique within the list: the select's value. */
  key: string;
  group: 'screens' | 'items' | 'apps';
  label: string;
  snippet: DeepLinkSnippet;
}

const SCREEN_LABELS = { bills: 'screenBills', services: 'screenServices', 'category-list': 'screenCategoryList' } as const;

export function targetKey(target: DeepLinkTarget): string {
  switch (target.kind) {
    case 'mini-app': return `mini-app:${target.appId}`;
    case 'service': return `service:${target.serviceId}`;
    case 'event': return `event:${target.eventId}`;
    case 'marketplace-category':
    case 'event-category': return `${target.kind}:${target.categoryId}`;
    default: return target.kind;
  }
}

/** The choices for one client, from the backend's options for them. */
export function linkChoices(options: readonly DeepLinkOption[], t: OperatorText, locale: ShellLocale): LinkChoice[] {
  const choices: LinkChoice[] = [];
  const item = (target: DeepLinkTarget, label: string, title: string, annotation?: string) =>
    choices.push({ key: targetKey(target), group: 'items', label, snippet: makeSnippet(target, { title, ...(annotation ? { annotation } : {}) }) });
  for (const option of options) {
    const target = option.target as DeepLinkTarget;
    if (target.kind === 'bills' || target.kind === 'services' || target.kind === 'category-list') {
      const label = t(SCREEN_LABELS[target.kind]);
      choices.push({ key: targetKey(target), group: 'screens', label, snippet: makeSnippet(target, { title: label }) });
    } else if (target.kind === 'mini-app') {
      const app = demoApps.find((candidate) => candidate.id === target.appId);
      choices.push({ key: targetKey(target), group: 'apps', label: app?.name ?? option.title, snippet: makeSnippet(target, { title: app?.name ?? option.title, ...(app?.description ? { annotation: app.description } : {}) }) });
    }
  }
  for (const service of SERVICES) item({ kind: 'service', serviceId: service.id }, t('screenService', { title: service.title[locale] }), service.title[locale], service.description[locale]);
  for (const event of EVENTS) item({ kind: 'event', eventId: event.id }, t('screenEvent', { title: event.title[locale] }), event.title[locale], event.description[locale]);
  for (const category of EVENT_CATEGORIES) item({ kind: 'event-category', categoryId: category.id }, t('screenEventCategory', { title: category.title[locale] }), category.title[locale]);
  for (const category of MARKET_CATEGORIES) item({ kind: 'marketplace-category', categoryId: category.id }, t('screenMarketCategory', { title: category.title[locale] }), category.title[locale]);
  return choices;
}
