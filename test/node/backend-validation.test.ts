import { expect } from 'chai';
import { SEED_APPS, SEED_USERS } from '../../src/backend/index.ts';
import { createHarness, expectErrorBody, type Harness } from '../backend/harness.ts';

const anna = SEED_USERS[0]!;
const bakery = SEED_APPS[0]!;

type Case = [label: string, body: { body?: unknown; rawBody?: string }];

const invalidJson: Case[] = [
  ['no body', { rawBody: '' }],
  ['a body that is not JSON', { rawBody: '{phone:' }],
  ['a JSON array', { body: [] }],
  ['null', { body: null }],
];

describe('backend: bad input is refused with 400 and changes nothing', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await createHarness();
    const client = h.client();
    await client.signInAs(anna.phone);
    token = client.session.token!;
    h.clock.advance(60_000);
  });

  async function expectInvalid(method: string, path: string, input: { body?: unknown; rawBody?: string }, auth?: string) {
    const error = await expectErrorBody(await h.request(method, path, { ...input, ...(auth ? { token: auth } : {}) }), 400, 'INVALID_REQUEST');
    return error;
  }

  for (const [label, input] of [
    ...invalidJson,
    ['a phone that is a number', { body: { phone: 79990000001 } }],
    ['a phone too short to be a number', { body: { phone: '8999000' } }],
    ['a phone with letters', { body: { phone: '+7999abc0001' } }],
    ['an unknown field', { body: { phone: anna.phone, admin: true } }],
  ] as Case[]) {
    it(`code request with ${label}: nothing is sent`, async () => {
      const before = h.sent.length;
      await expectInvalid('POST', '/auth/code', input);
      expect(h.sent).to.have.length(before);
    });
  }

  it('names the failing field in details.issues', async () => {
    const error = await expectInvalid('POST', '/auth/code', { body: { phone: 'abc' } });
    const { issues } = error.details as { issues: { path: string; message: string }[] };
    expect(issues[0]!.path).to.equal('phone');
    expect(issues[0]!.message).to.contain('international format');
  });

  for (const [label, input] of [
    ...invalidJson,
    ['no code', { body: { phone: anna.phone } }],
    ['a code with letters', { body: { phone: anna.phone, code: '12a456' } }],
    ['a code that is a number', { body: { phone: anna.phone, code: 123456 } }],
    ['a code too long', { body: { phone: anna.phone, code: '1234567890' } }],
    ['no phone', { body: { code: '123456' } }],
  ] as Case[]) {
    it(`sign-in with ${label}: no attempt is spent`, async () => {
      await h.client().requestCode(anna.phone);
      await expectInvalid('POST', '/auth/session', input);
      const record = await h.store.get<{ attemptsLeft: number }>('codes', anna.phone);
      expect(record!.attemptsLeft).to.equal(5);
      expect((await h.client().signIn(anna.phone, h.sent.at(-1)!.code)).user.id).to.equal(anna.id);
    });
  }

  for (const [label, input] of [
    ...invalidJson,
    ['a version that is a string', { body: { version: '1' } }],
    ['version 0', { body: { version: 0 } }],
    ['a fractional version', { body: { version: 1.5 } }],
    ['no version', { body: {} }],
  ] as Case[]) {
    it(`offer acceptance with ${label}: nothing is recorded`, async () => {
      await expectInvalid('PUT', `/apps/${bakery.id}/offer/acceptance`, input, token);
      expect(await h.store.list('offerAcceptances')).to.deep.equal([]);
    });
  }

  for (const [label, input] of [
    ...invalidJson,
    ['no user', { body: {} }],
    ['an empty user id', { body: { userId: '' } }],
    ['a user id with spaces', { body: { userId: 'user anna' } }],
    ['premises that are a number', { body: { userId: anna.id, premisesId: 12 } }],
  ] as Case[]) {
    it(`test token with ${label}: nothing is issued`, async () => {
      await expectInvalid('POST', `/partner/apps/${bakery.id}/test-tokens`, input, bakery.partnerKey);
      expect(await h.store.list('launchTokens')).to.deep.equal([]);
    });
  }

  for (const [label, input] of [
    ...invalidJson,
    ['an empty title', { body: { title: ' ', text: 'Terms' } }],
    ['no text', { body: { title: 'Terms' } }],
    ['a url that is not a URL', { body: { title: 'Terms', text: 'Text', url: 'terms.pdf' } }],
  ] as Case[]) {
    it(`offer publication with ${label}: the offer stays as it was`, async () => {
      await expectInvalid('PUT', `/partner/apps/${bakery.id}/offer`, input, bakery.partnerKey);
      expect((await h.client().getOffer(bakery.id)).version).to.equal(1);
    });
  }

  it('refuses malformed path parameters', async () => {
    await expectInvalid('GET', '/apps/bad%20id/offer', {});
    await expectInvalid('GET', '/tokens/not%20a%20jti', {});
  });

  it('answers NOT_FOUND with an error body for an unknown route', async () => {
    await expectErrorBody(await h.request('GET', '/nothing-here'), 404, 'NOT_FOUND');
  });
});
