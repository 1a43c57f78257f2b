/// <reference types="node" />
/**
 * The server's signing keys: from the configuration (private JWKs, newest first), or generated
 * once and kept in the store, so every instance on one database signs with the same key and a
 * restart keeps it. Rotation writes a new signing key and keeps the previous one published until
 * no token it signed can still be valid (a launch token's lifetime), so during the overlap the
 * JWKS lists two keys. Instances re-read the stored ring every `refreshMs`.
 */
import { calculateJwkThumbprint, type JWK } from 'jose';
import { BACKEND_SCHEMA } from '../backend/records.ts';
import type { Clock, KeyPort } from '../backend/ports.ts';
import type { Store, StoreSchema } from '../backend/store.ts';
import { LAUNCH_TOKEN_TTL_MS, SIGNING_ALGORITHM, type KeyRing, type SigningKey } from '../tokens/index.ts';

/** Where the stored key ring lives: one record, key `ring`. */
export const SIGNING_KEYS_COLLECTION = 'signingKeys';

/** The backend's collections and the server's own. */
export const SERVER_SCHEMA: StoreSchema = { ...BACKEND_SCHEMA, [SIGNING_KEYS_COLLECTION]: {} };

export interface ServerKeys extends KeyPort {
  readonly source: 'store' | 'config';
  /** Signs with a new key from now on; keys rotated out more than a token's lifetime ago are retired. */
  rotate(): Promise<KeyRing>;
}

interface StoredKey {
  [field: string]: unknown;
  privateJwk: JWK;
  createdAt: number;
  rotatedOutAt?: number;
}

interface StoredRing {
  [field: string]: unknown;
  activeKid: string;
  /** Newest first. */
  keys: (StoredKey & { kid: string })[];
}

const RING = 'ring';

/** A new ES256 private key as a JWK with its `kid` (the RFC 7638 thumbprint), for a config file or the store. */
export async function generatePrivateJwk(): Promise<JWK> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JWK;
  const { kty, crv, x, y, d } = jwk;
  return { kty, crv, x, y, d, kid: await calculateJwkThumbprint({ kty, crv, x, y } as JWK, 'sha256'), alg: SIGNING_ALGORITHM, use: 'sig' };
}

/** A signing key from a private JWK; the private CryptoKey cannot be exported again. */
export async function importSigningKey(privateJwk: JWK, createdAt: number, rotatedOutAt?: number): Promise<SigningKey> {
  const { kty, crv, x, y, d } = privateJwk;
  if (kty !== 'EC' || crv !== 'P-256' || !x || !y || !d) throw new TypeError('A signing key is a private EC P-256 JWK (x, y and d)');
  const kid = await calculateJwkThumbprint({ kty, crv, x, y } as JWK, 'sha256');
  if (privateJwk.kid !== undefined && privateJwk.kid !== kid) {
    throw new TypeError(`The key's kid ${JSON.stringify(privateJwk.kid)} is not its thumbprint ${kid}: leave kid out, or use the thumbprint`);
  }
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const privateKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y, d }, algorithm, false, ['sign']);
  const publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, algorithm, true, ['verify']);
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { kty, crv, x, y, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
    createdAt,
    ...(rotatedOutAt === undefined ? {} : { rotatedOutAt }),
  };
}

/** Keys from the configuration: the first signs. Rotate by deploying a new list (new key first, the old one second). */
export async function createConfiguredKeys(privateJwks: readonly JWK[], clock: Clock): Promise<ServerKeys> {
  if (privateJwks.length === 0) throw new TypeError('At least one signing key is needed');
  const now = clock.now();
  const keys = await Promise.all(privateJwks.map((jwk, index) => importSigningKey(jwk, now, index === 0 ? undefined : now)));
  if (new Set(keys.map((key) => key.kid)).size !== keys.length) throw new TypeError('The configured signing keys hold the same key twice');
  const ring: KeyRing = { activeKid: keys[0]!.kid, keys };
  return {
    source: 'config',
    ring: async () => ring,
    rotate: async () => {
      throw new Error('The signing keys come from the configuration (MINIAPPS_SIGNING_KEYS): rotate by putting a new key first and restarting');
    },
  };
}

/** Keys kept in the store (collection `signingKeys`, which the store's schema must declare: see SERVER_SCHEMA). */
export function createStoredKeys(store: Store, clock: Clock, options: { refreshMs?: number } = {}): ServerKeys {
  const refreshMs = options.refreshMs ?? 60_000;
  const imported = new Map<string, Promise<SigningKey>>();
  let cached: { ring: KeyRing; at: number } | undefined;
  let loading: Promise<KeyRing> | undefined;

  const toKeyRing = async (stored: StoredRing): Promise<KeyRing> => {
    const keys = await Promise.all(
      stored.keys.map((key) => {
        const cacheKey = `${key.kid}/${key.rotatedOutAt ?? ''}`;
        let signing = imported.get(cacheKey);
        if (!signing) imported.set(cacheKey, (signing = importSigningKey(key.privateJwk, key.createdAt, key.rotatedOutAt)));
        return signing;
      }),
    );
    const ring = { activeKid: stored.activeKid, keys };
    cached = { ring, at: clock.now() };
    return ring;
  };

  const newKey = async (now: number) => {
    const privateJwk = await generatePrivateJwk();
    return { kid: privateJwk.kid!, privateJwk, createdAt: now };
  };

  const load = async (): Promise<KeyRing> => {
    let stored = await store.get<StoredRing>(SIGNING_KEYS_COLLECTION, RING);
    if (!stored) {
      // Generated before the transaction (no slow work inside); an instance that lost the race keeps the winner's.
      const first = await newKey(clock.now());
      stored = await store.transaction(async (tx) => {
        const existing = await tx.get<StoredRing>(SIGNING_KEYS_COLLECTION, RING);
        if (existing) return existing;
        const ring: StoredRing = { activeKid: first.kid, keys: [first] };
        await tx.put(SIGNING_KEYS_COLLECTION, RING, ring);
        return ring;
      });
    }
    return toKeyRing(stored);
  };

  return {
    source: 'store',
    ring() {
      if (cached && clock.now() - cached.at < refreshMs) return Promise.resolve(cached.ring);
      loading ??= load().finally(() => (loading = undefined));
      // A failed refresh keeps signing with the ring already known.
      return cached ? loading.catch(() => cached!.ring) : loading;
    },
    async rotate() {
      const now = clock.now();
      const next = await newKey(now);
      const stored = await store.transaction(async (tx) => {
        const current = await tx.get<StoredRing>(SIGNING_KEYS_COLLECTION, RING);
        const previous = (current?.keys ?? []).map((key) => (key.kid === current?.activeKid ? { ...key, rotatedOutAt: now } : key));
        const ring: StoredRing = {
          activeKid: next.kid,
          keys: [next, ...previous.filter((key) => key.rotatedOutAt === undefined || now - key.rotatedOutAt < LAUNCH_TOKEN_TTL_MS)],
        };
        await tx.put(SIGNING_KEYS_COLLECTION, RING, ring);
        return ring;
      });
      return toKeyRing(stored);
    },
  };
}
