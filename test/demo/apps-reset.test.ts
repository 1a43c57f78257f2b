import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DemoSmsInbox, startDemoBackend } from '../../demo/backend/index.ts';
import { resetDemo, type DemoReset } from '../../demo/shell/demo-reset.ts';
import '../../demo/shell/demo-reset.ts';
import { createBackendClient, SEED_APPS } from '../../src/backend/index.ts';

/*
 * The reset wipes every IndexedDB database of the origin and the page's storage. Here the page is
 * not reloaded (that would end the test): the backend is stopped instead, which is what a reload
 * does to its connections, and started again as the next page would.
 */
describe('resetting the demo', () => {
  it('brings back the seeded state after the demo has been used', async function () {
    this.timeout(30_000);
    const databaseName = `reset-${crypto.randomUUID()}`;
    const sms = new DemoSmsInbox();
    let session: string | null = null;
    const client = createBackendClient({ baseUrl: '/api', getSessionToken: () => session });
    let backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    await client.requestCode('+79990000001');
    session = (await client.signIn('+79990000001', sms.latest('+79990000001')!.code)).sessionToken;
    await client.storageSet('service-desk', 'requests', '["r-1"]');
    await client.acceptOffer('bakery', 1);

    const storage = { cleared: 0, clear() { this.cleared++; } };
    let reloads = 0;
    const outcomes = await resetDemo({ indexedDB, storages: [storage], reload: () => void reloads++ });
    expect(outcomes[databaseName], JSON.stringify(outcomes)).to.be.oneOf(['blocked', 'deleted']);
    expect(Object.keys(outcomes)).to.include(`${databaseName}-blobs`);
    expect([storage.cleared, reloads]).to.deep.equal([1, 1]);

    await backend.stop();
    backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    try {
      // The old session is gone with the records; the seed is back.
      const me = await client.me().catch((error: { code?: string }) => error.code);
      expect(me).to.equal('UNAUTHORIZED');
      await client.requestCode('+79990000001');
      session = (await client.signIn('+79990000001', sms.latest('+79990000001')!.code)).sessionToken;
      expect((await client.storageGet('service-desk', ['requests'])).values.requests).to.equal(null);
      expect((await client.getOfferAcceptance('bakery')).accepted).to.equal(false);
      const offers = await Promise.all(SEED_APPS.map((app) => client.getOffer(app.id)));
      expect(offers.map((offer) => offer.title)).to.deep.equal(SEED_APPS.map((app) => app.offer.title));
    } finally {
      await backend.stop();
      indexedDB.deleteDatabase(databaseName);
      indexedDB.deleteDatabase(`${databaseName}-blobs`);
    }
  });

  it('asks once more before wiping, and reports a failure', async () => {
    const element = await fixture<DemoReset>(html`<demo-reset locale="en"></demo-reset>`);
    let asked = 0;
    element.targets = {
      indexedDB: { databases: async () => [{ name: 'x', version: 1 }], deleteDatabase: () => { asked++; throw new Error('refused'); } },
      storages: [],
      reload: () => undefined,
    };
    const button = (action: string) => element.shadowRoot!.querySelector<HTMLElement>(`[data-action=${action}]`);
    expect(button('reset-confirm')).to.equal(null);
    button('reset')!.click();
    await element.updateComplete;
    button('reset-cancel')!.click();
    await element.updateComplete;
    expect(button('reset-confirm')).to.equal(null);
    button('reset')!.click();
    await element.updateComplete;
    button('reset-confirm')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('[role=alert]'), 'no failure shown');
    expect(asked).to.equal(1);
    expect(element.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('refused');
    await expect(element).to.be.accessible();
  });
});
