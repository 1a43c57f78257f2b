import type { BackendClient } from '../backend/client.ts';
import { BackendError } from '../backend/errors.ts';
import type { MethodHandler } from './handlers.ts';
import { HostError } from './host-error.ts';

/** What the identity handlers need from the backend client. */
export type IdentityBackend = Pick<BackendClient, 'issueLaunchToken'>;

/**
 * The `user.get` handler: the signed-in user's profile and a fresh launch token for the calling
 * app (the backend revokes the previous one). A signed-out user gets UNAUTHORIZED.
 */
export function createUserHandlers(client: IdentityBackend): { 'user.get': MethodHandler<'user.get'> } {
  return {
    'user.get': async (_params, context) => {
      try {
        const issued = await client.issueLaunchToken(context.appId, { signal: context.signal });
        return { profile: issued.profile, launchToken: issued.token };
      } catch (error) {
        throw toHostError(error, context.signal);
      }
    },
  };
}

function toHostError(error: unknown, signal: AbortSignal): HostError {
  if (signal.aborted) return new HostError('CANCELLED', 'The mini-app was closed');
  if (error instanceof BackendError) {
    switch (error.code) {
      case 'UNAUTHORIZED':
        return new HostError('UNAUTHORIZED', 'The user is not signed in or the session has ended');
      case 'RATE_LIMITED':
        return new HostError('RATE_LIMITED', 'Too many requests; try again later', error.details);
      default:
        return new HostError('INTERNAL', 'The host could not issue a launch token');
    }
  }
  return new HostError('INTERNAL', 'The host could not issue a launch token');
}
