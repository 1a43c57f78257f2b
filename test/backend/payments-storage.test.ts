import { expect } from 'chai';
import { createIdbStore, DEMO_ISSUER, DemoSmsInbox, openDemoDatabase, startDemoBackend, type DemoBackend } from '../../demo/backend/index.ts';
import {
  BACKEND_SCHEMA,
  BackendError,
  createBackendApp,
  createBackendClient,
  cryptoRandom,
  DEMO_CONFIRMATION_CODE,
  SEED_APPS,
  SEED_USERS,
  systemClock,
  type BackendClient,
  type Store,
  type StoreTransaction,
} from '../../src/backend/index.ts';
import { verifyReceipt } from '../../src/tokens/index.ts';
import type { LiveTab } from './fixtures/live-tab.ts';
import { createLiveRecorder, deleteDatabase, openSecondTab } from './live-helpers.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;
const order = { orderId: 'order-77', amount: 99_900, currency: 'RUB', description: 'A birthday cake' };

async function codeOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return 'ok';
  } catch (error) {
    if (error instanceof BackendError || (error as { name?: string }).name === 'BackendError') return (error as BackendError).code;
    throw error;
  }
}

describe('payments and storage in the page (msw + IndexedDB, two tabs)', () => {
  const databaseName = `payments-storage-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  let backend: DemoBackend;
  let token: string;
  let client: BackendClient;
  let tab: LiveTab;
  let frame: HTMLIFrameElement;

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    client = createBackendClient({ baseUrl: '/api', getSessionToken: () => token });
    await client.requestCode(anna.phone);
    token = (await client.signIn(anna.phone, sms.latest(anna.phone)!.code)).sessionToken;
    ({ tab, frame } = await openSecondTab(databaseName));
    tab.session.token = token;
  });

  after(async () => {
    await tab.backend.stop();
    frame.remove();
    await backend.stop();
    await deleteDatabase(databaseName);
  });

  it('makes one payment of concurrent pays with one key from two tabs', async () => {
    const request = { ...order, idempotencyKey: 'two-tabs' };
    const answers = await Promise.all([
      client.createPayment(bakery.id, request),
      tab.client.createPayment(bakery.id, request),
      client.createPayment(bakery.id, request),
      tab.client.createPayment(bakery.id, request),
    ]);
    expect(new Set(answers.map((payment) => payment.paymentId)).size).to.equal(1);
    const stored = await backend.store.list('payments', {});
    expect(stored.filter((entry) => (entry.value as { idempotencyKey: string }).idempotencyKey === 'two-tabs')).to.have.length(1);
  });

  it('holds one key to one payment by the unique index of IndexedDB when a transaction misses the other writer', async () => {
    // A third backend over its own connection whose first read of the key sees nothing, as overlapping transactions could.
    const db = await openDemoDatabase(databaseName);
    try {
      const inner = createIdbStore(db, BACKEND_SCHEMA);
      let misses = 0;
      const blind: Store = {
        ...inner,
        transaction: (fn) =>
          inner.transaction((tx) =>
            fn({
              ...tx,
              findUnique: async (collection, field, value) => {
                if (collection === 'payments' && misses++ === 0) return undefined;
                return tx.findUnique(collection, field, value);
              },
            } as StoreTransaction),
          ),
      };
      const app = createBackendApp({ store: blind, clock: systemClock, random: cryptoRandom, keys: backend.keys, codeSender: () => undefined, issuer: DEMO_ISSUER });
      const blindClient = createBackendClient({ baseUrl: `${location.origin}/api`, fetch: (request) => app.fetch(request), getSessionToken: () => token });
      const request = { ...order, idempotencyKey: 'blind' };
      const first = await client.createPayment(bakery.id, request);
      // The blind writer finds nothing and inserts; the unique index refuses it; read again, it answers the winner.
      const again = await blindClient.createPayment(bakery.id, request);
      expect(misses).to.equal(2);
      expect(again.paymentId).to.equal(first.paymentId);
      const stored = await backend.store.list('payments', {});
      expect(stored.filter((entry) => (entry.value as { idempotencyKey: string }).idempotencyKey === 'blind')).to.have.length(1);
    } finally {
      db.close();
    }
  });

  it('runs the acquiring flow through msw, tells the other tab live, and signs a receipt that verifies against the JWKS', async () => {
    const recorder = createLiveRecorder();
    const subscription = tab.client.subscribe(recorder.handlers, { cursor: '0' });
    try {
      const created = await client.createPayment(bakery.id, { ...order, orderId: 'order-78' });
      expect(created.payee.legalName).to.equal(bakery.payee!.legalName);
      await client.confirmPayment(created.paymentId, 'require_3ds');
      expect(await codeOf(client.confirmPaymentCode(created.paymentId, '000000'))).to.equal('WRONG_CODE');
      const paid = await client.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE);
      expect(paid.status).to.equal('succeeded');
      await recorder.waitFor(
        () => recorder.events.some((event) => event.type === 'payment.updated' && event.data.status === 'succeeded' && event.data.paymentId === created.paymentId),
        'the other tab hears of the payment',
      );
      const claims = await verifyReceipt(paid.receipt!, { jwks: await client.jwks() }, { issuer: DEMO_ISSUER, audience: bakery.id, now: Date.now() });
      expect(claims).to.deep.include({ paymentId: created.paymentId, amount: 99_900, status: 'succeeded', sub: anna.id });
      expect(await tab.client.paymentStatus(created.paymentId, { appId: bakery.id })).to.deep.include({ status: 'succeeded', receipt: paid.receipt });
    } finally {
      subscription.close();
    }
  });

  it('takes 1,024 keys and no more, even when two tabs add the last ones at once', async () => {
    // 1,020 keys written straight to the store (as the route would: entries and their count together).
    await backend.store.transaction(async (tx) => {
      for (let i = 0; i < 1020; i++) await tx.put('appStorage', `${bakery.id}/${anna.id}/key-${i}`, { value: 'v' });
      await tx.put('appStorageUsage', `${bakery.id}/${anna.id}`, { keys: 1020 });
    });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => codeOf((i % 2 ? tab.client : client).storageSet(bakery.id, `new-${i}`, `value ${i}`))),
    );
    expect(outcomes.filter((outcome) => outcome === 'ok')).to.have.length(4);
    expect(outcomes.filter((outcome) => outcome === 'STORAGE_FULL')).to.have.length(6);
    expect((await client.storageKeys(bakery.id)).keys).to.have.length(1024);
    expect(await codeOf(client.storageSet(bakery.id, 'one-more', 'v'))).to.equal('STORAGE_FULL');
    // Overwriting at the limit is fine, and a removal makes room in the other tab at once.
    await client.storageSet(bakery.id, 'key-0', 'changed');
    await tab.client.storageRemove(bakery.id, ['key-1']);
    await client.storageSet(bakery.id, 'one-more', 'v');
    expect(await tab.client.storageGet(bakery.id, ['key-0', 'one-more', 'key-1'])).to.deep.equal({ values: { 'key-0': 'changed', 'one-more': 'v', 'key-1': null } });
  });
});
