/**
 * The catalog's routes (docs/backend.md, "Catalog"): partner staff with "mini-apps: edit" under
 * `/catalog`, platform moderators under `/moderation`, a resident's widgets under `/widgets`. Every
 * route checks its permission first; the catalog domain then decides the move.
 */
import type { Context, Hono } from 'hono';
import { isWidgetScreen, UnknownWidgetScreenError, ValidationFailedError, type AppAction } from '../catalog/index.ts';
import { actOnApp, addCatalogLicence, allLicences, appWidgets, attachCatalogLicence, editCatalogApp, issueCatalogTestToken, listModerationApps, listPartnerApps, moderatorActor, partnerActor, partnerLicences, placeCatalogWidget, readApp, registerCatalogApp, removeCatalogWidget, residentWidgets, setCatalogWidgetState, setTester } from './catalog.ts';
import { downloadBuild, uploadBuild } from './catalog-builds.ts';
import {
  AddLicenceBody,
  ChangeOfferBody,
  EditAppBody,
  LicenceBody,
  ModerationListQuery,
  PlaceWidgetBody,
  RegisterAppBody,
  RejectBody,
  WidgetStateBody,
} from './catalog-contract.ts';
import { appView, widgetView } from './catalog-records.ts';
import type { BackendContext } from './context.ts';
import { AppIdParam, TestTokenBody } from './contract.ts';
import { body, check, param } from './http-input.ts';
import { resolveSession } from './sign-in.ts';
import { Permission, resolveStaff } from './staff.ts';

/** Ids of widgets, builds and users in paths: the app id alphabet. */
const IdParam = AppIdParam;

/** Mounts the catalog routes on the backend's router. */
export function mountCatalogRoutes(app: Hono, ctx: BackendContext): void {
  const partner = async (c: Context) => partnerActor((await resolveStaff(ctx, c.req.header('Authorization'), Permission.MINIAPPS_EDIT)).staff);
  const moderator = async (c: Context) => moderatorActor((await resolveStaff(ctx, c.req.header('Authorization'), Permission.MODERATE)).staff);
  const appId = (c: Context) => param(c, 'appId', AppIdParam);

  // Partner staff: their organisation's apps.
  app.get('/catalog/apps', async (c) => c.json({ apps: await listPartnerApps(ctx, await partner(c)) }));

  app.post('/catalog/apps', async (c) => {
    const actor = await partner(c);
    const input = await body(c, RegisterAppBody);
    return c.json({ app: appView(await registerCatalogApp(ctx, actor, input)) }, 201);
  });

  app.get('/catalog/apps/:appId', async (c) => {
    const id = appId(c);
    return c.json({ app: appView(await readApp(ctx.store, id, await partner(c))) });
  });

  app.patch('/catalog/apps/:appId', async (c) => {
    const id = appId(c);
    const actor = await partner(c);
    return c.json({ app: appView(await editCatalogApp(ctx, id, actor, await body(c, EditAppBody))) });
  });

  app.put('/catalog/apps/:appId/licence', async (c) => {
    const id = appId(c);
    const actor = await partner(c);
    const { licence } = await body(c, LicenceBody);
    return c.json({ app: appView(await attachCatalogLicence(ctx, id, actor, licence)) });
  });

  app.delete('/catalog/apps/:appId/licence', async (c) => {
    const id = appId(c);
    return c.json({ app: appView(await actOnApp(ctx, id, await partner(c), { type: 'clear-licence' })) });
  });

  app.put('/catalog/apps/:appId/offer', async (c) => {
    const id = appId(c);
    const actor = await partner(c);
    const offer = await body(c, ChangeOfferBody);
    return c.json({ app: appView(await actOnApp(ctx, id, actor, { type: 'change-offer', offer })) });
  });

  app.post('/catalog/apps/:appId/builds', async (c) => {
    const id = appId(c);
    const actor = await partner(c);
    return c.json({ app: appView(await uploadBuild(ctx, id, actor, c.req.raw, c.req.query())) }, 201);
  });

  app.get('/catalog/apps/:appId/builds/:buildId/bundle', async (c) => {
    const id = appId(c);
    const buildId = param(c, 'buildId', IdParam);
    return downloadBuild(ctx, await readApp(ctx.store, id, await partner(c)), buildId);
  });

  // The status table's partner moves without data.
  const moves: Record<string, AppAction> = {
    'send-to-moderation': { type: 'send-to-moderation' },
    publish: { type: 'publish' },
    activate: { type: 'activate' },
    'start-testing': { type: 'start-testing' },
    deactivate: { type: 'deactivate' },
  };
  for (const [path, action] of Object.entries(moves)) {
    app.post(`/catalog/apps/:appId/${path}`, async (c) => {
      const id = appId(c);
      return c.json({ app: appView(await actOnApp(ctx, id, await partner(c), action)) });
    });
  }

  app.put('/catalog/apps/:appId/testers/:userId', async (c) => {
    const id = appId(c);
    const userId = param(c, 'userId', IdParam);
    return c.json({ app: appView(await setTester(ctx, id, await partner(c), userId, true)) });
  });

  app.delete('/catalog/apps/:appId/testers/:userId', async (c) => {
    const id = appId(c);
    const userId = param(c, 'userId', IdParam);
    return c.json({ app: appView(await setTester(ctx, id, await partner(c), userId, false)) });
  });

  app.get('/catalog/apps/:appId/widgets', async (c) => {
    const id = appId(c);
    const record = await readApp(ctx.store, id, await partner(c));
    return c.json({ widgets: (await appWidgets(ctx, record)).map(widgetView) });
  });

  app.post('/catalog/apps/:appId/widgets', async (c) => {
    const id = appId(c);
    const actor = await partner(c);
    const { screen } = await body(c, PlaceWidgetBody);
    return c.json({ widget: widgetView(await placeCatalogWidget(ctx, id, actor, screen)) }, 201);
  });

  app.put('/catalog/apps/:appId/widgets/:widgetId/state', async (c) => {
    const id = appId(c);
    const widgetId = param(c, 'widgetId', IdParam);
    const actor = await partner(c);
    const { state } = await body(c, WidgetStateBody);
    return c.json({ widget: widgetView(await setCatalogWidgetState(ctx, id, widgetId, actor, state)) });
  });

  app.delete('/catalog/apps/:appId/widgets/:widgetId', async (c) => {
    const id = appId(c);
    const widgetId = param(c, 'widgetId', IdParam);
    await removeCatalogWidget(ctx, id, widgetId, await partner(c));
    return c.body(null, 204);
  });

  app.post('/catalog/apps/:appId/test-tokens', async (c) => {
    const id = appId(c);
    const actor = await partner(c);
    const request = await body(c, TestTokenBody);
    return c.json(await issueCatalogTestToken(ctx, await readApp(ctx.store, id, actor), actor, request));
  });

  app.get('/catalog/licences', async (c) => c.json({ licences: await partnerLicences(ctx, await partner(c)) }));

  // Moderators: every app.
  app.get('/moderation/apps', async (c) => {
    const { status } = check(ModerationListQuery, c.req.query(), 'query');
    await moderator(c);
    return c.json({ apps: await listModerationApps(ctx, status) });
  });

  app.get('/moderation/apps/:appId', async (c) => {
    const id = appId(c);
    return c.json({ app: appView(await readApp(ctx.store, id, await moderator(c))) });
  });

  app.get('/moderation/apps/:appId/builds/:buildId/bundle', async (c) => {
    const id = appId(c);
    const buildId = param(c, 'buildId', IdParam);
    return downloadBuild(ctx, await readApp(ctx.store, id, await moderator(c)), buildId);
  });

  app.post('/moderation/apps/:appId/approve', async (c) => {
    const id = appId(c);
    return c.json({ app: appView(await actOnApp(ctx, id, await moderator(c), { type: 'approve' })) });
  });

  app.post('/moderation/apps/:appId/reject', async (c) => {
    const id = appId(c);
    const actor = await moderator(c);
    const { reason } = await body(c, RejectBody);
    return c.json({ app: appView(await actOnApp(ctx, id, actor, { type: 'reject', reason })) });
  });

  app.get('/moderation/licences', async (c) => {
    await moderator(c);
    return c.json({ licences: await allLicences(ctx) });
  });

  app.post('/moderation/licences', async (c) => {
    const actor = await moderator(c);
    const licence = await body(c, AddLicenceBody);
    return c.json({ licence: await addCatalogLicence(ctx, actor, licence) }, 201);
  });

  // Residents: the widgets of one screen, as the super-app shell shows them.
  app.get('/widgets/:screen', async (c) => {
    const screen = c.req.param('screen');
    if (!isWidgetScreen(screen)) throw new ValidationFailedError([new UnknownWidgetScreenError('screen', screen)]);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json({ screen, widgets: await residentWidgets(ctx, user.id, screen) });
  });
}
