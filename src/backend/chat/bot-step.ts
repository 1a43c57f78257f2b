/*
 * One step of the bot (src/chat's reducer, unchanged) inside the transaction of the request that
 * caused it. The conversation's bot state and status are the ones read in this transaction, so a
 * person who took over a moment ago is seen: the bot never speaks in an open conversation, and
 * a hand-off is claimed once however many requests race for it.
 */
import {
  botReducer,
  EMPTY_ROUND_ROBIN,
  IDLE,
  pickAtRandom,
  routeToPersonalManager,
  takeTurn,
  type Assignment,
  type BotEvent,
  type BotLine,
  type BotOutgoing,
  type BotResult,
  type ChatClient,
  type ChooseEmployee,
  type ConversationStatus,
  type Directory,
  type RoundRobinState,
} from '../../chat/index.ts';
import { notifyStaff } from '../notifications.ts';
import { sequenceKey } from '../store.ts';
import { ChatCollection, type ChatSettingsRecord, type ConversationRecord } from './records.ts';
import type { ConversationWrite } from './world.ts';

const DEPARTMENT_QUEUES = 'roundRobin';
const BRANCH_QUEUES = 'branchQueues';
const managerKey = (conversation: ConversationRecord) => `${conversation.appId}/${conversation.clientId}`;

/** A number in [0, 1) from the backend's random bytes. */
export function randomUnit(write: Pick<ConversationWrite, 'ctx'>): number {
  const bytes = write.ctx.random.bytes(4);
  return (((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0) / 2 ** 32;
}

export function chatClientOf(conversation: ConversationRecord): ChatClient {
  return { id: conversation.clientId, name: conversation.clientName, objectId: conversation.objectId, ...(conversation.city ? { city: conversation.city } : {}) };
}

/** The bot state's status: a person has it (open), the bot has it, or the dialog ended (closed). */
function statusAfter(result: BotResult, before: ConversationStatus): ConversationStatus {
  if (result.state.kind === 'with-person') return 'open';
  if (result.state.kind === 'idle') return result.ended ? 'closed' : before;
  return 'bot';
}

/**
 * The strategies of the rules: random (the default), round-robin through a queue per department,
 * or the client's personal manager (city → region → branch, the branch's queue for a new client).
 * Queue state is read before the step and written back after it, in the same transaction.
 */
async function createChooser(write: ConversationWrite, settings: ChatSettingsRecord, routing: Directory) {
  const { tx, conversation } = write;
  let departments = (await tx.get<RoundRobinState & Record<string, unknown>>(ChatCollection.COUNTERS, DEPARTMENT_QUEUES)) ?? EMPTY_ROUND_ROBIN;
  let branches = (await tx.get<RoundRobinState & Record<string, unknown>>(ChatCollection.COUNTERS, BRANCH_QUEUES)) ?? EMPTY_ROUND_ROBIN;
  const manager = await tx.get<{ managerId: string }>(ChatCollection.PERSONAL_MANAGERS, managerKey(conversation));
  let newManager: string | null = null;
  let changed = { departments: false, branches: false };

  const choose: ChooseEmployee = (candidates, target, client) => {
    const serves = (id: string) => candidates.some((candidate) => candidate.id === id);
    const byId = (id: string) => candidates.find((candidate) => candidate.id === id);
    const strategy = target.strategy ?? 'random';
    if (strategy === 'round-robin') {
      const queue = routing.employees.filter((e) => e.departmentId === target.departmentId).map((e) => e.id).sort();
      const turn = takeTurn(departments, target.departmentId, queue, serves);
      if (turn) {
        departments = turn.queue;
        changed = { ...changed, departments: true };
        return byId(turn.managerId);
      }
    } else if (strategy === 'personal-manager' && settings.geography) {
      const route = routeToPersonalManager(client, manager?.managerId, settings.geography, branches, serves);
      if (route.kind !== 'unrouted') {
        if (route.kind === 'next-in-queue') {
          branches = route.queue;
          newManager = route.managerId;
          changed = { ...changed, branches: true };
        }
        return byId(route.managerId);
      }
    }
    return pickAtRandom(candidates, () => randomUnit(write));
  };

  const persist = async () => {
    if (changed.departments) await tx.put(ChatCollection.COUNTERS, DEPARTMENT_QUEUES, { nextIndex: { ...departments.nextIndex } });
    if (changed.branches) await tx.put(ChatCollection.COUNTERS, BRANCH_QUEUES, { nextIndex: { ...branches.nextIndex } });
    if (newManager !== null) await tx.put(ChatCollection.PERSONAL_MANAGERS, managerKey(conversation), { managerId: newManager });
  };
  return { choose, persist };
}

function botLine(write: ConversationWrite, outgoing: BotOutgoing): BotLine {
  const { directory, staff } = write.world;
  const nameOf = (employeeId: string | null) => (employeeId === null ? null : (staff.find((s) => s.id === employeeId)?.name ?? null));
  switch (outgoing.kind) {
    case 'greeting':
      return { ...outgoing, employeeName: nameOf(outgoing.employeeId) };
    case 'taken-over':
      return { ...outgoing, departmentName: directory.departments.find((d) => d.id === outgoing.departmentId)?.name ?? outgoing.departmentId, employeeName: nameOf(outgoing.employeeId) };
    default:
      return { ...outgoing };
  }
}

/** The text of a bot line for readers that do not word it themselves (the chat list, e-mails). */
function lineText(line: BotLine): string {
  switch (line.kind) {
    case 'greeting':
      return `${line.title} ${line.text}`;
    case 'choose-topic':
    case 'auto-reply':
    case 'closing':
      return line.text;
    case 'taken-over':
      return line.employeeName ? `${line.employeeName} (${line.departmentName}) took over` : `${line.departmentName} took over`;
  }
}

function sameAssignment(a: Assignment | null, b: Assignment | null): boolean {
  if (!a || !b) return a === b;
  return a.departmentId === b.departmentId && (a.kind === 'employee' ? a.employeeId : null) === (b.kind === 'employee' ? b.employeeId : null);
}

/**
 * Runs the reducer on the conversation as read in this transaction and stores what it says:
 * its lines as entries of kind `bot`, the new state, status and assignment, the restart deadline;
 * the employee who got the dialog is notified. Returns the reducer's result.
 */
export async function runBot(write: ConversationWrite, event: BotEvent, settings: ChatSettingsRecord): Promise<BotResult> {
  const { conversation, world, now, tx } = write;
  // Routing skips offline staff; a person acting (assigning, writing) is checked against everyone.
  const routing = event.type === 'staff-assigned' || event.type === 'staff-sent-message' ? world.directory : world.onlineDirectory;
  const chooser = await createChooser(write, settings, world.onlineDirectory);
  const before = conversation.bot;
  const result = botReducer(before, event, {
    settings: settings.settings,
    directory: routing,
    client: chatClientOf(conversation),
    random: () => randomUnit(write),
    now,
    chooseEmployee: chooser.choose,
  });
  await chooser.persist();

  // A new dialog starts with nobody assigned; the previous one's responsible stays on the card until then.
  if (before.kind === 'idle' && result.state.kind !== 'idle') conversation.assignment = null;
  const previousAssignment = conversation.assignment;
  if (result.assignment) conversation.assignment = result.assignment;
  conversation.bot = result.state;

  for (const outgoing of result.outgoing) {
    const line = botLine(write, outgoing);
    const author = line.kind === 'greeting' && line.employeeName ? { kind: 'bot' as const, id: 'bot', name: line.employeeName } : { kind: 'bot' as const, id: 'bot', name: 'Bot' };
    await write.addEntry({
      clientMessageId: `bot-${conversation.seq + 1}`,
      scope: `${conversation.id}/bot/${conversation.seq + 1}`,
      uploadId: null,
      author,
      kind: 'bot',
      text: lineText(line),
      bot: line,
      attachment: null,
      deepLink: null,
      sentAt: now,
      editedAt: null,
      deletedAt: null,
      readAt: null,
    });
    conversation.unread.client += 1;
  }

  const status = statusAfter(result, conversation.status);
  const assignmentChanged = result.assignment !== null && !sameAssignment(previousAssignment, result.assignment);
  if (status !== conversation.status) await write.setStatus(status);
  else if (assignmentChanged) await write.announceStatus();
  if (result.state.kind === 'idle' && result.ended) conversation.bot = IDLE;

  await setDeadline(write, settings);
  if (assignmentChanged && result.assignment?.kind === 'employee') {
    const employee = world.staff.find((member) => member.id === (result.assignment as { employeeId: string }).employeeId);
    if (employee) await notifyStaff(write.ctx, tx, employee, 'assigned', conversation, '');
  }
  return result;
}

/** Keeps the one deadline of the conversation: when the dialog ends unless the client answers. */
export async function setDeadline(write: ConversationWrite, settings: ChatSettingsRecord): Promise<void> {
  const { conversation, tx } = write;
  const since = conversation.bot.kind === 'idle' ? null : conversation.bot.awaitingClientSince;
  const key = since === null ? null : `${sequenceKey(since + settings.settings.restartTimeoutMs)}/${conversation.id}`;
  if (key === conversation.deadlineKey) return;
  if (conversation.deadlineKey) await tx.delete(ChatCollection.DEADLINES, conversation.deadlineKey);
  if (key) await tx.put(ChatCollection.DEADLINES, key, { conversationId: conversation.id });
  conversation.deadlineKey = key;
}
