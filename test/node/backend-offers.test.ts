import { expect } from 'chai';
import { SEED_APPS, SEED_USERS } from '../../src/backend/index.ts';
import { createHarness, expectBackendError, T0, type Harness } from '../backend/harness.ts';

const [anna, ivan] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];
const bakery = SEED_APPS[0]!;

describe('backend: offers and their acceptance', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('serves the current offer of an app', async () => {
    const offer = await h.client().getOffer(bakery.id);
    expect(offer).to.deep.equal({
      appId: bakery.id,
      version: 1,
      title: bakery.offer.title,
      text: bakery.offer.text,
      publishedAt: new Date(T0).toISOString(),
    });
  });

  it('records an acceptance with its version, per user', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    expect(await client.getOfferAcceptance(bakery.id)).to.deep.equal({
      appId: bakery.id,
      currentVersion: 1,
      acceptedVersion: null,
      accepted: false,
      acceptedAt: null,
    });
    h.clock.advance(1000);
    const accepted = await client.acceptOffer(bakery.id, 1);
    expect(accepted).to.deep.equal({
      appId: bakery.id,
      currentVersion: 1,
      acceptedVersion: 1,
      accepted: true,
      acceptedAt: new Date(T0 + 1000).toISOString(),
    });
    expect(await client.getOfferAcceptance(bakery.id)).to.deep.equal(accepted);

    const other = h.client();
    await other.signInAs(ivan.phone);
    expect((await other.getOfferAcceptance(bakery.id)).accepted).to.equal(false);
  });

  it('asks again after the partner replaces the offer', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    await client.acceptOffer(bakery.id, 1);
    const next = await client.partner.publishOffer(bakery.id, { title: 'New terms', text: 'Delivery now costs less.' }, bakery.partnerKey);
    expect(next.version).to.equal(2);
    expect((await client.getOffer(bakery.id)).title).to.equal('New terms');
    expect(await client.getOfferAcceptance(bakery.id)).to.deep.include({ accepted: false, acceptedVersion: 1, currentVersion: 2 });
  });

  it('refuses to accept a version that is no longer current', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    await client.partner.publishOffer(bakery.id, { title: 'New terms', text: 'Changed.' }, bakery.partnerKey);
    const error = await expectBackendError(client.acceptOffer(bakery.id, 1), 'OFFER_CHANGED', 409);
    expect(error.details).to.deep.equal({ currentVersion: 2 });
    expect((await client.getOfferAcceptance(bakery.id)).acceptedVersion).to.equal(null);
  });

  it('needs a session to read or record an acceptance, and a partner key to publish', async () => {
    const client = h.client();
    await expectBackendError(client.getOfferAcceptance(bakery.id), 'UNAUTHORIZED', 401);
    await expectBackendError(client.acceptOffer(bakery.id, 1), 'UNAUTHORIZED', 401);
    await expectBackendError(client.partner.publishOffer(bakery.id, { title: 'x', text: 'y' }, 'wrong'), 'UNAUTHORIZED', 401);
    expect((await client.getOffer(bakery.id)).version).to.equal(1);
  });

  it('answers APP_NOT_FOUND for an unknown app', async () => {
    await expectBackendError(h.client().getOffer('ghost-app'), 'APP_NOT_FOUND', 404);
  });
});
