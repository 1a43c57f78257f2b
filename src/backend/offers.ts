import { applyAction, type Actor } from '../catalog/index.ts';
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

/**
 * Replaces an app's offer through its partner key; users are asked to accept the new version on
 * their next launch. It is the catalog's `change-offer` move, as the staff route makes it: after
 * the first passed review the app goes back to moderation.
 */
export async function publishOffer(ctx: BackendContext, appId: string, body: PublishOfferBody): Promise<OfferResponse> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const app = await tx.get<AppRecord>(Collection.APPS, appId);
    if (!app) throw new BackendError('APP_NOT_FOUND', `No app "${appId}"`);
    const offer = {
      documentId: `${appId}-offer-${app.offer.version + 1}`,
      title: body.title,
      text: body.text,
      ...(body.url === undefined ? {} : { url: body.url }),
    };
    const next = applyAction(app, { type: 'change-offer', offer }, partnerKeyActor(app), now);
    await tx.put(Collection.APPS, appId, next);
    return offerOf(next);
  });
}

/** Whoever holds an app's partner key acts as the partner staff of its organisation. */
export function partnerKeyActor(app: AppRecord): Actor {
  return { userId: `partner-key:${app.id}`, role: 'partner', organisationId: app.organisationId };
}

/** The offer as the host's modal shows it: the document's text (empty when it has only an address). */
export function offerOf(app: AppRecord): OfferResponse {
  const { version, title, text, url, since } = app.offer;
  return { appId: app.id, version, title, text: text ?? '', ...(url === undefined ? {} : { url }), publishedAt: iso(since) };
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
