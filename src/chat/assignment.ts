import { hasAccess, isWithin } from './directory.ts';
import type { ChatClient, Directory, Employee } from './directory.ts';
import type { AssignmentRule, AssignmentStrategy, BotTag, ChatSettings } from './settings.ts';

/** A random source in [0, 1), injected so that routing is reproducible in tests. */
export type RandomSource = () => number;

/** Why routing fell back to the default responsible of the basic settings. */
export type FallbackReason = 'no-matching-rule' | 'nobody-with-access';

/**
 * Who takes a conversation. `employee`: a person with access to the client's object.
 * `department`: nobody in the department has access to it, so the conversation waits in the
 * department's queue with no one assigned; an employee without access is never chosen.
 */
export type Assignment =
  | { kind: 'employee'; departmentId: string; employeeId: string; via: AssignmentSource; fallback: FallbackReason | null }
  | { kind: 'department'; departmentId: string; via: AssignmentSource; fallback: FallbackReason | null };

/** Which setting decided: a tag's rule, the basic settings' default responsible, or a person stepping in. */
export type AssignmentSource = 'tag-rule' | 'default-responsible' | 'staff';

/** Who is being routed to: a rule's or the default responsible's department, preferred employees and strategy. */
export interface AssignmentTarget {
  departmentId: string;
  employeeIds: readonly string[];
  strategy?: AssignmentStrategy;
}

/**
 * Picks one of the qualifying employees (never empty) for a target, e.g. by the target's
 * strategy. Injected by the caller, which keeps any queue state; without one, one is picked at
 * random with the random source.
 */
export type ChooseEmployee = (candidates: readonly Employee[], target: AssignmentTarget, client: ChatClient) => Employee | undefined;

/** Picks one item at random; `random` must return a number in [0, 1). */
export function pickAtRandom<T>(items: readonly T[], random: RandomSource): T | undefined {
  if (items.length === 0) return undefined;
  const index = Math.min(items.length - 1, Math.max(0, Math.floor(random() * items.length)));
  return items[index];
}

/** The first rule whose objects hold the client's object, with its index. */
export function matchingRule(rules: readonly AssignmentRule[], client: ChatClient, directory: Directory): { rule: AssignmentRule; index: number } | undefined {
  const objectId = client.objectId;
  if (objectId === null) return undefined;
  const index = rules.findIndex((rule) => rule.objectIds.some((id) => isWithin(directory.objects, objectId, id)));
  return index === -1 ? undefined : { rule: rules[index]!, index };
}

/**
 * Employees of `departmentId` who may take this client: the listed ones with access to the
 * client's object; if none of them qualifies (or none is listed), anyone in the department with
 * that access. Listed employees are a preference; the department is the guarantee.
 */
export function eligibleEmployees(departmentId: string, employeeIds: readonly string[], client: ChatClient, directory: Directory): Employee[] {
  const qualifies = (e: Employee) => e.departmentId === departmentId && hasAccess(directory.objects, e, client.objectId);
  const listed = directory.employees.filter((e) => employeeIds.includes(e.id) && qualifies(e));
  return listed.length > 0 ? listed : directory.employees.filter(qualifies);
}

function assignWithin(
  target: AssignmentTarget,
  via: AssignmentSource,
  fallback: FallbackReason | null,
  client: ChatClient,
  directory: Directory,
  random: RandomSource,
  choose?: ChooseEmployee,
): Assignment {
  const candidates = eligibleEmployees(target.departmentId, target.employeeIds, client, directory);
  const chosen = candidates.length === 0 ? undefined : choose ? choose(candidates, target, client) : pickAtRandom(candidates, random);
  return chosen
    ? { kind: 'employee', departmentId: target.departmentId, employeeId: chosen.id, via, fallback }
    : { kind: 'department', departmentId: target.departmentId, via, fallback };
}

/** The default responsible of the basic settings takes the client (bot off, or free text instead of a tag). */
export function assignDefault(
  settings: ChatSettings,
  client: ChatClient,
  directory: Directory,
  random: RandomSource,
  fallback: FallbackReason | null = null,
  choose?: ChooseEmployee,
): Assignment {
  return assignWithin(settings.responsible, 'default-responsible', fallback, client, directory, random, choose);
}

/**
 * Routes a client who chose a tag: the first matching rule picks a department and an employee
 * with access; with no matching rule, or nobody with access in the rule's department, the
 * default responsible of the basic settings takes over.
 */
export function assignForTag(tag: BotTag, settings: ChatSettings, client: ChatClient, directory: Directory, random: RandomSource, choose?: ChooseEmployee): Assignment {
  const match = matchingRule(tag.rules, client, directory);
  if (!match) return assignDefault(settings, client, directory, random, 'no-matching-rule', choose);
  const byRule = assignWithin(match.rule, 'tag-rule', null, client, directory, random, choose);
  return byRule.kind === 'employee' ? byRule : assignDefault(settings, client, directory, random, 'nobody-with-access', choose);
}
