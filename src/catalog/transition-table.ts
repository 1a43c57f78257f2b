import { RoleForbiddenError, ReviewRequiredError, TransitionForbiddenError } from './errors.ts';
import type { StatusTransitionError } from './errors.ts';
import type { AppStatus, Role } from './statuses.ts';

/** Every action that can change an app's status (or must be checked against it). */
export const ACTION_TYPES = [
  'upload-build',
  'send-to-moderation',
  'approve',
  'reject',
  'publish',
  'activate',
  'start-testing',
  'deactivate',
  'change-offer',
  'clear-licence',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * Which review state a row needs: `not-reviewed` before the first passed moderation,
 * `reviewed` after it, `any` for both.
 */
export type ReviewCondition = 'not-reviewed' | 'reviewed' | 'any';

/** One allowed move: (action, from, role, review condition) → to. */
export interface Transition {
  readonly action: ActionType;
  readonly from: AppStatus;
  readonly role: Role;
  readonly review: ReviewCondition;
  readonly to: AppStatus;
}

const row = (action: ActionType, from: AppStatus, role: Role, review: ReviewCondition, to: AppStatus): Transition =>
  Object.freeze({ action, from, role, review, to });

/**
 * The status machine, in one table. A move that is not a row here is refused.
 *
 * Before the first passed review a partner can only upload builds and send one to moderation
 * (plus keep the registration data right: replace the offer, clear the licence, neither of
 * which moves the app forward). After it, the partner switches freely among Inactive, Active
 * and Testing, and a new build or a new offer sends the app back to moderation.
 */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  // Builds: before the first review an upload only stores the build; afterwards it is a resubmission.
  row('upload-build', 'inactive', 'partner', 'not-reviewed', 'inactive'),
  row('upload-build', 'on-moderation', 'partner', 'any', 'on-moderation'),
  row('upload-build', 'inactive', 'partner', 'reviewed', 'on-moderation'),
  row('upload-build', 'ready-to-publish', 'partner', 'reviewed', 'on-moderation'),
  row('upload-build', 'testing', 'partner', 'reviewed', 'on-moderation'),
  row('upload-build', 'active', 'partner', 'reviewed', 'on-moderation'),
  row('send-to-moderation', 'inactive', 'partner', 'not-reviewed', 'on-moderation'),
  // Moderation: moderators alone decide.
  row('approve', 'on-moderation', 'moderator', 'any', 'ready-to-publish'),
  row('reject', 'on-moderation', 'moderator', 'any', 'inactive'),
  // After a passed review: publish, then switch freely among Inactive, Active and Testing.
  row('publish', 'ready-to-publish', 'partner', 'reviewed', 'active'),
  row('activate', 'inactive', 'partner', 'reviewed', 'active'),
  row('activate', 'testing', 'partner', 'reviewed', 'active'),
  row('start-testing', 'inactive', 'partner', 'reviewed', 'testing'),
  row('start-testing', 'ready-to-publish', 'partner', 'reviewed', 'testing'),
  row('start-testing', 'active', 'partner', 'reviewed', 'testing'),
  row('deactivate', 'ready-to-publish', 'partner', 'reviewed', 'inactive'),
  row('deactivate', 'testing', 'partner', 'reviewed', 'inactive'),
  row('deactivate', 'active', 'partner', 'reviewed', 'inactive'),
  // The offer: replaced freely before the first review; afterwards the change goes to moderation.
  row('change-offer', 'inactive', 'partner', 'not-reviewed', 'inactive'),
  row('change-offer', 'on-moderation', 'partner', 'any', 'on-moderation'),
  row('change-offer', 'inactive', 'partner', 'reviewed', 'on-moderation'),
  row('change-offer', 'ready-to-publish', 'partner', 'reviewed', 'on-moderation'),
  row('change-offer', 'testing', 'partner', 'reviewed', 'on-moderation'),
  row('change-offer', 'active', 'partner', 'reviewed', 'on-moderation'),
  // Clearing the licence always makes the app Inactive.
  row('clear-licence', 'inactive', 'partner', 'any', 'inactive'),
  row('clear-licence', 'on-moderation', 'partner', 'any', 'inactive'),
  row('clear-licence', 'ready-to-publish', 'partner', 'any', 'inactive'),
  row('clear-licence', 'testing', 'partner', 'any', 'inactive'),
  row('clear-licence', 'active', 'partner', 'any', 'inactive'),
]);

function reviewMatches(condition: ReviewCondition, hasPassedReview: boolean): boolean {
  return condition === 'any' || (condition === 'reviewed') === hasPassedReview;
}

/**
 * Looks up the move for an action. Returns the row, or the typed error that says why there is
 * none: no such move from this status, another role's move, or a move that needs a passed review.
 */
export function findTransition(
  action: ActionType,
  from: AppStatus,
  role: Role,
  hasPassedReview: boolean,
): { ok: true; transition: Transition } | { ok: false; error: StatusTransitionError } {
  const fromHere = TRANSITIONS.filter((t) => t.action === action && t.from === from);
  const forRole = fromHere.filter((t) => t.role === role);
  const match = forRole.find((t) => reviewMatches(t.review, hasPassedReview));
  if (match) return { ok: true, transition: match };
  if (fromHere.length === 0) return { ok: false, error: new TransitionForbiddenError(action, from, role) };
  if (forRole.length === 0) return { ok: false, error: new RoleForbiddenError(action, from, role) };
  if (!hasPassedReview) return { ok: false, error: new ReviewRequiredError(action, from, role) };
  return { ok: false, error: new TransitionForbiddenError(action, from, role) };
}
