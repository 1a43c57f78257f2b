/**
 * The catalog over the store: each operation reads what the domain rule needs inside one
 * transaction, applies the rule (src/catalog) and writes the app record back. Partner staff reach
 * only their organisation's apps (another organisation's app is not found, so ids do not leak);
 * moderators reach every app.
 */
import {
  addLicence,
  appList,
  applyAction,
  attachLicenceTo,
  editAppDetails,
  issueTestToken,
  placeWidget,
  registerApp,
  setWidgetState,
  visibleWidgets,
  type Actor,
  type AppAction,
  type AppDetailsChange,
  type AppStatus,
  type RegistrationInput,
  type WidgetScreen,
  type WidgetState,
} from '../catalog/index.ts';
import {
  CatalogCollection,
  widgetKey,
  type LicenceRecord,
  type LicenceView,
  type OrganisationRecord,
  type WidgetRecord,
} from './catalog-records.ts';
import type { AppListRowView, ModerationRowView, ResidentWidgetView } from './catalog-contract.ts';
import { iso, type BackendContext } from './context.ts';
import type { LaunchTokenResponse } from './contract.ts';
import { BackendError } from './errors.ts';
import { issueTokenFor } from './launch-tokens.ts';
import { randomUuid } from './ports.ts';
import { Collection, profileOf, type AppRecord, type UserRecord } from './records.ts';
import type { StaffRecord } from './staff.ts';
import { StoreConstraintError, type StoreReader, type StoreTransaction } from './store.ts';

/** Partner staff act for their organisation; staff of no organisation cannot. */
export function partnerActor(staff: StaffRecord): Actor & { organisationId: string } {
  if (staff.organisationId === null) throw new BackendError('FORBIDDEN', 'Only the staff of a partner organisation edit mini-apps', { reason: 'no-organisation' });
  return { userId: staff.id, role: 'partner', organisationId: staff.organisationId };
}

export function moderatorActor(staff: StaffRecord): Actor {
  return { userId: staff.id, role: 'moderator' };
}

/** The app, if the actor may see it at all: partners see their organisation's apps only. */
export async function readApp(reader: StoreReader, appId: string, actor: Actor): Promise<AppRecord> {
  const app = await reader.get<AppRecord>(Collection.APPS, appId);
  if (!app || (actor.role === 'partner' && app.organisationId !== actor.organisationId)) throw new BackendError('APP_NOT_FOUND', `No app "${appId}"`);
  return app;
}

/**
 * Runs a change of one app in a transaction. A licence another transaction attached meanwhile is
 * refused by the store's unique field and answered like the domain's `ERR_LICENCE_TAKEN`.
 */
async function changeApp(
  ctx: BackendContext,
  appId: string,
  actor: Actor,
  change: (app: AppRecord, now: number, tx: StoreTransaction) => AppRecord | Promise<AppRecord>,
): Promise<AppRecord> {
  const now = ctx.clock.now();
  return guardLicence(() =>
    ctx.store.transaction(async (tx) => {
      const next = await change(await readApp(tx, appId, actor), now, tx);
      await tx.put(Collection.APPS, appId, next);
      return next;
    }),
  );
}

async function guardLicence<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoreConstraintError && error.collection === Collection.APPS && error.field === 'licence') {
      const message = `licence ${String(error.value)} is already attached to another app`;
      throw new BackendError('INVALID_REQUEST', message, { issues: [{ path: 'licence', message, reason: 'ERR_LICENCE_TAKEN', licence: error.value }] });
    }
    throw error;
  }
}

async function organisationLicences(reader: StoreReader, organisationId: string): Promise<LicenceRecord[]> {
  return (await reader.list<LicenceRecord>(CatalogCollection.LICENCES)).map(({ value }) => value).filter((l) => l.organisationId === organisationId);
}

/** The registration context for one licence choice: the organisation's licences and that licence's holder. */
async function licenceContext(reader: StoreReader, organisationId: string, licence: string) {
  const licences = await organisationLicences(reader, organisationId);
  const holder = licence === '' ? undefined : await reader.findUnique<AppRecord>(Collection.APPS, 'licence', licence);
  return { licences, holder: holder?.value };
}

export async function listPartnerApps(ctx: BackendContext, actor: Actor): Promise<AppListRowView[]> {
  const apps = (await ctx.store.list<AppRecord>(Collection.APPS)).map(({ value }) => value).filter((app) => app.organisationId === actor.organisationId);
  return appList(apps).map((row) => ({ ...row, updatedAt: iso(row.updatedAt) }));
}

export async function listModerationApps(ctx: BackendContext, status?: AppStatus): Promise<ModerationRowView[]> {
  const apps = (await ctx.store.list<AppRecord>(Collection.APPS)).map(({ value }) => value).filter((app) => status === undefined || app.status === status);
  const organisation = new Map(apps.map((app) => [app.id, app.organisationId]));
  return appList(apps).map((row) => ({ ...row, organisationId: organisation.get(row.id)!, updatedAt: iso(row.updatedAt) }));
}

/**
 * Registers an app (Inactive, no build). The domain sees the catalog as far as this registration
 * needs it: the organisation's licences and the app holding the chosen licence, if any.
 */
export async function registerCatalogApp(ctx: BackendContext, actor: Actor & { organisationId: string }, input: RegistrationInput): Promise<AppRecord> {
  const now = ctx.clock.now();
  const appId = randomUuid(ctx.random);
  return guardLicence(() =>
    ctx.store.transaction(async (tx) => {
      const { licences, holder } = await licenceContext(tx, actor.organisationId, input.licence);
      const state = { licences, apps: holder ? [holder] : [] };
      const { app } = registerApp(state, input, { appId, organisationId: actor.organisationId }, actor, now);
      const record: AppRecord = { ...app, partnerKeyHash: null, testerIds: [] };
      await tx.put(Collection.APPS, appId, record);
      return record;
    }),
  );
}

export function editCatalogApp(ctx: BackendContext, appId: string, actor: Actor, change: AppDetailsChange): Promise<AppRecord> {
  return changeApp(ctx, appId, actor, (app, now) => editAppDetails(app, change, actor, now));
}

/** Any move of the status table (upload, send, approve, reject, publish, switch, offer, clear licence). */
export function actOnApp(ctx: BackendContext, appId: string, actor: Actor, action: AppAction): Promise<AppRecord> {
  return changeApp(ctx, appId, actor, (app, now) => applyAction(app, action, actor, now));
}

export function attachCatalogLicence(ctx: BackendContext, appId: string, actor: Actor, licence: string): Promise<AppRecord> {
  return changeApp(ctx, appId, actor, async (app, now, tx) => {
    const { licences, holder } = await licenceContext(tx, app.organisationId, licence);
    const context = { organisationLicences: licences.map((l) => l.name), licenceHolders: new Map(holder ? [[licence, holder.id]] : []) };
    return attachLicenceTo(app, licence, context, actor, now);
  });
}

export async function partnerLicences(ctx: BackendContext, actor: Actor & { organisationId: string }): Promise<LicenceView[]> {
  return licenceViews(ctx.store, await organisationLicences(ctx.store, actor.organisationId));
}

export async function allLicences(ctx: BackendContext): Promise<LicenceView[]> {
  return licenceViews(ctx.store, (await ctx.store.list<LicenceRecord>(CatalogCollection.LICENCES)).map(({ value }) => value));
}

async function licenceViews(reader: StoreReader, licences: readonly LicenceRecord[]): Promise<LicenceView[]> {
  return Promise.all(
    licences.map(async (licence) => ({
      name: licence.name,
      organisationId: licence.organisationId,
      addedAt: iso(licence.addedAt),
      appId: (await reader.findUnique<AppRecord>(Collection.APPS, 'licence', licence.name))?.key ?? null,
    })),
  );
}

/** A moderator records a licence an organisation bought; names are unique platform-wide. */
export async function addCatalogLicence(ctx: BackendContext, actor: Actor, licence: { name: string; organisationId: string }): Promise<LicenceView> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.get<OrganisationRecord>(CatalogCollection.ORGANISATIONS, licence.organisationId))) {
      throw new BackendError('UNKNOWN_ORGANISATION', `No organisation "${licence.organisationId}"`);
    }
    const existing = await tx.get<LicenceRecord>(CatalogCollection.LICENCES, licence.name);
    const state = addLicence({ licences: existing ? [existing] : [], apps: [] }, licence, actor, now);
    const added = state.licences.at(-1)!;
    await tx.put(CatalogCollection.LICENCES, added.name, { ...added });
    return { name: added.name, organisationId: added.organisationId, addedAt: iso(added.addedAt), appId: null };
  });
}

/** Marks a user as a tester of the app (who sees it while it is in Testing), or unmarks them. */
export function setTester(ctx: BackendContext, appId: string, actor: Actor, userId: string, tester: boolean): Promise<AppRecord> {
  return changeApp(ctx, appId, actor, async (app, now, tx) => {
    if (!(await tx.get<UserRecord>(Collection.USERS, userId))) throw new BackendError('UNKNOWN_USER', `No user "${userId}"`);
    const testerIds = tester ? [...new Set([...app.testerIds, userId])] : app.testerIds.filter((id) => id !== userId);
    return { ...app, testerIds, updatedAt: now };
  });
}

/**
 * A test launch token for a chosen user and premises (the user's current ones by default), once
 * the app has passed moderation. It lives 24 hours and replaces the user's previous token of the
 * app, like every launch token (`issueTokenFor`).
 */
export async function issueCatalogTestToken(
  ctx: BackendContext,
  app: AppRecord,
  actor: Actor,
  request: { userId: string; premisesId?: string | undefined },
): Promise<LaunchTokenResponse> {
  const user = await ctx.store.get<UserRecord>(Collection.USERS, request.userId);
  // The domain's rule first (who may, and only after a passed review), then the user and premises.
  issueTestToken(app, { tokenId: 'pending', userId: request.userId, premisesId: request.premisesId ?? '' }, actor, ctx.clock.now());
  if (!user) throw new BackendError('UNKNOWN_USER', `No user "${request.userId}"`);
  const profile = profileOf(user, request.premisesId);
  if (!profile) throw new BackendError('UNKNOWN_PREMISES', `User "${request.userId}" has no premises "${request.premisesId}"`);
  return issueTokenFor(ctx, app.id, profile, { test: true });
}

export async function appWidgets(ctx: BackendContext, app: AppRecord): Promise<WidgetRecord[]> {
  const widgets = (await ctx.store.list<WidgetRecord>(CatalogCollection.WIDGETS, { prefix: `${app.id}/` })).map(({ value }) => value);
  return widgets.sort((a, b) => a.placedAt - b.placedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function placeCatalogWidget(ctx: BackendContext, appId: string, actor: Actor, screen: string): Promise<WidgetRecord> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const app = await readApp(tx, appId, actor);
    const widget = placeWidget(app, { id: randomUuid(ctx.random), screen: screen as WidgetScreen }, actor, now);
    const record: WidgetRecord = { ...widget, organisationId: app.organisationId, placedAt: now };
    await tx.put(CatalogCollection.WIDGETS, widgetKey(appId, widget.id), record);
    return record;
  });
}

async function readWidget(reader: StoreReader, appId: string, widgetId: string): Promise<WidgetRecord> {
  const widget = await reader.get<WidgetRecord>(CatalogCollection.WIDGETS, widgetKey(appId, widgetId));
  if (!widget) throw new BackendError('WIDGET_NOT_FOUND', `App "${appId}" has no widget "${widgetId}"`);
  return widget;
}

export async function setCatalogWidgetState(ctx: BackendContext, appId: string, widgetId: string, actor: Actor, state: string): Promise<WidgetRecord> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const app = await readApp(tx, appId, actor);
    const widget = await readWidget(tx, appId, widgetId);
    const next: WidgetRecord = { ...widget, ...setWidgetState(widget, app, state as WidgetState, actor, now) };
    await tx.put(CatalogCollection.WIDGETS, widgetKey(appId, widgetId), next);
    return next;
  });
}

export async function removeCatalogWidget(ctx: BackendContext, appId: string, widgetId: string, actor: Actor): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    await readApp(tx, appId, actor);
    await readWidget(tx, appId, widgetId);
    await tx.delete(CatalogCollection.WIDGETS, widgetKey(appId, widgetId));
  });
}

/**
 * The widgets a resident sees on a screen, in the order they were placed: published ones of
 * Active apps, and of Testing apps where the resident is a tester.
 */
export async function residentWidgets(ctx: BackendContext, userId: string, screen: WidgetScreen): Promise<ResidentWidgetView[]> {
  const placed = (await ctx.store.list<WidgetRecord>(CatalogCollection.WIDGETS)).map(({ value }) => value).filter((w) => w.screen === screen);
  const appIds = [...new Set(placed.map((w) => w.appId))];
  const apps = (await Promise.all(appIds.map((id) => ctx.store.get<AppRecord>(Collection.APPS, id)))).filter((app): app is AppRecord => app !== undefined);
  const byId = new Map(apps.map((app) => [app.id, app]));
  const seen = visibleWidgets(placed, apps, screen, (app) => ({ isTester: byId.get(app.id)!.testerIds.includes(userId) }));
  return seen
    .sort((a, b) => a.placedAt - b.placedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((widget) => {
      const app = byId.get(widget.appId)!;
      return { id: widget.id, screen: widget.screen, app: { id: app.id, name: app.name, category: app.category }, testing: app.status === 'testing' };
    });
}
