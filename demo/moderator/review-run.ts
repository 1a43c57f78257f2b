/**
 * One review of a submission: its build served by the sandbox (or the app at a URL), opened in a
 * `MiniAppHost` with the manifest's capabilities as a chosen test user, and everything observed
 * for the checks report. Nothing is added to the app's code: the host sees the bridge calls and the
 * time to ready; the sandbox's worker and reviewer script see the rest (docs in demo/review).
 */
import { HostError, hostDialogHandlers, MiniAppHost, type CallLog, type MethodHandlers } from '../../src/host/index.ts';
import { profileOf, type UserRecord } from '../../src/backend/records.ts';
import { ErrorCode, METHOD_CAPABILITY, type Capability } from '../../src/protocol/index.ts';
import type { ReviewObservation } from '../review/protocol.ts';
import { checkIcon } from './icon-check.ts';
import { reviewReport, type CheckResult, type ReviewObservations } from './review-checks.ts';
import type { ReviewSandbox } from './review-sandbox.ts';
import type { Submission } from './submission.ts';

export type ReviewSource = { kind: 'zip'; submission: Submission } | { kind: 'url'; url: string; capabilities: Capability[] };

export interface ReviewRunOptions {
  sandbox: ReviewSandbox;
  source: ReviewSource;
  appId: string;
  appName: string;
  user: UserRecord;
  premisesId?: string;
  container: HTMLElement;
  callLog: CallLog;
  /** Time to ready allowed, in ms. */
  budgetMs: number;
  /** How long after ready the page is left to settle before its audit. */
  settleMs?: number;
  readyTimeoutMs?: number;
}

/** Every method a host may answer that this review has no simulation for. */
const NOT_SIMULATED = Object.keys(METHOD_CAPABILITY).filter((method) => !method.startsWith('app.')) as (keyof MethodHandlers)[];

/**
 * The bridge as a test user sees it in review: their profile (with a token that says it is a
 * review's, not a signed one), the host's own dialogs, pushes and storage kept for this review,
 * and for everything else an UNSUPPORTED answer. Every method has a handler, so every call an app
 * makes reaches the host and its log, including those its manifest does not declare.
 */
export function reviewHandlers(user: UserRecord, premisesId?: string): MethodHandlers {
  const storage = new Map<string, string>();
  const handlers: MethodHandlers = {};
  for (const method of NOT_SIMULATED) {
    (handlers as Record<string, () => never>)[method] = () => {
      throw new HostError(ErrorCode.UNSUPPORTED, `${method} is not simulated in review`);
    };
  }
  return {
    ...handlers,
    ...hostDialogHandlers({ phone: () => user.phone }),
    'user.get': () => ({ profile: profileOf(user, premisesId)!, launchToken: `review-unsigned.${user.id}` }),
    'push.send': (push) => ({ id: push.id ?? crypto.randomUUID(), delivered: true }),
    'storage.get': ({ keys }) => Object.fromEntries(keys.map((key) => [key, storage.get(key) ?? null])),
    'storage.set': ({ key, value }) => void storage.set(key, value),
    'storage.remove': ({ keys }) => void keys.forEach((key) => storage.delete(key)),
    'storage.keys': () => [...storage.keys()],
  };
}

let runs = 0;

export class ReviewRun extends EventTarget {
  readonly options: ReviewRunOptions;
  readonly submissionId = `s${Date.now().toString(36)}-${++runs}`;
  host: MiniAppHost | undefined;
  state: 'idle' | 'loading' | 'running' | 'audited' | 'failed' | 'closed' = 'idle';
  error = '';
  readonly #observed: Omit<ReviewObservations, 'budgetMs' | 'calls' | 'declared'>;
  #openedAt = 0;
  #stop: (() => void) | undefined;

  constructor(options: ReviewRunOptions) {
    super();
    this.options = options;
    const submission = options.source.kind === 'zip' ? options.source.submission : undefined;
    this.#observed = {
      readyMs: undefined,
      launchError: undefined,
      consoleErrors: [],
      exceptions: [],
      foreignRequests: [],
      outsideBuild: [],
      audit: undefined,
      manifestFields: submission?.declared.fields ?? [],
      manifestProblems: submission?.problems ?? (options.source.kind === 'url' ? ['Opened from a URL: no manifest was checked'] : []),
      icon: undefined,
    };
  }

  get declared(): Capability[] {
    return this.options.source.kind === 'zip' ? this.options.source.submission.declared.capabilities : this.options.source.capabilities;
  }

  /** The calls of this review's launch. */
  get calls() {
    const launchId = this.host?.launchId;
    return this.options.callLog.entries.filter((entry) => entry.launchId === launchId);
  }

  report(): CheckResult[] {
    const report = reviewReport({ ...this.#observed, budgetMs: this.options.budgetMs, calls: this.calls, declared: this.declared });
    if (this.options.source.kind !== 'url') return report;
    const sandboxOnly = new Set(['console', 'exceptions', 'network', 'axe', 'kit', 'icon']);
    return report.map((check) =>
      sandboxOnly.has(check.id) ? { ...check, status: 'pending', summary: 'Only for a build opened from its .zip', details: [] } : check,
    );
  }

  async start(): Promise<void> {
    const { options } = this;
    this.#set('loading');
    try {
      let url: string;
      if (options.source.kind === 'zip') {
        const { submission } = options.source;
        this.#stop = options.sandbox.subscribe(this.submissionId, (observation) => this.#observe(observation));
        const base = await options.sandbox.load(this.submissionId, submission.files);
        url = new URL(submission.declared.entry, base).href;
        const icon = submission.declared.icon;
        void checkIcon(icon, submission.files.find((file) => file.path === icon)?.bytes).then((verdict) => {
          this.#observed.icon = verdict;
          this.#changed();
        });
      } else {
        url = options.source.url;
      }
      this.#launch(url);
    } catch (error) {
      this.error = String((error as Error)?.message ?? error);
      this.#set('failed');
    }
  }

  #launch(url: string): void {
    const { options } = this;
    const host = new MiniAppHost({
      app: { id: options.appId, name: options.appName, url, capabilities: this.declared },
      container: options.container,
      handlers: reviewHandlers(options.user, options.premisesId),
      callLog: options.callLog,
      closeGraceMs: 0,
      ...(options.readyTimeoutMs !== undefined && { readyTimeoutMs: options.readyTimeoutMs }),
    });
    this.host = host;
    host.addEventListener('call', () => this.#changed());
    host.addEventListener('ready', () => {
      this.#observed.readyMs = performance.now() - this.#openedAt;
      this.#changed();
      if (options.source.kind === 'zip') setTimeout(() => void this.audit(), options.settleMs ?? 300);
    });
    host.addEventListener('error', (event) => {
      this.#observed.launchError = `${event.detail.code}: ${event.detail.message}`;
      this.#set('failed');
    });
    this.#openedAt = performance.now();
    host.open();
    this.#set('running');
  }

  /** Runs (again) the in-page audit: axe and the count of kit components. */
  async audit(): Promise<void> {
    if (this.options.source.kind !== 'zip' || this.state === 'closed') return;
    try {
      const { kit, violations, error } = await this.options.sandbox.audit(this.submissionId);
      this.#observed.audit = { kit, violations, ...(error !== undefined && { error }) };
    } catch (error) {
      this.#observed.audit = { kit: null, violations: null, error: String((error as Error)?.message ?? error) };
    }
    if (this.state === 'running') this.state = 'audited';
    this.#changed();
  }

  async close(): Promise<void> {
    this.#stop?.();
    this.#stop = undefined;
    await this.host?.close();
    if (this.options.source.kind === 'zip') this.options.sandbox.drop(this.submissionId);
    this.#set('closed');
  }

  #observe(observation: ReviewObservation): void {
    const o = this.#observed;
    switch (observation.kind) {
      case 'console-error':
        o.consoleErrors = [...o.consoleErrors, observation.text];
        break;
      case 'exception':
        o.exceptions = [...o.exceptions, observation.text];
        break;
      case 'cross-origin-request':
        o.foreignRequests = [...o.foreignRequests, { url: observation.url, seenBy: 'worker' }];
        break;
      case 'policy-violation':
        // `inline` and `eval` are allowed by the policy; anything reported is a load from elsewhere.
        if (/^https?:|^wss?:/.test(observation.url)) o.foreignRequests = [...o.foreignRequests, { url: observation.url, seenBy: 'policy' }];
        break;
      case 'outside-build-request':
        o.outsideBuild = [...o.outsideBuild, observation.url];
        break;
      case 'missing-file':
        o.outsideBuild = [...o.outsideBuild, `${observation.path} (not in the build)`];
        break;
      case 'audit':
        return;
    }
    this.#changed();
  }

  #set(state: ReviewRun['state']): void {
    this.state = state;
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
