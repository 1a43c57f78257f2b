import { calculateJwkThumbprint, decodeProtectedHeader, type JSONWebKeySet, type JWK } from 'jose';

/** The only signature algorithm we issue and accept. */
export const SIGNING_ALGORITHM = 'ES256';

/** One ES256 key pair. The private key is a non-extractable WebCrypto key. */
export interface SigningKey {
  /** Key id: the RFC 7638 thumbprint of the public key; every token names it in its header. */
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as a JWK with `kid`, `alg` and `use` set, as published in the JWKS. */
  publicJwk: JWK;
  /** When the key was made (ms since the epoch). */
  createdAt: number;
  /** When a newer key replaced it for signing; it still verifies until retired. */
  rotatedOutAt?: number;
}

/**
 * The issuer's keys: the newest signs, the others only verify tokens they signed earlier.
 * Plain data, so a store can keep it (WebCrypto keys survive structured clone).
 */
export interface KeyRing {
  activeKid: string;
  /** Newest first. */
  keys: SigningKey[];
}

/** Makes a new ES256 key pair; the private key cannot be exported. */
export async function generateSigningKey(options: { now: number }): Promise<SigningKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const exported = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JWK;
  const { kty, crv, x, y } = exported;
  const base: JWK = { kty, crv, x, y };
  const kid = await calculateJwkThumbprint(base, 'sha256');
  return {
    kid,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicJwk: { ...base, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
    createdAt: options.now,
  };
}

export function createKeyRing(first: SigningKey): KeyRing {
  return { activeKid: first.kid, keys: [first] };
}

/** The key new tokens are signed with. */
export function activeSigningKey(ring: KeyRing): SigningKey {
  const key = ring.keys.find((candidate) => candidate.kid === ring.activeKid);
  if (!key) throw new Error(`Key ring has no active key ${ring.activeKid}`);
  return key;
}

/** Makes `next` the signing key; the previous keys stay published so their tokens still verify. */
export function rotateKeyRing(ring: KeyRing, next: SigningKey, now: number): KeyRing {
  if (ring.keys.some((key) => key.kid === next.kid)) throw new Error(`Key ${next.kid} is already in the ring`);
  return {
    activeKid: next.kid,
    keys: [next, ...ring.keys.map((key) => (key.kid === ring.activeKid ? { ...key, rotatedOutAt: now } : key))],
  };
}

/** Removes a key that no longer signs; tokens it signed stop verifying. */
export function retireKey(ring: KeyRing, kid: string): KeyRing {
  if (kid === ring.activeKid) throw new Error('The active key cannot be retired; rotate first');
  return { ...ring, keys: ring.keys.filter((key) => key.kid !== kid) };
}

/**
 * Retires the keys rotated out more than `graceMs` ago. With a grace of at least a token's
 * lifetime, no valid token loses its key.
 */
export function retireStaleKeys(ring: KeyRing, now: number, graceMs: number): KeyRing {
  return {
    ...ring,
    keys: ring.keys.filter((key) => key.rotatedOutAt === undefined || now - key.rotatedOutAt < graceMs),
  };
}

/**
 * Whether a token names a key the ring still holds (its header's `kid`), so the ring's JWKS can
 * verify it. Says nothing of the signature or the claims; a token that is not a JWS is not.
 */
export function signedWithRingKey(ring: KeyRing, token: string): boolean {
  try {
    const { kid } = decodeProtectedHeader(token);
    return ring.keys.some((key) => key.kid === kid);
  } catch {
    return false;
  }
}

/** The public half of the ring, as served at `/.well-known/jwks.json`. */
export function keyRingJwks(ring: KeyRing): JSONWebKeySet {
  return { keys: ring.keys.map((key) => ({ ...key.publicJwk })) };
}
