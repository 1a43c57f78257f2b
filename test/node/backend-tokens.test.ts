import { expect } from 'chai';
import { createMemoryKeys, SEED_APPS, SEED_USERS } from '../../src/backend/index.ts';
import { LAUNCH_TOKEN_TTL_MS, TokenErrorCode, verifyLaunchToken } from '../../src/tokens/index.ts';
import { expectTokenError } from '../tokens/helpers.ts';
import { createFakeClock, createHarness, expectBackendError, expectErrorBody, ISSUER, T0, type Harness } from '../backend/harness.ts';

const [anna, ivan] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];
const bakery = SEED_APPS[0]!;
const fitness = SEED_APPS[1]!;

describe('backend: launch tokens', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('issues a token for the session user and the app, verifiable against the published JWKS', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    const issued = await client.issueLaunchToken(bakery.id);
    expect(issued.expiresAt).to.equal(new Date(T0 + LAUNCH_TOKEN_TTL_MS).toISOString());
    expect(issued.profile).to.deep.include({ id: anna.id, phone: anna.phone });

    const jwks = await client.jwks();
    expect(jwks.keys).to.have.length(1);
    const claims = await verifyLaunchToken(issued.token, { jwks, issuer: ISSUER, audience: bakery.id, now: T0 });
    expect(claims).to.deep.include({ sub: anna.id, aud: bakery.id, jti: issued.jti, phone: anna.phone, name: anna.name });
    expect(claims.premises).to.deep.equal({ id: 'premises-sp-12', title: 'Flat 12' });
    expect(claims.object).to.deep.equal({ id: 'object-sunny-park', title: 'Sunny Park, building 1' });
    expect((await client.tokenStatus(issued.jti)).status).to.equal('valid');
  });

  it('issues tokens only for apps the user may open: Testing for its testers, never a draft, one on moderation or an inactive one', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    for (const [appId, status] of [['bakery-beta', 'testing'], ['bakery-loyalty', 'on-moderation'], ['parking', 'inactive']] as const) {
      const refused = await expectBackendError(client.issueLaunchToken(appId), 'APP_NOT_AVAILABLE', 403);
      expect(refused.details, appId).to.deep.equal({ status });
    }
    const tester = h.client();
    await tester.signInAs(ivan.phone);
    expect((await tester.issueLaunchToken('bakery-beta')).profile.id).to.equal(ivan.id);
    await expectBackendError(tester.issueLaunchToken('parking'), 'APP_NOT_AVAILABLE', 403);
  });

  it('revokes the previous token of the same user and app, and only that one', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    const first = await client.issueLaunchToken(bakery.id);
    const other = await client.issueLaunchToken(fitness.id);
    const second = await client.issueLaunchToken(bakery.id);
    expect(first.revoked).to.equal(undefined);
    expect(second.revoked).to.equal(first.jti);

    const firstStatus = await client.tokenStatus(first.jti);
    expect(firstStatus).to.deep.include({ status: 'revoked', revokedAt: new Date(T0).toISOString(), userId: anna.id, appId: bakery.id });
    expect((await client.tokenStatus(second.jti)).status).to.equal('valid');
    expect((await client.tokenStatus(other.jti)).status).to.equal('valid');

    const isRevoked = async (jti: string) => (await client.tokenStatus(jti)).status === 'revoked';
    const jwks = await client.jwks();
    await expectTokenError(
      verifyLaunchToken(first.token, { jwks, issuer: ISSUER, audience: bakery.id, now: T0, isRevoked }),
      TokenErrorCode.REVOKED,
    );
    expect((await verifyLaunchToken(second.token, { jwks, issuer: ISSUER, audience: bakery.id, now: T0, isRevoked })).jti).to.equal(second.jti);
  });

  it('keeps one live token per user and app even when issued concurrently', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    const issued = await Promise.all([1, 2, 3].map(() => client.issueLaunchToken(bakery.id)));
    const statuses = await Promise.all(issued.map((token) => client.tokenStatus(token.jti)));
    expect(statuses.filter((status) => status.status === 'valid')).to.have.length(1);
  });

  it('reports a token as expired after 24 hours', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    const issued = await client.issueLaunchToken(bakery.id);
    h.clock.advance(LAUNCH_TOKEN_TTL_MS);
    expect((await client.tokenStatus(issued.jti)).status).to.equal('expired');
  });

  it('refuses to issue without a session, and for an unknown app', async () => {
    const client = h.client();
    await expectBackendError(client.issueLaunchToken(bakery.id), 'UNAUTHORIZED', 401);
    await client.signInAs(anna.phone);
    await expectBackendError(client.issueLaunchToken('no-such-app'), 'APP_NOT_FOUND', 404);
  });

  it('answers TOKEN_NOT_FOUND for an unknown jti', async () => {
    await expectBackendError(h.client().tokenStatus('00000000-0000-4000-8000-000000000000'), 'TOKEN_NOT_FOUND', 404);
  });

  it('publishes the old and the new key during a rotation', async () => {
    const clock = createFakeClock();
    const keys = createMemoryKeys(clock);
    h = await createHarness({ clock, keys });
    const client = h.client();
    await client.signInAs(anna.phone);
    const before = await client.issueLaunchToken(bakery.id);
    await keys.rotate();
    const after = await client.issueLaunchToken(fitness.id);
    const jwks = await client.jwks();
    expect(jwks.keys).to.have.length(2);
    for (const [token, audience] of [[before.token, bakery.id], [after.token, fitness.id]] as const) {
      expect((await verifyLaunchToken(token, { jwks, issuer: ISSUER, audience, now: T0 })).sub).to.equal(anna.id);
    }
    const response = await h.request('GET', '/.well-known/jwks.json');
    expect(response.headers.get('Content-Type')).to.contain('application/json');
    expect(JSON.stringify(await response.json())).to.not.contain('"d"');
  });
});

describe('backend: test tokens for partners', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('issues a test token for a chosen user and premises, marked as a test', async () => {
    const client = h.client();
    const issued = await client.partner.issueTestToken(bakery.id, { userId: ivan.id, premisesId: 'premises-rs-7' }, bakery.partnerKey);
    const claims = await verifyLaunchToken(issued.token, { jwks: await client.jwks(), issuer: ISSUER, audience: bakery.id, now: T0 });
    expect(claims).to.deep.include({ sub: ivan.id, phone: ivan.phone, test: true });
    expect(claims.premises).to.deep.equal({ id: 'premises-rs-7', title: 'Flat 7' });
    expect(claims.object).to.deep.equal({ id: 'object-riverside', title: 'Riverside, building 3' });
    expect(claims.exp - claims.iat).to.equal(24 * 3600);
    expect((await client.tokenStatus(issued.jti)).test).to.equal(true);
  });

  it('lives until the next token for the same user and app', async () => {
    const client = h.client();
    const first = await client.partner.issueTestToken(bakery.id, { userId: ivan.id }, bakery.partnerKey);
    const second = await client.partner.issueTestToken(bakery.id, { userId: ivan.id, premisesId: 'premises-rs-7' }, bakery.partnerKey);
    expect(second.revoked).to.equal(first.jti);
    expect((await client.tokenStatus(first.jti)).status).to.equal('revoked');
    expect((await client.tokenStatus(second.jti)).status).to.equal('valid');
  });

  it('needs the partner key of that very app', async () => {
    const client = h.client();
    await expectBackendError(client.partner.issueTestToken(bakery.id, { userId: ivan.id }, fitness.partnerKey), 'UNAUTHORIZED', 401);
    await expectErrorBody(await h.request('POST', `/partner/apps/${bakery.id}/test-tokens`, { body: { userId: ivan.id } }), 401, 'UNAUTHORIZED');
    expect(await h.store.list('launchTokens')).to.have.length(0);
  });

  it('refuses an unknown user or premises with a 400 and issues nothing', async () => {
    const client = h.client();
    await expectBackendError(client.partner.issueTestToken(bakery.id, { userId: 'nobody' }, bakery.partnerKey), 'UNKNOWN_USER', 400);
    await expectBackendError(
      client.partner.issueTestToken(bakery.id, { userId: ivan.id, premisesId: 'premises-sp-12' }, bakery.partnerKey),
      'UNKNOWN_PREMISES',
      400,
    );
    expect(await h.store.list('launchTokens')).to.have.length(0);
  });
});
