import { expect } from 'chai';
import { SEED_APPS, SEED_USERS } from '../../src/backend/index.ts';
import { HostError } from '../../src/host/host-error.ts';
import { createUserHandlers } from '../../src/host/identity.ts';
import { verifyLaunchToken } from '../../src/tokens/index.ts';
import { createHarness, ISSUER, T0, type Harness } from '../backend/harness.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS[0]!;

describe('identity: the user.get handler', () => {
  let h: Harness;
  const context = (appId: string, signal = new AbortController().signal) => ({ appId, appName: appId, launchId: 'launch-1', signal });

  beforeEach(async () => {
    h = await createHarness();
  });

  it('answers the profile and a launch token for the calling app', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    const info = await createUserHandlers(client)['user.get'](undefined, context(bakery.id));
    expect(info.profile).to.deep.include({ id: anna.id, phone: anna.phone, name: anna.name });
    const claims = await verifyLaunchToken(info.launchToken, { jwks: await client.jwks(), issuer: ISSUER, audience: bakery.id, now: T0 });
    expect(claims.sub).to.equal(anna.id);
  });

  it('revokes the token it answered before for the same app', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    const handler = createUserHandlers(client)['user.get'];
    const first = await handler(undefined, context(bakery.id));
    await handler(undefined, context(bakery.id));
    const jti = JSON.parse(atob(first.launchToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).jti as string;
    expect((await client.tokenStatus(jti)).status).to.equal('revoked');
  });

  it('answers UNAUTHORIZED once the session has ended', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    await client.signOut();
    let caught: unknown;
    try {
      await createUserHandlers(client)['user.get'](undefined, context(bakery.id));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(HostError).with.property('code', 'UNAUTHORIZED');
  });

  it('answers INTERNAL, without backend details, when the backend refuses otherwise', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    let caught: unknown;
    try {
      await createUserHandlers(client)['user.get'](undefined, context('ghost-app'));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(HostError).with.property('code', 'INTERNAL');
    expect((caught as HostError).message).to.not.contain('ghost-app');
  });
});
