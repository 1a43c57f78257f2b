import type { BackendClient } from '../backend/client.ts';
import { BackendError } from '../backend/errors.ts';
import { ErrorCode, type PushRequest } from '../protocol/index.ts';
import { cut } from './bounded.ts';
import type { CallContext, MethodHandler } from './handlers.ts';
import { HostError } from './host-error.ts';

/** What the push handler needs from the backend client. */
export type PushBackend = Pick<BackendClient, 'sendPush'>;

export interface PushHandlerOptions {
  client: PushBackend;
}

/**
 * The `push.send` handler: the backend sends the push to the signed-in user (once per id in 24 h,
 * one per 30 s and 100 a day per app and user) and delivers it on the live channel as
 * `push.received`, where the host's push centre shows it. The host keeps no notification.
 */
export function createPushHandlers({ client }: PushHandlerOptions): { 'push.send': MethodHandler<'push.send'> } {
  return {
    'push.send': async (request, context) => {
      try {
        const { id, delivered } = await client.sendPush(context.appId, pushBody(request), { signal: context.signal });
        return { id, delivered };
      } catch (error) {
        throw pushError(error, context);
      }
    },
  };
}

/** Only the fields of the contract, so nothing else an app put in reaches the backend. */
function pushBody(request: PushRequest): PushRequest {
  return {
    title: request.title,
    body: request.body,
    ...(request.route !== undefined && { route: request.route }),
    ...(request.anchor !== undefined && { anchor: request.anchor }),
    ...(request.data !== undefined && { data: request.data }),
    ...(request.id !== undefined && { id: request.id }),
  };
}

function pushError(error: unknown, context: CallContext): HostError {
  if (context.signal.aborted) return new HostError(ErrorCode.CANCELLED, 'The mini-app was closed');
  if (!(error instanceof BackendError)) return new HostError(ErrorCode.INTERNAL, 'The host could not send the push');
  const details = (error.details ?? {}) as { retryAfterSeconds?: unknown; issues?: Array<{ message?: unknown }> };
  switch (error.code) {
    case 'RATE_LIMITED': {
      const retryAfterSeconds = typeof details.retryAfterSeconds === 'number' && details.retryAfterSeconds > 0 ? Math.ceil(details.retryAfterSeconds) : 30;
      return new HostError(ErrorCode.RATE_LIMITED, `Too many pushes to this user; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
    case 'APP_NOT_AVAILABLE':
    case 'APP_NOT_FOUND':
      // In Testing only testers see the app; an app that is not published reaches nobody.
      return new HostError(ErrorCode.PERMISSION_DENIED, `${cut(context.appName, 64)} cannot send pushes to this user`);
    case 'INVALID_REQUEST':
    case 'PAYLOAD_TOO_LARGE': {
      const first = Array.isArray(details.issues) && typeof details.issues[0]?.message === 'string' ? `: ${cut(details.issues[0].message, 160)}` : '';
      return new HostError(ErrorCode.INVALID_ARGUMENT, `The host refused this push${first}`);
    }
    case 'UNAUTHORIZED':
      return new HostError(ErrorCode.UNAUTHORIZED, 'The user is not signed in or the session has ended');
    default:
      return new HostError(ErrorCode.INTERNAL, 'The host could not send the push');
  }
}
