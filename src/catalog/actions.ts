import type { AppRecord, Build, OfferDocument } from './app-record.ts';
import { InvalidBuildError, NotAllowedError, PreconditionFailedError, RequiredFieldError, ValidationFailedError } from './errors.ts';
import type { CatalogFieldError } from './errors.ts';
import { checkOffer } from './registration.ts';
import type { Actor } from './statuses.ts';
import { isBlank } from './text-rules.ts';
import { findTransition } from './transition-table.ts';
import type { ActionType, Transition } from './transition-table.ts';

/** A build as the partner uploads it; the catalog adds the time and the review state. */
export interface BuildUpload {
  id: string;
  fileName: string;
  sizeBytes: number;
  /** SHA-256 of the bytes (hex), when the uploader computed it. */
  sha256?: string;
}

/** Everything that can be done to one app. Licence attachment lives in licences.ts (it spans apps). */
export type AppAction =
  | { type: 'upload-build'; build: BuildUpload }
  | { type: 'send-to-moderation' }
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'publish' }
  | { type: 'activate' }
  | { type: 'start-testing' }
  | { type: 'deactivate' }
  | { type: 'change-offer'; offer: OfferDocument }
  | { type: 'clear-licence' };

// Compile-time check that the table's action names and the action union stay the same set.
type _SameActions = [ActionType] extends [AppAction['type']] ? ([AppAction['type']] extends [ActionType] ? true : never) : never;
const _sameActions: _SameActions = true;
void _sameActions;

function checkBuild(app: AppRecord, build: BuildUpload): CatalogFieldError[] {
  const errors: CatalogFieldError[] = [];
  if (isBlank(build.id)) errors.push(new RequiredFieldError('build.id'));
  else if (app.builds.some((b) => b.id === build.id)) errors.push(new InvalidBuildError('build.id', `build ${build.id} was already uploaded`));
  if (isBlank(build.fileName)) errors.push(new RequiredFieldError('build.fileName'));
  else if (!/\.zip$/i.test(build.fileName)) errors.push(new InvalidBuildError('build.fileName', 'a build is a .zip file'));
  if (!Number.isSafeInteger(build.sizeBytes) || build.sizeBytes <= 0) errors.push(new InvalidBuildError('build.sizeBytes', 'must be a positive whole number of bytes'));
  return errors;
}

function checkPreconditions(app: AppRecord, action: AppAction, transition: Transition, actor: Actor): void {
  if (actor.role === 'partner' && actor.organisationId !== app.organisationId) {
    throw new NotAllowedError(`app ${app.id} belongs to another organisation`);
  }
  // Only an Inactive app may be without a licence (clearing it makes the app Inactive).
  if (transition.to !== 'inactive' && app.licence === null) {
    throw new PreconditionFailedError(action.type, 'no-licence', `app ${app.id} has no licence`);
  }
  if (action.type === 'send-to-moderation' && app.builds.length === 0) {
    throw new PreconditionFailedError(action.type, 'no-build', 'upload a build before sending the app to moderation');
  }
  if (action.type === 'reject' && isBlank(action.reason)) throw new ValidationFailedError([new RequiredFieldError('reason')]);
  if (action.type === 'upload-build') {
    const errors = checkBuild(app, action.build);
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }
  if (action.type === 'change-offer') {
    const errors = checkOffer('offer', action.offer);
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }
}

function setReview(builds: readonly Build[], from: Build['review'], to: Build['review']): Build[] {
  return builds.map((b) => (b.review === from ? { ...b, review: to } : b));
}

function effects(app: AppRecord, action: AppAction, to: Transition['to'], now: number): Partial<AppRecord> {
  switch (action.type) {
    case 'upload-build': {
      const sentNow = to === 'on-moderation';
      // A new build supersedes one still waiting for review: that one goes back to merely uploaded.
      const builds = setReview(app.builds, 'on-moderation', 'uploaded');
      return { builds: [...builds, { ...action.build, uploadedAt: now, review: sentNow ? 'on-moderation' : 'uploaded' }] };
    }
    case 'send-to-moderation': {
      const latest = app.builds.length - 1;
      return { builds: app.builds.map((b, i) => (i === latest ? { ...b, review: 'on-moderation' } : b)) };
    }
    case 'approve': {
      const reviewed = app.builds.filter((b) => b.review === 'on-moderation').at(-1);
      return {
        hasPassedReview: true,
        rejectionReason: null,
        builds: setReview(app.builds, 'on-moderation', 'approved'),
        // An approval of an offer change alone keeps the live build.
        liveBuildId: reviewed?.id ?? app.liveBuildId,
      };
    }
    case 'reject':
      return { rejectionReason: action.reason.trim(), builds: setReview(app.builds, 'on-moderation', 'rejected') };
    case 'change-offer':
      return { offer: { ...action.offer, version: app.offer.version + 1, since: now } };
    case 'clear-licence':
      return { licence: null };
    case 'publish':
    case 'activate':
    case 'start-testing':
    case 'deactivate':
      return {};
  }
}

/**
 * Applies one action to an app and returns the new record; the given one is never changed.
 * Throws a `StatusTransitionError` when the transition table holds no such move for the actor's
 * role and the app's status and review state, `NotAllowedError` for a partner of another
 * organisation, `PreconditionFailedError` when the move exists but the app is not ready for it,
 * `ValidationFailedError` for bad action data. Fields a caller keeps beside the catalog's (a
 * backend's own) are carried over unchanged.
 */
export function applyAction<A extends AppRecord>(app: A, action: AppAction, actor: Actor, now: number): A {
  const found = findTransition(action.type, app.status, actor.role, app.hasPassedReview);
  if (!found.ok) throw found.error;
  checkPreconditions(app, action, found.transition, actor);
  return { ...app, ...effects(app, action, found.transition.to, now), status: found.transition.to, updatedAt: now };
}
