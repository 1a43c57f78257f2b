import { expect } from 'chai';
import { SEED_USERS } from '../../src/backend/index.ts';
import { createHarness, expectBackendError, expectErrorBody, T0, type Harness } from '../backend/harness.ts';

const anna = SEED_USERS[0]!;

describe('backend: sign-in by phone with a one-time code', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('sends a six-digit code that expires in five minutes, and signs in with it', async () => {
    const client = h.client();
    const sent = await client.requestCode(anna.phone);
    expect(h.sent).to.have.length(1);
    expect(h.sent[0]!.phone).to.equal(anna.phone);
    expect(h.sent[0]!.code).to.match(/^\d{6}$/);
    expect(sent).to.deep.equal({
      phone: anna.phone,
      expiresAt: new Date(T0 + 5 * 60_000).toISOString(),
      resendAt: new Date(T0 + 60_000).toISOString(),
      codeLength: 6,
    });

    const session = await client.signIn(anna.phone, h.sent[0]!.code);
    expect(session.sessionToken).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(session.user).to.deep.include({ id: anna.id, name: anna.name, phone: anna.phone });
    expect(session.user.premises).to.deep.equal({ id: 'premises-sp-12', title: 'Flat 12' });

    client.session.token = session.sessionToken;
    expect((await client.me()).user.id).to.equal(anna.id);
  });

  it('normalises the phone as typed', async () => {
    const client = h.client();
    const sent = await client.requestCode('+7 (999) 000-00-01');
    expect(sent.phone).to.equal(anna.phone);
  });

  it('refuses a wrong code and says how many attempts are left', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    const wrong = h.sent[0]!.code === '000000' ? '111111' : '000000';
    const error = await expectBackendError(client.signIn(anna.phone, wrong), 'WRONG_CODE', 400);
    expect(error.details).to.deep.equal({ attemptsLeft: 4 });
    expect(error.message).to.contain('4 attempts left');
    const second = await expectBackendError(client.signIn(anna.phone, wrong), 'WRONG_CODE');
    expect(second.details).to.deep.equal({ attemptsLeft: 3 });
    // The right code still works while attempts remain.
    expect((await client.signIn(anna.phone, h.sent[0]!.code)).user.id).to.equal(anna.id);
  });

  it('burns the code after five wrong attempts: even the right code is refused then', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    const right = h.sent[0]!.code;
    const wrong = right === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const error = await expectBackendError(client.signIn(anna.phone, wrong), 'WRONG_CODE');
      expect(error.details).to.deep.equal({ attemptsLeft: left });
    }
    await expectBackendError(client.signIn(anna.phone, wrong), 'TOO_MANY_ATTEMPTS', 400);
    await expectBackendError(client.signIn(anna.phone, right), 'TOO_MANY_ATTEMPTS');

    h.clock.advance(60_000);
    await client.requestCode(anna.phone);
    expect((await client.signIn(anna.phone, h.sent[1]!.code)).user.id).to.equal(anna.id);
  });

  it('refuses an expired code', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    h.clock.advance(5 * 60_000);
    await expectBackendError(client.signIn(anna.phone, h.sent[0]!.code), 'CODE_EXPIRED', 400);
    await expectBackendError(client.signIn(anna.phone, h.sent[0]!.code), 'NO_CODE');
  });

  it('accepts a code just before it expires', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    h.clock.advance(5 * 60_000 - 1);
    expect((await client.signIn(anna.phone, h.sent[0]!.code)).user.id).to.equal(anna.id);
  });

  it('uses a code once', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    await client.signIn(anna.phone, h.sent[0]!.code);
    await expectBackendError(client.signIn(anna.phone, h.sent[0]!.code), 'NO_CODE');
  });

  it('sends a new code at once after the last one was used to sign in, within the hour’s cap', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    await client.signIn(anna.phone, h.sent[0]!.code);
    // Signed out and back in within the minute: the used code protects nothing.
    await client.requestCode(anna.phone);
    expect(h.sent).to.have.length(2);
    expect(h.sent[1]!.code).to.not.equal(undefined);
    // While that one is unused the minute holds again.
    await expectBackendError(client.requestCode(anna.phone), 'RATE_LIMITED', 429);
    await client.signIn(anna.phone, h.sent[1]!.code);
    for (let i = 0; i < 3; i++) {
      await client.requestCode(anna.phone);
      await client.signIn(anna.phone, h.sent.at(-1)!.code);
    }
    await expectBackendError(client.requestCode(anna.phone), 'RATE_LIMITED', 429);
    expect(h.sent).to.have.length(5);
  });

  it('refuses to sign in when no code was requested', async () => {
    await expectBackendError(h.client().signIn(anna.phone, '123456'), 'NO_CODE', 400);
  });

  it('refuses a phone with no account', async () => {
    await expectBackendError(h.client().requestCode('+15550001122'), 'UNKNOWN_PHONE', 400);
    expect(h.sent).to.have.length(0);
  });

  it('rate-limits code requests: a minute between codes, five an hour', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    const tooSoon = await expectBackendError(client.requestCode(anna.phone), 'RATE_LIMITED', 429);
    expect(tooSoon.details).to.deep.equal({ retryAfterSeconds: 60 });
    expect(h.sent).to.have.length(1);

    for (let i = 0; i < 4; i++) {
      h.clock.advance(60_000);
      await client.requestCode(anna.phone);
    }
    h.clock.advance(60_000);
    const hourly = await expectBackendError(client.requestCode(anna.phone), 'RATE_LIMITED');
    expect(hourly.details).to.deep.equal({ retryAfterSeconds: 55 * 60 });
    expect(h.sent).to.have.length(5);

    h.clock.advance(55 * 60_000);
    await client.requestCode(anna.phone);
    expect(h.sent).to.have.length(6);
  });

  it('sends Retry-After with a rate-limit answer', async () => {
    await h.request('POST', '/auth/code', { body: { phone: anna.phone } });
    h.clock.advance(20_000);
    const response = await h.request('POST', '/auth/code', { body: { phone: anna.phone } });
    expect(response.headers.get('Retry-After')).to.equal('40');
    await expectErrorBody(response, 429, 'RATE_LIMITED');
  });

  it('limits codes per phone, not for everyone', async () => {
    const client = h.client();
    await client.requestCode(anna.phone);
    await client.requestCode(SEED_USERS[1]!.phone);
    expect(h.sent.map((message) => message.phone)).to.deep.equal([anna.phone, SEED_USERS[1]!.phone]);
  });

  it('signs out: the session token stops working', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    await client.signOut();
    await expectBackendError(client.me(), 'UNAUTHORIZED', 401);
  });

  it('ends a session after thirty days', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    h.clock.advance(30 * 24 * 3600_000);
    await expectBackendError(client.me(), 'UNAUTHORIZED', 401);
  });

  it('answers UNAUTHORIZED without a token, with a made-up token, and never reads cookies', async () => {
    await expectErrorBody(await h.request('GET', '/me'), 401, 'UNAUTHORIZED');
    await expectErrorBody(await h.request('GET', '/me', { token: 'made-up' }), 401, 'UNAUTHORIZED');
    const client = h.client();
    await client.signInAs(anna.phone);
    const withCookie = await h.app.fetch(
      new Request('http://backend.test/api/me', { headers: { Cookie: `session=${client.session.token}` } }),
    );
    await expectErrorBody(withCookie, 401, 'UNAUTHORIZED');
  });

  it('keeps the session token out of the store', async () => {
    const client = h.client();
    await client.signInAs(anna.phone);
    const sessions = await h.store.list('sessions');
    expect(sessions).to.have.length(1);
    expect(JSON.stringify(sessions)).to.not.contain(client.session.token!);
    expect(JSON.stringify(await h.store.list('codes'))).to.not.contain(`"${h.sent[0]!.code}"`);
  });
});
