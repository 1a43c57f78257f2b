/**
 * The host screens a mini-app (or a deep link, or a chat snippet) may open. A screen that shows
 * one thing takes its id. Apps must cope with a screen being unavailable to a user.
 */
export const HOST_SCREENS = {
  /** The four tabs of the super-app. */
  main: { id: false },
  home: { id: false },
  showcase: { id: false },
  services: { id: false },
  /** One service's card. */
  service: { id: true },
  bills: { id: false },
  /** One bill. */
  bill: { id: true },
  events: { id: false },
  /** One event's card. */
  event: { id: true },
  'event-category': { id: true },
  marketplace: { id: false },
  /** The list of marketplace categories. */
  'category-list': { id: false },
  'marketplace-category': { id: true },
} as const satisfies Record<string, { id: boolean }>;

export type HostScreen = keyof typeof HOST_SCREENS;

/** A link to a host screen: `{ screen: 'bills' }`, `{ screen: 'event', id: 'e-42' }`. */
export interface HostScreenLink {
  screen: HostScreen;
  id?: string;
}
