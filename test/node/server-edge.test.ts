/// <reference types="node" />
/**
 * The Node server's own behaviour around the backend: configuration, /health and /ready, request
 * ids in JSON logs, CORS, the JWKS's caching headers, graceful shutdown, and signing keys from the
 * configuration or the store (kept across restarts, rotated with two keys published).
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_APPS, SEED_USERS } from '../../src/backend/index.ts';
import { ConfigError, loadServerConfig } from '../../src/node/config.ts';
import { generatePrivateJwk } from '../../src/node/server-keys.ts';
import { run as serveCommand } from '../../src/cli/serve.ts';
import { activeSigningKey, verifyLaunchToken } from '../../src/tokens/index.ts';
import { clientOf, spawnServer, startTestServer, type TestServer } from './server-helpers.ts';
import { freshSchema } from './sql-test-databases.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS.find((app) => app.id === 'bakery')!;

function configError(env: Record<string, string>): ConfigError {
  try {
    loadServerConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('server configuration', () => {
  it('has defaults that start a working server with nothing set', () => {
    const config = loadServerConfig({}, '/srv/host');
    expect(config).to.deep.include({ port: 8787, host: '127.0.0.1', dataDir: '/srv/host/.miniapps/pglite', databaseSchema: 'public', seed: 'none', poolSize: 10 });
    expect(config.databaseUrl).to.equal(undefined);
    expect(config.signingKeys).to.deep.equal({ source: 'store' });
    expect(config.allowedOrigins).to.deep.equal([]);
  });

  it('reads every setting', async () => {
    const key = await generatePrivateJwk();
    const config = loadServerConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://host:secret@db.internal:5432/miniapps',
      MINIAPPS_DB_SCHEMA: 'host_a',
      MINIAPPS_DB_POOL_SIZE: '25',
      MINIAPPS_SIGNING_KEYS: JSON.stringify({ keys: [key] }),
      MINIAPPS_ALLOWED_ORIGINS: 'https://host.example, http://localhost:5173',
      MINIAPPS_ISSUER: 'https://host.example',
      MINIAPPS_SEED: 'demo',
      MINIAPPS_CODE_WEBHOOK: 'https://sms.internal/send',
      MINIAPPS_LOG_LEVEL: 'warn',
      MINIAPPS_SHUTDOWN_TIMEOUT_MS: '3000',
      MINIAPPS_RETRY_HINT_MS: '250',
    });
    expect(config).to.deep.include({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://host:secret@db.internal:5432/miniapps',
      databaseSchema: 'host_a',
      poolSize: 25,
      issuer: 'https://host.example',
      seed: 'demo',
      codeWebhook: 'https://sms.internal/send',
      logLevel: 'warn',
      shutdownTimeoutMs: 3000,
      retryHintMs: 250,
    });
    expect(config.allowedOrigins).to.deep.equal(['https://host.example', 'http://localhost:5173']);
    expect(config.signingKeys).to.deep.equal({ source: 'config', keys: [key] });
  });

  it('refuses each bad value, naming the variable', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ PORT: '80a' }, 'PORT', /whole number from 0 to 65535/],
      [{ PORT: '70000' }, 'PORT', /whole number/],
      [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL', /postgres:\/\//],
      [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', /not a URL/],
      [{ MINIAPPS_DB_SCHEMA: 'Bad-Name' }, 'MINIAPPS_DB_SCHEMA', /a–z/],
      [{ MINIAPPS_ALLOWED_ORIGINS: 'https://host.example/' }, 'MINIAPPS_ALLOWED_ORIGINS', /not an origin/],
      [{ MINIAPPS_SEED: 'everything' }, 'MINIAPPS_SEED', /none or demo/],
      [{ MINIAPPS_LOG_LEVEL: 'loud' }, 'MINIAPPS_LOG_LEVEL', /debug or info or warn or error/],
      [{ MINIAPPS_SIGNING_KEYS: '{"keys": []}' }, 'MINIAPPS_SIGNING_KEYS', /at least one key/],
      [{ MINIAPPS_SIGNING_KEYS: '{"keys": [{"kty": "EC", "crv": "P-256", "x": "a", "y": "b"}]}' }, 'MINIAPPS_SIGNING_KEYS', /keys\[0\] is not a private/],
      [{ MINIAPPS_SIGNING_KEYS: '/nowhere/keys.json' }, 'MINIAPPS_SIGNING_KEYS', /cannot read the key file/],
      [{ MINIAPPS_CODE_WEBHOOK: 'ftp://sms' }, 'MINIAPPS_CODE_WEBHOOK', /http\(s\) URL/],
      [{ MINIAPPS_PROT: '1' }, 'MINIAPPS_PROT', /unknown setting/],
    ];
    for (const [env, variable, message] of cases) {
      const error = configError(env);
      expect(error.variable, JSON.stringify(env)).to.equal(variable);
      expect(error.message, JSON.stringify(env)).to.match(message);
    }
  });

  it('makes `miniapps serve` exit 2 with the reason on a bad flag or setting, and print its settings on --help', async () => {
    const errors: string[] = [];
    const printed: string[] = [];
    const original = { error: console.error, log: console.log };
    console.error = (text: string) => void errors.push(text);
    console.log = (text: string) => void printed.push(text);
    try {
      expect(await serveCommand(['--prot', '1'])).to.equal(2);
      expect(await serveCommand(['--port', 'eighty'])).to.equal(2);
      expect(await serveCommand(['--help'])).to.equal(0);
    } finally {
      Object.assign(console, original);
    }
    expect(errors[0]).to.match(/--prot: unknown option/);
    expect(errors[1]).to.match(/PORT: expected a whole number/);
    expect(printed[0]).to.include('DATABASE_URL').and.include('MINIAPPS_SIGNING_KEYS');
  });
});

describe('the Node server around the backend', function () {
  this.timeout(60_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { MINIAPPS_ALLOWED_ORIGINS: 'http://localhost:5173', MINIAPPS_RETRY_HINT_MS: '1500' } });
  });
  after(async () => {
    await t?.server.shutdown();
  });

  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${t.server.url}/health`)).json()).to.deep.equal({ status: 'ok' });
    const ready = await fetch(`${t.server.url}/ready`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.deep.equal({ status: 'ready' });
    const outside = await fetch(`${t.server.url}/elsewhere`);
    expect(outside.status).to.equal(404);
  });

  it('logs each request as one JSON line with its request id, kept from the caller or made', async () => {
    const given = await fetch(`${t.server.url}/api/apps/${bakery.id}/offer`, { headers: { 'X-Request-Id': 'trace-42' } });
    expect(given.headers.get('X-Request-Id')).to.equal('trace-42');
    const made = await fetch(`${t.server.url}/api/apps/${bakery.id}/offer`, { headers: { 'X-Request-Id': 'has spaces' } });
    const madeId = made.headers.get('X-Request-Id')!;
    expect(madeId).to.match(/^[0-9a-f-]{36}$/);
    const lines = t.logs.filter((line) => line.msg === 'request' && line.path === `/api/apps/${bakery.id}/offer`);
    expect(lines.map((line) => line.requestId)).to.deep.equal(['trace-42', madeId]);
    expect(lines[0]).to.include({ level: 'info', method: 'GET', status: 200 });
    expect(lines[0]!.ms).to.be.a('number');
    expect(Date.parse(String(lines[0]!.time))).to.be.closeTo(Date.now(), 60_000);
  });

  it('allows the configured origins by CORS, preflight included, and no others', async () => {
    const preflight = await fetch(`${t.server.url}/api/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).to.equal('http://localhost:5173');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).to.include('Authorization').and.include('Last-Event-ID');
    const allowed = await fetch(`${t.server.url}/api/apps/${bakery.id}/offer`, { headers: { Origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).to.equal('http://localhost:5173');
    expect(allowed.headers.get('Access-Control-Expose-Headers')).to.include('Retry-After');
    const other = await fetch(`${t.server.url}/api/apps/${bakery.id}/offer`, { headers: { Origin: 'https://evil.example' } });
    expect(other.status).to.equal(200);
    expect(other.headers.get('Access-Control-Allow-Origin')).to.equal(null);
    const otherPreflight = await fetch(`${t.server.url}/api/me`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(otherPreflight.headers.get('Access-Control-Allow-Origin')).to.equal(null);
  });

  it('serves the JWKS with Cache-Control and an ETag, and a 304 when it has not changed', async () => {
    const first = await fetch(`${t.server.url}/api/.well-known/jwks.json`);
    expect(first.headers.get('Cache-Control')).to.equal('public, max-age=300');
    const etag = first.headers.get('ETag')!;
    expect(etag).to.match(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await fetch(`${t.server.url}/api/.well-known/jwks.json`, { headers: { 'If-None-Match': etag } });
    expect(again.status).to.equal(304);
    expect(again.headers.get('ETag')).to.equal(etag);
    const stale = await fetch(`${t.server.url}/api/.well-known/jwks.json`, { headers: { 'If-None-Match': '"something-else"' } });
    expect(stale.status).to.equal(200);
  });
});

describe('graceful shutdown', function () {
  this.timeout(60_000);

  it('finishes a request in flight, ends live streams with a retry hint, then refuses and stops', async () => {
    const t = await startTestServer({ env: { MINIAPPS_RETRY_HINT_MS: '1500' } });
    const client = t.client();
    await client.signInAs(anna.phone);

    const stream = await fetch(`${t.server.url}/api/events`, { headers: { Authorization: `Bearer ${client.session.token}` } });
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);

    // A request whose body is still arriving when the shutdown starts.
    let finishBody!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"phone":'));
        finishBody = () => {
          controller.enqueue(new TextEncoder().encode(`"${SEED_USERS[1]!.phone}"}`));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`${t.server.url}/api/auth/code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const stopped = t.server.shutdown('test');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text.endsWith('retry: 1500\n\n')).to.equal(true);
    expect(t.server.liveStreams).to.equal(0);

    finishBody();
    const answered = await inFlight;
    expect(answered.status).to.equal(200);
    await stopped;
    let refused: unknown;
    try {
      await fetch(`${t.server.url}/health`);
    } catch (error) {
      refused = error;
    }
    expect(refused, 'the port is closed').to.be.instanceOf(Error);
    expect(t.logs.map((line) => line.msg)).to.include.members(['shutting down', 'stopped']);
  });
});

describe('signing keys of the server', function () {
  this.timeout(60_000);

  it('generates a key once, keeps it in the store across restarts, and every instance on the database signs with it', async () => {
    const schema = freshSchema('keys');
    const first = await startTestServer({ database: 'postgres', schema });
    const second = await startTestServer({ database: 'postgres', schema });
    try {
      const kid = activeSigningKey(await first.server.keys.ring()).kid;
      expect(activeSigningKey(await second.server.keys.ring()).kid).to.equal(kid);
      expect(activeSigningKey(await first.server.keys.ring()).privateKey.extractable).to.equal(false);
      await first.server.shutdown();
      const restarted = await startTestServer({ database: 'postgres', schema });
      try {
        expect(activeSigningKey(await restarted.server.keys.ring()).kid).to.equal(kid);
      } finally {
        await restarted.server.shutdown();
      }
    } finally {
      await Promise.all([first.server.shutdown(), second.server.shutdown()]);
    }
  });

  it('rotates: the new key signs, both are published, and a token of the old key still verifies', async () => {
    const t = await startTestServer({ database: 'postgres', schema: freshSchema('rotate') });
    try {
      const client = t.client();
      await client.signInAs(anna.phone);
      const before = await client.issueLaunchToken(bakery.id);
      const oldKid = activeSigningKey(await t.server.keys.ring()).kid;
      const ring = await t.server.keys.rotate();
      const newKid = activeSigningKey(ring).kid;
      expect(newKid).to.not.equal(oldKid);
      const jwks = await client.jwks();
      expect(jwks.keys.map((key) => key.kid)).to.deep.equal([newKid, oldKid]);
      expect((await verifyLaunchToken(before.token, { jwks, issuer: 'miniapps-host', audience: bakery.id })).jti).to.equal(before.jti);
      const after = await client.issueLaunchToken(bakery.id);
      expect(JSON.parse(atob(after.token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))).kid).to.equal(newKid);
    } finally {
      await t.server.shutdown();
    }
  });

  it('signs with the configured key and publishes the configured ones, and refuses to rotate them', async () => {
    const [newer, older] = [await generatePrivateJwk(), await generatePrivateJwk()];
    const t = await startTestServer({ env: { MINIAPPS_SIGNING_KEYS: JSON.stringify({ keys: [newer, older] }) } });
    try {
      const client = clientOf(`${t.server.url}/api`, () => t.codes);
      expect((await client.jwks()).keys.map((key) => key.kid)).to.deep.equal([newer.kid, older.kid]);
      expect((await client.jwks()).keys.every((key) => !('d' in key))).to.equal(true);
      let refused: unknown;
      try {
        await t.server.keys.rotate();
      } catch (error) {
        refused = error;
      }
      expect((refused as Error).message).to.match(/MINIAPPS_SIGNING_KEYS/);
    } finally {
      await t.server.shutdown();
    }
  });
});

describe('`miniapps serve` with no database URL', function () {
  this.timeout(180_000);

  it('runs on PGlite in its data folder, stops on SIGTERM, and finds its data and key there on the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'miniapps-serve-'));
    try {
      const env = { MINIAPPS_DATA_DIR: dataDir, MINIAPPS_SEED: 'demo' };
      const first = await spawnServer(env);
      expect(first.logs.find((line) => line.msg === 'listening')).to.include({ database: 'pglite', keys: 'store' });
      expect((await fetch(`${first.url}/health`)).status).to.equal(200);
      const client = clientOf(`${first.url}/api`, () => first.codes);
      await client.signInAs(anna.phone);
      const kid = (await client.jwks()).keys[0]!.kid;
      first.process.kill('SIGTERM');
      expect(await first.exited).to.equal(0);

      const second = await spawnServer(env);
      try {
        const again = clientOf(`${second.url}/api`, () => second.codes);
        again.session.token = client.session.token;
        expect((await again.me()).user.id).to.equal(anna.id);
        expect((await again.jwks()).keys[0]!.kid).to.equal(kid);
      } finally {
        second.process.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
