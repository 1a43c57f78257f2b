import { expect } from 'chai';
import { SignJWT, type JSONWebKeySet } from 'jose';
import type { UserProfile } from '../../src/protocol/index.ts';
import {
  createKeyRing,
  generateSigningKey,
  issueLaunchToken,
  keyRingJwks,
  LAUNCH_TOKEN_TTL_MS,
  LAUNCH_TOKEN_TYPE,
  profileFromClaims,
  signJwt,
  TokenErrorCode,
  verifyLaunchToken,
  type SigningKey,
} from '../../src/tokens/index.ts';
import { base64url, expectTokenError, withClaims, withTamperedSignature } from './helpers.ts';

const issuer = 'https://host.example';
const appId = 'app-utilities';
const now = Date.UTC(2025, 0, 15, 12, 0, 0);
const profile: UserProfile = {
  id: 'user-1',
  name: 'Anna Petrova',
  phone: '+79990000001',
  premises: { id: 'flat-12', title: 'Flat 12' },
  object: { id: 'building-7', title: 'Building 7' },
};

describe('launch tokens', () => {
  let key: SigningKey;
  let jwks: JSONWebKeySet;
  let token: string;

  before(async () => {
    key = await generateSigningKey({ now });
    jwks = keyRingJwks(createKeyRing(key));
    ({ token } = await issueLaunchToken({ issuer, appId, profile, key, now }));
  });

  const verify = (candidate: string, extra: Partial<Parameters<typeof verifyLaunchToken>[1]> = {}) =>
    verifyLaunchToken(candidate, { jwks, issuer, audience: appId, now: now + 60_000, ...extra } as Parameters<typeof verifyLaunchToken>[1]);

  it('verifies a fresh token and returns its typed claims', async () => {
    const claims = await verify(token);
    expect(claims.iss).to.equal(issuer);
    expect(claims.aud).to.equal(appId);
    expect(claims.sub).to.equal('user-1');
    expect(claims.iat).to.equal(now / 1000);
    expect(claims.nbf).to.equal(now / 1000);
    expect(claims.exp - claims.iat).to.equal(LAUNCH_TOKEN_TTL_MS / 1000);
    expect(claims.jti).to.be.a('string').with.length.above(0);
    expect(profileFromClaims(claims)).to.deep.equal(profile);
  });

  it('names its key and type in the header, and signs with ES256', () => {
    const header = JSON.parse(atob(token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    expect(header).to.deep.equal({ alg: 'ES256', typ: LAUNCH_TOKEN_TYPE, kid: key.kid });
  });

  it('verifies with the single public key as well as with the JWKS', async () => {
    const claims = await verifyLaunchToken(token, { key: key.publicKey, issuer, audience: appId, now });
    expect(claims.sub).to.equal('user-1');
  });

  it('reports the previous token of the same user and app as the one to revoke', async () => {
    const first = await issueLaunchToken({ issuer, appId, profile, key, now });
    const second = await issueLaunchToken({ issuer, appId, profile, key, now, currentJti: first.claims.jti });
    expect(first.revokes).to.equal(undefined);
    expect(second.revokes).to.equal(first.claims.jti);
    expect(second.claims.jti).to.not.equal(first.claims.jti);
  });

  it('refuses a tampered payload as BAD_SIGNATURE', async () => {
    await expectTokenError(verify(withClaims(token, (claims) => (claims.phone = '+70000000000'))), TokenErrorCode.BAD_SIGNATURE);
  });

  it('refuses a tampered signature as BAD_SIGNATURE', async () => {
    await expectTokenError(verify(withTamperedSignature(token)), TokenErrorCode.BAD_SIGNATURE);
  });

  it('refuses a token signed by another key with the same kid as BAD_SIGNATURE', async () => {
    const impostor = await generateSigningKey({ now });
    const forged = await issueLaunchToken({ issuer, appId, profile, key: { ...impostor, kid: key.kid }, now });
    await expectTokenError(verify(forged.token), TokenErrorCode.BAD_SIGNATURE);
  });

  it('refuses an expired token as EXPIRED', async () => {
    await expectTokenError(verify(token, { now: now + LAUNCH_TOKEN_TTL_MS }), TokenErrorCode.EXPIRED);
  });

  it('accepts a token one second before it expires', async () => {
    const claims = await verify(token, { now: now + LAUNCH_TOKEN_TTL_MS - 1000 });
    expect(claims.jti).to.be.a('string');
  });

  it('refuses a token used before its nbf as NOT_YET_VALID', async () => {
    await expectTokenError(verify(token, { now: now - 5_000 }), TokenErrorCode.NOT_YET_VALID);
  });

  it('refuses a token for another app as WRONG_AUDIENCE', async () => {
    await expectTokenError(verify(token, { audience: 'app-other' }), TokenErrorCode.WRONG_AUDIENCE);
  });

  it('refuses a token from another issuer as WRONG_ISSUER', async () => {
    await expectTokenError(verify(token, { issuer: 'https://evil.example' }), TokenErrorCode.WRONG_ISSUER);
  });

  it('refuses a revoked token as REVOKED, asking the registry by jti', async () => {
    const asked: string[] = [];
    const error = await expectTokenError(
      verify(token, { isRevoked: async (jti: string) => (asked.push(jti), true) }),
      TokenErrorCode.REVOKED,
    );
    expect(asked).to.have.length(1);
    expect(error.claim).to.equal('jti');
    const claims = await verify(token, { isRevoked: () => false });
    expect(asked[0]).to.equal(claims.jti);
  });

  it('refuses alg "none" as UNSUPPORTED_ALGORITHM', async () => {
    const [, payload] = token.split('.');
    const unsigned = `${base64url(JSON.stringify({ alg: 'none', typ: LAUNCH_TOKEN_TYPE, kid: key.kid }))}.${payload}.`;
    await expectTokenError(verify(unsigned), TokenErrorCode.UNSUPPORTED_ALGORITHM);
  });

  it('refuses HS256 signed with the public key (algorithm confusion) as UNSUPPORTED_ALGORITHM', async () => {
    const claims = await verify(token);
    const secrets = [new TextEncoder().encode(JSON.stringify(key.publicJwk)), new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey))];
    for (const secret of secrets) {
      const confused = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: LAUNCH_TOKEN_TYPE, kid: key.kid })
        .sign(secret);
      await expectTokenError(verify(confused), TokenErrorCode.UNSUPPORTED_ALGORITHM);
      await expectTokenError(verify(confused, { jwks: undefined, key: key.publicJwk }), TokenErrorCode.UNSUPPORTED_ALGORITHM);
    }
  });

  it('refuses a token whose kid is not published as UNKNOWN_KEY', async () => {
    const other = await generateSigningKey({ now });
    const stranger = await issueLaunchToken({ issuer, appId, profile, key: other, now });
    await expectTokenError(verify(stranger.token), TokenErrorCode.UNKNOWN_KEY);
    await expectTokenError(verify(stranger.token, { jwks: undefined, key: key.publicJwk }), TokenErrorCode.UNKNOWN_KEY);
  });

  for (const claim of ['sub', 'exp', 'jti', 'iat', 'nbf', 'phone', 'name', 'iss', 'aud']) {
    it(`refuses a validly signed token without "${claim}" as MISSING_CLAIM`, async () => {
      const claims: Record<string, unknown> = { ...(await verify(token)) };
      delete claims[claim];
      const signed = await signJwt({ typ: LAUNCH_TOKEN_TYPE, key, claims });
      const error = await expectTokenError(verify(signed), TokenErrorCode.MISSING_CLAIM);
      expect(error.claim).to.equal(claim);
    });
  }

  it('refuses a claim of the wrong type as MALFORMED', async () => {
    const claims = { ...(await verify(token)), phone: 79990000001 };
    const signed = await signJwt({ typ: LAUNCH_TOKEN_TYPE, key, claims });
    await expectTokenError(verify(signed), TokenErrorCode.MALFORMED);
  });

  it('refuses a token of another type (a receipt) as WRONG_TYPE', async () => {
    const signed = await signJwt({ typ: 'miniapp-receipt+jwt', key, claims: { ...(await verify(token)) } });
    await expectTokenError(verify(signed), TokenErrorCode.WRONG_TYPE);
  });

  for (const [label, garbage] of [
    ['an empty string', ''],
    ['two parts', 'abc.def'],
    ['a header that is not JSON', `${base64url('not json')}.${base64url('{}')}.sig`],
  ] as const) {
    it(`refuses ${label} as MALFORMED`, async () => {
      await expectTokenError(verify(garbage), TokenErrorCode.MALFORMED);
    });
  }

  it('refuses validly signed claims that are not a JSON object as MALFORMED', async () => {
    const input = `${base64url(JSON.stringify({ alg: 'ES256', typ: LAUNCH_TOKEN_TYPE, kid: key.kid }))}.${base64url('[1, 2]')}`;
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, new TextEncoder().encode(input));
    await expectTokenError(verify(`${input}.${base64url(new Uint8Array(signature))}`), TokenErrorCode.MALFORMED);
  });
});
