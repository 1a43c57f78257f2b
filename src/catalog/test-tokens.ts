import type { AppRecord } from './app-record.ts';
import { NotAllowedError, PreconditionFailedError } from './errors.ts';
import type { Actor } from './statuses.ts';

/** A test launch token lives 24 hours at most. */
export const TEST_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** What the catalog keeps about a test token (the signed JWT itself is made in src/tokens). */
export interface TestTokenRecord {
  tokenId: string;
  appId: string;
  userId: string;
  premisesId: string;
  issuedAt: number;
  /** `issuedAt + TEST_TOKEN_LIFETIME_MS`; the token is valid strictly before it. */
  expiresAt: number;
}

/**
 * A partner generates a test token for a chosen user and premises, once the app has passed
 * moderation. The new record supersedes any earlier one for the same user and app.
 */
export function issueTestToken(
  app: AppRecord,
  request: { tokenId: string; userId: string; premisesId: string },
  actor: Actor,
  now: number,
): TestTokenRecord {
  if (actor.role !== 'partner' || actor.organisationId !== app.organisationId) {
    throw new NotAllowedError(`only the partner staff of app ${app.id} generate its test tokens`);
  }
  if (!app.hasPassedReview) {
    throw new PreconditionFailedError('issue-test-token', 'not-reviewed', 'test tokens are available after the app passes moderation');
  }
  return { ...request, appId: app.id, issuedAt: now, expiresAt: now + TEST_TOKEN_LIFETIME_MS };
}

/** The newest token for a user and app (the last issued; on equal times the later in the list). */
export function latestTestToken(records: readonly TestTokenRecord[], userId: string, appId: string): TestTokenRecord | undefined {
  let latest: TestTokenRecord | undefined;
  for (const r of records) {
    if (r.userId === userId && r.appId === appId && (!latest || r.issuedAt >= latest.issuedAt)) latest = r;
  }
  return latest;
}

/**
 * A test token is valid for 24 hours, or until the next one is generated for the same user and
 * app, whichever comes first.
 */
export function isTestTokenValid(record: TestTokenRecord, now: number, latestForUserAndApp: TestTokenRecord | undefined): boolean {
  return latestForUserAndApp?.tokenId === record.tokenId && now >= record.issuedAt && now < record.expiresAt;
}
