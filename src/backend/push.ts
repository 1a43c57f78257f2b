/**
 * Push from a mini-app to its own signed-in user. The host keeps no notification (SPEC): a push is
 * delivered as a `push.received` live event to the user's devices, and what the backend keeps is
 * only the ids and times of the last day's pushes, for the once-per-id rule and the rate limits.
 */
import { LIMITS, type PushResult } from '../protocol/index.ts';
import type { BackendContext } from './context.ts';
import { iso } from './context.ts';
import type { PushBody, PushEvent } from './contract.ts';
import { requireVisibleApp } from './launch-tokens.ts';
import { Audience } from './outbox.ts';
import { randomUuid } from './ports.ts';
import { Collection, pairKey, type PushLogRecord } from './records.ts';
import { rateLimited } from './sign-in.ts';

/** Both the once-per-id rule and the daily limit look back this far: a sliding day, not a calendar one. */
const DAY_MS = LIMITS.push.dedupeMs;

/**
 * Sends a push, or answers `delivered: false` when a push with the same id went out within 24 h.
 * Limits per app and user: one every 30 s and 100 a sliding day (`RATE_LIMITED`); a repeat is
 * answered before them and counts for neither. While the app is in Testing only its testers get pushes.
 */
export async function sendPush(ctx: BackendContext, appId: string, userId: string, push: PushBody): Promise<PushResult> {
  await requireVisibleApp(ctx, appId, userId);
  const now = ctx.clock.now();
  const id = push.id ?? randomUuid(ctx.random);
  const key = pairKey(appId, userId);

  return ctx.store.transaction(async (tx) => {
    const log = await tx.get<PushLogRecord>(Collection.PUSH_LOG, key);
    const recent = (log?.sent ?? []).filter((sent) => now - sent.at < DAY_MS);
    if (recent.some((sent) => sent.id === id)) return { id, delivered: false };
    const last = recent.at(-1);
    if (last && now - last.at < LIMITS.push.minIntervalMs) {
      throw rateLimited(last.at + LIMITS.push.minIntervalMs - now, 'This app sent this user a push less than 30 seconds ago');
    }
    if (recent.length >= LIMITS.push.perDay) {
      throw rateLimited(recent[0]!.at + DAY_MS - now, `This app sent this user ${LIMITS.push.perDay} pushes within the last 24 hours`);
    }
    await tx.put(Collection.PUSH_LOG, key, { sent: [...recent, { id, at: now }] } satisfies PushLogRecord);
    const event: PushEvent = {
      id,
      appId,
      title: push.title,
      body: push.body,
      ...(push.route === undefined ? {} : { route: push.route }),
      ...(push.anchor === undefined ? {} : { anchor: push.anchor }),
      ...(push.data === undefined ? {} : { data: push.data }),
      sentAt: iso(now),
    };
    await ctx.outbox.emit(tx, Audience.user(userId), 'push.received', event);
    return { id, delivered: true };
  });
}
