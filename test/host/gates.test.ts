import { expect } from 'chai';
import { createIdbKeys, createIdbStore, openDemoDatabase, type DemoDatabase } from '../../demo/backend/index.ts';
import { BACKEND_SCHEMA, BackendError, SEED_APPS, SEED_USERS, type OfferResponse } from '../../src/backend/index.ts';
import { runLaunchGates, type LaunchGateUi } from '../../src/host/gates.ts';
import { createFakeClock, createHarness, type Harness, type SessionClient } from '../backend/harness.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS[0]!;

interface FakeUi extends LaunchGateUi {
  signInCalls: { appId: string; route: string }[];
  offersShown: OfferResponse[];
}

function fakeUi(behaviour: { signIn?: () => Promise<boolean | void>; accept?: boolean | (() => Promise<boolean>) }): FakeUi {
  const ui: FakeUi = {
    signInCalls: [],
    offersShown: [],
    async signIn(request) {
      ui.signInCalls.push(request);
      if (!behaviour.signIn) throw new Error('sign-in was not expected');
      return behaviour.signIn();
    },
    async showOffer(offer) {
      ui.offersShown.push(offer);
      const { accept } = behaviour;
      if (accept === undefined) throw new Error('the offer was not expected');
      return typeof accept === 'function' ? accept() : accept;
    },
  };
  return ui;
}

describe('launch gates: sign-in, then the offer', () => {
  let h: Harness;
  let client: SessionClient;

  beforeEach(async () => {
    h = await createHarness();
    client = h.client();
  });

  it('sends a signed-out user to sign in, then asks for the offer, then lets the app open', async () => {
    const ui = fakeUi({ signIn: () => client.signInAs(anna.phone), accept: true });
    const result = await runLaunchGates({ appId: bakery.id, route: '/orders/42', client, ui });
    expect(result).to.deep.equal({ status: 'ok' });
    expect(ui.signInCalls).to.deep.equal([{ appId: bakery.id, route: '/orders/42' }]);
    expect(ui.offersShown.map((offer) => [offer.appId, offer.version])).to.deep.equal([[bakery.id, 1]]);
  });

  it('does not ask a signed-in user to sign in', async () => {
    await client.signInAs(anna.phone);
    await client.acceptOffer(bakery.id, 1);
    const ui = fakeUi({});
    expect(await runLaunchGates({ appId: bakery.id, client, ui })).to.deep.equal({ status: 'ok' });
    expect(ui.signInCalls).to.have.length(0);
  });

  it('answers signed-out when the user gives up signing in, by false or by rejecting, and shows no offer', async () => {
    for (const giveUp of [async () => false, async () => Promise.reject(new Error('closed'))]) {
      const ui = fakeUi({ signIn: giveUp, accept: true });
      expect(await runLaunchGates({ appId: bakery.id, client, ui })).to.deep.equal({ status: 'signed-out' });
      expect(ui.offersShown).to.have.length(0);
    }
  });

  it('answers signed-out when sign-in resolves but no session appeared', async () => {
    const ui = fakeUi({ signIn: async () => true, accept: true });
    expect(await runLaunchGates({ appId: bakery.id, client, ui })).to.deep.equal({ status: 'signed-out' });
  });

  it('answers declined when the offer is declined, and records nothing', async () => {
    await client.signInAs(anna.phone);
    const ui = fakeUi({ accept: false });
    expect(await runLaunchGates({ appId: bakery.id, client, ui })).to.deep.equal({ status: 'declined' });
    expect((await client.getOfferAcceptance(bakery.id)).acceptedVersion).to.equal(null);
  });

  it('records an accepted offer with its version and does not ask again', async () => {
    await client.signInAs(anna.phone);
    const first = fakeUi({ accept: true });
    expect(await runLaunchGates({ appId: bakery.id, client, ui: first })).to.deep.equal({ status: 'ok' });
    expect(await client.getOfferAcceptance(bakery.id)).to.deep.include({ accepted: true, acceptedVersion: 1 });

    const second = fakeUi({});
    expect(await runLaunchGates({ appId: bakery.id, client, ui: second })).to.deep.equal({ status: 'ok' });
    expect(second.offersShown).to.have.length(0);
  });

  it('asks again when the partner publishes a new version of the offer', async () => {
    await client.signInAs(anna.phone);
    await client.acceptOffer(bakery.id, 1);
    await client.partner.publishOffer(bakery.id, { title: 'New terms', text: 'Changed.' }, bakery.partnerKey);
    const ui = fakeUi({ accept: true });
    expect(await runLaunchGates({ appId: bakery.id, client, ui })).to.deep.equal({ status: 'ok' });
    expect(ui.offersShown.map((offer) => [offer.version, offer.title])).to.deep.equal([[2, 'New terms']]);
    expect((await client.getOfferAcceptance(bakery.id)).acceptedVersion).to.equal(2);
  });

  it('shows the new offer when it changed while the old one was on screen', async () => {
    await client.signInAs(anna.phone);
    let shown = 0;
    const ui = fakeUi({
      accept: async () => {
        if (shown++ === 0) await client.partner.publishOffer(bakery.id, { title: 'Meanwhile', text: 'Changed.' }, bakery.partnerKey);
        return true;
      },
    });
    expect(await runLaunchGates({ appId: bakery.id, client, ui })).to.deep.equal({ status: 'ok' });
    expect(ui.offersShown.map((offer) => offer.version)).to.deep.equal([1, 2]);
    expect((await client.getOfferAcceptance(bakery.id)).acceptedVersion).to.equal(2);
  });

  it('reports an error at the offer step for an unknown app', async () => {
    await client.signInAs(anna.phone);
    const result = await runLaunchGates({ appId: 'ghost-app', client, ui: fakeUi({}) });
    expect(result.status).to.equal('error');
    if (result.status !== 'error') return;
    expect(result.step).to.equal('offer');
    expect(result.error).to.be.instanceOf(BackendError).with.property('code', 'APP_NOT_FOUND');
  });
});

describe('launch gates across a reload', () => {
  const name = `gates-${crypto.randomUUID()}`;
  const opened: DemoDatabase[] = [];
  const clock = createFakeClock();

  async function boot() {
    const db = await openDemoDatabase(name);
    opened.push(db);
    return createHarness({ store: createIdbStore(db, BACKEND_SCHEMA), keys: createIdbKeys(db, clock), clock });
  }

  after(() => {
    for (const db of opened) db.close();
    indexedDB.deleteDatabase(name);
  });

  it('remembers the acceptance after the client and the store are created anew', async () => {
    const before = await boot();
    const client = before.client();
    await client.signInAs(anna.phone);
    expect(await runLaunchGates({ appId: bakery.id, client, ui: fakeUi({ accept: true }) })).to.deep.equal({ status: 'ok' });
    opened.at(-1)!.close();

    const after = await boot();
    const reloaded = after.client();
    reloaded.session.token = client.session.token;
    const ui = fakeUi({});
    expect(await runLaunchGates({ appId: bakery.id, client: reloaded, ui })).to.deep.equal({ status: 'ok' });
    expect(ui.signInCalls).to.have.length(0);
    expect(ui.offersShown).to.have.length(0);
  });
});
