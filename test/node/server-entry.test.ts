import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { revocationChecker, TokenErrorCode, verifyLaunchToken, verifyReceipt } from '../../src/server/index.ts';
import { issueReceipt } from '../../src/tokens/index.ts';
import { SEED_APPS, SEED_USERS } from '../../src/backend/index.ts';
import { expectTokenError, withClaims, withTamperedSignature } from '../tokens/helpers.ts';
import { createHarness, ISSUER, T0, type Harness } from '../backend/harness.ts';

const bakery = SEED_APPS[0]!;
const ivan = SEED_USERS[1]!;

/** Serves the backend app over real HTTP on 127.0.0.1 (GET only: that is all a partner needs). */
function listen(h: Harness): Promise<{ server: Server; apiUrl: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    void h.app.fetch(new Request(`http://127.0.0.1${req.url}`, { method: req.method })).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, apiUrl: `http://127.0.0.1:${port}/api`, requests });
    }),
  );
}

describe('the ./server entry for partner backends', () => {
  let h: Harness;
  let server: Server;
  let apiUrl: string;
  let requests: string[];

  beforeEach(async () => {
    h = await createHarness();
    ({ server, apiUrl, requests } = await listen(h));
  });

  afterEach(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  const testToken = () => h.client().partner.issueTestToken(bakery.id, { userId: ivan.id }, bakery.partnerKey);

  it('verifies a token against the host JWKS fetched over HTTP', async () => {
    const { token } = await testToken();
    const jwksUrl = `${apiUrl}/.well-known/jwks.json`;
    const claims = await verifyLaunchToken(token, { jwksUrl, issuer: ISSUER, audience: bakery.id, now: T0 });
    expect(claims).to.deep.include({ sub: ivan.id, phone: ivan.phone });
    expect(requests).to.deep.equal(['/api/.well-known/jwks.json']);

    await expectTokenError(verifyLaunchToken(withTamperedSignature(token), { jwksUrl, issuer: ISSUER, audience: bakery.id, now: T0 }), TokenErrorCode.BAD_SIGNATURE);
    await expectTokenError(verifyLaunchToken(token, { jwksUrl, issuer: ISSUER, audience: 'fitness', now: T0 }), TokenErrorCode.WRONG_AUDIENCE);
    expect(requests, 'the key set is cached').to.have.length(1);
  });

  it('verifies against a local JWKS', async () => {
    const { token } = await testToken();
    const jwks = await h.client().jwks();
    expect((await verifyLaunchToken(token, { jwks, issuer: ISSUER, audience: bakery.id, now: T0 })).sub).to.equal(ivan.id);
  });

  it('refuses a replaced token as REVOKED when asked to check revocation with the host', async () => {
    const first = await testToken();
    const second = await testToken();
    const jwks = await h.client().jwks();
    const isRevoked = revocationChecker(apiUrl);
    await expectTokenError(verifyLaunchToken(first.token, { jwks, issuer: ISSUER, audience: bakery.id, now: T0, isRevoked }), TokenErrorCode.REVOKED);
    expect((await verifyLaunchToken(second.token, { jwks, issuer: ISSUER, audience: bakery.id, now: T0, isRevoked })).jti).to.equal(second.jti);
    expect(requests.filter((url) => url.startsWith('/api/tokens/'))).to.have.length(2);
  });

  it('insists on exactly one source of keys', () => {
    expect(() => verifyLaunchToken('x.y.z', { issuer: ISSUER, audience: bakery.id })).to.throw(TypeError);
    expect(() => verifyReceipt('x.y.z', { issuer: ISSUER, audience: bakery.id })).to.throw(TypeError);
    expect(() => verifyReceipt('x.y.z', { jwks: { keys: [] }, jwksUrl: `${apiUrl}/.well-known/jwks.json`, issuer: ISSUER, audience: bakery.id })).to.throw(TypeError);
  });

  const receiptFor = async (appId: string) =>
    (
      await issueReceipt(
        await h.keys.ring(),
        { appId, userId: ivan.id, paymentId: 'pay-1', orderId: 'order-7', amount: 45_000, currency: 'RUB', status: 'succeeded' },
        { issuer: ISSUER, now: T0, jti: `receipt-${appId}` },
      )
    ).token;

  it('verifies a payment receipt against the host JWKS fetched over HTTP, sharing the cached key set', async () => {
    const jwksUrl = `${apiUrl}/.well-known/jwks.json`;
    const token = await receiptFor(bakery.id);
    const claims = await verifyReceipt(token, { jwksUrl, issuer: ISSUER, audience: bakery.id, now: T0 });
    expect(claims).to.deep.include({ sub: ivan.id, paymentId: 'pay-1', orderId: 'order-7', amount: 45_000, currency: 'RUB', status: 'succeeded' });

    const launch = await testToken();
    expect((await verifyLaunchToken(launch.token, { jwksUrl, issuer: ISSUER, audience: bakery.id, now: T0 })).sub).to.equal(ivan.id);
    expect(requests.filter((url) => url.endsWith('/jwks.json')), 'one fetch for both kinds of token').to.have.length(1);

    const verify = (candidate: string) => verifyReceipt(candidate, { jwksUrl, issuer: ISSUER, audience: bakery.id, now: T0 });
    await expectTokenError(verify(withClaims(token, (c) => (c.amount = 100))), TokenErrorCode.BAD_SIGNATURE);
    await expectTokenError(verify(withTamperedSignature(token)), TokenErrorCode.BAD_SIGNATURE);
    await expectTokenError(verify(await receiptFor('fitness')), TokenErrorCode.WRONG_AUDIENCE);
    await expectTokenError(verify(launch.token), TokenErrorCode.WRONG_TYPE);
    await expectTokenError(verifyLaunchToken(token, { jwksUrl, issuer: ISSUER, audience: bakery.id, now: T0 }), TokenErrorCode.WRONG_TYPE);
  });

  it('verifies a receipt against a local JWKS, with the real clock when no time is given', async () => {
    const jwks = await h.client().jwks();
    const claims = await verifyReceipt(await receiptFor(bakery.id), { jwks, issuer: ISSUER, audience: bakery.id });
    expect(claims.paymentId).to.equal('pay-1');
    await expectTokenError(verifyReceipt(await receiptFor(bakery.id), { jwks, issuer: 'https://evil.example', audience: bakery.id }), TokenErrorCode.WRONG_ISSUER);
  });
});
