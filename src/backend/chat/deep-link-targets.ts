/**
 * Which host screens staff may link a client to. Every one of the host's screens is a target
 * (src/chat's `hostScreenOf`); the bills, and a bill, only for a client with premises of their
 * own, since the host has no bills for anyone else. A screen that shows one thing (a service, an
 * event, a bill, a category) is available when its list screen is.
 */
import { LIST_SCREEN_KINDS, type DeepLinkTarget } from '../../chat/index.ts';
import type { DeepLinkOption } from './contract.ts';
import type { ConversationRecord } from './records.ts';

export type ListScreenKind = (typeof LIST_SCREEN_KINDS)[number];

/** The list screens' titles, for readers that do not word them (the console words its own). */
export const LIST_SCREEN_TITLES: Readonly<Record<ListScreenKind, string>> = {
  main: 'Main',
  home: 'Home',
  showcase: 'Showcase',
  services: 'Services',
  bills: 'Bills',
  events: 'Events',
  marketplace: 'Marketplace',
  'category-list': 'Marketplace categories',
};

/** The list screen an item's screen belongs to. */
const LIST_OF_ITEM = { service: 'services', bill: 'bills', event: 'events', 'event-category': 'events', 'marketplace-category': 'category-list' } as const;

type Client = Pick<ConversationRecord, 'objectId'>;

/** The list screens this client can open. */
export function listScreensFor(client: Client): ListScreenKind[] {
  return LIST_SCREEN_KINDS.filter((kind) => kind !== 'bills' || client.objectId !== null);
}

/** Whether this client can open the host screen a target points at (a mini-app is checked elsewhere). */
export function screenAvailableTo(client: Client, target: Exclude<DeepLinkTarget, { kind: 'mini-app' }>): boolean {
  const list: ListScreenKind = target.kind in LIST_OF_ITEM ? LIST_OF_ITEM[target.kind as keyof typeof LIST_OF_ITEM] : (target.kind as ListScreenKind);
  return listScreensFor(client).includes(list);
}

export function listScreenOptions(client: Client): DeepLinkOption[] {
  return listScreensFor(client).map((kind) => ({ target: { kind }, title: LIST_SCREEN_TITLES[kind] }));
}
