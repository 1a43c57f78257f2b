/**
 * A refused save of the chat settings, by field. The backend lists the domain's errors in
 * `details.errors` (`bot.tags[0].text`) and the body schema's in `details.issues`
 * (`settings.bot.tags.0.text`); both come out here under the domain's field names.
 */
import { BackendError } from '../../src/backend/errors.ts';
import {
  BotWithoutTagsError,
  DuplicateTagError,
  InvalidValueError,
  MissingValueError,
  TextTooLongError,
  TooManyItemsError,
  UnknownReferenceError,
} from '../../src/chat/index.ts';
import type { ChatSettingsText } from './chat-settings.texts.ts';

export interface SettingsFieldError {
  field: string;
  code: string;
  message: string;
}

export interface SettingsErrors {
  fields: SettingsFieldError[];
  /** Problems that belong to no field (the network, a session that ended …). */
  general: string[];
}

export const NO_ERRORS: SettingsErrors = { fields: [], general: [] };

/** `settings.bot.tags.0.text` → `bot.tags[0].text`. */
function domainField(path: string): string {
  return path.replace(/^settings\./, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

export function settingsErrors(error: unknown): SettingsErrors {
  if (!(error instanceof BackendError)) return { fields: [], general: [String((error as Error)?.message ?? error)] };
  const details = error.details as { errors?: SettingsFieldError[]; issues?: { path?: string; message?: string }[] } | undefined;
  if (Array.isArray(details?.errors) && details.errors.length > 0) return { fields: details.errors.map((each) => ({ ...each })), general: [] };
  if (Array.isArray(details?.issues) && details.issues.length > 0) {
    return { fields: details.issues.map((issue) => ({ field: domainField(issue.path ?? ''), code: error.code, message: issue.message ?? error.message })), general: [] };
  }
  return { fields: [], general: [`${error.code}: ${error.message}`] };
}

/** The errors of one field and of its items (`responsible.employeeIds` takes `responsible.employeeIds[1]`). */
export function errorsAt(errors: SettingsErrors, field: string): SettingsFieldError[] {
  return errors.fields.filter((each) => each.field === field || each.field.startsWith(`${field}[`));
}

/** One field's problems in the form's language. */
export function describeAt(errors: SettingsErrors, field: string, t: ChatSettingsText): string {
  return errorsAt(errors, field).map((each) => describe(each, t)).join('; ');
}

export function describe(error: SettingsFieldError, t: ChatSettingsText): string {
  const max = /at most (\d+)/i.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case MissingValueError.code:
      if (error.field.endsWith('.rules')) return t('errRulesRequired');
      if (error.field.endsWith('.objectIds')) return t('errObjectsRequired');
      return t('errRequired');
    case TextTooLongError.code:
      return t('errTooLong', { max });
    case TooManyItemsError.code:
      return t('errTooManyTags', { max });
    case BotWithoutTagsError.code:
      return t('errBotWithoutTags');
    case DuplicateTagError.code:
      return t('errDuplicateTag');
    case UnknownReferenceError.code:
      return t('errUnknown');
    case InvalidValueError.code:
      if (error.field === 'restartTimeoutMs') return t('errTimeout');
      if (error.field === 'geography') return t('errGeography');
      return t('errInvalid', { detail: error.message });
    case 'INVALID_REQUEST':
      return max ? t('errTooLong', { max }) : t('errInvalid', { detail: error.message });
    default:
      return error.message;
  }
}
