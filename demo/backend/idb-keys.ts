import type { Clock, KeyPort } from '../../src/backend/index.ts';
import {
  createKeyRing,
  generateSigningKey,
  LAUNCH_TOKEN_TTL_MS,
  retireStaleKeys,
  rotateKeyRing,
  type KeyRing,
} from '../../src/tokens/index.ts';
import type { DemoDatabase } from './database.ts';

export interface IdbKeys extends KeyPort {
  /** Signs with a new key from now on; keys rotated out more than a token's lifetime ago are retired. */
  rotate(): Promise<KeyRing>;
}

const RING = 'ring';

/**
 * Real ES256 keys kept in IndexedDB: made once, then read back on every page load, so tokens
 * issued before a reload still verify after it.
 */
export function createIdbKeys(db: DemoDatabase, clock: Clock): IdbKeys {
  let cached: Promise<KeyRing> | undefined;
  const lockName = `miniapps-keyring:${db.name}`;
  const locked = <R>(task: () => Promise<R>): Promise<R> =>
    globalThis.navigator?.locks ? navigator.locks.request(lockName, task) : task();

  const load = () =>
    locked(async () => {
      const stored = await db.get('keyring', RING);
      if (stored) return stored;
      // Generated outside any IndexedDB transaction: key generation is not an IndexedDB request.
      const ring = createKeyRing(await generateSigningKey({ now: clock.now() }));
      await db.put('keyring', ring, RING);
      return ring;
    });

  return {
    ring() {
      cached ??= load().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    rotate() {
      const next = locked(async () => {
        const current = (await db.get('keyring', RING)) ?? createKeyRing(await generateSigningKey({ now: clock.now() }));
        const now = clock.now();
        const ring = retireStaleKeys(rotateKeyRing(current, await generateSigningKey({ now }), now), now, LAUNCH_TOKEN_TTL_MS);
        await db.put('keyring', ring, RING);
        return ring;
      });
      cached = next;
      return next;
    },
  };
}
