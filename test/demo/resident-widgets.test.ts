import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../ui-kit/components/cell/cell.ts';
import '../../ui-kit/components/group/group.ts';
import { demoAppsAt } from '../../demo/apps/catalog.ts';
import { useWidgetCatalog, widgetList } from '../../demo/shell/pages/widget-list.ts';
import type { PageContext } from '../../demo/shell/routes.ts';
import type { ResidentWidgetView } from '../../src/backend/catalog-contract.ts';
import type { WidgetScreen } from '../../src/catalog/widgets.ts';
import { APP_ORIGIN } from '../helpers/frames.ts';

const apps = demoAppsAt(APP_ORIGIN);

function context(userId: string | undefined): PageContext {
  return {
    t: (key: string) => key,
    locale: 'en',
    params: {},
    query: new URLSearchParams(),
    path: '/screen/home',
    shell: { me: userId ? { user: { id: userId } } : undefined, apps, openApp: () => undefined },
  } as unknown as PageContext;
}

const rows = (root: Element) => [...root.querySelectorAll<HTMLElement>('ma-cell[data-app-id]')].map((cell) => cell.dataset.appId);

describe('the resident’s widget lists', () => {
  let answers: Record<string, ResidentWidgetView[]>;
  let asked: string[];
  beforeEach(() => {
    asked = [];
    answers = {};
    useWidgetCatalog({
      widgets: async (screen: WidgetScreen) => {
        asked.push(screen);
        if (!answers[screen]) throw new Error('unreachable');
        return { screen, widgets: answers[screen]! };
      },
    });
  });

  it('shows what the catalog answers for a signed-in resident: a newly published widget appears, an unpublished one goes', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    answers.home = [{ id: 'w-new', screen: 'home', app: { id: 'service-desk', name: 'Service desk', category: 'tools' }, testing: false }];
    render(widgetList(context('user-anna'), 'home'), root);
    await waitUntil(() => rows(root).includes('service-desk'), 'the catalog’s widget did not show');
    expect(asked).to.deep.equal(['home']);
    // The developer apps the demo places itself stay (the plain page is on Home).
    expect(rows(root)).to.include('plain-page');
    // The catalog no longer lists it (drafted): it goes on the next render.
    answers.home = [];
    useWidgetCatalog({ widgets: async (screen) => ({ screen, widgets: answers[screen]! }) });
    render(widgetList(context('user-anna'), 'home'), root);
    await waitUntil(() => !rows(root).includes('service-desk'), 'the drafted widget stayed');
  });

  it('keeps the seed’s list when the catalog cannot be asked, and for a visitor who is not signed in', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    render(widgetList(context('user-anna'), 'main'), root);
    await waitUntil(() => asked.includes('main'), 'the catalog was not asked');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rows(root)).to.include('bakery');
    const guest = await fixture<HTMLDivElement>(html`<div></div>`);
    render(widgetList(context(undefined), 'main'), guest);
    expect(rows(guest)).to.include('bakery');
    expect(asked).to.deep.equal(['main']);
  });
});
