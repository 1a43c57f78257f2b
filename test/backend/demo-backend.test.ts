import { expect } from 'chai';
import {
  createIdbKeys,
  createIdbStore,
  DEMO_ISSUER,
  DemoSmsInbox,
  openDemoDatabase,
  startDemoBackend,
  type DemoBackend,
} from '../../demo/backend/index.ts';
import { BACKEND_SCHEMA, createBackendClient, SEED_APPS, SEED_USERS, systemClock, type BackendClient } from '../../src/backend/index.ts';
import { activeSigningKey, verifyLaunchToken } from '../../src/tokens/index.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS[0]!;

describe('the demo backend in the page (msw + IndexedDB)', () => {
  const databaseName = `demo-backend-${crypto.randomUUID()}`;
  const sms = new DemoSmsInbox();
  let backend: DemoBackend;
  let session: string | null = null;
  let client: BackendClient;

  before(async () => {
    backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    client = createBackendClient({ baseUrl: '/api', getSessionToken: () => session });
  });

  after(async () => {
    await backend.stop();
    indexedDB.deleteDatabase(databaseName);
  });

  it('answers /api/* from the page through the msw worker', async () => {
    expect(navigator.serviceWorker.controller?.scriptURL).to.equal(`${location.origin}/mockServiceWorker.js`);
    const response = await fetch('/api/apps/bakery/offer');
    expect(response.status).to.equal(200);
    expect(((await response.json()) as { title: string }).title).to.equal(bakery.offer.title);
    const missing = await fetch('/api/nothing');
    expect(missing.status).to.equal(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).to.equal('NOT_FOUND');
  });

  it('signs in, issues a launch token and verifies it against /api/.well-known/jwks.json', async () => {
    await client.requestCode(anna.phone);
    const code = sms.latest(anna.phone)!.code;
    session = (await client.signIn(anna.phone, code)).sessionToken;
    const issued = await client.issueLaunchToken(bakery.id);

    const jwks = (await (await fetch('/api/.well-known/jwks.json')).json()) as Parameters<typeof verifyLaunchToken>[1]['jwks'];
    const claims = await verifyLaunchToken(issued.token, { jwks: jwks!, issuer: DEMO_ISSUER, audience: bakery.id });
    expect(claims).to.deep.include({ sub: anna.id, phone: anna.phone, jti: issued.jti });
  });

  it('keeps keys, sessions and tokens across a reload (re-opening IndexedDB)', async () => {
    const issued = await client.issueLaunchToken(bakery.id);
    const kidBefore = activeSigningKey(await backend.keys.ring()).kid;
    await backend.stop();

    backend = await startDemoBackend({ databaseName, codeSender: sms.send });
    const ring = await backend.keys.ring();
    expect(activeSigningKey(ring).kid).to.equal(kidBefore);
    expect(activeSigningKey(ring).privateKey.extractable).to.equal(false);

    const claims = await verifyLaunchToken(issued.token, { jwks: await client.jwks(), issuer: DEMO_ISSUER, audience: bakery.id });
    expect(claims.jti).to.equal(issued.jti);
    expect((await client.me()).user.id).to.equal(anna.id);
    expect((await client.tokenStatus(issued.jti)).status).to.equal('valid');
  });

  it('rotates its key in IndexedDB: both keys are published and earlier tokens still verify', async () => {
    const before = await client.issueLaunchToken(bakery.id);
    const oldKid = activeSigningKey(await backend.keys.ring()).kid;
    const ring = await backend.keys.rotate();
    expect(activeSigningKey(ring).kid).to.not.equal(oldKid);
    const jwks = await client.jwks();
    expect(jwks.keys.map((key) => key.kid)).to.deep.equal([activeSigningKey(ring).kid, oldKid]);
    expect((await verifyLaunchToken(before.token, { jwks, issuer: DEMO_ISSUER, audience: bakery.id })).jti).to.equal(before.jti);
    const after = await client.issueLaunchToken(bakery.id);
    const [header] = after.token.split('.');
    expect(JSON.parse(atob(header!.replace(/-/g, '+').replace(/_/g, '/'))).kid).to.equal(activeSigningKey(ring).kid);
  });

  it('signs with a key read back from IndexedDB, verifiable by the key ring of another connection', async () => {
    const db = await openDemoDatabase(databaseName);
    try {
      const keys = createIdbKeys(db, systemClock);
      const store = createIdbStore(db, BACKEND_SCHEMA);
      expect(activeSigningKey(await keys.ring()).kid).to.equal(activeSigningKey(await backend.keys.ring()).kid);
      expect(await store.findUnique('users', 'phone', anna.phone)).to.have.property('key', anna.id);
    } finally {
      db.close();
    }
  });
});
