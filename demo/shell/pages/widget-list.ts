import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import { repeat } from 'lit/directives/repeat.js';
import { createCatalogClient, type CatalogClient } from '../../../src/backend/catalog-client.ts';
import type { ResidentWidgetView } from '../../../src/backend/catalog-contract.ts';
import type { WidgetScreen } from '../../../src/catalog/widgets.ts';
import { createSessionHolder } from '../../backend/session.ts';
import { fromCatalog, widgetsFor, type ResidentWidget } from '../resident-widgets.ts';
import { appDescription } from '../app-texts.ts';
import type { PageContext } from '../routes.ts';

let catalog: Pick<CatalogClient, 'widgets'> | undefined;

/** Where the lists ask for a resident's widgets: by default the catalog at `/api` with the shell's stored session. */
export function useWidgetCatalog(client: Pick<CatalogClient, 'widgets'>): void {
  catalog = client;
  known.clear();
  asking.clear();
}

/** The catalog's last answer per screen and user, shown at once while a fresh one is asked for. */
const known = new Map<string, readonly ResidentWidgetView[]>();
const asking = new Map<string, Promise<readonly ResidentWidgetView[] | undefined>>();

function askCatalog(screen: WidgetScreen, userId: string): Promise<readonly ResidentWidgetView[] | undefined> {
  const key = `${userId}/${screen}`;
  let answer = asking.get(key);
  if (!answer) {
    if (!catalog) {
      const session = createSessionHolder();
      catalog = createCatalogClient({ baseUrl: '/api', getSessionToken: () => session.get() });
    }
    answer = catalog
      .widgets(screen)
      .then(({ widgets }) => {
        known.set(key, widgets);
        return widgets;
      })
      // Unreachable or refused: the last answer (or the seed) stays on screen.
      .catch(() => undefined)
      .finally(() => setTimeout(() => asking.delete(key), 1000));
    asking.set(key, answer);
  }
  return answer;
}

/** The mini-app widgets of a tab screen, as rows; each remembers itself as the opener of its app. */
export function widgetList(ctx: PageContext, screen: WidgetScreen) {
  const userId = ctx.shell.me?.user.id;
  const seed = () => widgetsFor(screen, ctx.shell.apps, { userId });
  if (userId === undefined) return renderList(ctx, screen, seed());
  const last = known.get(`${userId}/${screen}`);
  const shown = renderList(ctx, screen, last ? fromCatalog(screen, last, ctx.shell.apps) : seed());
  const fresh = askCatalog(screen, userId).then((views) => (views ? renderList(ctx, screen, fromCatalog(screen, views, ctx.shell.apps)) : shown));
  return until(fresh, shown);
}

function renderList(ctx: PageContext, screen: WidgetScreen, widgets: readonly ResidentWidget[]) {
  return html`<ma-group header=${ctx.t('widgets')} data-widgets=${screen}>
    ${widgets.length === 0 ? html`<ma-cell multiline>${ctx.t('noWidgets')}</ma-cell>` : nothing}
    ${repeat(
      widgets,
      ({ widget }) => widget.id,
      ({ widget, app, testing }) => html`<ma-cell
        clickable
        chevron
        multiline
        data-opener=${widget.id}
        data-app-id=${app.id}
        subtitle=${testing ? `${ctx.t('testingHint')} · ${appDescription(app, ctx.locale)}` : appDescription(app, ctx.locale)}
        @click=${() => ctx.shell.openApp(app, { opener: widget.id })}
      >
        <ma-avatar slot="before" shape="square" size="40" name=${app.name}></ma-avatar>${app.name}
        ${testing ? html`<ma-badge slot="after" mode="warning">${ctx.t('testing')}</ma-badge>` : nothing}
      </ma-cell>`,
    )}
  </ma-group>`;
}
