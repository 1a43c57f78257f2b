import { expect } from 'chai';
import { normalisePhone, SEED_USERS } from '../../src/backend/index.ts';
import { createHarness, expectBackendError, type Harness } from '../backend/harness.ts';

const anna = SEED_USERS[0]!;

describe('backend: phones as people type them', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  for (const typed of ['8 999 000-00-01', '79990000001', '89990000001', '+7 (999) 000-00-01', '9990000001', '8(999)000.00.01', '0079990000001', ' +7 999 000 00 01 ']) {
    it(`sends the code for “${typed}” to ${anna.phone}, and signs in with the phone typed the same way`, async () => {
      const client = h.client();
      const sent = await client.requestCode(typed);
      expect(sent.phone).to.equal(anna.phone);
      expect(h.sent.at(-1)!.phone).to.equal(anna.phone);
      const session = await client.signIn(typed, h.sent.at(-1)!.code);
      expect(session.user.id).to.equal(anna.id);
    });
  }

  for (const typed of ['12345', '8 999 000-00', '+7 999 000-00-01 ext 5', '', 'phone', '7 999 000-00-01-1234567']) {
    it(`refuses “${typed}” and says which forms work`, async () => {
      const error = await expectBackendError(h.client().requestCode(typed), 'INVALID_REQUEST', 400);
      const issues = (error.details as { issues: { message: string }[] }).issues;
      expect(issues[0]!.message).to.contain('8 999 000-00-01').and.to.contain('international format');
      expect(h.sent).to.have.length(0);
    });
  }

  it('refuses a phone longer than any number before normalising it', async () => {
    const error = await expectBackendError(h.client().requestCode('1'.repeat(65)), 'INVALID_REQUEST', 400);
    expect((error.details as { issues: { message: string }[] }).issues[0]!.message).to.contain('too long');
  });

  it('completes only Russian forms it can tell apart', () => {
    expect(normalisePhone('8 999 000-00-01')).to.equal('+79990000001');
    expect(normalisePhone('+1 555 000 1122')).to.equal('+15550001122');
    expect(normalisePhone('001 555 000 1122')).to.equal('+15550001122');
    // 10 digits not starting with 9, or 11 digits not starting with 7 or 8: left for the schema to refuse.
    expect(normalisePhone('4950000001')).to.equal('4950000001');
    expect(normalisePhone('19990000001')).to.equal('19990000001');
  });
});

describe('backend: a new code right after the old one is burnt', () => {
  it('sends a new code at once after five wrong attempts, while a working code still waits the resend interval', async () => {
    const h = await createHarness();
    const client = h.client();
    await client.requestCode(anna.phone);
    const right = h.sent[0]!.code;
    const wrong = right === '000000' ? '111111' : '000000';
    const waiting = await expectBackendError(client.requestCode(anna.phone), 'RATE_LIMITED', 429);
    expect((waiting.details as { retryAfterSeconds: number }).retryAfterSeconds).to.equal(60);
    for (let attempt = 0; attempt < 5; attempt++) await client.signIn(anna.phone, wrong).catch(() => undefined);
    await expectBackendError(client.signIn(anna.phone, right), 'TOO_MANY_ATTEMPTS');
    await client.requestCode(anna.phone);
    expect(h.sent).to.have.length(2);
    expect((await client.signIn(anna.phone, h.sent[1]!.code)).user.id).to.equal(anna.id);
  });
});
