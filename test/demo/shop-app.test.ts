import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DemoSmsInbox, startDemoBackend, type DemoBackend } from '../../demo/backend/index.ts';
import '../../demo/apps/shop/shop.ts';
import type { DemoShop } from '../../demo/apps/shop/shop.ts';
import { createBakeryBackend } from '../../demo/apps/shop/partner/orders-route.ts';
import { createBackendClient, type BackendClient } from '../../src/backend/index.ts';
import { createPushHandlers, createStorageHandlers, createUserHandlers } from '../../src/host/index.ts';
import type { HostScreenLink } from '../../src/protocol/index.ts';
import { HostError, mockHost, type MockHost, type MockHostOptions } from '../../src/sdk/testing.ts';

/*
 * Corner Bakery as its author tests it: the shop's own code on the SDK's mock host, whose
 * user, storage and push answers come from the demo's real backend (msw and IndexedDB in this
 * page). Payments are made on that backend too, so the receipt the shop hands to its route is a
 * real one, and the route fetches the host's JWKS over HTTP (/api/.well-known/jwks.json) to check it.
 */
// One backend for the file: the route caches the host's keys by URL, as a partner's server does.
const databaseName = `shop-app-${crypto.randomUUID()}`;
const sms = new DemoSmsInbox();
let backend: DemoBackend;
before(async () => {
  backend = await startDemoBackend({ databaseName, codeSender: sms.send });
});
after(async () => {
  await backend.stop();
  indexedDB.deleteDatabase(databaseName);
});

describe('Corner Bakery (demo/apps/shop) on its backend route', () => {
  let client: BackendClient;
  let session: string | null = null;
  let host: MockHost | undefined;
  let shop: DemoShop | undefined;
  let screens: HostScreenLink[];
  let downloads: { data: unknown; name?: string }[];

  async function signIn(phone: string): Promise<void> {
    await client.requestCode(phone);
    session = (await client.signIn(phone, sms.latest(phone)!.code)).sessionToken;
  }

  /** Pays as the simulated bank's "succeed" would, on the backend: the receipt is the host's own. */
  const pay = async (request: { orderId: string; amount: number; currency: string; description: string; idempotencyKey?: string }) => {
    const created = await client.createPayment('bakery', request);
    const ended = await client.confirmPayment(created.paymentId, 'succeed');
    return { status: 'succeeded' as const, paymentId: ended.paymentId, receipt: ended.receipt! };
  };

  before(async () => {
    client = createBackendClient({ baseUrl: '/api', getSessionToken: () => session });
    await signIn('+79990000001');
    await client.acceptOffer('bakery', 1);
  });
  beforeEach(() => {
    screens = [];
    downloads = [];
  });
  afterEach(() => {
    shop?.remove();
    shop = undefined;
    host?.dispose();
    host = undefined;
  });

  async function openShop(handlers: NonNullable<MockHostOptions['handlers']> = {}, locale = 'en'): Promise<{ root: ShadowRoot }> {
    host = mockHost({
      capabilities: ['user', 'payments', 'push', 'navigation', 'storage', 'files', 'popups'],
      launchParams: { appId: 'bakery', locale },
      handlers: {
        ...createUserHandlers(client),
        ...createStorageHandlers(client),
        ...createPushHandlers({ client }),
        'payments.pay': (request) => pay(request),
        'navigation.open': (link) => void screens.push(link),
        'files.download': (request) => void downloads.push(request as { data: unknown; name?: string }),
        ...handlers,
      },
    });
    shop = await fixture<DemoShop>(html`<demo-shop></demo-shop>`);
    await waitUntil(() => host!.ready, 'the shop never said ready', { timeout: 10_000 });
    return { root: shop.shadowRoot! };
  }

  const click = (root: ShadowRoot, selector: string) => {
    const target = root.querySelector<HTMLElement>(selector);
    expect(target, selector).to.not.equal(null);
    target!.click();
  };

  it('shows the catalogue, keeps the cart in the host storage, pays, and shows the order paid once its route verified the receipt', async function () {
    this.timeout(30_000);
    const { root } = await openShop();
    expect(root.querySelector('h1')!.textContent).to.equal('Corner Bakery');
    expect([...root.querySelectorAll('[data-product]')].map((cell) => cell.getAttribute('data-product'))).to.include.members(['bread', 'croissant']);
    click(root, '[data-product=bread]');
    click(root, '[data-product=bread]');
    click(root, '[data-product=croissant]');
    await waitUntil(async () => (await client.storageGet('bakery', ['cart'])).values.cart === JSON.stringify({ bread: 2, croissant: 1 }), 'the cart is not in the host storage');
    await shop!.updateComplete;
    expect(root.querySelector('[data-action=pay]')!.textContent).to.match(/Pay .*335/);

    click(root, '[data-action=pay]');
    await waitUntil(() => root.querySelector('[data-order] ma-badge[data-status=paid]') && root.querySelector('[role=status]'), 'the order was not shown paid', { timeout: 15_000 });
    const payment = host!.callsTo('payments.pay')[0]!;
    expect(payment.params).to.include({ amount: 2 * 12_000 + 9_500, currency: 'RUB' });
    expect(root.querySelector('[role=status]')!.textContent).to.contain('The bakery has confirmed');
    // The shop empties the cart once the bakery has confirmed, so just after it shows the order paid.
    await waitUntil(async () => (await client.storageGet('bakery', ['cart'])).values.cart === '{}', 'the paid cart was not emptied in the host storage');
    const orderId = (payment.params as { orderId: string }).orderId;
    expect(JSON.parse((await client.storageGet('bakery', [`order:${orderId}`])).values[`order:${orderId}`]!)).to.include({ status: 'paid' });
  });

  it('keeps the order awaiting the bakery when the route cannot verify the receipt, instead of calling it paid', async function () {
    this.timeout(30_000);
    const { root } = await openShop({ 'payments.pay': async (request) => ({ ...(await pay(request)), receipt: 'not.a.receipt' }) });
    click(root, '[data-product=milk]');
    await shop!.updateComplete;
    click(root, '[data-action=pay]');
    await waitUntil(() => root.querySelector('[role=alert]'), 'no refusal shown', { timeout: 15_000 });
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('RECEIPT_REFUSED');
    expect(root.querySelector('[data-order] ma-badge')!.getAttribute('data-status')).to.equal('awaiting-confirmation');
  });

  it('shows an order status it does not know as a neutral badge with its raw name', async function () {
    this.timeout(20_000);
    const order = { id: 'order-from-elsewhere', amount: 12_000, status: 'handed-to-courier', lines: [{ productId: 'bread', quantity: 1 }], createdAt: Date.now() };
    await client.storageSet('bakery', `order:${order.id}`, JSON.stringify(order));
    await client.storageSet('bakery', 'orders', JSON.stringify([order.id]));
    const { root } = await openShop({}, 'ru');
    await waitUntil(() => root.querySelector('[data-order=order-from-elsewhere] ma-badge'), 'the order is not listed');
    const badge = root.querySelector<HTMLElement & { mode: string }>('[data-order=order-from-elsewhere] ma-badge')!;
    expect(badge.mode).to.equal('neutral');
    expect(badge.textContent!.trim()).to.equal('handed-to-courier');
    expect(document.documentElement.lang === 'ru' || root.querySelector('ma-group')!.getAttribute('header') === 'Каталог').to.equal(true);
    await client.storageRemove('bakery', ['orders', `order:${order.id}`]);
  });

  it('sends a push to itself that reaches the user, asks for a host screen and downloads the receipt', async function () {
    this.timeout(30_000);
    const received: unknown[] = [];
    const live = client.subscribe((event) => event.type === 'push.received' && received.push(event.data));
    try {
      const { root } = await openShop();
      click(root, '[data-product=cake]');
      await shop!.updateComplete;
      click(root, '[data-action=pay]');
      await waitUntil(() => root.querySelector('[data-order] ma-badge[data-status=paid]'), 'not paid', { timeout: 15_000 });
      await shop!.updateComplete;
      click(root, '[data-action=notify]');
      const push = await host!.waitForCall('push.send');
      expect(push.outcome, JSON.stringify(push.error)).to.equal('ok');
      expect(push.result).to.include({ delivered: true });
      await waitUntil(() => received.length > 0, 'the push did not reach the user over the live channel', { timeout: 10_000 });
      expect(received[0]).to.deep.include({ appId: 'bakery' });

      click(root, '[data-action=bills]');
      await host!.waitForCall('navigation.open');
      expect(screens).to.deep.equal([{ screen: 'bills' }]);

      click(root, '[data-action=download]');
      await host!.waitForCall('files.download');
      const orderId = (host!.callsTo('payments.pay')[0]!.params as { orderId: string }).orderId;
      expect(downloads[0]!.name).to.equal(`receipt-${orderId}.txt`);
      expect(String(downloads[0]!.data)).to.contain(orderId).and.to.contain('Honey cake');
    } finally {
      live.close();
    }
  });

  it('says so when the host screen is not available', async function () {
    this.timeout(20_000);
    const { root } = await openShop({ 'navigation.open': () => { throw new HostError('PERMISSION_DENIED', 'not for this user'); } });
    click(root, '[data-action=bills]');
    await waitUntil(() => root.querySelector('[role=status]')?.textContent?.includes('not available'), 'no message for a refused screen');
  });
});

describe('the bakery route (demo/apps/shop/partner/orders-route.ts)', () => {
  let session: string | null = null;
  let client: BackendClient;
  const route = createBakeryBackend({ jwksUrl: new URL('/api/.well-known/jwks.json', location.origin), issuer: 'miniapps-demo-host' });
  const call = (path: string, token: string, body?: unknown) =>
    route.fetch(new Request(`${location.origin}/partner/bakery${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { Authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));

  before(async () => {
    client = createBackendClient({ baseUrl: '/api', getSessionToken: () => session });
    await client.requestCode('+79990000002');
    session = (await client.signIn('+79990000002', sms.latest('+79990000002')!.code)).sessionToken;
    await client.acceptOffer('bakery', 1);
    await client.acceptOffer('bakery-beta', 1);
  });

  async function order(token: string, lines = [{ productId: 'bread', quantity: 1 }]) {
    const response = await call('/orders', token, { lines });
    expect(response.status).to.equal(201);
    return ((await response.json()) as { order: { id: string; amount: number } }).order;
  }

  const receiptFor = async (appId: string, orderId: string, amount: number) => {
    const created = await client.createPayment(appId, { orderId, amount, currency: 'RUB', description: 'Test order', idempotencyKey: `${appId}:${orderId}:${amount}` });
    return (await client.confirmPayment(created.paymentId, 'succeed')).receipt!;
  };

  it('refuses requests without a valid launch token, and bad bodies, each with a code', async () => {
    expect((await call('/orders', 'nope', { lines: [] })).status).to.equal(401);
    const token = (await client.issueLaunchToken('bakery')).token;
    const empty = await call('/orders', token, { lines: [] });
    expect(empty.status).to.equal(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).to.equal('INVALID_BODY');
    const unknown = await call('/orders', token, { lines: [{ productId: 'caviar', quantity: 1 }] });
    expect(((await unknown.json()) as { error: { message: string } }).error.message).to.contain('lines.0.productId');
    // A launch token of another app is not the bakery's.
    const beta = (await client.issueLaunchToken('bakery-beta')).token;
    const refused = await call('/orders', beta, { lines: [{ productId: 'bread', quantity: 1 }] });
    expect(refused.status).to.equal(401);
    expect(((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason).to.equal('WRONG_AUDIENCE');
  });

  it('marks an order paid only with a receipt for this app, this order and its amount; twice is once', async () => {
    const token = (await client.issueLaunchToken('bakery')).token;
    const mine = await order(token, [{ productId: 'croissant', quantity: 2 }]);
    expect(mine.amount).to.equal(19_000);

    const otherApp = await receiptFor('bakery-beta', mine.id, mine.amount);
    const wrongAudience = await call(`/orders/${mine.id}/receipt`, token, { receipt: otherApp });
    expect(wrongAudience.status).to.equal(422);
    expect(((await wrongAudience.json()) as { error: { details: { reason: string } } }).error.details.reason).to.equal('WRONG_AUDIENCE');

    const cheaper = await receiptFor('bakery', mine.id, 100);
    const mismatch = await call(`/orders/${mine.id}/receipt`, token, { receipt: cheaper });
    expect(((await mismatch.json()) as { error: { code: string } }).error.code).to.equal('AMOUNT_MISMATCH');
    expect(route.orders.get(mine.id)!.status).to.equal('created');

    const good = await receiptFor('bakery', mine.id, mine.amount);
    const paid = await call(`/orders/${mine.id}/receipt`, token, { receipt: good });
    expect(paid.status).to.equal(200);
    const first = ((await paid.json()) as { order: { status: string; paidAt: number; paymentId: string } }).order;
    expect(first.status).to.equal('paid');
    const again = ((await (await call(`/orders/${mine.id}/receipt`, token, { receipt: good })).json()) as { order: { paidAt: number } }).order;
    expect(again.paidAt).to.equal(first.paidAt);

    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const other = await order(token);
    expect(((await (await call(`/orders/${other.id}/receipt`, token, { receipt: forged })).json()) as { error: { code: string } }).error.code).to.equal('RECEIPT_REFUSED');
  });

  it('answers HOST_KEYS_UNAVAILABLE, not a refusal, when the host keys cannot be fetched', async () => {
    // Nothing listens on port 9: the fetch itself fails, as when the host is down.
    const offline = createBakeryBackend({ jwksUrl: 'http://127.0.0.1:9/api/.well-known/jwks.json', issuer: 'miniapps-demo-host' });
    const token = (await client.issueLaunchToken('bakery')).token;
    const response = await offline.fetch(new Request(`${location.origin}/partner/bakery/orders`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ lines: [{ productId: 'bread', quantity: 1 }] }) }));
    expect(response.status).to.equal(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('HOST_KEYS_UNAVAILABLE');
  });
});
