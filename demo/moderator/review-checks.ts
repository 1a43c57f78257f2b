/**
 * The automatic checks of a review, from what was observed: the host's call log and its ready
 * event, the review service worker's requests, and the reviewer script's reports. Pure: data in,
 * the report out.
 */
import type { CallLogEntry } from '../../src/host/index.ts';
import { METHOD_CAPABILITY, type Capability, type MethodName } from '../../src/protocol/index.ts';
import type { AxeViolation, KitCount } from '../review/protocol.ts';
import type { IconVerdict } from './icon-check.ts';

export const CHECK_IDS = ['ready', 'capabilities', 'console', 'exceptions', 'network', 'axe', 'kit', 'manifest', 'icon'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'fail' | 'pending';

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** One line for the report. */
  summary: string;
  /** The facts behind it, one per line. */
  details: string[];
}

/** Below this share of kit components among interactive elements the app fails the design check. */
export const KIT_SHARE_MIN = 0.8;

export interface ReviewObservations {
  budgetMs: number;
  /** From the host's `open()` to its `ready` event; undefined while not ready. */
  readyMs: number | undefined;
  launchError: string | undefined;
  calls: readonly CallLogEntry[];
  declared: readonly Capability[];
  consoleErrors: readonly string[];
  exceptions: readonly string[];
  /** Requests to other origins (worker) and loads the report-only policy flagged (reviewer script). */
  foreignRequests: readonly { url: string; seenBy: 'worker' | 'policy' }[];
  /** Same-origin requests for files outside the build, and build files that were missing. */
  outsideBuild: readonly string[];
  audit: { kit: KitCount | null; violations: AxeViolation[] | null; error?: string } | undefined;
  manifestFields: readonly string[];
  manifestProblems: readonly string[];
  icon: IconVerdict | undefined;
}

const capabilityOf = (method: string): Capability | null | undefined => METHOD_CAPABILITY[method as MethodName];

function readyCheck(o: ReviewObservations): CheckResult {
  if (o.launchError) return { id: 'ready', status: 'fail', summary: `Did not get ready: ${o.launchError}`, details: [] };
  if (o.readyMs === undefined) return { id: 'ready', status: 'pending', summary: 'Waiting for ready()', details: [`Budget ${o.budgetMs} ms`] };
  const ms = Math.round(o.readyMs);
  return ms <= o.budgetMs
    ? { id: 'ready', status: 'pass', summary: `Ready in ${ms} ms (budget ${o.budgetMs} ms)`, details: [] }
    : { id: 'ready', status: 'fail', summary: `Ready in ${ms} ms, over the budget of ${o.budgetMs} ms`, details: [] };
}

function capabilitiesCheck(o: ReviewObservations): CheckResult {
  const used = new Map<Capability, Set<string>>();
  for (const call of o.calls) {
    const capability = capabilityOf(call.method);
    if (!capability) continue;
    if (!used.has(capability)) used.set(capability, new Set());
    used.get(capability)!.add(call.method);
  }
  const undeclared = [...used.keys()].filter((capability) => !o.declared.includes(capability));
  const unused = o.declared.filter((capability) => !used.has(capability));
  const details = [
    `Declared: ${o.declared.length ? o.declared.join(', ') : 'none'}`,
    `Used: ${used.size ? [...used].map(([capability, methods]) => `${capability} (${[...methods].join(', ')})`).join('; ') : 'none'}`,
    ...(unused.length ? [`Declared but not used in this session: ${unused.join(', ')}`] : []),
  ];
  return undeclared.length
    ? { id: 'capabilities', status: 'fail', summary: `Uses undeclared capabilities: ${undeclared.join(', ')}`, details }
    : { id: 'capabilities', status: 'pass', summary: 'Uses only declared capabilities', details };
}

const listCheck = (id: CheckId, items: readonly string[], none: string, some: (count: number) => string): CheckResult =>
  items.length ? { id, status: 'fail', summary: some(items.length), details: items.slice(0, 20) } : { id, status: 'pass', summary: none, details: [] };

function networkCheck(o: ReviewObservations): CheckResult {
  const urls = new Map<string, Set<string>>();
  for (const request of o.foreignRequests) {
    if (!urls.has(request.url)) urls.set(request.url, new Set());
    urls.get(request.url)!.add(request.seenBy === 'worker' ? 'service worker' : 'content security policy');
  }
  const details = [...urls].map(([url, by]) => `${url} (seen by ${[...by].join(' and ')})`);
  const outside = o.outsideBuild.map((item) => `Outside the build: ${item}`);
  return urls.size
    ? { id: 'network', status: 'fail', summary: `${urls.size} request${urls.size === 1 ? '' : 's'} to other origins`, details: [...details, ...outside] }
    : { id: 'network', status: 'pass', summary: 'No requests to other origins', details: outside };
}

function axeCheck(o: ReviewObservations): CheckResult {
  if (!o.audit) return { id: 'axe', status: 'pending', summary: 'Accessibility audit not run yet', details: [] };
  if (o.audit.violations === null) return { id: 'axe', status: 'fail', summary: `The audit could not run: ${o.audit.error ?? 'unknown error'}`, details: [] };
  const violations = o.audit.violations;
  return violations.length
    ? { id: 'axe', status: 'fail', summary: `${violations.length} axe violation${violations.length === 1 ? '' : 's'}`,
        details: violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes} element${v.nodes === 1 ? '' : 's'}: ${v.targets.join(', ')}`) }
    : { id: 'axe', status: 'pass', summary: 'No axe violations', details: [] };
}

function kitCheck(o: ReviewObservations): CheckResult {
  const kit = o.audit?.kit;
  if (!o.audit) return { id: 'kit', status: 'pending', summary: 'Not counted yet', details: [] };
  if (!kit) return { id: 'kit', status: 'fail', summary: `Could not count: ${o.audit.error ?? 'unknown error'}`, details: [] };
  const total = kit.kit + kit.other;
  if (total === 0) return { id: 'kit', status: 'pass', summary: 'No interactive elements', details: [] };
  const share = kit.kit / total;
  const summary = `${Math.round(share * 100)}% of ${total} interactive elements are kit components (at least ${KIT_SHARE_MIN * 100}%)`;
  const details = kit.otherSamples.length ? [`Not kit: ${kit.otherSamples.join(', ')}`] : [];
  return { id: 'kit', status: share >= KIT_SHARE_MIN ? 'pass' : 'fail', summary, details };
}

function manifestCheck(o: ReviewObservations): CheckResult {
  const required = ['id', 'name', 'version', 'entry', 'capabilities', 'category'];
  const missing = required.filter((field) => !o.manifestFields.includes(field));
  const details = [...(o.manifestFields.includes('icon') ? [] : ['No icon field']), ...o.manifestProblems];
  if (missing.length) return { id: 'manifest', status: 'fail', summary: `Missing manifest fields: ${missing.join(', ')}`, details };
  if (o.manifestProblems.length) return { id: 'manifest', status: 'fail', summary: `${o.manifestProblems.length} packaging problem${o.manifestProblems.length === 1 ? '' : 's'}`, details };
  return { id: 'manifest', status: 'pass', summary: 'Every manifest field is present and valid', details };
}

function iconCheck(o: ReviewObservations): CheckResult {
  if (!o.icon) return { id: 'icon', status: 'pending', summary: 'Not checked yet', details: [] };
  return { id: 'icon', status: o.icon.ok ? 'pass' : 'fail', summary: o.icon.ok ? 'The icon is an image' : 'The icon is not an image', details: [o.icon.detail] };
}

/** Every check, in `CHECK_IDS` order. */
export function reviewReport(o: ReviewObservations): CheckResult[] {
  return [
    readyCheck(o),
    capabilitiesCheck(o),
    listCheck('console', o.consoleErrors, 'No console errors', (n) => `${n} console error${n === 1 ? '' : 's'}`),
    listCheck('exceptions', o.exceptions, 'No uncaught exceptions', (n) => `${n} uncaught exception${n === 1 ? '' : 's'}`),
    networkCheck(o),
    axeCheck(o),
    kitCheck(o),
    manifestCheck(o),
    iconCheck(o),
  ];
}
