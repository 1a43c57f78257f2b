import { expect } from 'chai';
import { decodeJwt } from 'jose';
import {
  Audience,
  BACKEND_SCHEMA,
  createMemoryStore,
  DEMO_CONFIRMATION_CODE,
  SEED_APPS,
  SEED_USERS,
  type AppRecord,
  type OutboxEventRecord,
  type PaymentRecord,
  type PaymentResponse,
  type Store,
  type StoreTransaction,
} from '../../src/backend/index.ts';
import { createKeyRing, generateSigningKey, LAUNCH_TOKEN_TTL_MS, retireKey, rotateKeyRing, TokenErrorCode, verifyReceipt, type KeyRing } from '../../src/tokens/index.ts';
import { expectTokenError } from '../tokens/helpers.ts';
import { createFakeClock, createHarness, expectBackendError, expectErrorBody, ISSUER, T0, type Harness, type SessionClient } from '../backend/harness.ts';

const [anna, ivan] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;
const fitness = SEED_APPS.find((app) => app.id === 'fitness')!;
const utilities = SEED_APPS.find((app) => app.id === 'utilities')!;

const order = (overrides: Record<string, unknown> = {}) => ({
  orderId: 'order-1001',
  amount: 125_050,
  currency: 'RUB',
  description: 'Two croissants and a baguette',
  ...overrides,
});

describe('backend: payments', () => {
  let h: Harness;
  let client: SessionClient;
  beforeEach(async () => {
    h = await createHarness();
    client = h.client();
    await client.signInAs(anna.phone);
  });

  const payments = () => h.store.list<PaymentRecord>('payments');
  const eventsOf = async (userId: string) =>
    (await h.store.list<OutboxEventRecord>('outbox')).map((entry) => entry.value).filter((event) => event.audiences.includes(Audience.user(userId)));

  describe('creating', () => {
    it('creates a payment in created, with the payee from the app record', async () => {
      const payment = await client.createPayment(bakery.id, order());
      expect(payment).to.deep.include({
        appId: bakery.id,
        orderId: 'order-1001',
        amount: 125_050,
        currency: 'RUB',
        description: 'Two croissants and a baguette',
        status: 'created',
        idempotencyKey: 'order:order-1001',
        createdAt: new Date(T0).toISOString(),
      });
      expect(payment.payee).to.deep.equal({
        legalName: bakery.payee!.legalName,
        taxId: bakery.payee!.taxId,
        bankAccount: bakery.bankAccount,
      });
      expect(payment.receipt).to.equal(undefined);
      expect(payment.paymentId).to.match(/^[0-9a-f-]{36}$/);
      const stored = await payments();
      expect(stored).to.have.length(1);
      expect(stored[0]!.value).to.deep.include({ userId: anna.id, scope: 'bakery:user-anna:order%3Aorder-1001' });
    });

    it('answers a repeat with the same key with the same payment, never a second one', async () => {
      const first = await client.createPayment(bakery.id, order({ idempotencyKey: 'tap-1' }));
      const again = await client.createPayment(bakery.id, order({ idempotencyKey: 'tap-1', description: 'Another label' }));
      expect(again.paymentId).to.equal(first.paymentId);
      expect(again.description).to.equal(first.description);
      expect(await payments()).to.have.length(1);
    });

    it('makes one payment of ten concurrent requests with one key (ten tabs)', async () => {
      const tabs = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const tab = h.client();
          tab.session.token = client.session.token;
          return tab.createPayment(bakery.id, order({ idempotencyKey: 'two-tabs' }));
        }),
      );
      expect(new Set(tabs.map((payment) => payment.paymentId)).size).to.equal(1);
      expect(await payments()).to.have.length(1);
    });

    it('keeps one key to one payment by the unique field even when a transaction misses the other writer', async () => {
      // An adapter whose transactions overlap (snapshot isolation) can let both writers read nothing.
      const inner = createMemoryStore(BACKEND_SCHEMA);
      let blind = 2;
      const store: Store = {
        ...inner,
        transaction: (fn) =>
          inner.transaction((tx) => {
            const seeing: StoreTransaction = {
              ...tx,
              findUnique: async (collection, field, value) => (collection === 'payments' && blind-- > 0 ? undefined : tx.findUnique(collection, field, value)),
            };
            return fn(seeing);
          }),
      };
      h = await createHarness({ store });
      client = h.client();
      await client.signInAs(anna.phone);
      const [one, two] = await Promise.all([
        client.createPayment(bakery.id, order({ idempotencyKey: 'k' })),
        client.createPayment(bakery.id, order({ idempotencyKey: 'k' })),
      ]);
      expect(two.paymentId).to.equal(one.paymentId);
      expect(await inner.list('payments')).to.have.length(1);
    });

    for (const [field, change] of [
      ['amount', { amount: 125_051 }],
      ['currency', { currency: 'EUR' }],
      ['orderId', { orderId: 'order-2002' }],
    ] as const) {
      it(`refuses the same key with another ${field} (409 IDEMPOTENCY_CONFLICT)`, async () => {
        const first = await client.createPayment(bakery.id, order({ idempotencyKey: 'same-key' }));
        const error = await expectBackendError(client.createPayment(bakery.id, order({ idempotencyKey: 'same-key', ...change })), 'IDEMPOTENCY_CONFLICT', 409);
        expect(error.details).to.deep.equal({ field, paymentId: first.paymentId });
        expect(await payments()).to.have.length(1);
      });
    }

    it('scopes keys per user and app: the same key elsewhere is another payment', async () => {
      const mine = await client.createPayment(bakery.id, order({ idempotencyKey: 'k' }));
      const otherApp = await client.createPayment(fitness.id, order({ idempotencyKey: 'k' }));
      const other = h.client();
      await other.signInAs(ivan.phone);
      const otherUser = await other.createPayment(bakery.id, order({ idempotencyKey: 'k' }));
      expect(new Set([mine.paymentId, otherApp.paymentId, otherUser.paymentId]).size).to.equal(3);
    });

    describe('without a key of the app (the order id is the key)', () => {
      it('answers a repeat while the payment is in progress with that payment', async () => {
        const first = await client.createPayment(bakery.id, order());
        await client.confirmPayment(first.paymentId, 'require_3ds');
        const again = await client.createPayment(bakery.id, order());
        expect(again).to.deep.include({ paymentId: first.paymentId, status: 'awaiting_confirmation' });
      });

      it('never charges a succeeded order again: a repeat answers the succeeded payment', async () => {
        const first = await client.createPayment(bakery.id, order());
        const paid = await client.confirmPayment(first.paymentId, 'succeed');
        const again = await client.createPayment(bakery.id, order());
        expect(again).to.deep.include({ paymentId: first.paymentId, status: 'succeeded', receipt: paid.receipt });
        expect(await payments()).to.have.length(1);
      });

      for (const end of ['decline', 'cancel'] as const) {
        it(`allows a new attempt after a ${end === 'decline' ? 'failed' : 'cancelled'} one`, async () => {
          const first = await client.createPayment(bakery.id, order());
          if (end === 'decline') await client.confirmPayment(first.paymentId, 'decline');
          else await client.cancelPayment(first.paymentId);
          const retry = await client.createPayment(bakery.id, order());
          expect(retry.paymentId).to.not.equal(first.paymentId);
          expect(retry.status).to.equal('created');
          // The ended attempt keeps its own record and receipt.
          expect((await client.paymentStatus(first.paymentId)).status).to.equal(end === 'decline' ? 'failed' : 'cancelled');
          expect(await client.createPayment(bakery.id, order())).to.deep.include({ paymentId: retry.paymentId });
        });
      }

      it('makes one new attempt of concurrent retries after a decline', async () => {
        const first = await client.createPayment(bakery.id, order());
        await client.confirmPayment(first.paymentId, 'decline');
        const retries = await Promise.all([1, 2, 3].map(() => client.createPayment(bakery.id, order())));
        expect(new Set(retries.map((payment) => payment.paymentId)).size).to.equal(1);
        expect(await payments()).to.have.length(2);
      });

      it('still refuses the same order with another amount while it is in progress', async () => {
        await client.createPayment(bakery.id, order());
        await expectBackendError(client.createPayment(bakery.id, order({ amount: 1 })), 'IDEMPOTENCY_CONFLICT', 409);
      });
    });

    it('keeps an app key to its payment after a failure: the same key answers the failed payment', async () => {
      const first = await client.createPayment(bakery.id, order({ idempotencyKey: 'attempt-1' }));
      await client.confirmPayment(first.paymentId, 'decline');
      expect(await client.createPayment(bakery.id, order({ idempotencyKey: 'attempt-1' }))).to.deep.include({
        paymentId: first.paymentId,
        status: 'failed',
        failureReason: 'declined',
      });
      const second = await client.createPayment(bakery.id, order({ idempotencyKey: 'attempt-2' }));
      expect(second.paymentId).to.not.equal(first.paymentId);
    });

    it('takes the payee of an app record written before the catalog from the seed, keeping its offer version', async () => {
      const store = createMemoryStore(BACKEND_SCHEMA);
      await store.put('apps', bakery.id, { id: bakery.id, title: 'Renamed bakery', partnerKeyHash: 'x', offer: { version: 3, title: 't', text: 't', publishedAt: '2025-01-01T00:00:00.000Z' } });
      h = await createHarness({ store });
      client = h.client();
      await client.signInAs(anna.phone);
      const migrated = await store.get<AppRecord>('apps', bakery.id);
      expect(migrated).to.deep.include({ name: bakery.name, organisationId: 'org-bakery', status: 'active', payee: bakery.payee, takesPayments: true });
      expect(migrated!.offer).to.include({ version: 3, title: 't', text: 't' });
      expect(migrated).not.to.have.property('title');
      expect((await client.createPayment(bakery.id, order())).payee.legalName).to.equal(bakery.payee!.legalName);
    });

    it('refuses an app that takes no payments, an unknown app, and a request without a session', async () => {
      await expectBackendError(client.createPayment(utilities.id, order()), 'PAYMENTS_DISABLED', 403);
      await expectBackendError(client.createPayment('ghost-app', order()), 'APP_NOT_FOUND', 404);
      await expectBackendError(h.client().createPayment(bakery.id, order()), 'UNAUTHORIZED', 401);
      expect(await payments()).to.deep.equal([]);
    });
  });

  describe('the acquiring flow through HTTP', () => {
    const verify = async (receipt: string, audience = bakery.id) => verifyReceipt(receipt, { jwks: await client.jwks() }, { issuer: ISSUER, audience, now: h.clock.now() });

    it('succeeds from the bank page, with a receipt that verifies against the JWKS and not for another app', async () => {
      const created = await client.createPayment(bakery.id, order());
      h.clock.advance(5_000);
      const paid = await client.confirmPayment(created.paymentId, 'succeed');
      expect(paid).to.deep.include({ status: 'succeeded', updatedAt: new Date(T0 + 5_000).toISOString() });
      const claims = await verify(paid.receipt!);
      expect(claims).to.deep.include({
        iss: ISSUER,
        aud: bakery.id,
        sub: anna.id,
        paymentId: created.paymentId,
        orderId: 'order-1001',
        amount: 125_050,
        currency: 'RUB',
        status: 'succeeded',
      });
      await expectTokenError(verify(paid.receipt!, fitness.id), TokenErrorCode.WRONG_AUDIENCE);
      expect(await client.paymentStatus(created.paymentId)).to.deep.equal({
        paymentId: created.paymentId,
        orderId: 'order-1001',
        amount: 125_050,
        currency: 'RUB',
        status: 'succeeded',
        receipt: paid.receipt,
      });
    });

    for (const [outcome, reason] of [
      ['decline', 'declined'],
      ['insufficient_funds', 'insufficient_funds'],
    ] as const) {
      it(`fails with ${reason} on "${outcome}", with a failed receipt`, async () => {
        const created = await client.createPayment(bakery.id, order());
        const failed = await client.confirmPayment(created.paymentId, outcome);
        expect(failed).to.deep.include({ status: 'failed', failureReason: reason });
        expect(await verify(failed.receipt!)).to.deep.include({ status: 'failed', failureReason: reason });
      });
    }

    it('asks for a code on "require_3ds": a wrong one costs an attempt, the right one succeeds', async () => {
      const created = await client.createPayment(bakery.id, order());
      const waiting = await client.confirmPayment(created.paymentId, 'require_3ds');
      expect(waiting).to.deep.include({ status: 'awaiting_confirmation', confirmation: { attemptsLeft: 3 } });
      expect(waiting.receipt).to.equal(undefined);
      const wrong = await expectBackendError(client.confirmPaymentCode(created.paymentId, '000000'), 'WRONG_CODE', 400);
      expect(wrong.details).to.deep.equal({ attemptsLeft: 2 });
      expect(await client.paymentStatus(created.paymentId)).to.deep.include({ status: 'awaiting_confirmation' });
      const paid = await client.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE);
      expect(paid.status).to.equal('succeeded');
      expect(paid.confirmation).to.equal(undefined);
      expect((await verify(paid.receipt!)).status).to.equal('succeeded');
    });

    it('fails with authentication_failed on the third wrong code', async () => {
      const created = await client.createPayment(bakery.id, order());
      await client.confirmPayment(created.paymentId, 'require_3ds');
      await expectBackendError(client.confirmPaymentCode(created.paymentId, '111111'), 'WRONG_CODE');
      const last = await expectBackendError(client.confirmPaymentCode(created.paymentId, '222222'), 'WRONG_CODE');
      expect(last.details).to.deep.equal({ attemptsLeft: 1 });
      const failed = await client.confirmPaymentCode(created.paymentId, '333333');
      expect(failed).to.deep.include({ status: 'failed', failureReason: 'authentication_failed' });
      expect((await verify(failed.receipt!)).failureReason).to.equal('authentication_failed');
      await expectBackendError(client.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE), 'PAYMENT_FINAL', 409);
    });

    it('cancels from created and from the confirmation step, with a cancelled receipt', async () => {
      const first = await client.createPayment(bakery.id, order({ idempotencyKey: 'a' }));
      const cancelled = await client.cancelPayment(first.paymentId);
      expect(cancelled.status).to.equal('cancelled');
      expect((await verify(cancelled.receipt!)).status).to.equal('cancelled');
      const second = await client.createPayment(bakery.id, order({ idempotencyKey: 'b' }));
      await client.confirmPayment(second.paymentId, 'require_3ds');
      expect((await client.cancelPayment(second.paymentId)).status).to.equal('cancelled');
    });

    it('refuses every move the status machine lacks with 409, and changes nothing', async () => {
      const created = await client.createPayment(bakery.id, order());
      const error = await expectBackendError(client.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE), 'ILLEGAL_TRANSITION', 409);
      expect(error.details).to.deep.equal({ status: 'created' });
      await client.confirmPayment(created.paymentId, 'require_3ds');
      await expectBackendError(client.confirmPayment(created.paymentId, 'require_3ds'), 'ILLEGAL_TRANSITION', 409);
      await expectBackendError(client.confirmPayment(created.paymentId, 'succeed'), 'ILLEGAL_TRANSITION', 409);
      await client.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE);
      const before = await h.store.get<PaymentRecord>('payments', created.paymentId);
      for (const attempt of [
        client.confirmPayment(created.paymentId, 'decline'),
        client.confirmPayment(created.paymentId, 'succeed'),
        client.cancelPayment(created.paymentId),
        client.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE),
      ]) {
        const final = await expectBackendError(attempt, 'PAYMENT_FINAL', 409);
        expect(final.details).to.deep.equal({ status: 'succeeded' });
      }
      expect(await h.store.get<PaymentRecord>('payments', created.paymentId)).to.deep.equal(before);
    });

    it('ends a payment once when two requests end it at the same time', async () => {
      const created = await client.createPayment(bakery.id, order());
      const results = await Promise.allSettled([client.confirmPayment(created.paymentId, 'succeed'), client.cancelPayment(created.paymentId)]);
      const ended = results.filter((result): result is PromiseFulfilledResult<PaymentResponse> => result.status === 'fulfilled');
      expect(ended).to.have.length(1);
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).to.have.property('code', 'PAYMENT_FINAL');
      expect((await client.paymentStatus(created.paymentId)).receipt).to.equal(ended[0]!.value.receipt);
      expect((await eventsOf(anna.id)).filter((event) => event.type === 'payment.updated')).to.have.length(1);
    });

    it('emits payment.updated to the user with each move, the receipt with the end', async () => {
      const created = await client.createPayment(bakery.id, order());
      await client.confirmPayment(created.paymentId, 'require_3ds');
      const paid = await client.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE);
      const updates = (await eventsOf(anna.id)).filter((event) => event.type === 'payment.updated');
      expect(updates.map((event) => event.data)).to.deep.equal([
        { paymentId: created.paymentId, appId: bakery.id, orderId: 'order-1001', amount: 125_050, currency: 'RUB', status: 'awaiting_confirmation' },
        { paymentId: created.paymentId, appId: bakery.id, orderId: 'order-1001', amount: 125_050, currency: 'RUB', status: 'succeeded', receipt: paid.receipt },
      ]);
      expect(await eventsOf(ivan.id)).to.deep.equal([]);
    });

    it('signs receipts outside the store transaction', async () => {
      let open = 0;
      let signedInside = 0;
      const inner = createMemoryStore(BACKEND_SCHEMA);
      const store: Store = { ...inner, transaction: async (fn) => { open++; try { return await inner.transaction(fn); } finally { open--; } } };
      h = await createHarness({ store });
      const ring = h.keys.ring.bind(h.keys);
      h.keys.ring = async () => {
        if (open > 0) signedInside++;
        return ring();
      };
      client = h.client();
      await client.signInAs(anna.phone);
      const created = await client.createPayment(bakery.id, order());
      expect((await client.confirmPayment(created.paymentId, 'succeed')).receipt).to.be.a('string');
      expect(signedInside).to.equal(0);
    });
  });

  describe('privacy', () => {
    it("answers 404 for another user's payment, whatever the route, and leaves it as it was", async () => {
      const created = await client.createPayment(bakery.id, order());
      const other = h.client();
      await other.signInAs(ivan.phone);
      await expectBackendError(other.paymentStatus(created.paymentId), 'PAYMENT_NOT_FOUND', 404);
      await expectBackendError(other.confirmPayment(created.paymentId, 'succeed'), 'PAYMENT_NOT_FOUND', 404);
      await expectBackendError(other.confirmPaymentCode(created.paymentId, DEMO_CONFIRMATION_CODE), 'PAYMENT_NOT_FOUND', 404);
      await expectBackendError(other.cancelPayment(created.paymentId), 'PAYMENT_NOT_FOUND', 404);
      expect((await client.paymentStatus(created.paymentId)).status).to.equal('created');
    });

    it('answers 404 when the app does not match, or for an id never issued', async () => {
      const created = await client.createPayment(bakery.id, order());
      expect((await client.paymentStatus(created.paymentId, { appId: bakery.id })).status).to.equal('created');
      await expectBackendError(client.paymentStatus(created.paymentId, { appId: fitness.id }), 'PAYMENT_NOT_FOUND', 404);
      await expectBackendError(client.paymentStatus('00000000-0000-4000-8000-000000000000'), 'PAYMENT_NOT_FOUND', 404);
    });

    it('needs a session for every payment route', async () => {
      const created = await client.createPayment(bakery.id, order());
      const anonymous = h.client();
      await expectBackendError(anonymous.paymentStatus(created.paymentId), 'UNAUTHORIZED', 401);
      await expectBackendError(anonymous.cancelPayment(created.paymentId), 'UNAUTHORIZED', 401);
      expect(await h.request('POST', `/payments/${created.paymentId}/confirm`, { body: { outcome: 'succeed' } })).to.have.property('status', 401);
    });
  });

  describe('bad input: 400 naming the field, or 413 unread; nothing is created', () => {
    const pay = (input: { body?: unknown; rawBody?: string }) => h.request('POST', `/apps/${bakery.id}/payments`, { ...input, token: client.session.token! });

    for (const [label, body, path] of [
      ['an amount in major units', order({ amount: 10.5 }), 'amount'],
      ['a zero amount', order({ amount: 0 }), 'amount'],
      ['an amount that is a string', order({ amount: '100' }), 'amount'],
      ['a lower-case currency', order({ currency: 'rub' }), 'currency'],
      ['a withdrawn currency', order({ currency: 'HRK' }), 'currency'],
      ['a funds code', order({ currency: 'XTS' }), 'currency'],
      ['no order id', { amount: 1, currency: 'RUB', description: 'x' }, 'orderId'],
      ['an order id with spaces', order({ orderId: 'order 1' }), 'orderId'],
      ['a description over 255 characters', order({ description: 'x'.repeat(256) }), 'description'],
      ['a description with a line break', order({ description: 'one\ntwo' }), 'description'],
      ['an idempotency key over 128 characters', order({ idempotencyKey: 'k'.repeat(129) }), 'idempotencyKey'],
      ['an unknown field', order({ tip: 100 }), 'tip'],
    ] as const) {
      it(`refuses ${label}`, async () => {
        const error = await expectErrorBody(await pay({ body }), 400, 'INVALID_REQUEST');
        expect((error.details as { issues: { path: string }[] }).issues[0]!.path).to.equal(path);
        expect(await payments()).to.deep.equal([]);
      });
    }

    it('refuses a body that is not JSON', async () => {
      await expectErrorBody(await pay({ rawBody: '{orderId:' }), 400, 'INVALID_REQUEST');
    });

    it('refuses a hostile size unread (413), by its length and while reading', async () => {
      const huge = JSON.stringify(order({ description: 'x'.repeat(2_000_000) }));
      const declared = await expectErrorBody(await pay({ rawBody: huge }), 413, 'PAYLOAD_TOO_LARGE');
      expect(declared.details).to.deep.equal({ maxBytes: 16 * 1024 });
      // A streamed body declares no length: it is cut off once the bound is passed.
      const chunks = (function* () {
        for (let i = 0; i < 1000; i++) yield new TextEncoder().encode('x'.repeat(1024));
      })();
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.next();
          pulled++;
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      });
      const response = await h.app.fetch(
        new Request(`http://backend.test/api/apps/${bakery.id}/payments`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${client.session.token}`, 'Content-Type': 'application/json' },
          body: stream,
          duplex: 'half',
        } as RequestInit),
      );
      await expectErrorBody(response, 413, 'PAYLOAD_TOO_LARGE');
      expect(pulled).to.be.below(40);
      expect(await payments()).to.deep.equal([]);
    });

    it('refuses a bad outcome, a bad code and a malformed payment id', async () => {
      const created = await client.createPayment(bakery.id, order());
      const token = client.session.token!;
      const outcome = await expectErrorBody(await h.request('POST', `/payments/${created.paymentId}/confirm`, { body: { outcome: 'steal' }, token }), 400, 'INVALID_REQUEST');
      expect((outcome.details as { issues: { path: string }[] }).issues[0]!.path).to.equal('outcome');
      await client.confirmPayment(created.paymentId, 'require_3ds');
      const code = await expectErrorBody(await h.request('POST', `/payments/${created.paymentId}/3ds`, { body: { code: 123456 }, token }), 400, 'INVALID_REQUEST');
      expect((code.details as { issues: { path: string }[] }).issues[0]!.path).to.equal('code');
      expect((await client.paymentStatus(created.paymentId)).status).to.equal('awaiting_confirmation');
      expect((await h.store.get<PaymentRecord>('payments', created.paymentId))!.confirmationAttemptsLeft).to.equal(3);
      await expectErrorBody(await h.request('GET', '/payments/bad%20id', { token }), 400, 'INVALID_REQUEST');
      await expectErrorBody(await h.request('GET', `/payments/${created.paymentId}?appId=bad%20app`, { token }), 400, 'INVALID_REQUEST');
    });
  });
});

describe('backend: receipts after a key rotation', () => {
  it('signs an ended payment\'s receipt again once its key is retired: status and a repeated pay answer one that verifies', async () => {
    const clock = createFakeClock();
    let ring: KeyRing = createKeyRing(await generateSigningKey({ now: clock.now() }));
    const h = await createHarness({ clock, keys: { ring: async () => ring } });
    const client = h.client();
    await client.signInAs(anna.phone);
    const verify = async (receipt: string) => verifyReceipt(receipt, { jwks: await client.jwks() }, { issuer: ISSUER, audience: bakery.id, now: clock.now() });

    const created = await client.createPayment(bakery.id, order());
    const paid = await client.confirmPayment(created.paymentId, 'succeed');
    const firstKid = ring.activeKid;
    ring = rotateKeyRing(ring, await generateSigningKey({ now: clock.now() }), clock.now());
    // While its key is published, the receipt is the one issued.
    expect((await client.paymentStatus(created.paymentId)).receipt).to.equal(paid.receipt);

    clock.advance(LAUNCH_TOKEN_TTL_MS);
    ring = retireKey(ring, firstKid);
    await expectTokenError(verify(paid.receipt!), TokenErrorCode.UNKNOWN_KEY);
    const status = await client.paymentStatus(created.paymentId);
    expect(status.receipt).to.be.a('string').and.not.equal(paid.receipt);
    const [before, after] = [decodeJwt(paid.receipt!), await verify(status.receipt!)];
    expect(after).to.deep.include({ aud: bakery.id, sub: anna.id, paymentId: created.paymentId, orderId: 'order-1001', amount: 125_050, currency: 'RUB', status: 'succeeded' });
    expect(after.jti).to.not.equal(before.jti);
    // Kept: asked again, the same new receipt; a repeated pay with the same key answers it too.
    expect((await client.paymentStatus(created.paymentId)).receipt).to.equal(status.receipt);
    const repeated = await client.createPayment(bakery.id, order());
    expect(repeated).to.deep.include({ paymentId: created.paymentId, status: 'succeeded', receipt: status.receipt });
    expect((await h.store.list<PaymentRecord>('payments')).map((entry) => entry.value.receipt)).to.deep.equal([status.receipt]);
  });
});
