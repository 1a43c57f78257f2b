import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyLaunchToken, verifyReceipt } from '../../src/server/index.ts';
import { generateSigningKey, issueLaunchToken, TokenError } from '../../src/tokens/index.ts';

// A partner backend must tell "the host's keys cannot be fetched now" (retry later) from "this
// token is bad" (refuse it): a key set that answers 404 or 500 is never a verdict on the token.
describe('verifying against a key set URL that answers with an HTTP error', () => {
  let server: Server;
  let url: string;
  let status = 404;
  before(async () => {
    server = createServer((_request, response) => response.writeHead(status, { 'Content-Type': 'application/json' }).end('{}'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  for (const code of [404, 500]) {
    it(`HTTP ${code}: the failure passes through, not as a TokenError`, async () => {
      status = code;
      const key = await generateSigningKey({ now: Date.now() });
      const { token } = await issueLaunchToken({ issuer: 'https://host.example', appId: 'bakery', key, now: Date.now(), profile: { id: 'u', name: 'U', phone: '+79990000001' } });
      for (const attempt of [
        () => verifyLaunchToken(token, { jwksUrl: url, issuer: 'https://host.example', audience: 'bakery' }),
        () => verifyReceipt(token, { jwksUrl: url, issuer: 'https://host.example', audience: 'bakery' }),
      ]) {
        let caught: unknown;
        try {
          await attempt();
        } catch (error) {
          caught = error;
        }
        expect(caught, 'it must fail').to.be.instanceOf(Error);
        expect(caught).not.to.be.instanceOf(TokenError);
        expect(String((caught as Error).message)).to.match(/200 OK|JSON Web Key Set/);
      }
    });
  }
});
