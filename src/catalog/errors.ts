import type { AppStatus, Role } from './statuses.ts';

/**
 * Base of every error the catalog raises or reports. `code` is stable: callers switch on it,
 * never on the message (which is for people and may change).
 */
export abstract class CatalogError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A problem with one input field; `field` is a dotted path such as `name` or `payee.legalName`. */
export abstract class CatalogFieldError extends CatalogError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export class RequiredFieldError extends CatalogFieldError {
  static readonly code = 'ERR_FIELD_REQUIRED';
  readonly code = RequiredFieldError.code;
  constructor(field: string) {
    super(field, 'is required');
  }
}

export class TooShortError extends CatalogFieldError {
  static readonly code = 'ERR_FIELD_TOO_SHORT';
  readonly code = TooShortError.code;
  constructor(
    field: string,
    readonly min: number,
    readonly actual: number,
  ) {
    super(field, `must have at least ${min} characters, has ${actual}`);
  }
}

export class TooLongError extends CatalogFieldError {
  static readonly code = 'ERR_FIELD_TOO_LONG';
  readonly code = TooLongError.code;
  constructor(
    field: string,
    readonly max: number,
    readonly actual: number,
  ) {
    super(field, `must have at most ${max} characters, has ${actual}`);
  }
}

export class InvalidCharactersError extends CatalogFieldError {
  static readonly code = 'ERR_FIELD_INVALID_CHARACTERS';
  readonly code = InvalidCharactersError.code;
  /** The distinct offending characters, in order of first appearance. */
  constructor(
    field: string,
    readonly characters: readonly string[],
  ) {
    super(field, `may hold only letters, digits, hyphens and spaces; found ${characters.map((c) => JSON.stringify(c)).join(', ')}`);
  }
}

export class SurroundingSpacesError extends CatalogFieldError {
  static readonly code = 'ERR_FIELD_SURROUNDING_SPACES';
  readonly code = SurroundingSpacesError.code;
  constructor(field: string) {
    super(field, 'must not start or end with a space');
  }
}

export class UnknownCategoryError extends CatalogFieldError {
  static readonly code = 'ERR_UNKNOWN_CATEGORY';
  readonly code = UnknownCategoryError.code;
  constructor(
    field: string,
    readonly value: string,
  ) {
    super(field, `${JSON.stringify(value)} is not a catalog category`);
  }
}

export class LicenceNotOwnedError extends CatalogFieldError {
  static readonly code = 'ERR_LICENCE_NOT_OWNED';
  readonly code = LicenceNotOwnedError.code;
  constructor(
    field: string,
    readonly licence: string,
  ) {
    super(field, `licence ${licence} is not one the organisation bought`);
  }
}

export class LicenceTakenError extends CatalogFieldError {
  static readonly code = 'ERR_LICENCE_TAKEN';
  readonly code = LicenceTakenError.code;
  constructor(
    field: string,
    readonly licence: string,
    readonly holderAppId: string,
  ) {
    super(field, `licence ${licence} is already attached to app ${holderAppId}`);
  }
}

export class InvalidLicenceNameError extends CatalogFieldError {
  static readonly code = 'ERR_LICENCE_NAME_INVALID';
  readonly code = InvalidLicenceNameError.code;
  constructor(
    field: string,
    readonly licence: string,
  ) {
    super(field, `${JSON.stringify(licence)} is not a licence name (lower-case Latin letters then digits, like dmapp6)`);
  }
}

export class DuplicateLicenceError extends CatalogFieldError {
  static readonly code = 'ERR_LICENCE_DUPLICATE';
  readonly code = DuplicateLicenceError.code;
  constructor(
    field: string,
    readonly licence: string,
  ) {
    super(field, `licence ${licence} already exists`);
  }
}

export class PlacementRulesNotAcceptedError extends CatalogFieldError {
  static readonly code = 'ERR_PLACEMENT_RULES_NOT_ACCEPTED';
  readonly code = PlacementRulesNotAcceptedError.code;
  constructor(field: string) {
    super(field, 'the placement rules must be accepted every time a mini-app is added');
  }
}

export class InvalidBuildError extends CatalogFieldError {
  static readonly code = 'ERR_BUILD_INVALID';
  readonly code = InvalidBuildError.code;
}

export class UnknownWidgetScreenError extends CatalogFieldError {
  static readonly code = 'ERR_WIDGET_SCREEN_UNKNOWN';
  readonly code = UnknownWidgetScreenError.code;
  constructor(
    field: string,
    readonly value: unknown,
  ) {
    super(field, `${JSON.stringify(value) ?? String(value)} is not a widget screen (main, home, showcase, services)`);
  }
}

export class UnknownWidgetStateError extends CatalogFieldError {
  static readonly code = 'ERR_WIDGET_STATE_UNKNOWN';
  readonly code = UnknownWidgetStateError.code;
  constructor(
    field: string,
    readonly value: unknown,
  ) {
    super(field, `${JSON.stringify(value) ?? String(value)} is not a widget state (draft, published)`);
  }
}

/** Thrown by the throwing variants of validators: carries every field error found, not the first. */
export class ValidationFailedError extends CatalogError {
  static readonly code = 'ERR_VALIDATION_FAILED';
  readonly code = ValidationFailedError.code;
  constructor(readonly errors: readonly CatalogFieldError[]) {
    super(`${errors.length} invalid field(s): ${errors.map((e) => e.message).join('; ')}`);
  }
}

/** A status move the transition table does not hold for this action, status, role and review state. */
export abstract class StatusTransitionError extends CatalogError {
  constructor(
    readonly action: string,
    readonly from: AppStatus,
    readonly role: Role,
    message: string,
  ) {
    super(message);
  }
}

/** No row at all for this action from this status. */
export class TransitionForbiddenError extends StatusTransitionError {
  static readonly code = 'ERR_TRANSITION_FORBIDDEN';
  readonly code = TransitionForbiddenError.code;
  constructor(action: string, from: AppStatus, role: Role) {
    super(action, from, role, `"${action}" is not possible from status ${from}`);
  }
}

/** The move exists, but only for another role (e.g. only moderators approve). */
export class RoleForbiddenError extends StatusTransitionError {
  static readonly code = 'ERR_ROLE_FORBIDDEN';
  readonly code = RoleForbiddenError.code;
  constructor(action: string, from: AppStatus, role: Role) {
    super(action, from, role, `a ${role} may not "${action}" from status ${from}`);
  }
}

/** The move exists for this role, but only once the app has passed a review. */
export class ReviewRequiredError extends StatusTransitionError {
  static readonly code = 'ERR_REVIEW_REQUIRED';
  readonly code = ReviewRequiredError.code;
  constructor(action: string, from: AppStatus, role: Role) {
    super(action, from, role, `"${action}" is possible only after the app has passed moderation`);
  }
}

/** The move is in the table, but a precondition of the action fails (no build, no licence …). */
export class PreconditionFailedError extends CatalogError {
  static readonly code = 'ERR_PRECONDITION_FAILED';
  readonly code = PreconditionFailedError.code;
  constructor(
    readonly action: string,
    readonly reason: 'no-build' | 'no-licence' | 'not-reviewed' | 'unknown-app',
    message: string,
  ) {
    super(message);
  }
}

/** Widgets: the app is neither Active nor Testing, so it cannot be chosen for a screen. */
export class AppNotPlaceableError extends CatalogError {
  static readonly code = 'ERR_APP_NOT_PLACEABLE';
  readonly code = AppNotPlaceableError.code;
  constructor(
    readonly appId: string,
    readonly status: AppStatus,
  ) {
    super(`app ${appId} is ${status}; only Active and Testing apps can be placed as widgets`);
  }
}

/** The actor's role may not do this (outside the status table: licences, widgets, test tokens). */
export class NotAllowedError extends CatalogError {
  static readonly code = 'ERR_NOT_ALLOWED';
  readonly code = NotAllowedError.code;
}
