/**
 * The widgets a resident sees on the four tab screens. A signed-in resident's come from the
 * catalog (`GET /api/widgets/:screen`: published widgets of Active apps, and of Testing apps for
 * their testers), so what a partner publishes appears here; until that answer arrives, and for a
 * visitor who is not signed in, they are read from the seed's records. The demo's developer apps
 * (launch inspector, plain page, never ready) are placed by the demo itself.
 */
import { SEED_APPS, SEED_WIDGETS } from '../../src/backend/seed.ts';
import type { AppStatus } from '../../src/catalog/index.ts';
import { canSeeApp } from '../../src/catalog/visibility.ts';
import type { Widget, WidgetScreen } from '../../src/catalog/widgets.ts';
import type { DemoApp } from '../apps/catalog.ts';
import type { ResidentWidgetView } from '../../src/backend/catalog-contract.ts';

/** A widget on screen: the app it opens, and whether the resident sees it only as a tester. */
export interface ResidentWidget {
  widget: Widget;
  app: DemoApp;
  testing: boolean;
}

const placed = (widget: Pick<Widget, 'id' | 'appId' | 'screen' | 'state'>): Widget => ({ ...widget, updatedAt: 0 });

/**
 * The seed's widgets, then the demo's developer apps (launch inspector, plain page, never ready),
 * placed where a visitor finds them. A draft stays hidden, as the catalog rules say.
 */
export const DEMO_WIDGETS: readonly Widget[] = [
  ...SEED_WIDGETS.map(placed),
  placed({ id: 'demo-inspector-main', appId: 'launch-inspector', screen: 'main', state: 'published' }),
  placed({ id: 'demo-plain-home', appId: 'plain-page', screen: 'home', state: 'published' }),
  placed({ id: 'demo-inspector-showcase', appId: 'launch-inspector', screen: 'showcase', state: 'published' }),
  placed({ id: 'demo-no-user-services', appId: 'no-user-data', screen: 'services', state: 'published' }),
  placed({ id: 'demo-broken-services', appId: 'broken', screen: 'services', state: 'published' }),
];

/** Apps the seed has but the demo's own list lacks, served by the same front end as another app. */
const SAME_FRONT_END: Readonly<Record<string, string>> = { 'bakery-beta': 'bakery' };

/** Every app the shell can open: the given ones and those that reuse one of their front ends. */
export function openableApps(apps: readonly DemoApp[]): DemoApp[] {
  const byId = new Map(apps.map((app) => [app.id, app]));
  const extra = Object.entries(SAME_FRONT_END).flatMap(([id, frontEnd]) => {
    const base = byId.get(frontEnd);
    const seed = SEED_APPS.find((app) => app.id === id);
    return !base || byId.has(id) || !seed ? [] : [{ ...base, id, name: seed.name, description: seed.description }];
  });
  return [...apps, ...extra];
}

function statusOf(appId: string): { status: AppStatus; testerIds: readonly string[] } {
  const seed = SEED_APPS.find((app) => app.id === appId);
  // An app the seed does not know is one the demo added itself: Active.
  return { status: seed?.status ?? 'active', testerIds: seed?.testerIds ?? [] };
}

/** The demo's own placements of its developer apps, which the catalog does not hold. */
const DEVELOPER_WIDGETS = DEMO_WIDGETS.filter((widget) => widget.id.startsWith('demo-'));

/**
 * The catalog's answer for one screen and viewer, as widgets with the apps the shell can open
 * (an app without a front end in the demo is left out), followed by the developer apps' widgets.
 */
export function fromCatalog(screen: WidgetScreen, views: readonly ResidentWidgetView[], apps: readonly DemoApp[]): ResidentWidget[] {
  const byId = new Map(openableApps(apps).map((app) => [app.id, app]));
  const catalog = views.map((view): ResidentWidget => {
    // An app the catalog has but this host does not serve (a partner's upload): its widget still
    // shows, as the catalog placed it; the host has no build of it to open.
    const app = byId.get(view.app.id) ?? { id: view.app.id, name: view.app.name, description: '', url: '', capabilities: [] };
    return { widget: placed({ id: view.id, appId: view.app.id, screen: view.screen, state: 'published' }), app: { ...app, name: view.app.name }, testing: view.testing };
  });
  const developer = DEVELOPER_WIDGETS.flatMap((widget): ResidentWidget[] => {
    const app = byId.get(widget.appId);
    return widget.screen === screen && app ? [{ widget, app, testing: false }] : [];
  });
  return [...catalog, ...developer];
}

/** The published widgets of `screen` whose app the viewer may see, from the seed: Active for everyone, Testing for its testers. */
export function widgetsFor(screen: WidgetScreen, apps: readonly DemoApp[], viewer: { userId?: string | undefined }): ResidentWidget[] {
  const byId = new Map(openableApps(apps).map((app) => [app.id, app]));
  return DEMO_WIDGETS.flatMap((widget) => {
    const app = byId.get(widget.appId);
    if (widget.screen !== screen || widget.state !== 'published' || !app) return [];
    const { status, testerIds } = statusOf(app.id);
    const isTester = viewer.userId !== undefined && testerIds.includes(viewer.userId);
    return canSeeApp({ status }, { isTester }) ? [{ widget, app, testing: status === 'testing' }] : [];
  });
}
