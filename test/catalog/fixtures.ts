import { createAppRecord } from '../../src/catalog/index.ts';
import type { Actor, AppRecord, AppStatus, RegistrationInput } from '../../src/catalog/index.ts';

export const ORG = 'org-1';
export const partner: Actor = { userId: 'partner-1', role: 'partner', organisationId: ORG };
export const otherPartner: Actor = { userId: 'partner-2', role: 'partner', organisationId: 'org-2' };
export const moderator: Actor = { userId: 'moderator-1', role: 'moderator' };
export const T0 = 1_700_000_000_000;

/** A registration that passes every rule; tests change one field at a time. */
export function validInput(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    licence: 'dmapp6',
    name: 'Pizza Express',
    description: 'Order pizza to your door in 30 minutes',
    category: 'food-and-drinks',
    offer: { documentId: 'offer-1', title: 'Public offer', url: 'https://partner.example/offer.pdf' },
    takesPayments: false,
    payee: null,
    bankAccount: null,
    placementRulesAccepted: true,
    ...overrides,
  };
}

export const context = { organisationLicences: ['dmapp6', 'dmapp7'], licenceHolders: new Map<string, string>() };

/** An app record in any status, with a licence and one build, to exercise the table directly. */
export function appIn(status: AppStatus, hasPassedReview: boolean, overrides: Partial<AppRecord> = {}): AppRecord {
  const registered = createAppRecord(
    { ...validInput(), category: 'food-and-drinks', offer: validInput().offer!, placementRulesAccepted: true },
    { appId: 'app-1', organisationId: ORG },
    T0,
  );
  return {
    ...registered,
    status,
    hasPassedReview,
    builds: [{ id: 'build-1', fileName: 'app.zip', sizeBytes: 1024, uploadedAt: T0, review: hasPassedReview ? 'approved' : 'uploaded' }],
    liveBuildId: hasPassedReview ? 'build-1' : null,
    ...overrides,
  };
}

/** Freezes a value and everything inside it, so any mutation throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
