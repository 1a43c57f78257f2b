import type { BackendContext } from './context.ts';
import { iso } from './context.ts';
import type { OfferAcceptanceResponse, OfferResponse, PublishOfferBody } from './contract.ts';
import { BackendError } from './errors.ts';
import { requireApp } from './launch-tokens.ts';
import { Audience } from './outbox.ts';
import { Collection, pairKey, type AcceptanceRecord, type AppRecord } from './records.ts';

export async function currentOffer(ctx: BackendContext, appId: string): Promise<OfferResponse> {
  return offerOf(await requireApp(ctx, appId));
}

export async function offerAcceptance(ctx: BackendContext, appId: string, userId: string): Promise<OfferAcceptanceResponse> {
  const app = await requireApp(ctx, appId);
  const acceptance = await ctx.store.get<AcceptanceRecord>(Collection.ACCEPTANCES, pairKey(appId, userId));
  return acceptanceOf(app, acceptance);
}

/** Records that the user accepted `version`; refused when the offer changed since it was shown. */
export async function acceptOffer(ctx: BackendContext, appId: string, userId: string, version: number): Promise<OfferAcceptanceResponse> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const app = await tx.get<AppRecord>(Collection.APPS, appId);
    if (!app) throw new BackendError('APP_NOT_FOUND', `No app "${appId}"`);
    if (app.offer.version !== version) {
      throw new BackendError('OFFER_CHANGED', `The offer changed: the current version is ${app.offer.version}`, {
        currentVersion: app.offer.version,
      });
    }
    const record: AcceptanceRecord = { appId, userId, version, acceptedAt: now };
    await tx.put(Collection.ACCEPTANCES, pairKey(appId, userId), record);
    await ctx.outbox.emit(tx, Audience.user(userId), 'offer.accepted', { appId, version });
    return acceptanceOf(app, record);
  });
}

/** Replaces an app's offer; users are asked to accept the new version on their next launch. */
export async function publishOffer(ctx: BackendContext, appId: string, body: PublishOfferBody): Promise<OfferResponse> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const app = await tx.get<AppRecord>(Collection.APPS, appId);
    if (!app) throw new BackendError('APP_NOT_FOUND', `No app "${appId}"`);
    const next: AppRecord = {
      ...app,
      offer: {
        version: app.offer.version + 1,
        title: body.title,
        text: body.text,
        ...(body.url === undefined ? {} : { url: body.url }),
        publishedAt: iso(now),
      },
    };
    await tx.put(Collection.APPS, appId, next);
    return offerOf(next);
  });
}

function offerOf(app: AppRecord): OfferResponse {
  const { version, title, text, url, publishedAt } = app.offer;
  return { appId: app.id, version, title, text, ...(url === undefined ? {} : { url }), publishedAt };
}

function acceptanceOf(app: AppRecord, acceptance: AcceptanceRecord | undefined): OfferAcceptanceResponse {
  return {
    appId: app.id,
    currentVersion: app.offer.version,
    acceptedVersion: acceptance?.version ?? null,
    accepted: acceptance?.version === app.offer.version,
    acceptedAt: acceptance ? iso(acceptance.acceptedAt) : null,
  };
}
