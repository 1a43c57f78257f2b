import { createKeyRing, generateSigningKey, rotateKeyRing, type KeyRing } from '../tokens/index.ts';
import type { Clock, KeyPort } from './ports.ts';

export interface MemoryKeys extends KeyPort {
  /** Signs with a new key from now on; the old one stays published. */
  rotate(): Promise<KeyRing>;
}

/** Keys that live as long as the process: for Node and tests. The first key is made on first use. */
export function createMemoryKeys(clock: Clock): MemoryKeys {
  let ring: Promise<KeyRing> | undefined;
  const current = () => (ring ??= generateSigningKey({ now: clock.now() }).then(createKeyRing));
  return {
    ring: current,
    async rotate() {
      const previous = await current();
      const next = rotateKeyRing(previous, await generateSigningKey({ now: clock.now() }), clock.now());
      ring = Promise.resolve(next);
      return next;
    },
  };
}
