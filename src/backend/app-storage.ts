/**
 * The key–value storage the host keeps for each app and user (`storage.*` bridge methods). Limits
 * (SPEC): at most 1,024 keys per app and user, keys of at most 128 characters, values of at most
 * 4,096. The key count is a record written in the same transaction as the keys, so two tabs cannot
 * pass the limit together.
 */
import type { BackendContext } from './context.ts';
import type { StorageKeysResponse, StorageValuesResponse } from './contract.ts';
import { BackendError } from './errors.ts';
import { requireApp } from './launch-tokens.ts';
import { Collection, pairKey, type StorageEntryRecord, type StorageUsageRecord } from './records.ts';

/** Entries of one app and user sit under `appId/userId/`; neither id holds a `/`, so the prefix is exact. */
const prefixOf = (appId: string, userId: string) => `${pairKey(appId, userId)}/`;

export async function storageGet(ctx: BackendContext, appId: string, userId: string, keys: readonly string[]): Promise<StorageValuesResponse> {
  await requireApp(ctx, appId);
  const prefix = prefixOf(appId, userId);
  // In one transaction: the values are read together, never half before and half after a write.
  const entries = await ctx.store.transaction(async (tx) => {
    const read: [string, string | null][] = [];
    for (const key of new Set(keys)) read.push([key, (await tx.get<StorageEntryRecord>(Collection.STORAGE_ENTRIES, prefix + key))?.value ?? null]);
    return read;
  });
  // fromEntries defines own properties: a key such as `__proto__` is a key like any other.
  return { values: Object.fromEntries(entries) };
}

/** Writes one value; a new key beyond the limit is `STORAGE_FULL` (409), overwriting one never is. */
export async function storageSet(ctx: BackendContext, appId: string, userId: string, key: string, value: string): Promise<void> {
  await requireApp(ctx, appId);
  const maxKeys = ctx.limits.storageMaxKeys;
  await ctx.store.transaction(async (tx) => {
    const entryKey = prefixOf(appId, userId) + key;
    if (!(await tx.get(Collection.STORAGE_ENTRIES, entryKey))) {
      const usage = (await tx.get<StorageUsageRecord>(Collection.STORAGE_USAGE, pairKey(appId, userId)))?.keys ?? 0;
      if (usage >= maxKeys) {
        throw new BackendError('STORAGE_FULL', `The app keeps ${maxKeys} keys for this user, the most it may; remove some first`, { maxKeys });
      }
      await tx.put(Collection.STORAGE_USAGE, pairKey(appId, userId), { keys: usage + 1 } satisfies StorageUsageRecord);
    }
    await tx.put(Collection.STORAGE_ENTRIES, entryKey, { value } satisfies StorageEntryRecord);
  });
}

/** Removes the keys that exist; missing ones are no error. */
export async function storageRemove(ctx: BackendContext, appId: string, userId: string, keys: readonly string[]): Promise<void> {
  await requireApp(ctx, appId);
  const prefix = prefixOf(appId, userId);
  await ctx.store.transaction(async (tx) => {
    let removed = 0;
    for (const key of new Set(keys)) {
      if (!(await tx.get(Collection.STORAGE_ENTRIES, prefix + key))) continue;
      await tx.delete(Collection.STORAGE_ENTRIES, prefix + key);
      removed++;
    }
    if (removed === 0) return;
    const usage = (await tx.get<StorageUsageRecord>(Collection.STORAGE_USAGE, pairKey(appId, userId)))?.keys ?? removed;
    if (usage - removed > 0) await tx.put(Collection.STORAGE_USAGE, pairKey(appId, userId), { keys: usage - removed } satisfies StorageUsageRecord);
    else await tx.delete(Collection.STORAGE_USAGE, pairKey(appId, userId));
  });
}

export async function storageKeys(ctx: BackendContext, appId: string, userId: string): Promise<StorageKeysResponse> {
  await requireApp(ctx, appId);
  const prefix = prefixOf(appId, userId);
  const entries = await ctx.store.list(Collection.STORAGE_ENTRIES, { prefix });
  return { keys: entries.map((entry) => entry.key.slice(prefix.length)) };
}
