/*
 * Deep-link snippets: cards staff send that open a host screen. Their look follows from where
 * the link points: a mini-app's widget (image + annotation from the widget settings), a service
 * or event (image + annotation from its card), a marketplace category (image only), or a plain
 * screen with neither (bills, services, the category list, an event category, and the other
 * host screens: the four tabs, a bill, events, the marketplace).
 */
import type { HostScreenLink } from '../protocol/index.ts';

export type DeepLinkTarget =
  | { kind: 'mini-app'; appId: string; route?: string; anchor?: string }
  | { kind: 'service'; serviceId: string }
  | { kind: 'event'; eventId: string }
  | { kind: 'marketplace-category'; categoryId: string }
  | { kind: 'bills' }
  | { kind: 'services' }
  | { kind: 'category-list' }
  | { kind: 'event-category'; categoryId: string }
  | { kind: 'main' | 'home' | 'showcase' | 'events' | 'marketplace' }
  | { kind: 'bill'; billId: string };

/** The kinds of target that are a host screen showing no one thing (HOST_SCREENS with `id: false`). */
export const LIST_SCREEN_KINDS = ['main', 'home', 'showcase', 'services', 'bills', 'events', 'marketplace', 'category-list'] as const;

/** The host screen a target opens (every host screen is some target's); null for a mini-app. */
export function hostScreenOf(target: DeepLinkTarget): HostScreenLink | null {
  switch (target.kind) {
    case 'mini-app':
      return null;
    case 'service':
      return { screen: 'service', id: target.serviceId };
    case 'event':
      return { screen: 'event', id: target.eventId };
    case 'bill':
      return { screen: 'bill', id: target.billId };
    case 'marketplace-category':
    case 'event-category':
      return { screen: target.kind, id: target.categoryId };
    default:
      return { screen: target.kind };
  }
}

/** The four looks of a snippet. */
export type SnippetLook = 'widget-card' | 'item-card' | 'image-only' | 'plain';

/** What the host knows to draw a snippet: the picture and text its source provides, if any. */
export interface SnippetSource {
  title: string;
  image?: string;
  annotation?: string;
}

export interface DeepLinkSnippet {
  look: SnippetLook;
  target: DeepLinkTarget;
  title: string;
  image: string | null;
  annotation: string | null;
}

/** The look a target gets. */
export function snippetLook(target: DeepLinkTarget): SnippetLook {
  switch (target.kind) {
    case 'mini-app':
      return 'widget-card';
    case 'service':
    case 'event':
      return 'item-card';
    case 'marketplace-category':
      return 'image-only';
    case 'bills':
    case 'services':
    case 'category-list':
    case 'event-category':
    case 'main':
    case 'home':
    case 'showcase':
    case 'events':
    case 'marketplace':
    case 'bill':
      return 'plain';
  }
}

/** Builds the snippet for a target; what the look does not show is dropped. */
export function makeSnippet(target: DeepLinkTarget, source: SnippetSource): DeepLinkSnippet {
  const look = snippetLook(target);
  const image = look === 'plain' ? null : (source.image ?? null);
  const annotation = look === 'widget-card' || look === 'item-card' ? (source.annotation ?? null) : null;
  return { look, target, title: source.title, image, annotation };
}
