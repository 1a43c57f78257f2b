import type { KeyRing } from '../tokens/index.ts';

/** The backend's sense of time, injected so tests can move it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The backend's source of randomness: codes, session tokens, token ids. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

/** The signing keys: the ring's active key signs, the whole ring is published as the JWKS. */
export interface KeyPort {
  ring(): Promise<KeyRing>;
}

export interface OneTimeCodeMessage {
  phone: string;
  code: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Delivers a sign-in code (an SMS gateway on a server; an on-screen notice in the demo). */
export type CodeSender = (message: OneTimeCodeMessage) => void | Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export const cryptoRandom: RandomSource = {
  bytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
};

/** A version-4 UUID from the random source. */
export function randomUuid(random: RandomSource): string {
  const bytes = random.bytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `length` decimal digits, uniformly (bytes that would bias the result are drawn again). */
export function randomDigits(random: RandomSource, length: number): string {
  let digits = '';
  while (digits.length < length) {
    for (const byte of random.bytes(length)) {
      if (byte < 250 && digits.length < length) digits += String(byte % 10);
    }
  }
  return digits;
}

/** An opaque bearer token: 32 random bytes, base64url. */
export function randomToken(random: RandomSource): string {
  return base64url(random.bytes(32));
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** SHA-256, base64url: how secrets (session tokens, codes, partner keys) are kept in the store. */
export async function sha256(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
