import { ErrorCode } from '../protocol/index.ts';
import { MiniAppError } from './errors.ts';
import { readLaunch } from './launch.ts';
import type { MiniApp } from './mini-app.ts';
import { mockLaunch, open, type ConnectOptions, type Session } from './session.ts';

export { ErrorCode } from '../protocol/index.ts';
export type * from '../protocol/index.ts';
export { MiniAppError } from './errors.ts';
export type { MiniApp, CallOptions } from './mini-app.ts';
export type { ConnectOptions } from './session.ts';

let session: Session | undefined;
/** The mock launch `session` was opened for (undefined for a real host). */
let sessionMock: unknown;

/**
 * Connects to the host that launched this page. Rejects with `NOT_EMBEDDED` at once when the page
 * is not in a host's frame, and after `timeout` when nobody answers; never hangs.
 */
export const connect = (function connect(options: ConnectOptions = {}): Promise<MiniApp> {
  return start(options).app;
});

/**
 * Tells the host the app has painted, without waiting for the handshake to finish (connecting
 * first if needed): an app that paints from the launch parameters can say so at once.
 */
export const ready = (function ready(): Promise<void> {
  return start({}).ready();
});

// Parenthesized, as what a launch runs is: see `open` in session.ts.
const start = (function start(options: ConnectOptions): Session {
  if (session && sessionMock === mockLaunch) return session;
  session = undefined;
  sessionMock = mockLaunch;
  const launch = mockLaunch ?? readLaunch();
  const refuse = (message: string): Session => {
    const error = new MiniAppError(ErrorCode.NOT_EMBEDDED, message);
    return { app: Promise.reject(error), call: () => Promise.reject(error), ready: () => Promise.reject(error) };
  };
  // Under a mock host the page is its own host: there is no parent and no host origin to trust.
  if (!mockLaunch) {
    if (window.parent === window || !launch) return refuse('Not running inside a mini-app host');
    if (options.hosts && !options.hosts.includes(launch.hostOrigin)) return refuse(`Not a trusted host: ${launch.hostOrigin}`);
  }
  const opened = open(launch!, options);
  session = opened;
  // A failed attempt may be retried.
  opened.app.catch(() => {
    if (session === opened) session = undefined;
  });
  return opened;
});
