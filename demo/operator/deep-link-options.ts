/**
 * What an operator may link a client to: the host screens and cards this client can open, and
 * the mini-apps this client can open (from `GET /staff/chats/:chatId/deep-links`, which knows the
 * client: bills only with premises, a Testing app only for its testers).
 */
import type { DeepLinkOption } from '../../src/backend/chat/contract.ts';
import { makeSnippet, type DeepLinkSnippet, type DeepLinkTarget, type LIST_SCREEN_KINDS } from '../../src/chat/deep-links.ts';
import { demoApps } from '../apps/catalog.ts';
import { BILLS, EVENT_CATEGORIES, EVENTS, MARKET_CATEGORIES, SERVICES } from '../shell/host-data.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import type { OperatorText } from './texts.ts';

export interface LinkChoice {
  /** Unique within the list: the select's value. */
  key: string;
  group: 'screens' | 'items' | 'apps';
  label: string;
  snippet: DeepLinkSnippet;
}

const SCREEN_LABELS = {
  main: 'screenMain', home: 'screenHome', showcase: 'screenShowcase', services: 'screenServices', bills: 'screenBills',
  events: 'screenEvents', marketplace: 'screenMarketplace', 'category-list': 'screenCategoryList',
} as const satisfies Record<(typeof LIST_SCREEN_KINDS)[number], Parameters<OperatorText>[0]>;

const isListScreen = (kind: string): kind is keyof typeof SCREEN_LABELS => kind in SCREEN_LABELS;

export function targetKey(target: DeepLinkTarget): string {
  switch (target.kind) {
    case 'mini-app': return `mini-app:${target.appId}`;
    case 'service': return `service:${target.serviceId}`;
    case 'event': return `event:${target.eventId}`;
    case 'bill': return `bill:${target.billId}`;
    case 'marketplace-category':
    case 'event-category': return `${target.kind}:${target.categoryId}`;
    default: return target.kind;
  }
}

/**
 * The choices for one client, from the backend's options for them: the host screens they can
 * open (every one of the host's screens, the ones showing one thing through their cards), and
 * the mini-apps they can open. A screen's cards are offered when the screen is.
 */
export function linkChoices(options: readonly DeepLinkOption[], t: OperatorText, locale: ShellLocale): LinkChoice[] {
  const choices: LinkChoice[] = [];
  const screens = new Set<string>();
  const item = (target: DeepLinkTarget, label: string, title: string, annotation?: string) =>
    choices.push({ key: targetKey(target), group: 'items', label, snippet: makeSnippet(target, { title, ...(annotation ? { annotation } : {}) }) });
  for (const option of options) {
    const target = option.target as DeepLinkTarget;
    if (isListScreen(target.kind)) {
      const label = t(SCREEN_LABELS[target.kind]);
      screens.add(target.kind);
      choices.push({ key: targetKey(target), group: 'screens', label, snippet: makeSnippet(target, { title: label }) });
    } else if (target.kind === 'mini-app') {
      const app = demoApps.find((candidate) => candidate.id === target.appId);
      choices.push({ key: targetKey(target), group: 'apps', label: app?.name ?? option.title, snippet: makeSnippet(target, { title: app?.name ?? option.title, ...(app?.description ? { annotation: app.description } : {}) }) });
    }
  }
  if (screens.has('services')) {
    for (const service of SERVICES) item({ kind: 'service', serviceId: service.id }, t('screenService', { title: service.title[locale] }), service.title[locale], service.description[locale]);
  }
  if (screens.has('bills')) {
    for (const bill of BILLS) item({ kind: 'bill', billId: bill.id }, t('screenBill', { title: `${bill.title[locale]}, ${bill.period[locale]}` }), `${bill.title[locale]}, ${bill.period[locale]}`);
  }
  if (screens.has('events')) {
    for (const event of EVENTS) item({ kind: 'event', eventId: event.id }, t('screenEvent', { title: event.title[locale] }), event.title[locale], event.description[locale]);
    for (const category of EVENT_CATEGORIES) item({ kind: 'event-category', categoryId: category.id }, t('screenEventCategory', { title: category.title[locale] }), category.title[locale]);
  }
  if (screens.has('category-list')) {
    for (const category of MARKET_CATEGORIES) item({ kind: 'marketplace-category', categoryId: category.id }, t('screenMarketCategory', { title: category.title[locale] }), category.title[locale]);
  }
  return choices;
}
