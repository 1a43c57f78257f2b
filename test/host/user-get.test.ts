import { expect } from '@open-wc/testing';
import { SEED_USERS } from '../../src/backend/index.ts';
import { createUserHandlers } from '../../src/host/identity.ts';
import { verifyLaunchToken } from '../../src/tokens/index.ts';
import { createHarness, ISSUER, T0 } from '../backend/harness.ts';
import { FIXTURE_URL, openFixture } from '../helpers/frames.ts';

const anna = SEED_USERS[0]!;

describe('user.get across two origins', () => {
  it('gives the app on the other origin the profile and a token that verifies against the JWKS', async () => {
    const h = await createHarness();
    const client = h.client();
    await client.signInAs(anna.phone);
    const opened = await openFixture({
      app: { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['user'] },
      handlers: createUserHandlers(client),
    });
    try {
      await opened.run('connect');
      const user = await opened.run<{ profile: { id: string; phone: string }; launchToken: string }>('call', { method: 'user.get' });
      expect(user.profile).to.deep.include({ id: anna.id, phone: anna.phone });
      const claims = await verifyLaunchToken(user.launchToken, { jwks: await client.jwks(), issuer: ISSUER, audience: 'bakery', now: T0 });
      expect(claims.sub).to.equal(anna.id);
      expect(claims.phone).to.equal(anna.phone);
      // The token is for this app only.
      const elsewhere = await verifyLaunchToken(user.launchToken, { jwks: await client.jwks(), issuer: ISSUER, audience: 'fitness', now: T0 }).catch((e: any) => e);
      expect(elsewhere.code).to.equal('WRONG_AUDIENCE');
      // The log keeps the call but not the token.
      const entry = opened.host.callLog.entries.find((candidate) => candidate.method === 'user.get')!;
      expect(entry.outcome).to.equal('ok');
      expect(JSON.stringify(entry)).not.to.include(user.launchToken);
    } finally {
      await opened.dispose();
    }
  });

  it('answers UNAUTHORIZED to the app when the user’s session has ended', async () => {
    const h = await createHarness();
    const client = h.client();
    await client.signInAs(anna.phone);
    const opened = await openFixture({
      app: { id: 'bakery', name: 'Corner Bakery', url: FIXTURE_URL, capabilities: ['user'] },
      handlers: createUserHandlers(client),
    });
    try {
      await opened.run('connect');
      await client.signOut();
      const error = await opened.run('call', { method: 'user.get' }).catch((e: any) => e);
      expect(error.code).to.equal('UNAUTHORIZED');
    } finally {
      await opened.dispose();
    }
  });
});
