import { expect } from 'chai';
import {
  activeSigningKey,
  createKeyRing,
  generateSigningKey,
  issueLaunchToken,
  keyRingJwks,
  LAUNCH_TOKEN_TTL_MS,
  retireKey,
  retireStaleKeys,
  rotateKeyRing,
  TokenErrorCode,
  verifyLaunchToken,
} from '../../src/tokens/index.ts';
import { expectTokenError } from './helpers.ts';

const issuer = 'https://host.example';
const appId = 'app-utilities';
const profile = { id: 'user-1', name: 'Anna Petrova', phone: '+79990000001' };
const t0 = Date.UTC(2025, 0, 1);

describe('signing keys', () => {
  it('keeps the private key non-extractable and publishes only the public half', async () => {
    const key = await generateSigningKey({ now: t0 });
    expect(key.privateKey.extractable).to.equal(false);
    expect(key.privateKey.algorithm).to.include({ name: 'ECDSA' });
    const [published] = keyRingJwks(createKeyRing(key)).keys;
    expect(published).to.include({ kty: 'EC', crv: 'P-256', kid: key.kid, alg: 'ES256', use: 'sig' });
    expect(published).to.not.have.property('d');
  });

  it('derives the kid from the public key, so two keys never share one', async () => {
    const [a, b] = await Promise.all([generateSigningKey({ now: t0 }), generateSigningKey({ now: t0 })]);
    expect(a.kid).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(a.kid).to.not.equal(b.kid);
  });

  it('during a rotation publishes both keys, signs with the new one, and still verifies the old tokens', async () => {
    const oldKey = await generateSigningKey({ now: t0 });
    let ring = createKeyRing(oldKey);
    const before = await issueLaunchToken({ issuer, appId, profile, key: activeSigningKey(ring), now: t0 });

    const newKey = await generateSigningKey({ now: t0 + 1000 });
    ring = rotateKeyRing(ring, newKey, t0 + 1000);
    expect(activeSigningKey(ring).kid).to.equal(newKey.kid);
    expect(keyRingJwks(ring).keys.map((key) => key.kid)).to.deep.equal([newKey.kid, oldKey.kid]);

    const after = await issueLaunchToken({ issuer, appId, profile, key: activeSigningKey(ring), now: t0 + 2000 });
    const jwks = keyRingJwks(ring);
    expect((await verifyLaunchToken(before.token, { jwks, issuer, audience: appId, now: t0 + 3000 })).sub).to.equal('user-1');
    expect((await verifyLaunchToken(after.token, { jwks, issuer, audience: appId, now: t0 + 3000 })).sub).to.equal('user-1');
  });

  it('after retiring the old key refuses its tokens as UNKNOWN_KEY', async () => {
    const oldKey = await generateSigningKey({ now: t0 });
    const newKey = await generateSigningKey({ now: t0 });
    const old = await issueLaunchToken({ issuer, appId, profile, key: oldKey, now: t0 });
    const ring = retireKey(rotateKeyRing(createKeyRing(oldKey), newKey, t0), oldKey.kid);
    expect(ring.keys.map((key) => key.kid)).to.deep.equal([newKey.kid]);
    await expectTokenError(
      verifyLaunchToken(old.token, { jwks: keyRingJwks(ring), issuer, audience: appId, now: t0 + 1000 }),
      TokenErrorCode.UNKNOWN_KEY,
    );
  });

  it('refuses to retire the active key', async () => {
    const key = await generateSigningKey({ now: t0 });
    expect(() => retireKey(createKeyRing(key), key.kid)).to.throw(/active key/);
  });

  it('retires rotated-out keys only once their tokens can no longer be valid', async () => {
    const oldKey = await generateSigningKey({ now: t0 });
    const newKey = await generateSigningKey({ now: t0 });
    const ring = rotateKeyRing(createKeyRing(oldKey), newKey, t0);
    expect(retireStaleKeys(ring, t0 + LAUNCH_TOKEN_TTL_MS - 1, LAUNCH_TOKEN_TTL_MS).keys).to.have.length(2);
    expect(retireStaleKeys(ring, t0 + LAUNCH_TOKEN_TTL_MS, LAUNCH_TOKEN_TTL_MS).keys.map((key) => key.kid)).to.deep.equal([newKey.kid]);
  });
});
