import { html, nothing } from 'lit';
import type { WidgetScreen } from '../../../src/catalog/widgets.ts';
import { widgetsFor } from '../resident-widgets.ts';
import type { PageContext } from '../routes.ts';

/** The mini-app widgets of a tab screen, as rows; each remembers itself as the opener of its app. */
export function widgetList(ctx: PageContext, screen: WidgetScreen) {
  const widgets = widgetsFor(screen, ctx.shell.apps, { userId: ctx.shell.me?.user.id });
  return html`<ma-group header=${ctx.t('widgets')} data-widgets=${screen}>
    ${widgets.length === 0 ? html`<ma-cell multiline>${ctx.t('noWidgets')}</ma-cell>` : nothing}
    ${widgets.map(
      ({ widget, app, testing }) => html`<ma-cell
        clickable
        chevron
        multiline
        data-opener=${widget.id}
        data-app-id=${app.id}
        subtitle=${testing ? `${ctx.t('testingHint')} · ${app.description}` : app.description}
        @click=${() => ctx.shell.openApp(app, { opener: widget.id })}
      >
        <ma-avatar slot="before" shape="square" size="40" name=${app.name}></ma-avatar>${app.name}
        ${testing ? html`<ma-badge slot="after" mode="warning">${ctx.t('testing')}</ma-badge>` : nothing}
      </ma-cell>`,
    )}
  </ma-group>`;
}
