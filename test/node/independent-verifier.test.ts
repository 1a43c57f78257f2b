import { expect } from 'chai';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { createKeyRing, generateSigningKey, issueLaunchToken, issueReceipt, keyRingJwks, RECEIPT_TOKEN_TYPE } from '../../src/tokens/index.ts';
import { withClaims, withTamperedSignature } from '../tokens/helpers.ts';

const issuer = 'https://host.example';
const audience = 'bakery';
const now = Date.UTC(2025, 0, 15, 12, 0, 0);
const profile = { id: 'user-1', name: 'Anna Petrova', phone: '+79990000001', premises: { id: 'p-1', title: 'Flat 1' } };

describe('an independent verifier (jsonwebtoken) with our JWKS', () => {
  let token: string;
  let publicKey: ReturnType<typeof createPublicKey>;

  before(async () => {
    const key = await generateSigningKey({ now });
    const [jwk] = keyRingJwks(createKeyRing(key)).keys;
    publicKey = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    ({ token } = await issueLaunchToken({ issuer, appId: audience, profile, key, now }));
  });

  const verify = (candidate: string, options: jwt.VerifyOptions = {}) =>
    jwt.verify(candidate, publicKey, { algorithms: ['ES256'], issuer, audience, clockTimestamp: now / 1000 + 60, ...options });

  it('accepts our valid token with its claims', () => {
    const claims = verify(token) as jwt.JwtPayload;
    expect(claims).to.deep.include({ sub: 'user-1', aud: audience, iss: issuer, phone: '+79990000001' });
    expect(claims.premises).to.deep.equal({ id: 'p-1', title: 'Flat 1' });
  });

  it('rejects a tampered payload', () => {
    expect(() => verify(withClaims(token, (claims) => (claims.sub = 'user-2')))).to.throw(jwt.JsonWebTokenError, /invalid signature/);
  });

  it('rejects a tampered signature', () => {
    expect(() => verify(withTamperedSignature(token))).to.throw(jwt.JsonWebTokenError, /invalid signature/);
  });

  it('rejects it after it expires, and for another audience', () => {
    expect(() => verify(token, { clockTimestamp: now / 1000 + 24 * 3600 })).to.throw(jwt.TokenExpiredError);
    expect(() => verify(token, { audience: 'fitness' })).to.throw(jwt.JsonWebTokenError, /audience/);
  });
});

describe('an independent verifier (jsonwebtoken) with our JWKS: payment receipts', () => {
  let receipt: string;
  let publicKey: ReturnType<typeof createPublicKey>;

  before(async () => {
    const ring = createKeyRing(await generateSigningKey({ now }));
    const [jwk] = keyRingJwks(ring).keys;
    publicKey = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    ({ token: receipt } = await issueReceipt(
      ring,
      { appId: audience, userId: 'user-1', paymentId: 'pay-1', orderId: 'order-9', amount: 99_900, currency: 'RUB', status: 'succeeded' },
      { issuer, now, jti: 'receipt-1' },
    ));
  });

  const verify = (candidate: string, options: jwt.VerifyOptions = {}) =>
    jwt.verify(candidate, publicKey, { algorithms: ['ES256'], issuer, audience, clockTimestamp: now / 1000 + 60, complete: true, ...options }) as jwt.Jwt;

  it('accepts our receipt, with its type in the header and its facts in the claims', () => {
    const { header, payload } = verify(receipt);
    expect(header).to.include({ alg: 'ES256', typ: RECEIPT_TOKEN_TYPE });
    expect(payload).to.deep.include({ sub: 'user-1', paymentId: 'pay-1', orderId: 'order-9', amount: 99_900, currency: 'RUB', status: 'succeeded' });
    expect(payload).to.not.have.property('exp');
  });

  it('rejects a tampered amount and a tampered signature', () => {
    expect(() => verify(withClaims(receipt, (claims) => (claims.amount = 100)))).to.throw(jwt.JsonWebTokenError, /invalid signature/);
    expect(() => verify(withTamperedSignature(receipt))).to.throw(jwt.JsonWebTokenError, /invalid signature/);
  });

  it('rejects a receipt for another app', () => {
    expect(() => verify(receipt, { audience: 'fitness' })).to.throw(jwt.JsonWebTokenError, /audience/);
  });
});
