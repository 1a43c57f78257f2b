import { expect } from 'chai';
import { SignJWT, type JSONWebKeySet } from 'jose';
import {
  createKeyRing,
  generateSigningKey,
  issueLaunchToken,
  issueReceipt,
  keyRingJwks,
  LAUNCH_TOKEN_TYPE,
  RECEIPT_CLOCK_SKEW_S,
  RECEIPT_TOKEN_TYPE,
  rotateKeyRing,
  signJwt,
  TokenErrorCode,
  verifyLaunchToken,
  verifyReceipt,
  type KeyRing,
  type ReceiptFacts,
  type SigningKey,
  type VerificationKeys,
} from '../../src/tokens/index.ts';
import { base64url, decodePart, expectTokenError, withClaims, withTamperedSignature } from './helpers.ts';

const issuer = 'https://host.example';
const appId = 'bakery';
const now = Date.UTC(2025, 0, 15, 12, 0, 0);
const facts: ReceiptFacts = {
  appId,
  userId: 'user-1',
  paymentId: 'pay-1',
  orderId: 'order-42',
  amount: 125_050,
  currency: 'RUB',
  status: 'succeeded',
};

describe('payment receipts', () => {
  let key: SigningKey;
  let ring: KeyRing;
  let jwks: JSONWebKeySet;
  let token: string;

  before(async () => {
    key = await generateSigningKey({ now });
    ring = createKeyRing(key);
    jwks = keyRingJwks(ring);
    ({ token } = await issueReceipt(ring, facts, { issuer, now, jti: 'receipt-1' }));
  });

  const verify = (candidate: string, options: { issuer?: string; audience?: string; now?: number } = {}, keys: VerificationKeys = { jwks }) =>
    verifyReceipt(candidate, keys, { issuer, audience: appId, now: now + 1000, ...options });

  /** Signs arbitrary claims as a receipt with the published key. */
  const signed = (claims: Record<string, unknown>) => signJwt({ typ: RECEIPT_TOKEN_TYPE, key, claims });
  const goodClaims = async () => ({ ...(await verify(token)) }) as Record<string, unknown>;

  it('verifies a receipt and returns every fact it states', async () => {
    expect(await verify(token)).to.deep.equal({
      iss: issuer,
      aud: appId,
      sub: 'user-1',
      iat: now / 1000,
      jti: 'receipt-1',
      paymentId: 'pay-1',
      orderId: 'order-42',
      amount: 125_050,
      currency: 'RUB',
      status: 'succeeded',
    });
  });

  it('names its key and its own type in the header, and signs with ES256', () => {
    expect(decodePart(token.split('.')[0]!)).to.deep.equal({ alg: 'ES256', typ: RECEIPT_TOKEN_TYPE, kid: key.kid });
    expect(RECEIPT_TOKEN_TYPE).to.not.equal(LAUNCH_TOKEN_TYPE);
  });

  it('carries the failure reason of a failed payment', async () => {
    const failed = await issueReceipt(ring, { ...facts, status: 'failed', failureReason: 'insufficient_funds' }, { issuer, now, jti: 'r-2' });
    expect(await verify(failed.token)).to.include({ status: 'failed', failureReason: 'insufficient_funds' });
    const cancelled = await issueReceipt(ring, { ...facts, status: 'cancelled' }, { issuer, now, jti: 'r-3' });
    expect(await verify(cancelled.token)).to.not.have.property('failureReason');
  });

  it('verifies with the single public key as well as with the JWKS', async () => {
    expect((await verify(token, {}, { key: key.publicKey })).paymentId).to.equal('pay-1');
    expect((await verify(token, {}, { key: key.publicJwk })).paymentId).to.equal('pay-1');
  });

  it('signs with the active key of the ring, and older receipts still verify after a rotation', async () => {
    const next = await generateSigningKey({ now });
    const rotated = rotateKeyRing(ring, next, now);
    const fresh = await issueReceipt(rotated, facts, { issuer, now, jti: 'r-4' });
    expect(decodePart(fresh.token.split('.')[0]!).kid).to.equal(next.kid);
    const keys = { jwks: keyRingJwks(rotated) };
    expect((await verify(fresh.token, {}, keys)).jti).to.equal('r-4');
    expect((await verify(token, {}, keys)).jti).to.equal('receipt-1');
  });

  it('does not expire: it still verifies years later', async () => {
    expect((await verify(token, { now: now + 5 * 365 * 24 * 3600 * 1000 })).status).to.equal('succeeded');
  });

  it(`accepts an iat up to ${RECEIPT_CLOCK_SKEW_S} s ahead of the verifier's clock (clock skew)`, async () => {
    expect((await verify(token, { now: now - RECEIPT_CLOCK_SKEW_S * 1000 })).jti).to.equal('receipt-1');
  });

  it('refuses a receipt issued further in the future as NOT_YET_VALID', async () => {
    const error = await expectTokenError(verify(token, { now: now - (RECEIPT_CLOCK_SKEW_S + 1) * 1000 }), TokenErrorCode.NOT_YET_VALID);
    expect(error.claim).to.equal('iat');
  });

  it('refuses a tampered payload (a smaller amount, a cancelled payment made "succeeded") as BAD_SIGNATURE', async () => {
    await expectTokenError(verify(withClaims(token, (claims) => (claims.amount = 100))), TokenErrorCode.BAD_SIGNATURE);
    const cancelled = await issueReceipt(ring, { ...facts, status: 'cancelled' }, { issuer, now, jti: 'r-10' });
    await expectTokenError(verify(withClaims(cancelled.token, (claims) => (claims.status = 'succeeded'))), TokenErrorCode.BAD_SIGNATURE);
  });

  it('refuses a tampered signature as BAD_SIGNATURE', async () => {
    await expectTokenError(verify(withTamperedSignature(token)), TokenErrorCode.BAD_SIGNATURE);
  });

  it('refuses a receipt signed by another key under the same kid as BAD_SIGNATURE', async () => {
    const impostor = await generateSigningKey({ now });
    const forged = await issueReceipt(createKeyRing({ ...impostor, kid: key.kid }), facts, { issuer, now, jti: 'r-5' });
    await expectTokenError(verify(forged.token), TokenErrorCode.BAD_SIGNATURE);
  });

  it('refuses a receipt for another app as WRONG_AUDIENCE', async () => {
    await expectTokenError(verify(token, { audience: 'fitness' }), TokenErrorCode.WRONG_AUDIENCE);
    const forOther = await issueReceipt(ring, { ...facts, appId: 'fitness' }, { issuer, now, jti: 'r-6' });
    await expectTokenError(verify(forOther.token), TokenErrorCode.WRONG_AUDIENCE);
  });

  it('refuses a receipt from another issuer as WRONG_ISSUER', async () => {
    await expectTokenError(verify(token, { issuer: 'https://evil.example' }), TokenErrorCode.WRONG_ISSUER);
  });

  it('refuses alg "none" as UNSUPPORTED_ALGORITHM', async () => {
    const [, payload] = token.split('.');
    const unsigned = `${base64url(JSON.stringify({ alg: 'none', typ: RECEIPT_TOKEN_TYPE, kid: key.kid }))}.${payload}.`;
    await expectTokenError(verify(unsigned), TokenErrorCode.UNSUPPORTED_ALGORITHM);
  });

  it('refuses HS256 keyed with the public key (algorithm confusion) as UNSUPPORTED_ALGORITHM', async () => {
    const claims = await goodClaims();
    const secrets = [new TextEncoder().encode(JSON.stringify(key.publicJwk)), new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey))];
    for (const secret of secrets) {
      const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: RECEIPT_TOKEN_TYPE, kid: key.kid }).sign(secret);
      await expectTokenError(verify(confused), TokenErrorCode.UNSUPPORTED_ALGORITHM);
      await expectTokenError(verify(confused, {}, { key: key.publicJwk }), TokenErrorCode.UNSUPPORTED_ALGORITHM);
    }
  });

  it('refuses a receipt whose kid is not published as UNKNOWN_KEY', async () => {
    const stranger = await issueReceipt(createKeyRing(await generateSigningKey({ now })), facts, { issuer, now, jti: 'r-7' });
    await expectTokenError(verify(stranger.token), TokenErrorCode.UNKNOWN_KEY);
    await expectTokenError(verify(stranger.token, {}, { key: key.publicJwk }), TokenErrorCode.UNKNOWN_KEY);
  });

  for (const claim of ['iss', 'aud', 'sub', 'iat', 'jti', 'paymentId', 'orderId', 'amount', 'currency', 'status']) {
    it(`refuses a validly signed receipt without "${claim}" as MISSING_CLAIM`, async () => {
      const claims = await goodClaims();
      delete claims[claim];
      const error = await expectTokenError(verify(await signed(claims)), TokenErrorCode.MISSING_CLAIM);
      expect(error.claim).to.equal(claim);
    });
  }

  it('refuses a failed receipt that does not say why as MISSING_CLAIM', async () => {
    const error = await expectTokenError(verify(await signed({ ...(await goodClaims()), status: 'failed' })), TokenErrorCode.MISSING_CLAIM);
    expect(error.claim).to.equal('failureReason');
  });

  for (const [label, change, claim] of [
    ['an amount given as a string', { amount: '1250.50' }, 'amount'],
    ['a fractional amount', { amount: 1250.5 }, 'amount'],
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a negative amount', { amount: -100 }, 'amount'],
    ['an amount beyond safe integers', { amount: 2 ** 53 }, 'amount'],
    ['a lowercase currency', { currency: 'rub' }, 'currency'],
    ['a currency that is not three letters', { currency: 'RUBL' }, 'currency'],
    ['an unknown status', { status: 'refunded' }, 'status'],
    ['a status of a payment in progress', { status: 'awaiting_confirmation' }, 'status'],
    ['a failure reason on a succeeded receipt', { failureReason: 'declined' }, 'failureReason'],
    ['a failure reason that is not a code', { status: 'failed', failureReason: 'Declined!' }, 'failureReason'],
    ['a numeric payment id', { paymentId: 7 }, 'paymentId'],
    ['an empty order id', { orderId: '' }, 'orderId'],
    ['an audience list', { aud: [appId, 'fitness'] }, 'aud'],
  ] as const) {
    it(`refuses ${label} as MALFORMED`, async () => {
      const error = await expectTokenError(verify(await signed({ ...(await goodClaims()), ...change })), TokenErrorCode.MALFORMED);
      expect(error.claim).to.equal(claim);
    });
  }

  it('refuses a launch token presented as a receipt as WRONG_TYPE', async () => {
    const launch = await issueLaunchToken({ issuer, appId, profile: { id: 'user-1', name: 'Anna', phone: '+79990000001' }, key, now, jti: 'l-1' });
    await expectTokenError(verify(launch.token), TokenErrorCode.WRONG_TYPE);
    // Even with every receipt claim in it: the type alone decides.
    const dressed = await signJwt({ typ: LAUNCH_TOKEN_TYPE, key, claims: { ...(await goodClaims()), ...launch.claims } });
    await expectTokenError(verify(dressed), TokenErrorCode.WRONG_TYPE);
  });

  it('refuses a receipt presented as a launch token as WRONG_TYPE', async () => {
    const dressed = await issueReceipt(ring, facts, { issuer, now, jti: 'r-8' });
    await expectTokenError(verifyLaunchToken(dressed.token, { jwks, issuer, audience: appId, now: now + 1000 }), TokenErrorCode.WRONG_TYPE);
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

  it('refuses to issue a receipt it would not accept', async () => {
    for (const wrong of [{ amount: 0 }, { amount: 10.5 }, { currency: 'usd' }, { status: 'created' }, { status: 'failed' }, { failureReason: 'declined' }, { paymentId: '' }]) {
      await expectTokenError(issueReceipt(ring, { ...facts, ...wrong } as ReceiptFacts, { issuer, now, jti: 'r-9' }), wrong.status === 'failed' ? TokenErrorCode.MISSING_CLAIM : TokenErrorCode.MALFORMED);
    }
  });
});
