import type { AppRecord, BankAccount, OfferDocument, Payee } from './app-record.ts';
import { isCategory } from './categories.ts';
import type { Category } from './categories.ts';
import {
  LicenceNotOwnedError,
  LicenceTakenError,
  PlacementRulesNotAcceptedError,
  RequiredFieldError,
  UnknownCategoryError,
  ValidationFailedError,
} from './errors.ts';
import type { CatalogFieldError } from './errors.ts';
import { AppStatus } from './statuses.ts';
import { checkPlainText, isBlank } from './text-rules.ts';

/** Limits of the registration's free-text fields, in code points (see text-rules.ts). */
export const NAME_LIMITS = { min: 5, max: 128 } as const;
export const DESCRIPTION_LIMITS = { min: 5, max: 500 } as const;

/** What a partner submits to register a mini-app. Every field is required (payments: when taken). */
export interface RegistrationInput {
  licence: string;
  name: string;
  description: string;
  category: string;
  offer: OfferDocument | null;
  takesPayments: boolean;
  payee: Payee | null;
  bankAccount: BankAccount | null;
  /** Must be true on every creation: acceptance is never remembered from a previous app. */
  placementRulesAccepted: boolean;
}

/** A registration that passed validation: text is NFC, the category is known. */
export interface Registration extends Omit<RegistrationInput, 'category' | 'placementRulesAccepted'> {
  category: Category;
  offer: OfferDocument;
  placementRulesAccepted: true;
}

/** What validation needs to know about the organisation's licences. */
export interface RegistrationContext {
  /** Licences the organisation bought. */
  organisationLicences: readonly string[];
  /** Licence → id of the app it is attached to now. */
  licenceHolders: ReadonlyMap<string, string>;
  /** The app being edited, whose own licence does not count as taken. */
  appId?: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: CatalogFieldError[] };

function requireText(field: string, value: string | null | undefined, errors: CatalogFieldError[]): void {
  if (isBlank(value)) errors.push(new RequiredFieldError(field));
}

/** Checks a licence choice: owned by the organisation and not attached to another app. */
export function checkLicenceChoice(field: string, licence: string, context: RegistrationContext): CatalogFieldError[] {
  if (isBlank(licence)) return [new RequiredFieldError(field)];
  if (!context.organisationLicences.includes(licence)) return [new LicenceNotOwnedError(field, licence)];
  const holder = context.licenceHolders.get(licence);
  if (holder !== undefined && holder !== context.appId) return [new LicenceTakenError(field, licence, holder)];
  return [];
}

/**
 * Checks the offer document: present, with an id, a title, and its address or its text (or both);
 * whichever is given must not be blank.
 */
export function checkOffer(field: string, offer: OfferDocument | null): CatalogFieldError[] {
  if (offer === null) return [new RequiredFieldError(field)];
  const errors: CatalogFieldError[] = [];
  requireText(`${field}.documentId`, offer.documentId, errors);
  requireText(`${field}.title`, offer.title, errors);
  if (offer.url !== undefined || offer.text === undefined) requireText(`${field}.url`, offer.url, errors);
  if (offer.text !== undefined) requireText(`${field}.text`, offer.text, errors);
  return errors;
}

/** The descriptive part of a registration, which the partner may also edit later. */
export type AppDetailsInput = Pick<RegistrationInput, 'name' | 'description' | 'category' | 'takesPayments' | 'payee' | 'bankAccount'>;

/** Details that passed validation: text is NFC, the category is known, payment details only when taken. */
export interface AppDetails extends Omit<AppDetailsInput, 'category'> {
  category: Category;
}

function checkDescriptive(input: AppDetailsInput, errors: CatalogFieldError[]): { name: string; description: string } {
  const name = checkPlainText('name', input.name, NAME_LIMITS);
  errors.push(...name.errors);
  const description = checkPlainText('description', input.description, DESCRIPTION_LIMITS);
  errors.push(...description.errors);
  if (isBlank(input.category)) errors.push(new RequiredFieldError('category'));
  else if (!isCategory(input.category)) errors.push(new UnknownCategoryError('category', input.category));
  return { name: name.value, description: description.value };
}

function checkPayments(input: AppDetailsInput, errors: CatalogFieldError[]): void {
  if (!input.takesPayments) return;
  if (input.payee === null) errors.push(new RequiredFieldError('payee'));
  else {
    requireText('payee.legalName', input.payee.legalName, errors);
    requireText('payee.taxId', input.payee.taxId, errors);
  }
  if (input.bankAccount === null) errors.push(new RequiredFieldError('bankAccount'));
  else {
    requireText('bankAccount.accountNumber', input.bankAccount.accountNumber, errors);
    requireText('bankAccount.bankId', input.bankAccount.bankId, errors);
  }
}

function detailsOf(input: AppDetailsInput, text: { name: string; description: string }): AppDetails {
  return {
    ...text,
    category: input.category as Category,
    takesPayments: input.takesPayments,
    // Payment details are kept only when the app takes payments.
    payee: input.takesPayments ? input.payee : null,
    bankAccount: input.takesPayments ? input.bankAccount : null,
  };
}

/** Checks name, description, category and the payment details, reporting every problem found. */
export function validateDetails(input: AppDetailsInput): ValidationResult<AppDetails> {
  const errors: CatalogFieldError[] = [];
  const text = checkDescriptive(input, errors);
  checkPayments(input, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: detailsOf(input, text) };
}

/**
 * Validates a registration and reports every problem at once, each naming its field, in the
 * order of the form. Nothing is trimmed: see text-rules.ts for how text is counted and which
 * characters pass.
 */
export function validateRegistration(input: RegistrationInput, context: RegistrationContext): ValidationResult<Registration> {
  const errors: CatalogFieldError[] = [];
  errors.push(...checkLicenceChoice('licence', input.licence, context));
  const text = checkDescriptive(input, errors);
  errors.push(...checkOffer('offer', input.offer));
  checkPayments(input, errors);
  if (input.placementRulesAccepted !== true) errors.push(new PlacementRulesNotAcceptedError('placementRulesAccepted'));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { ...input, ...detailsOf(input, text), offer: input.offer as OfferDocument, placementRulesAccepted: true },
  };
}

/** Like `validateRegistration`, but throws `ValidationFailedError` holding every error. */
export function assertValidRegistration(input: RegistrationInput, context: RegistrationContext): Registration {
  const result = validateRegistration(input, context);
  if (!result.ok) throw new ValidationFailedError(result.errors);
  return result.value;
}

/** Builds the record of a newly registered app: Inactive, offer version 1, no build yet. */
export function createAppRecord(registration: Registration, ids: { appId: string; organisationId: string }, now: number): AppRecord {
  return {
    id: ids.appId,
    organisationId: ids.organisationId,
    name: registration.name,
    description: registration.description,
    category: registration.category,
    status: AppStatus.INACTIVE,
    createdAt: now,
    updatedAt: now,
    licence: registration.licence,
    offer: { ...registration.offer, version: 1, since: now },
    takesPayments: registration.takesPayments,
    payee: registration.payee,
    bankAccount: registration.bankAccount,
    hasPassedReview: false,
    rejectionReason: null,
    builds: [],
    liveBuildId: null,
  };
}
