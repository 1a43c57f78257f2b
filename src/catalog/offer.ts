import type { AppRecord } from './app-record.ts';

/** A user's acceptance of an app's public offer, tied to the version they saw. */
export interface OfferAcceptance {
  userId: string;
  appId: string;
  version: number;
  acceptedAt: number;
}

/** Records that `userId` accepts the app's current offer. */
export function acceptOffer(app: AppRecord, userId: string, now: number): OfferAcceptance {
  return { userId, appId: app.id, version: app.offer.version, acceptedAt: now };
}

/**
 * True when the user must (re)accept the offer before using the app: they never accepted it, or
 * accepted an older version that has since been replaced.
 */
export function needsOfferAcceptance(app: AppRecord, userId: string, acceptances: readonly OfferAcceptance[]): boolean {
  return !acceptances.some((a) => a.appId === app.id && a.userId === userId && a.version === app.offer.version);
}
