import { assignDefault, assignForTag } from './assignment.ts';
import type { Assignment, ChooseEmployee, RandomSource } from './assignment.ts';
import { hasAccess } from './directory.ts';
import type { ChatClient, Directory } from './directory.ts';
import { isBotActive } from './settings.ts';
import type { ChatSettings } from './settings.ts';

/*
 * The chat-bot as a pure reducer: (state, event, deps) → { state, outgoing, assignment }.
 * It runs a dialog: greeting → call to choose a topic → on a tag its auto-reply and the routing,
 * or on free text the default responsible. Once a person has the dialog the bot is silent until
 * the dialog ends (by staff, or by the restart timeout when the client does not answer).
 * The transitions are listed in bot-transitions.ts, which a test holds this code to.
 */

/** The dialog's state. `awaitingClientSince`: when the client was last addressed without answering yet. */
export type BotState =
  | { kind: 'idle' }
  | { kind: 'choosing-topic'; startedAt: number; awaitingClientSince: number | null }
  | { kind: 'waiting-for-client'; startedAt: number; awaitingClientSince: number | null }
  | { kind: 'with-person'; startedAt: number; assignment: Assignment; awaitingClientSince: number | null };

export type BotStateKind = BotState['kind'];
export const BOT_STATE_KINDS: readonly BotStateKind[] = ['idle', 'choosing-topic', 'waiting-for-client', 'with-person'];

/** No dialog under way: the next visit starts over. */
export const IDLE: BotState = Object.freeze({ kind: 'idle' });

/** How staff end a dialog; each sends its configured finish text. */
export type DialogOutcome = 'resolved' | 'no-answer';

export type BotEvent =
  /** The client opened the chat (a visit). */
  | { type: 'client-opened' }
  | { type: 'client-chose-tag'; tagId: string }
  | { type: 'client-sent-text'; text: string }
  /** An employee wrote to the client. */
  | { type: 'staff-sent-message'; employeeId: string }
  /** Staff assigned the dialog to a department and optionally an employee. */
  | { type: 'staff-assigned'; departmentId: string; employeeId: string | null }
  | { type: 'staff-ended'; outcome: DialogOutcome }
  /** Time passed; lets the restart timeout end a dialog with no other event. */
  | { type: 'tick' };

export type BotEventType = BotEvent['type'];
export const BOT_EVENT_TYPES: readonly BotEventType[] = [
  'client-opened', 'client-chose-tag', 'client-sent-text', 'staff-sent-message', 'staff-assigned', 'staff-ended', 'tick',
];

/** What the reducer reads besides state and event. `now` and `random` are injected, never taken. */
export interface BotDeps {
  settings: ChatSettings;
  directory: Directory;
  client: ChatClient;
  random: RandomSource;
  now: number;
  /** Picks among qualifying employees by the rule's strategy; at random with `random` when absent. */
  chooseEmployee?: ChooseEmployee;
}

/** Messages the bot sends, as data: the UI words and localises them. */
export type BotOutgoing =
  | { kind: 'greeting'; employeeId: string | null; title: string; text: string }
  | { kind: 'choose-topic'; text: string; tags: { id: string; text: string }[] }
  | { kind: 'auto-reply'; tagId: string; text: string }
  /** "… took over": who has the dialog now (a department alone when nobody with access was found). */
  | { kind: 'taken-over'; departmentId: string; employeeId: string | null }
  | { kind: 'closing'; outcome: DialogOutcome; text: string };

export interface BotResult {
  state: BotState;
  outgoing: BotOutgoing[];
  /** A new assignment made by this step, if any. */
  assignment: Assignment | null;
  /** Set when this step ended the dialog. */
  ended: DialogOutcome | 'timeout' | null;
}

type ActiveState = Exclude<BotState, { kind: 'idle' }>;

function result(state: BotState, outgoing: BotOutgoing[] = [], assignment: Assignment | null = null, ended: BotResult['ended'] = null): BotResult {
  return { state, outgoing, assignment, ended };
}

/** True when the client has left the last message unanswered for the whole restart timeout. */
export function hasTimedOut(state: BotState, settings: ChatSettings, now: number): boolean {
  return state.kind !== 'idle' && state.awaitingClientSince !== null && now - state.awaitingClientSince >= settings.restartTimeoutMs;
}

function greeting(deps: BotDeps): BotOutgoing {
  const { settings } = deps;
  const employeeId = isBotActive(settings) ? settings.bot.greetingEmployeeId : null;
  return { kind: 'greeting', employeeId, title: settings.welcomeTitle, text: settings.welcomeText };
}

function startDialog(deps: BotDeps): BotResult {
  const { settings, now } = deps;
  if (!isBotActive(settings)) return result({ kind: 'waiting-for-client', startedAt: now, awaitingClientSince: now }, [greeting(deps)]);
  const topics: BotOutgoing = { kind: 'choose-topic', text: settings.bot.callToChooseTopic, tags: settings.bot.tags.map(({ id, text }) => ({ id, text })) };
  return result({ kind: 'choosing-topic', startedAt: now, awaitingClientSince: now }, [greeting(deps), topics]);
}

function takenOver(assignment: Assignment): BotOutgoing {
  return { kind: 'taken-over', departmentId: assignment.departmentId, employeeId: assignment.kind === 'employee' ? assignment.employeeId : null };
}

function handOver(startedAt: number, assignment: Assignment, awaitingClientSince: number | null, before: BotOutgoing[] = []): BotResult {
  return result({ kind: 'with-person', startedAt, assignment, awaitingClientSince }, [...before, takenOver(assignment)], assignment);
}

/** A manual assignment is taken only if it names a known department and, if any, an employee of it with access. */
function manualAssignment(event: Extract<BotEvent, { type: 'staff-assigned' }>, deps: BotDeps): Assignment | null {
  if (!deps.directory.departments.some((d) => d.id === event.departmentId)) return null;
  if (event.employeeId === null) return { kind: 'department', departmentId: event.departmentId, via: 'staff', fallback: null };
  const employee = deps.directory.employees.find((e) => e.id === event.employeeId);
  if (!employee || employee.departmentId !== event.departmentId || !hasAccess(deps.directory.objects, employee, deps.client.objectId)) return null;
  return { kind: 'employee', departmentId: event.departmentId, employeeId: employee.id, via: 'staff', fallback: null };
}

function fromIdle(event: BotEvent, deps: BotDeps): BotResult {
  switch (event.type) {
    case 'client-opened':
    case 'client-chose-tag': // a tap on a topic of an ended dialog starts over, with fresh topics
      return startDialog(deps);
    case 'client-sent-text': {
      const assignment = assignDefault(deps.settings, deps.client, deps.directory, deps.random, null, deps.chooseEmployee);
      return handOver(deps.now, assignment, null, [greeting(deps)]);
    }
    case 'staff-sent-message': {
      const employee = deps.directory.employees.find((e) => e.id === event.employeeId);
      if (!employee) return result(IDLE);
      return handOver(deps.now, { kind: 'employee', departmentId: employee.departmentId, employeeId: employee.id, via: 'staff', fallback: null }, deps.now);
    }
    case 'staff-assigned':
    case 'staff-ended':
    case 'tick':
      return result(IDLE);
  }
}

function fromActive(state: ActiveState, event: BotEvent, deps: BotDeps): BotResult {
  const { settings, directory, client, random, now } = deps;
  const withPerson = state.kind === 'with-person';
  switch (event.type) {
    case 'client-opened':
    case 'tick':
      return result(state);
    case 'client-chose-tag': {
      if (state.kind !== 'choosing-topic') return result(state); // the bot is off or silent
      const tag = settings.bot.tags.find((t) => t.id === event.tagId);
      if (!tag) return result(state);
      const assignment = assignForTag(tag, settings, client, directory, random, deps.chooseEmployee);
      return handOver(state.startedAt, assignment, null, [{ kind: 'auto-reply', tagId: tag.id, text: tag.autoReply }]);
    }
    case 'client-sent-text':
      if (withPerson) return result({ ...state, awaitingClientSince: null });
      return handOver(state.startedAt, assignDefault(settings, client, directory, random, null, deps.chooseEmployee), null);
    case 'staff-sent-message': {
      if (withPerson) return result({ ...state, awaitingClientSince: now });
      const employee = directory.employees.find((e) => e.id === event.employeeId);
      if (!employee) return result(state);
      return handOver(state.startedAt, { kind: 'employee', departmentId: employee.departmentId, employeeId: employee.id, via: 'staff', fallback: null }, now);
    }
    case 'staff-assigned': {
      const assignment = manualAssignment(event, deps);
      return assignment ? handOver(state.startedAt, assignment, state.awaitingClientSince) : result(state);
    }
    case 'staff-ended': {
      const text = event.outcome === 'resolved' ? settings.finishTexts.resolved : settings.finishTexts.noAnswer;
      return result(IDLE, [{ kind: 'closing', outcome: event.outcome, text }], null, event.outcome);
    }
  }
}

/**
 * One step of the dialog. A dialog the client left unanswered for the restart timeout ends
 * first (silently), so the event then meets an idle dialog: the next visit starts over.
 */
export function botReducer(state: BotState, event: BotEvent, deps: BotDeps): BotResult {
  if (hasTimedOut(state, deps.settings, deps.now)) {
    const next = fromIdle(event, deps);
    return { ...next, ended: next.ended ?? 'timeout' };
  }
  return state.kind === 'idle' ? fromIdle(event, deps) : fromActive(state, event, deps);
}
