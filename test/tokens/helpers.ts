import { expect } from 'chai';
import { TokenError, type TokenErrorCode } from '../../src/tokens/index.ts';

/** Awaits a verification that must fail, and checks the reason. */
export async function expectTokenError(attempt: Promise<unknown>, code: TokenErrorCode): Promise<TokenError> {
  let caught: unknown;
  try {
    await attempt;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a TokenError ${code}`).to.be.instanceOf(TokenError);
  expect((caught as TokenError).code).to.equal(code);
  return caught as TokenError;
}

const encoder = new TextEncoder();

export function base64url(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodePart(part: string): Record<string, unknown> {
  const padded = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Replaces the claims of a signed token, keeping its header and signature. */
export function withClaims(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = decodePart(payload);
  change(claims);
  return `${header}.${base64url(JSON.stringify(claims))}.${signature}`;
}

/** Flips one character in the middle of the signature. */
export function withTamperedSignature(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const at = Math.floor(signature.length / 2);
  const flipped = signature[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}`;
}
