import type { AppRecord } from './app-record.ts';
import { AppNotPlaceableError, NotAllowedError, UnknownWidgetScreenError, UnknownWidgetStateError, ValidationFailedError } from './errors.ts';
import type { Actor } from './statuses.ts';
import { canSeeApp, isPlaceable } from './visibility.ts';
import type { Viewer } from './visibility.ts';

/** The host screens that hold mini-app widgets. */
export const WIDGET_SCREENS = ['main', 'home', 'showcase', 'services'] as const;
export type WidgetScreen = (typeof WIDGET_SCREENS)[number];

/** A draft widget is hidden; a published one shows to whoever may see its app. */
export const WIDGET_STATES = ['draft', 'published'] as const;
export type WidgetState = (typeof WIDGET_STATES)[number];

/** Runtime checks: the types alone do not stop a screen or state read from a request or a store. */
export function isWidgetScreen(value: unknown): value is WidgetScreen {
  return typeof value === 'string' && (WIDGET_SCREENS as readonly string[]).includes(value);
}

export function isWidgetState(value: unknown): value is WidgetState {
  return typeof value === 'string' && (WIDGET_STATES as readonly string[]).includes(value);
}

export interface Widget {
  readonly id: string;
  readonly appId: string;
  readonly screen: WidgetScreen;
  readonly state: WidgetState;
  readonly updatedAt: number;
}

function requirePartnerOf(actor: Actor, app: AppRecord): void {
  if (actor.role !== 'partner' || actor.organisationId !== app.organisationId) {
    throw new NotAllowedError(`only the partner staff of app ${app.id} place its widgets`);
  }
}

/**
 * Places an app on a screen as a draft widget. Only Active and Testing apps can be chosen
 * (`AppNotPlaceableError` otherwise), only on the four widget screens (`ValidationFailedError`
 * holding `UnknownWidgetScreenError` otherwise).
 */
export function placeWidget(app: AppRecord, placement: { id: string; screen: WidgetScreen }, actor: Actor, now: number): Widget {
  requirePartnerOf(actor, app);
  if (!isWidgetScreen(placement.screen)) throw new ValidationFailedError([new UnknownWidgetScreenError('screen', placement.screen)]);
  if (!isPlaceable(app)) throw new AppNotPlaceableError(app.id, app.status);
  return { id: placement.id, appId: app.id, screen: placement.screen, state: 'draft', updatedAt: now };
}

/**
 * Hides (draft) or shows (published) a widget; allowed at any time. Any other state throws
 * `ValidationFailedError` holding `UnknownWidgetStateError`.
 */
export function setWidgetState(widget: Widget, app: AppRecord, state: WidgetState, actor: Actor, now: number): Widget {
  requirePartnerOf(actor, app);
  if (widget.appId !== app.id) throw new NotAllowedError(`widget ${widget.id} belongs to app ${widget.appId}, not ${app.id}`);
  if (!isWidgetState(state)) throw new ValidationFailedError([new UnknownWidgetStateError('state', state)]);
  return widget.state === state ? widget : { ...widget, state, updatedAt: now };
}

/**
 * The widgets a viewer sees on a screen: published ones whose app the viewer may see. A widget
 * of an app that has since become Inactive or gone to moderation stays placed but hidden. Where
 * testers are marked per app, pass a function that says who the viewer is for each app.
 */
export function visibleWidgets<W extends Widget>(
  widgets: readonly W[],
  apps: readonly AppRecord[],
  screen: WidgetScreen,
  viewer: Viewer | ((app: AppRecord) => Viewer),
): W[] {
  const byId = new Map(apps.map((a) => [a.id, a]));
  const viewerOf = typeof viewer === 'function' ? viewer : () => viewer;
  return widgets.filter((w) => {
    const app = byId.get(w.appId);
    return w.screen === screen && w.state === 'published' && app !== undefined && canSeeApp(app, viewerOf(app));
  });
}
