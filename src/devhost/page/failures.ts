import { HostError, type CallContext, type MethodHandler, type MethodHandlers } from '../../host/index.ts';
import type { MethodName } from '../../protocol/index.ts';

/**
 * Host failures the author can inject per method, each as a real host would answer it:
 * - `timeout`: no answer, then TIMEOUT after `timeoutMs` (the host's own message);
 * - `rate-limited`: RATE_LIMITED with a retry hint;
 * - `offline`: the host's backend cannot be reached, so the method's real handler fails as it
 *   would with no network (most answer INTERNAL; host dialogs that need no backend still work);
 * - `declined` (payments.pay): the bank declines: a `failed` result with a real signed receipt.
 */
export type FailureMode = 'none' | 'timeout' | 'rate-limited' | 'offline' | 'declined';

export const FAILURE_LABELS: Record<FailureMode, string> = {
  none: 'Works',
  timeout: 'Timeout',
  'rate-limited': 'RATE_LIMITED',
  offline: 'Offline',
  declined: 'Payment declined',
};

/** Methods the host implements (the `app.*` ones are built in and cannot fail this way). */
export type HostMethod = keyof MethodHandlers & MethodName;

/** The modes each method can be given. */
export function failureModesOf(method: HostMethod): FailureMode[] {
  const modes: FailureMode[] = ['none', 'timeout', 'rate-limited', 'offline'];
  return method === 'payments.pay' ? [...modes, 'declined'] : modes;
}

export interface FailureSettings {
  /** The mode of each method; a method not listed works. */
  modes: Partial<Record<HostMethod, FailureMode>>;
  /** How long an injected timeout waits before TIMEOUT. */
  timeoutMs: number;
}

export interface FailureSources {
  /** The handlers of a host that works. */
  online: MethodHandlers;
  /** The same handlers over a backend client whose every request fails as with no network. */
  offline: MethodHandlers;
  /** A payment the bank declines, ended on the backend. */
  declinePayment: MethodHandler<'payments.pay'>;
}

/** Marks an injected failure's text, so the log shows it was not the app's fault. */
export const INJECTED = '[injected by miniapps dev]';

/**
 * The handlers the dev host serves: each method reads the current settings on every call, so a
 * switch takes effect on the next call without relaunching the app.
 */
export function withFailures(sources: FailureSources, settings: () => FailureSettings): MethodHandlers {
  const methods = new Set([...Object.keys(sources.online), ...Object.keys(sources.offline)]) as Set<HostMethod>;
  const handlers: Record<string, AnyHandler> = {};
  for (const method of methods) {
    handlers[method] = (params, context) => {
      const { modes, timeoutMs } = settings();
      const mode = modes[method] ?? 'none';
      switch (mode) {
        case 'timeout':
          return new Promise((_resolve, reject) => {
            const timer = setTimeout(() => reject(new HostError('TIMEOUT', `The host did not answer ${method} within ${timeoutMs / 1000} s ${INJECTED}`)), timeoutMs);
            context.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
          });
        case 'rate-limited':
          throw new HostError('RATE_LIMITED', `Too many requests; try again later ${INJECTED}`, { retryAfterSeconds: 30 });
        case 'offline':
          return call(sources.offline, method, params, context);
        case 'declined':
          return call(method === 'payments.pay' ? { 'payments.pay': sources.declinePayment } : sources.online, method, params, context);
        default:
          return call(sources.online, method, params, context);
      }
    };
  }
  return handlers as unknown as MethodHandlers;
}

/** One handler of the table seen without its method's types: the wrapper passes arguments through untouched. */
type AnyHandler = (params: unknown, context: CallContext) => unknown;

function call(handlers: MethodHandlers, method: HostMethod, params: unknown, context: CallContext): unknown {
  const handler = handlers[method] as AnyHandler | undefined;
  if (!handler) throw new HostError('UNSUPPORTED', `This host does not serve ${method}`);
  return handler(params, context);
}
