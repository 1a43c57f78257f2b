/**
 * The catalog domain's typed errors (src/catalog/errors.ts) as backend error answers: every
 * field error is listed in `details.issues` as `{ path, message, reason, ... }`, the same shape as
 * a malformed body, with `reason` the domain's code and the error's own facts beside it.
 */
import {
  AppNotPlaceableError,
  CatalogError,
  type CatalogFieldError,
  NotAllowedError,
  PreconditionFailedError,
  ReviewRequiredError,
  RoleForbiddenError,
  StatusTransitionError,
  ValidationFailedError,
} from '../catalog/index.ts';
import { BackendError } from './errors.ts';

export interface CatalogIssue {
  path: string;
  message: string;
  /** The catalog's code, e.g. `ERR_FIELD_TOO_SHORT`, `ERR_LICENCE_TAKEN`. */
  reason: string;
  [fact: string]: unknown;
}

export function catalogIssue(error: CatalogFieldError): CatalogIssue {
  const { field, code, name: _name, ...facts } = { ...error } as CatalogFieldError & Record<string, unknown>;
  return { ...facts, path: field, message: error.message, reason: code };
}

/** The backend answer for a catalog error; anything else is returned as it is. */
export function fromCatalogError(error: unknown): unknown {
  if (!(error instanceof CatalogError)) return error;
  if (error instanceof ValidationFailedError) {
    return new BackendError('INVALID_REQUEST', error.message, { issues: error.errors.map(catalogIssue) });
  }
  if (error instanceof StatusTransitionError) {
    const details = { action: error.action, status: error.from, role: error.role, reason: error.code };
    if (error instanceof RoleForbiddenError) return new BackendError('FORBIDDEN', error.message, details);
    if (error instanceof ReviewRequiredError) return new BackendError('REVIEW_REQUIRED', error.message, details);
    return new BackendError('TRANSITION_FORBIDDEN', error.message, details);
  }
  if (error instanceof PreconditionFailedError) {
    if (error.reason === 'unknown-app') return new BackendError('APP_NOT_FOUND', error.message);
    if (error.reason === 'not-reviewed') return new BackendError('REVIEW_REQUIRED', error.message, { action: error.action, reason: error.code });
    return new BackendError('PRECONDITION_FAILED', error.message, { action: error.action, reason: error.reason });
  }
  if (error instanceof AppNotPlaceableError) return new BackendError('APP_NOT_PLACEABLE', error.message, { status: error.status, reason: error.code });
  if (error instanceof NotAllowedError) return new BackendError('FORBIDDEN', error.message, { reason: error.code });
  return new BackendError('INVALID_REQUEST', error.message, { reason: error.code });
}
