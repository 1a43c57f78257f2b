// The partner backend of the packaging check, on plain Node: the host publishes its keys (a JWKS
// over HTTP), signs a launch token with node:crypto, and the README's snippet (./user.mjs, next
// to this file) must accept it and refuse a tampered, a foreign and an expired one.
/* global Request */
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import assert from 'node:assert/strict';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES256', use: 'sig' };
const server = createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ keys: [jwk] }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
process.env.HOST_JWKS_URL = `http://127.0.0.1:${server.address().port}/api/.well-known/jwks.json`;

const base64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function launchToken(overrides = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'miniapps-host', aud: 'bakery', sub: 'user-1', iat: now, nbf: now, exp: now + 3600, jti: randomUUID(),
    name: 'Anna', phone: '+79990000001', premises: { id: 'p1', title: 'Flat 12' }, ...overrides,
  };
  const input = `${base64url({ alg: 'ES256', typ: 'miniapp-launch+jwt', kid: 'k1' })}.${base64url(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}
const requestWith = (token) => new Request('http://partner.example/api/orders', { headers: { authorization: `Bearer ${token}` } });

try {
  const { userFromRequest } = await import('./user.mjs');
  assert.deepEqual(await userFromRequest(requestWith(launchToken())), {
    userId: 'user-1', phone: '+79990000001', premises: { id: 'p1', title: 'Flat 12' },
  });
  const token = launchToken();
  const tampered = token.replace(/\.[^.]+\./, `.${base64url({ sub: 'someone-else' })}.`);
  assert.equal(await userFromRequest(requestWith(tampered)), null, 'a tampered token was accepted');
  assert.equal(await userFromRequest(requestWith(launchToken({ aud: 'other-app' }))), null, 'a token for another app was accepted');
  assert.equal(await userFromRequest(requestWith(launchToken({ exp: 1 }))), null, 'an expired token was accepted');
  assert.equal(await userFromRequest(new Request('http://partner.example/')), null, 'a request without a token was accepted');
  console.log('partner backend: a launch token verified on plain node; tampered, foreign, expired and missing ones refused');
} finally {
  server.close();
}
