import { expect } from 'chai';
import {
  NotAllowedError,
  PreconditionFailedError,
  TEST_TOKEN_LIFETIME_MS,
  isTestTokenValid,
  issueTestToken,
  latestTestToken,
} from '../../src/catalog/index.ts';
import { T0, appIn, moderator, partner } from './fixtures.ts';

const HOUR = 60 * 60 * 1000;

describe('catalog: test tokens', () => {
  const app = appIn('ready-to-publish', true);
  const first = issueTestToken(app, { tokenId: 't-1', userId: 'u-1', premisesId: 'p-1' }, partner, T0);

  it('lives 24 hours: valid one millisecond before, invalid at the 24th hour', () => {
    expect(TEST_TOKEN_LIFETIME_MS).to.equal(24 * HOUR);
    expect(isTestTokenValid(first, T0, first)).to.equal(true);
    expect(isTestTokenValid(first, T0 + 24 * HOUR - 1, first)).to.equal(true);
    expect(isTestTokenValid(first, T0 + 24 * HOUR, first)).to.equal(false);
    expect(isTestTokenValid(first, T0 - 1, first)).to.equal(false);
  });

  it('is revoked by the next token for the same user and app, not by another user’s', () => {
    const second = issueTestToken(app, { tokenId: 't-2', userId: 'u-1', premisesId: 'p-2' }, partner, T0 + HOUR);
    const otherUser = issueTestToken(app, { tokenId: 't-3', userId: 'u-2', premisesId: 'p-1' }, partner, T0 + 2 * HOUR);
    const records = [first, second, otherUser];
    const latest = latestTestToken(records, 'u-1', app.id);
    expect(latest?.tokenId).to.equal('t-2');
    expect(isTestTokenValid(first, T0 + 2 * HOUR, latest)).to.equal(false);
    expect(isTestTokenValid(second, T0 + 2 * HOUR, latest)).to.equal(true);
    expect(isTestTokenValid(otherUser, T0 + 2 * HOUR, latestTestToken(records, 'u-2', app.id))).to.equal(true);
  });

  it('is issued only by the partner, only after moderation', () => {
    expect(() => issueTestToken(appIn('inactive', false), { tokenId: 't', userId: 'u', premisesId: 'p' }, partner, T0)).to.throw(PreconditionFailedError);
    expect(() => issueTestToken(app, { tokenId: 't', userId: 'u', premisesId: 'p' }, moderator, T0)).to.throw(NotAllowedError);
  });
});
