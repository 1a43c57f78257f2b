import type { CallLog, CallLogEntry } from '../../src/host/index.ts';

/** One line of the bridge log: a bridge call, or something that happened to a launch. */
export interface BridgeLogLine {
  /** Unique within the log, also across reloads. */
  id: string;
  kind: 'call' | 'launch';
  /** Epoch ms. */
  at: number;
  appId: string;
  /** The method, or for a launch line `launch`, `ready`, `reload`, `closed`. */
  method: string;
  outcome: 'ok' | 'error';
  durationMs?: number;
  /** The redacted arguments as JSON, or for a launch line its route. */
  detail?: string;
  errorCode?: string;
  errorMessage?: string;
}

export const BRIDGE_LOG_KEY = 'miniapps-demo-bridge-log';
const MAX_LINES = 300;
const MAX_DETAIL = 400;

type LogStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isLine = (value: unknown): value is BridgeLogLine =>
  typeof value === 'object' && value !== null && typeof (value as BridgeLogLine).id === 'string' && typeof (value as BridgeLogLine).at === 'number'
  && typeof (value as BridgeLogLine).method === 'string' && ((value as BridgeLogLine).outcome === 'ok' || (value as BridgeLogLine).outcome === 'error');

/**
 * The shell's bridge log: the host's call log plus launch events, with wall-clock times, kept in
 * the tab's session storage (the newest 300 lines) so a reload of the super-app keeps it.
 */
export class BridgeLogStore extends EventTarget {
  #lines: BridgeLogLine[] = [];
  readonly #storage: LogStorage | null;
  #counter = 0;
  #detach: (() => void) | undefined;
  readonly #session = Math.random().toString(36).slice(2, 8);

  constructor(storage: LogStorage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage) {
    super();
    this.#storage = storage;
    try {
      const saved: unknown = JSON.parse(storage?.getItem(BRIDGE_LOG_KEY) ?? '[]');
      if (Array.isArray(saved)) this.#lines = saved.filter(isLine).slice(-MAX_LINES);
    } catch {
      this.#lines = [];
    }
  }

  /** Oldest first. */
  get lines(): readonly BridgeLogLine[] {
    return this.#lines;
  }

  /** Follows a host's call log from now on. */
  attach(callLog: CallLog): void {
    this.#detach?.();
    this.#detach = callLog.subscribe((entry) => this.#add(fromCall(entry, `${this.#session}-c${entry.seq}`)));
  }

  /** Records what happened to a launch: opened, ready, reloaded, closed, or failed with the host's error. */
  launch(appId: string, method: 'launch' | 'ready' | 'reload' | 'closed' | 'error', details: { route?: string; code?: string; message?: string } = {}): void {
    const failed = method === 'error';
    this.#add({
      id: `${this.#session}-l${++this.#counter}`,
      kind: 'launch',
      at: Date.now(),
      appId,
      method: failed ? 'launch' : method,
      outcome: failed ? 'error' : 'ok',
      ...(details.route !== undefined && { detail: details.route }),
      ...(details.code !== undefined && { errorCode: details.code }),
      ...(details.message !== undefined && { errorMessage: details.message.slice(0, MAX_DETAIL) }),
    });
  }

  clear(): void {
    this.#lines = [];
    try {
      this.#storage?.removeItem(BRIDGE_LOG_KEY);
    } catch {
      // Nothing kept.
    }
    this.dispatchEvent(new Event('change'));
  }

  #add(line: BridgeLogLine): void {
    this.#lines = [...this.#lines.slice(-(MAX_LINES - 1)), line];
    try {
      this.#storage?.setItem(BRIDGE_LOG_KEY, JSON.stringify(this.#lines));
    } catch {
      // Over the storage quota: the log still shows, it just does not outlive the page.
    }
    this.dispatchEvent(new Event('change'));
  }
}

function fromCall(entry: CallLogEntry, id: string): BridgeLogLine {
  let detail: string | undefined;
  if (entry.args !== undefined) {
    const json = JSON.stringify(entry.args) ?? '';
    detail = json.length > MAX_DETAIL ? `${json.slice(0, MAX_DETAIL)}…` : json;
  }
  return {
    id,
    kind: 'call',
    at: Math.round(performance.timeOrigin + entry.startedAt),
    appId: entry.appId,
    method: entry.method,
    outcome: entry.outcome,
    durationMs: entry.durationMs,
    ...(detail !== undefined && { detail }),
    ...(entry.errorCode !== undefined && { errorCode: entry.errorCode }),
    ...(entry.errorMessage !== undefined && { errorMessage: entry.errorMessage }),
  };
}

/** Lines whose method, app, code or message contain `text` (any case); `failedOnly` keeps the errors. */
export function filterLines(lines: readonly BridgeLogLine[], text: string, failedOnly: boolean): BridgeLogLine[] {
  const needle = text.trim().toLowerCase();
  return lines.filter((line) => {
    if (failedOnly && line.outcome !== 'error') return false;
    if (!needle) return true;
    return [line.method, line.appId, line.errorCode, line.errorMessage, line.detail].some((field) => field?.toLowerCase().includes(needle));
  });
}
