import { Hono, type Context } from 'hono';
import { keyRingJwks } from '../tokens/index.ts';
import { resolveContext, type BackendContext, type BackendDeps } from './context.ts';
import {
  AcceptOfferBody,
  API_PREFIX,
  AppIdParam,
  ConfirmPaymentBody,
  ConfirmPaymentCodeBody,
  EventCursor,
  JtiParam,
  PayBody,
  PaymentIdParam,
  PublishOfferBody,
  PushBody,
  RequestCodeBody,
  SignInBody,
  StorageKeysBody,
  StorageSetBody,
  TestTokenBody,
} from './contract.ts';
import { storageGet, storageKeys, storageRemove, storageSet } from './app-storage.ts';
import { issueCatalogTestToken } from './catalog.ts';
import { fromCatalogError } from './catalog-errors.ts';
import { mountCatalogRoutes } from './catalog-routes.ts';
import { mountChatRoutes, sessionAudiences, type ChatRoutes } from './chat/routes.ts';
import { BackendError } from './errors.ts';
import { openEventStream } from './event-stream.ts';
import { body, check, param } from './http-input.ts';
import { issueTokenFor, requireApp, requireVisibleApp, tokenStatus } from './launch-tokens.ts';
import { acceptOffer, currentOffer, offerAcceptance, partnerKeyActor, publishOffer } from './offers.ts';
import type { Outbox } from './outbox.ts';
import { cancelPayment, confirmPayment, confirmPaymentCode, paymentStatus, startPayment } from './payments.ts';
import { sendPush } from './push.ts';
import { sha256 } from './ports.ts';
import { profileOf, type AppRecord } from './records.ts';
import { resolveStaff, staffProfile } from './staff.ts';
import { bearerToken, requestCode, resolveSession, signIn, signOut } from './sign-in.ts';
import { iso } from './context.ts';

export interface BackendApp {
  /** The whole backend as one Fetch-API handler. */
  fetch(request: Request): Promise<Response>;
  /** The live channel's outbox: `emit(tx, audience, type, data)` inside the transaction of a change. */
  outbox: Outbox;
  /** The chat's jobs: `runTimeouts()` on a timer ends dialogs past their restart timeout. */
  chat: ChatRoutes;
}

/** The host backend (see docs/backend.md), as a Fetch-API handler over the injected ports. */
export function createBackendApp(deps: BackendDeps): BackendApp {
  const ctx = resolveContext(deps);
  const app = new Hono().basePath(API_PREFIX);

  app.onError((thrown, c) => {
    const error = fromCatalogError(thrown);
    if (error instanceof BackendError) {
      if (error.code === 'RATE_LIMITED') c.header('Retry-After', String(retryAfter(error)));
      return c.json(error.toBody(), error.status as 400);
    }
    return c.json(new BackendError('INTERNAL', 'The backend failed; try again').toBody(), 500);
  });
  app.notFound((c) => c.json(new BackendError('NOT_FOUND', `No route ${c.req.method} ${new URL(c.req.url).pathname}`).toBody(), 404));

  app.post('/auth/code', async (c) => {
    const { phone } = await body(c, RequestCodeBody);
    return c.json(await requestCode(ctx, phone));
  });

  app.post('/auth/session', async (c) => {
    const { phone, code } = await body(c, SignInBody);
    return c.json(await signIn(ctx, phone, code));
  });

  app.delete('/auth/session', async (c) => {
    await signOut(ctx, c.req.header('Authorization'));
    return c.body(null, 204);
  });

  app.get('/me', async (c) => {
    const { user, session } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json({ user: profileOf(user)!, sessionExpiresAt: iso(session.expiresAt) });
  });

  app.get('/staff/me', async (c) => {
    const { staff } = await resolveStaff(ctx, c.req.header('Authorization'));
    return c.json({ staff: staffProfile(staff) });
  });

  app.post('/apps/:appId/launch-token', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    await requireVisibleApp(ctx, appId, user.id);
    return c.json(await issueTokenFor(ctx, appId, profileOf(user)!));
  });

  app.get('/.well-known/jwks.json', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(keyRingJwks(await ctx.keys.ring()));
  });

  app.get('/tokens/:jti', async (c) => c.json(await tokenStatus(ctx, param(c, 'jti', JtiParam))));

  app.get('/apps/:appId/offer', async (c) => c.json(await currentOffer(ctx, param(c, 'appId', AppIdParam))));

  app.get('/apps/:appId/offer/acceptance', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json(await offerAcceptance(ctx, appId, user.id));
  });

  app.put('/apps/:appId/offer/acceptance', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    const { version } = await body(c, AcceptOfferBody);
    return c.json(await acceptOffer(ctx, appId, user.id, version));
  });

  // Partner-key routes: the same catalog rules as the staff routes (docs/backend.md, "Catalog").
  app.post('/partner/apps/:appId/test-tokens', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const record = await requirePartner(ctx, c, appId);
    return c.json(await issueCatalogTestToken(ctx, record, partnerKeyActor(record), await body(c, TestTokenBody)));
  });

  app.put('/partner/apps/:appId/offer', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    await requirePartner(ctx, c, appId);
    return c.json(await publishOffer(ctx, appId, await body(c, PublishOfferBody)));
  });

  app.get('/events', async (c) => {
    const after = eventCursor(c);
    const { user, key } = await resolveSession(ctx, c.req.header('Authorization'));
    return openEventStream(ctx, { audiences: await sessionAudiences(ctx, user.id), after, sessionKey: key, signal: c.req.raw.signal });
  });

  // Payments (docs/backend.md, "Payments"): bodies are small, so they are bounded tightly.
  app.post('/apps/:appId/payments', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json(await startPayment(ctx, appId, user.id, await body(c, PayBody, SMALL_BODY_BYTES)));
  });

  app.get('/payments/:paymentId', async (c) => {
    const paymentId = param(c, 'paymentId', PaymentIdParam);
    const appId = c.req.query('appId');
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json(await paymentStatus(ctx, user.id, paymentId, appId === undefined ? undefined : check(AppIdParam, appId, 'appId')));
  });

  app.post('/payments/:paymentId/confirm', async (c) => {
    const paymentId = param(c, 'paymentId', PaymentIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    const { outcome } = await body(c, ConfirmPaymentBody, SMALL_BODY_BYTES);
    return c.json(await confirmPayment(ctx, user.id, paymentId, outcome));
  });

  app.post('/payments/:paymentId/3ds', async (c) => {
    const paymentId = param(c, 'paymentId', PaymentIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    const { code } = await body(c, ConfirmPaymentCodeBody, SMALL_BODY_BYTES);
    return c.json(await confirmPaymentCode(ctx, user.id, paymentId, code));
  });

  app.post('/payments/:paymentId/cancel', async (c) => {
    const paymentId = param(c, 'paymentId', PaymentIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json(await cancelPayment(ctx, user.id, paymentId));
  });

  app.post('/apps/:appId/push', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json(await sendPush(ctx, appId, user.id, await body(c, PushBody, SMALL_BODY_BYTES)));
  });

  // Storage of an app for the signed-in user (docs/backend.md, "Storage").
  app.post('/apps/:appId/storage/get', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    const { keys } = await body(c, StorageKeysBody, STORAGE_BODY_BYTES);
    return c.json(await storageGet(ctx, appId, user.id, keys));
  });

  app.put('/apps/:appId/storage', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    const { key, value } = await body(c, StorageSetBody, STORAGE_BODY_BYTES);
    await storageSet(ctx, appId, user.id, key, value);
    return c.body(null, 204);
  });

  app.post('/apps/:appId/storage/remove', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    const { keys } = await body(c, StorageKeysBody, STORAGE_BODY_BYTES);
    await storageRemove(ctx, appId, user.id, keys);
    return c.body(null, 204);
  });

  app.get('/apps/:appId/storage/keys', async (c) => {
    const appId = param(c, 'appId', AppIdParam);
    const { user } = await resolveSession(ctx, c.req.header('Authorization'));
    return c.json(await storageKeys(ctx, appId, user.id));
  });

  // The catalog (docs/backend.md, "Catalog").
  mountCatalogRoutes(app, ctx);

  // The chat (docs/backend.md, "Chat").
  const chat = mountChatRoutes(app, ctx);

  return { fetch: async (request) => app.fetch(request), outbox: ctx.outbox, chat };
}

/** The bound on bodies of a few short fields (payments, push): a hostile size is refused unread. */
const SMALL_BODY_BYTES = 16 * 1024;
/**
 * Storage bodies: 100 keys of 128 characters, or a key and a 4,096-character value, each character
 * at most 6 bytes of JSON (`\uXXXX`).
 */
const STORAGE_BODY_BYTES = 96 * 1024;

/** `Last-Event-ID` (sent on a reconnect, so the newer one) wins over `?after=`; neither means "from now". */
function eventCursor(c: Context): number | null {
  const lastEventId = c.req.header('Last-Event-ID');
  if (lastEventId !== undefined) return check(EventCursor, lastEventId, 'Last-Event-ID');
  const after = c.req.query('after');
  return after === undefined ? null : check(EventCursor, after, 'after');
}

async function requirePartner(ctx: BackendContext, c: Context, appId: string): Promise<AppRecord> {
  const app = await requireApp(ctx, appId);
  const key = bearerToken(c.req.header('Authorization'));
  if (!key || app.partnerKeyHash === null || (await sha256(key)) !== app.partnerKeyHash) {
    throw new BackendError('UNAUTHORIZED', 'A valid partner key for this app is required: Authorization: Bearer <partner key>');
  }
  return app;
}

function retryAfter(error: BackendError): number {
  const details = error.details as { retryAfterSeconds?: number } | undefined;
  return details?.retryAfterSeconds ?? 60;
}
