import type { Directory } from './directory.ts';
import {
  BotWithoutTagsError,
  ChatValidationError,
  DuplicateTagError,
  InvalidValueError,
  MissingValueError,
  TextTooLongError,
  TooManyItemsError,
  UnknownReferenceError,
} from './errors.ts';
import type { ChatFieldError } from './errors.ts';
import { chatTextLength, isBlankText } from './text-length.ts';

/**
 * Limits of the chat settings, in characters (code points, see text-length.ts). The SPEC fixes
 * the welcome texts, tags and finish texts; the call to choose a topic and the auto-replies are
 * ours: as long as the welcome text and a finish text respectively.
 */
export const CHAT_SETTINGS_LIMITS = {
  welcomeTitle: 30,
  welcomeText: 100,
  tags: 10,
  tagText: 30,
  autoReply: 255,
  callToChooseTopic: 100,
  finishText: 255,
} as const;

/**
 * How one employee is picked among those who qualify: at random (the default), in turn through
 * a queue per department, or the client's personal manager (city → region → branch).
 */
export type AssignmentStrategy = 'random' | 'round-robin' | 'personal-manager';
export const ASSIGNMENT_STRATEGIES: readonly AssignmentStrategy[] = ['random', 'round-robin', 'personal-manager'];

/** Where a tag sends a client whose object lies within one of `objectIds`. */
export interface AssignmentRule {
  /** Buildings, blocks or groups of projects; the client's object must lie within one of them. */
  objectIds: readonly string[];
  departmentId: string;
  /** Optional: preferred employees of that department. */
  employeeIds: readonly string[];
  /** How one of the qualifying employees is picked; `random` when absent. */
  strategy?: AssignmentStrategy;
}

export interface BotTag {
  id: string;
  text: string;
  autoReply: string;
  /** Tried in order; the first whose objects hold the client's object decides. */
  rules: readonly AssignmentRule[];
}

/** Who answers when the bot is off or the client types instead of choosing a tag. */
export interface DefaultResponsible {
  departmentId: string;
  employeeIds: readonly string[];
  /** How one of the qualifying employees is picked; `random` when absent. */
  strategy?: AssignmentStrategy;
}

export interface ChatSettings {
  welcomeTitle: string;
  welcomeText: string;
  responsible: DefaultResponsible;
  finishTexts: { resolved: string; noAnswer: string };
  /** An unanswered dialog ends by itself after this long; the next visit starts over. */
  restartTimeoutMs: number;
  bot: {
    enabled: boolean;
    /** The employee shown as the author of the greeting. */
    greetingEmployeeId: string | null;
    callToChooseTopic: string;
    tags: readonly BotTag[];
  };
}

/** True when the bot runs: switched on and holding at least one tag. */
export function isBotActive(settings: ChatSettings): boolean {
  return settings.bot.enabled && settings.bot.tags.length > 0;
}

function checkText(field: string, value: string, max: number, required: boolean, errors: ChatFieldError[]): void {
  if (isBlankText(value)) {
    if (required) errors.push(new MissingValueError(field));
    return;
  }
  const length = chatTextLength(value);
  if (length > max) errors.push(new TextTooLongError(field, max, length));
}

function checkDepartment(field: string, departmentId: string, directory: Directory | undefined, errors: ChatFieldError[]): void {
  if (isBlankText(departmentId)) errors.push(new MissingValueError(field));
  else if (directory && !directory.departments.some((d) => d.id === departmentId)) errors.push(new UnknownReferenceError(field, departmentId));
}

function checkEmployees(field: string, employeeIds: readonly string[], departmentId: string, directory: Directory | undefined, errors: ChatFieldError[]): void {
  if (!directory) return;
  employeeIds.forEach((id, i) => {
    const employee = directory.employees.find((e) => e.id === id);
    if (!employee) errors.push(new UnknownReferenceError(`${field}[${i}]`, id));
    else if (employee.departmentId !== departmentId) errors.push(new InvalidValueError(`${field}[${i}]`, `employee ${id} is not in department ${departmentId}`));
  });
}

function checkStrategy(field: string, strategy: AssignmentStrategy | undefined, errors: ChatFieldError[]): void {
  if (strategy !== undefined && !ASSIGNMENT_STRATEGIES.includes(strategy)) {
    errors.push(new InvalidValueError(field, `must be one of ${ASSIGNMENT_STRATEGIES.join(', ')}`));
  }
}

function checkRule(field: string, rule: AssignmentRule, directory: Directory | undefined, errors: ChatFieldError[]): void {
  if (rule.objectIds.length === 0) errors.push(new MissingValueError(`${field}.objectIds`));
  checkStrategy(`${field}.strategy`, rule.strategy, errors);
  if (directory) {
    rule.objectIds.forEach((id, i) => {
      if (!directory.objects.some((o) => o.id === id)) errors.push(new UnknownReferenceError(`${field}.objectIds[${i}]`, id));
    });
  }
  checkDepartment(`${field}.departmentId`, rule.departmentId, directory, errors);
  checkEmployees(`${field}.employeeIds`, rule.employeeIds, rule.departmentId, directory, errors);
}

function checkTags(settings: ChatSettings, directory: Directory | undefined, errors: ChatFieldError[]): void {
  const { tags } = settings.bot;
  if (tags.length > CHAT_SETTINGS_LIMITS.tags) errors.push(new TooManyItemsError('bot.tags', CHAT_SETTINGS_LIMITS.tags, tags.length));
  const seenTexts = new Set<string>();
  const seenIds = new Set<string>();
  tags.forEach((tag, i) => {
    const field = `bot.tags[${i}]`;
    if (isBlankText(tag.id)) errors.push(new MissingValueError(`${field}.id`));
    else if (seenIds.has(tag.id)) errors.push(new DuplicateTagError(`${field}.id`, tag.id));
    seenIds.add(tag.id);
    checkText(`${field}.text`, tag.text, CHAT_SETTINGS_LIMITS.tagText, true, errors);
    // Two tags the client cannot tell apart are a mistake, whatever their case or spacing.
    const key = tag.text.normalize('NFC').trim().toLocaleLowerCase();
    if (key && seenTexts.has(key)) errors.push(new DuplicateTagError(`${field}.text`, tag.text));
    seenTexts.add(key);
    checkText(`${field}.autoReply`, tag.autoReply, CHAT_SETTINGS_LIMITS.autoReply, true, errors);
    if (tag.rules.length === 0) errors.push(new MissingValueError(`${field}.rules`));
    tag.rules.forEach((rule, r) => checkRule(`${field}.rules[${r}]`, rule, directory, errors));
  });
}

/**
 * Validates chat settings and reports every problem at once, each naming its field. With a
 * directory, ids of departments, employees and objects are checked against it too.
 */
export function validateChatSettings(settings: ChatSettings, directory?: Directory): ChatFieldError[] {
  const errors: ChatFieldError[] = [];
  checkText('welcomeTitle', settings.welcomeTitle, CHAT_SETTINGS_LIMITS.welcomeTitle, true, errors);
  checkText('welcomeText', settings.welcomeText, CHAT_SETTINGS_LIMITS.welcomeText, true, errors);
  checkDepartment('responsible.departmentId', settings.responsible.departmentId, directory, errors);
  checkEmployees('responsible.employeeIds', settings.responsible.employeeIds, settings.responsible.departmentId, directory, errors);
  checkStrategy('responsible.strategy', settings.responsible.strategy, errors);
  checkText('finishTexts.resolved', settings.finishTexts.resolved, CHAT_SETTINGS_LIMITS.finishText, true, errors);
  checkText('finishTexts.noAnswer', settings.finishTexts.noAnswer, CHAT_SETTINGS_LIMITS.finishText, true, errors);
  if (!Number.isSafeInteger(settings.restartTimeoutMs) || settings.restartTimeoutMs <= 0) {
    errors.push(new InvalidValueError('restartTimeoutMs', 'must be a positive whole number of milliseconds'));
  }
  const { bot } = settings;
  if (bot.enabled) {
    if (bot.tags.length === 0) errors.push(new BotWithoutTagsError('bot.tags'));
    if (bot.greetingEmployeeId === null || isBlankText(bot.greetingEmployeeId)) errors.push(new MissingValueError('bot.greetingEmployeeId'));
    else if (directory && !directory.employees.some((e) => e.id === bot.greetingEmployeeId)) {
      errors.push(new UnknownReferenceError('bot.greetingEmployeeId', bot.greetingEmployeeId));
    }
  }
  checkText('bot.callToChooseTopic', bot.callToChooseTopic, CHAT_SETTINGS_LIMITS.callToChooseTopic, bot.enabled, errors);
  checkTags(settings, directory, errors);
  return errors;
}

/** Like `validateChatSettings`, but throws `ChatValidationError` holding every error. */
export function assertValidChatSettings(settings: ChatSettings, directory?: Directory): ChatSettings {
  const errors = validateChatSettings(settings, directory);
  if (errors.length > 0) throw new ChatValidationError(errors);
  return settings;
}
