import type { AppRecord } from './app-record.ts';
import { applyAction } from './actions.ts';
import {
  DuplicateLicenceError,
  InvalidLicenceNameError,
  NotAllowedError,
  PreconditionFailedError,
  ValidationFailedError,
} from './errors.ts';
import { checkLicenceChoice, createAppRecord, validateRegistration } from './registration.ts';
import type { RegistrationContext, RegistrationInput } from './registration.ts';
import type { Actor } from './statuses.ts';

/** A licence an organisation bought; moderators add them. */
export interface Licence {
  name: string;
  organisationId: string;
  addedAt: number;
}

/**
 * The part of the catalog that spans apps: licences and the apps holding them. Registration and
 * licence moves live here because they must look at every app (a licence serves at most one).
 * Which app holds a licence is read from the apps themselves (`app.licence`): one source of truth.
 */
export interface CatalogState {
  readonly licences: readonly Licence[];
  readonly apps: readonly AppRecord[];
}

/** Licence names look like `dmapp6`: lower-case Latin letters, then a number. */
export const LICENCE_NAME = /^[a-z]+[1-9][0-9]*$/;

/** Licence → id of the app it is attached to. */
export function licenceHolders(apps: readonly AppRecord[]): Map<string, string> {
  const holders = new Map<string, string>();
  for (const app of apps) if (app.licence !== null) holders.set(app.licence, app.id);
  return holders;
}

/** What registration validation needs to know, taken from the catalog for one organisation. */
export function registrationContext(state: CatalogState, organisationId: string, appId?: string): RegistrationContext {
  return {
    organisationLicences: state.licences.filter((l) => l.organisationId === organisationId).map((l) => l.name),
    licenceHolders: licenceHolders(state.apps),
    ...(appId === undefined ? {} : { appId }),
  };
}

function findApp(state: CatalogState, appId: string, action: string): AppRecord {
  const app = state.apps.find((a) => a.id === appId);
  if (!app) throw new PreconditionFailedError(action, 'unknown-app', `no app ${appId}`);
  return app;
}

function replaceApp(state: CatalogState, app: AppRecord): CatalogState {
  return { ...state, apps: state.apps.map((a) => (a.id === app.id ? app : a)) };
}

function requirePartnerOf(actor: Actor, organisationId: string, what: string): void {
  if (actor.role !== 'partner' || actor.organisationId !== organisationId) {
    throw new NotAllowedError(`only the organisation's partner staff may ${what}`);
  }
}

/** A moderator records a licence the organisation bought. Names are unique platform-wide. */
export function addLicence(state: CatalogState, licence: { name: string; organisationId: string }, actor: Actor, now: number): CatalogState {
  if (actor.role !== 'moderator') throw new NotAllowedError('only moderators add licences');
  if (!LICENCE_NAME.test(licence.name)) throw new ValidationFailedError([new InvalidLicenceNameError('name', licence.name)]);
  if (state.licences.some((l) => l.name === licence.name)) throw new ValidationFailedError([new DuplicateLicenceError('name', licence.name)]);
  return { ...state, licences: [...state.licences, { ...licence, addedAt: now }] };
}

/** Registers a new app (status Inactive). Throws `ValidationFailedError` with every problem found. */
export function registerApp(
  state: CatalogState,
  input: RegistrationInput,
  ids: { appId: string; organisationId: string },
  actor: Actor,
  now: number,
): { state: CatalogState; app: AppRecord } {
  requirePartnerOf(actor, ids.organisationId, 'register apps');
  if (state.apps.some((a) => a.id === ids.appId)) throw new NotAllowedError(`app id ${ids.appId} is taken`);
  const result = validateRegistration(input, registrationContext(state, ids.organisationId));
  if (!result.ok) throw new ValidationFailedError(result.errors);
  const app = createAppRecord(result.value, ids, now);
  return { state: { ...state, apps: [...state.apps, app] }, app };
}

/**
 * Attaches one of the organisation's licences to an app (replacing its current one, which is
 * freed). A licence held by another app is refused: a licence serves at most one app at a time.
 * The status does not change.
 */
export function attachLicence(state: CatalogState, appId: string, licence: string, actor: Actor, now: number): CatalogState {
  const app = findApp(state, appId, 'attach-licence');
  return replaceApp(state, attachLicenceTo(app, licence, registrationContext(state, app.organisationId, app.id), actor, now));
}

/**
 * `attachLicence` for one app, given what the choice depends on: the organisation's licences and
 * the current holder of this licence (a backend reads just those rather than the whole catalog).
 */
export function attachLicenceTo<A extends AppRecord>(app: A, licence: string, context: RegistrationContext, actor: Actor, now: number): A {
  requirePartnerOf(actor, app.organisationId, 'attach licences');
  const errors = checkLicenceChoice('licence', licence, { ...context, appId: app.id });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { ...app, licence, updatedAt: now };
}

/** Clears an app's licence, which makes it Inactive (see the transition table). */
export function clearLicence(state: CatalogState, appId: string, actor: Actor, now: number): CatalogState {
  return replaceApp(state, applyAction(findApp(state, appId, 'clear-licence'), { type: 'clear-licence' }, actor, now));
}

/** Applies an action to one app of the catalog; see `applyAction`. */
export function applyToCatalog(state: CatalogState, appId: string, action: Parameters<typeof applyAction>[1], actor: Actor, now: number): CatalogState {
  return replaceApp(state, applyAction(findApp(state, appId, action.type), action, actor, now));
}
