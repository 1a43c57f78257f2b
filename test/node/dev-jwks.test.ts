import { expect } from 'chai';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startDevHost, type DevHost } from '../../src/devhost/server.ts';
import type { DevHostConfig } from '../../src/devhost/config.ts';
import { revocationChecker, TokenErrorCode, verifyLaunchToken } from '../../src/server/index.ts';
import { devHostPage } from '../devhost/servers.ts';

async function testToken(host: DevHost, body: { userId: string; premisesId?: string }, partnerKey = host.partnerKey) {
  return fetch(`${host.apiUrl}/partner/apps/${host.appId}/test-tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${partnerKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('miniapps dev: test launch tokens and the JWKS over HTTP', () => {
  let host: DevHost;

  before(async function () {
    this.timeout(60_000);
    host = await startDevHost({ appUrl: 'http://127.0.0.1:5173/', appId: 'bakery-next', port: 0, pageDir: await devHostPage() });
  });

  after(() => host?.close());

  it('serves the keys as a JWKS that any origin may read', async () => {
    const response = await fetch(host.jwksUrl);
    expect(response.status).to.equal(200);
    expect(response.headers.get('access-control-allow-origin')).to.equal('*');
    const { keys } = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys).to.have.length.greaterThan(0);
    expect(keys[0]).to.include({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(keys[0]).not.to.have.property('d');
  });

  it('issues a test launch token for a mock user and premises that jose verifies against the served JWKS', async () => {
    const response = await testToken(host, { userId: 'user-ivan', premisesId: 'premises-rs-7' });
    expect(response.status).to.equal(200);
    const { token } = (await response.json()) as { token: string };
    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(host.jwksUrl)), {
      issuer: 'miniapps-host',
      audience: 'bakery-next',
      algorithms: ['ES256'],
    });
    expect(protectedHeader.kid).to.be.a('string');
    expect(payload).to.include({ sub: 'user-ivan', phone: '+79990000002', name: 'Ivan Sidorov', test: true });
    expect(payload.premises).to.deep.equal({ id: 'premises-rs-7', title: 'Flat 7' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).to.equal(24 * 60 * 60);
  });

  it('verifies with the package’s partner helper too, and a token for another app is refused', async () => {
    const { token } = (await (await testToken(host, { userId: 'user-maria' })).json()) as { token: string };
    const claims = await verifyLaunchToken(token, { jwksUrl: host.jwksUrl, issuer: 'miniapps-host', audience: 'bakery-next' });
    expect(claims.sub).to.equal('user-maria');
    const wrong = await verifyLaunchToken(token, { jwksUrl: host.jwksUrl, issuer: 'miniapps-host', audience: 'bakery' }).then(() => undefined, (error: { code?: string }) => error.code);
    expect(wrong).to.equal(TokenErrorCode.WRONG_AUDIENCE);
  });

  it('revokes the previous token of the same user and app when it issues the next', async () => {
    const first = (await (await testToken(host, { userId: 'user-anna' })).json()) as { jti: string; token: string };
    const second = (await (await testToken(host, { userId: 'user-anna' })).json()) as { jti: string; revoked?: string };
    expect(second.revoked).to.equal(first.jti);
    const isRevoked = revocationChecker(host.apiUrl);
    expect(await isRevoked(first.jti)).to.equal(true);
    expect(await isRevoked(second.jti)).to.equal(false);
    expect(decodeProtectedHeader(first.token).alg).to.equal('ES256');
  });

  it('refuses a wrong partner key, an unknown user and unknown premises', async () => {
    expect((await testToken(host, { userId: 'user-anna' }, 'pk_wrong')).status).to.equal(401);
    expect((await testToken(host, { userId: 'user-nobody' })).status).to.be.oneOf([400, 404]);
    expect((await testToken(host, { userId: 'user-anna', premisesId: 'premises-rs-7' })).status).to.be.oneOf([400, 404]);
  });

  it('gives its page the app, the mock users with a working session each, and the JWKS URL', async () => {
    const config = (await (await fetch(`${host.url}__devhost/config.json`)).json()) as DevHostConfig;
    expect(config.app).to.include({ id: 'bakery-next', url: 'http://127.0.0.1:5173/' });
    expect(config.app.capabilities).to.include.members(['user', 'payments', 'storage']);
    expect(config.jwksUrl).to.equal(host.jwksUrl);
    expect(config.users.map((user) => user.id)).to.deep.equal(['user-anna', 'user-ivan', 'user-maria']);
    for (const user of config.users) {
      const me = await fetch(`${config.apiUrl}/me`, { headers: { Authorization: `Bearer ${config.sessions[user.id]}` } });
      expect(me.status).to.equal(200);
      expect(((await me.json()) as { user: { id: string } }).user.id).to.equal(user.id);
    }
  });

  it('serves the page and its script', async () => {
    const page = await fetch(host.url);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(await page.text()).to.include('<devhost-app>').and.include('/devhost/devhost.js');
    const script = await fetch(`${host.url}devhost/devhost.js`);
    expect(script.status).to.equal(200);
    expect(script.headers.get('content-type')).to.match(/^text\/javascript/);
    expect((await fetch(`${host.url}devhost/missing.js`)).status).to.equal(404);
  });
});
