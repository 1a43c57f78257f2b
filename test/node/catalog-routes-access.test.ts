import { expect } from 'chai';
import { CatalogCollection, Collection, Permission } from '../../src/backend/index.ts';
import { createHarness, expectErrorBody, ORIGIN, type Harness } from '../backend/harness.ts';
import { addSofia, anna, mila, petr, putBakeryIn, signIn, sofia, validRegistration, zipOf } from './catalog-fixtures.ts';

type Who = 'partner' | 'moderator';

interface RouteCase {
  name: string;
  who: Who;
  method: string;
  path: string;
  body?: unknown;
  /** The body is a build's bytes. */
  zip?: true;
  /** The route acts on one app (another organisation's partner staff get APP_NOT_FOUND). */
  appScoped: boolean;
  /** Puts the app where the move is allowed. */
  setup?: (h: Harness) => Promise<unknown>;
  ok: number;
}

const zip = zipOf();

const ROUTES: RouteCase[] = [
  { name: 'list apps', who: 'partner', method: 'GET', path: '/catalog/apps', appScoped: false, ok: 200 },
  { name: 'register', who: 'partner', method: 'POST', path: '/catalog/apps', body: validRegistration, appScoped: false, ok: 201 },
  { name: 'list licences', who: 'partner', method: 'GET', path: '/catalog/licences', appScoped: false, ok: 200 },
  { name: 'read an app', who: 'partner', method: 'GET', path: '/catalog/apps/bakery', appScoped: true, ok: 200 },
  { name: 'edit', who: 'partner', method: 'PATCH', path: '/catalog/apps/bakery', body: { name: 'Corner Bakery Two' }, appScoped: true, ok: 200 },
  { name: 'attach a licence', who: 'partner', method: 'PUT', path: '/catalog/apps/bakery/licence', body: { licence: 'dmapp9' }, appScoped: true, ok: 200 },
  { name: 'clear the licence', who: 'partner', method: 'DELETE', path: '/catalog/apps/bakery/licence', appScoped: true, ok: 200 },
  { name: 'change the offer', who: 'partner', method: 'PUT', path: '/catalog/apps/bakery/offer', body: { documentId: 'o-2', title: 'New terms', text: 'Changed.' }, appScoped: true, ok: 200 },
  { name: 'upload a build', who: 'partner', method: 'POST', path: `/catalog/apps/bakery/builds?fileName=bakery-2.zip&size=${zip.length}`, zip: true, appScoped: true, ok: 201 },
  { name: 'send to moderation', who: 'partner', method: 'POST', path: '/catalog/apps/bakery/send-to-moderation', appScoped: true, setup: (h) => putBakeryIn(h, 'inactive', false), ok: 200 },
  { name: 'publish', who: 'partner', method: 'POST', path: '/catalog/apps/bakery/publish', appScoped: true, setup: (h) => putBakeryIn(h, 'ready-to-publish', true), ok: 200 },
  { name: 'activate', who: 'partner', method: 'POST', path: '/catalog/apps/bakery/activate', appScoped: true, setup: (h) => putBakeryIn(h, 'inactive', true), ok: 200 },
  { name: 'start testing', who: 'partner', method: 'POST', path: '/catalog/apps/bakery/start-testing', appScoped: true, ok: 200 },
  { name: 'deactivate', who: 'partner', method: 'POST', path: '/catalog/apps/bakery/deactivate', appScoped: true, ok: 200 },
  { name: 'mark a tester', who: 'partner', method: 'PUT', path: '/catalog/apps/bakery/testers/user-anna', appScoped: true, ok: 200 },
  { name: 'unmark a tester', who: 'partner', method: 'DELETE', path: '/catalog/apps/bakery-beta/testers/user-ivan', appScoped: true, ok: 200 },
  { name: 'list widgets', who: 'partner', method: 'GET', path: '/catalog/apps/bakery/widgets', appScoped: true, ok: 200 },
  { name: 'place a widget', who: 'partner', method: 'POST', path: '/catalog/apps/bakery/widgets', body: { screen: 'home' }, appScoped: true, ok: 201 },
  { name: 'draft a widget', who: 'partner', method: 'PUT', path: '/catalog/apps/bakery/widgets/widget-bakery-main/state', body: { state: 'draft' }, appScoped: true, ok: 200 },
  { name: 'remove a widget', who: 'partner', method: 'DELETE', path: '/catalog/apps/bakery/widgets/widget-bakery-main', appScoped: true, ok: 204 },
  { name: 'generate a test token', who: 'partner', method: 'POST', path: '/catalog/apps/bakery/test-tokens', body: { userId: 'user-anna' }, appScoped: true, ok: 200 },
  { name: 'moderation list', who: 'moderator', method: 'GET', path: '/moderation/apps', appScoped: false, ok: 200 },
  { name: 'moderation read', who: 'moderator', method: 'GET', path: '/moderation/apps/bakery-loyalty', appScoped: true, ok: 200 },
  { name: 'approve', who: 'moderator', method: 'POST', path: '/moderation/apps/bakery-loyalty/approve', appScoped: true, ok: 200 },
  { name: 'reject', who: 'moderator', method: 'POST', path: '/moderation/apps/bakery-loyalty/reject', body: { reason: 'The buttons ignore the design system' }, appScoped: true, ok: 200 },
  { name: 'moderation licences', who: 'moderator', method: 'GET', path: '/moderation/licences', appScoped: false, ok: 200 },
  { name: 'add a licence', who: 'moderator', method: 'POST', path: '/moderation/licences', body: { name: 'dmapp30', organisationId: 'org-bakery' }, appScoped: false, ok: 201 },
];

function send(h: Harness, route: RouteCase, token: string | undefined): Promise<Response> {
  if (!route.zip) return h.request(route.method, route.path, { ...(route.body === undefined ? {} : { body: route.body }), ...(token ? { token } : {}) });
  const headers = new Headers({ 'Content-Type': 'application/zip' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return h.app.fetch(new Request(`${ORIGIN}/api${route.path}`, { method: route.method, headers, body: zip as Uint8Array<ArrayBuffer> }));
}

/** Everything the catalog routes could change. */
async function snapshot(h: Harness): Promise<string> {
  const collections = [Collection.APPS, CatalogCollection.WIDGETS, CatalogCollection.LICENCES, Collection.LAUNCH_TOKENS];
  return JSON.stringify(await Promise.all(collections.map((c) => h.store.list(c))));
}

describe('catalog routes: every role × action, allowed and forbidden', () => {
  let h: Harness;
  let tokens: { petr: string; mila: string; anna: string; sofia: string };
  beforeEach(async () => {
    h = await createHarness();
    await addSofia(h);
    tokens = {
      petr: (await signIn(h, petr.phone)).token,
      mila: (await signIn(h, mila.phone)).token,
      anna: (await signIn(h, anna.phone)).token,
      sofia: (await signIn(h, sofia.phone)).token,
    };
  });

  for (const route of ROUTES) {
    describe(`${route.method} ${route.path.split('?')[0]} (${route.name})`, () => {
      beforeEach(async () => {
        await route.setup?.(h);
      });

      it(`is allowed for ${route.who === 'partner' ? 'the app’s partner staff' : 'a moderator'}`, async () => {
        const response = await send(h, route, route.who === 'partner' ? tokens.petr : tokens.mila);
        expect(response.status, await response.clone().text()).to.equal(route.ok);
      });

      it('answers UNAUTHORIZED without a session, and changes nothing', async () => {
        const before = await snapshot(h);
        await expectErrorBody(await send(h, route, undefined), 401, 'UNAUTHORIZED');
        expect(await snapshot(h)).to.equal(before);
      });

      it('answers FORBIDDEN to a resident (not staff), and changes nothing', async () => {
        const before = await snapshot(h);
        await expectErrorBody(await send(h, route, tokens.anna), 403, 'FORBIDDEN');
        expect(await snapshot(h)).to.equal(before);
      });

      if (route.who === 'partner') {
        it('answers FORBIDDEN to a moderator, naming "mini-apps: edit", and changes nothing', async () => {
          const before = await snapshot(h);
          const error = await expectErrorBody(await send(h, route, tokens.mila), 403, 'FORBIDDEN');
          expect(error.details).to.deep.equal({ missing: [Permission.MINIAPPS_EDIT] });
          expect(await snapshot(h)).to.equal(before);
        });
        if (route.appScoped) {
          it('answers APP_NOT_FOUND to partner staff of another organisation, and changes nothing', async () => {
            const before = await snapshot(h);
            await expectErrorBody(await send(h, route, tokens.sofia), 404, 'APP_NOT_FOUND');
            expect(await snapshot(h)).to.equal(before);
          });
        }
      } else {
        it('answers FORBIDDEN to partner staff, naming the moderator permission, and changes nothing', async () => {
          for (const token of [tokens.petr, tokens.sofia]) {
            const before = await snapshot(h);
            const error = await expectErrorBody(await send(h, route, token), 403, 'FORBIDDEN');
            expect(error.details).to.deep.equal({ missing: [Permission.MODERATE] });
            expect(await snapshot(h)).to.equal(before);
          }
        });
      }
    });
  }

  it('shows partner staff of another organisation only their own apps and licences, and refuses them the bakery’s licence', async () => {
    const apps = (await (await h.request('GET', '/catalog/apps', { token: tokens.sofia })).json()) as { apps: { id: string }[] };
    expect(apps.apps.map((a) => a.id)).to.include('fitness').and.not.include('bakery');
    const licences = (await (await h.request('GET', '/catalog/licences', { token: tokens.sofia })).json()) as { licences: { name: string; organisationId: string }[] };
    expect(licences.licences.every((l) => l.organisationId === 'org-city')).to.equal(true);
    const error = await expectErrorBody(await h.request('POST', '/catalog/apps', { token: tokens.sofia, body: validRegistration }), 400, 'INVALID_REQUEST');
    expect((error.details as { issues: unknown[] }).issues).to.have.length(1);
    expect((error.details as { issues: unknown[] }).issues[0]).to.include({ path: 'licence', reason: 'ERR_LICENCE_NOT_OWNED', licence: 'dmapp9' });
  });

  it('answers FORBIDDEN to staff with "mini-apps: edit" but no organisation', async () => {
    await h.store.put(Collection.STAFF, mila.id, { ...(await h.store.get(Collection.STAFF, mila.id))!, permissions: [Permission.MODERATE, Permission.MINIAPPS_EDIT] });
    const error = await expectErrorBody(await h.request('GET', '/catalog/apps', { token: tokens.mila }), 403, 'FORBIDDEN');
    expect(error.details).to.deep.equal({ reason: 'no-organisation' });
  });
});
