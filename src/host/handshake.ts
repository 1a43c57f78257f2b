import { HELLO, type HelloMessage } from '../protocol/index.ts';

/** The oldest SDK protocol this host still talks to. */
export const MIN_PEER_VERSION = 1;

export interface HelloGuard {
  /** The frame's window, read at message time (it changes when the iframe is replaced). */
  frameWindow(): Window | null;
  appOrigin: string;
  launchId: string;
}

/**
 * Whether a window `message` event is this launch's `hello`: from that iframe's window, from the
 * app's origin, with the launch id and a well-formed version. Everything else is not for us.
 */
export function acceptHello(event: MessageEvent, guard: HelloGuard): HelloMessage | undefined {
  const frame = guard.frameWindow();
  if (!frame || event.source !== frame) return undefined;
  if (event.origin !== guard.appOrigin) return undefined;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { type, launchId, version, ready } = data as Partial<HelloMessage>;
  if (type !== HELLO || launchId !== guard.launchId) return undefined;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return undefined;
  return ready === true ? { type, launchId, version, ready } : { type, launchId, version };
}
