import type { UserProfile } from '../protocol/index.ts';
import { canSeeApp } from '../catalog/visibility.ts';
import { activeSigningKey, issueLaunchToken } from '../tokens/index.ts';
import type { BackendContext } from './context.ts';
import { iso } from './context.ts';
import type { LaunchTokenResponse, TokenStatusResponse } from './contract.ts';
import { BackendError } from './errors.ts';
import { Audience } from './outbox.ts';
import { randomUuid } from './ports.ts';
import { Collection, pairKey, type AppRecord, type LaunchTokenRecord } from './records.ts';

/**
 * Issues the launch token of a user for an app and revokes the one it replaces: there is only
 * ever one live token per user and app.
 */
export async function issueTokenFor(
  ctx: BackendContext,
  appId: string,
  profile: UserProfile,
  options: { test?: boolean } = {},
): Promise<LaunchTokenResponse> {
  await requireApp(ctx, appId);
  const now = ctx.clock.now();
  const pair = pairKey(appId, profile.id);
  const current = await ctx.store.findUnique<LaunchTokenRecord>(Collection.LAUNCH_TOKENS, 'current', pair);
  const issued = await issueLaunchToken({
    issuer: ctx.issuer,
    appId,
    profile,
    key: activeSigningKey(await ctx.keys.ring()),
    now,
    jti: randomUuid(ctx.random),
    test: options.test === true,
    ...(current ? { currentJti: current.key } : {}),
  });
  const { claims } = issued;

  const revoked = await ctx.store.transaction(async (tx) => {
    // Another token may have been issued since `current` was read: revoke whatever is live now too.
    const live = await tx.findUnique<LaunchTokenRecord>(Collection.LAUNCH_TOKENS, 'current', pair);
    const toRevoke = new Set([issued.revokes, live?.key].filter((jti): jti is string => jti !== undefined));
    for (const jti of toRevoke) {
      const record = await tx.get<LaunchTokenRecord>(Collection.LAUNCH_TOKENS, jti);
      if (!record) continue;
      const { current: _current, ...rest } = record;
      await tx.put(Collection.LAUNCH_TOKENS, jti, { ...rest, revokedAt: record.revokedAt ?? now });
      if (record.revokedAt === undefined) await ctx.outbox.emit(tx, Audience.user(record.userId), 'launchToken.revoked', { appId, jti });
    }
    const record: LaunchTokenRecord = {
      jti: claims.jti,
      appId,
      userId: profile.id,
      issuedAt: claims.iat * 1000,
      expiresAt: claims.exp * 1000,
      test: options.test === true,
      current: pair,
    };
    await tx.put(Collection.LAUNCH_TOKENS, claims.jti, record);
    return [...toRevoke];
  });

  return {
    token: issued.token,
    jti: claims.jti,
    expiresAt: iso(claims.exp * 1000),
    profile,
    ...(revoked.length > 0 ? { revoked: revoked[0] } : {}),
  };
}

/** Whether a token is still good, as the issuer sees it. */
export async function tokenStatus(ctx: BackendContext, jti: string): Promise<TokenStatusResponse> {
  const record = await ctx.store.get<LaunchTokenRecord>(Collection.LAUNCH_TOKENS, jti);
  if (!record) throw new BackendError('TOKEN_NOT_FOUND', 'No token with this id was issued');
  const status = record.revokedAt !== undefined ? 'revoked' : record.expiresAt <= ctx.clock.now() ? 'expired' : 'valid';
  return {
    jti,
    appId: record.appId,
    userId: record.userId,
    status,
    test: record.test,
    issuedAt: iso(record.issuedAt),
    expiresAt: iso(record.expiresAt),
    ...(record.revokedAt !== undefined ? { revokedAt: iso(record.revokedAt) } : {}),
  };
}

export async function requireApp(ctx: BackendContext, appId: string): Promise<AppRecord> {
  const app = await ctx.store.get<AppRecord>(Collection.APPS, appId);
  if (!app) throw new BackendError('APP_NOT_FOUND', `No app "${appId}"`);
  return app;
}

/**
 * The app, when this user may see it (launch it, get its pushes, chat with it): an Active app for
 * everyone, a Testing one for its testers; a draft, one on moderation, an inactive or a blocked
 * app for nobody (APP_NOT_AVAILABLE with its status). A record written without a status or
 * testers (older seeds) counts as Active with none.
 */
export async function requireVisibleApp(ctx: BackendContext, appId: string, userId: string): Promise<AppRecord> {
  const app = await requireApp(ctx, appId);
  if (!canSeeApp({ status: app.status ?? 'active' }, { isTester: app.testerIds?.includes(userId) ?? false })) {
    throw new BackendError('APP_NOT_AVAILABLE', app.status === 'testing' ? 'The app is in testing and this user is not a tester' : 'The app is not published', {
      status: app.status,
    });
  }
  return app;
}
