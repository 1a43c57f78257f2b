import type { BackendClient } from '../backend/client.ts';
import { BackendError } from '../backend/errors.ts';
import { ErrorCode, type HostScreenLink } from '../protocol/index.ts';
import type { CallContext, MethodHandler } from './handlers.ts';
import { HostError } from './host-error.ts';

/** What the storage handlers need from the backend client. */
export type StorageBackend = Pick<BackendClient, 'storageGet' | 'storageSet' | 'storageRemove' | 'storageKeys'>;

/** The `storage.*` handlers: the host backend keeps the values per app and user. */
export function createStorageHandlers(client: StorageBackend): {
  'storage.get': MethodHandler<'storage.get'>;
  'storage.set': MethodHandler<'storage.set'>;
  'storage.remove': MethodHandler<'storage.remove'>;
  'storage.keys': MethodHandler<'storage.keys'>;
} {
  const guarded =
    <P, R>(run: (params: P, context: CallContext) => Promise<R>) =>
    async (params: P, context: CallContext): Promise<R> => {
      try {
        return await run(params, context);
      } catch (error) {
        throw storageError(error, context.signal);
      }
    };
  return {
    'storage.get': guarded(async ({ keys }, { appId, signal }) => {
      const { values } = await client.storageGet(appId, keys, { signal });
      // Built on a null prototype: a key named __proto__ is an ordinary key.
      const result: Record<string, string | null> = Object.create(null);
      for (const key of keys) result[key] = Object.hasOwn(values, key) ? (values[key] ?? null) : null;
      return result;
    }),
    'storage.set': guarded(({ key, value }, { appId, signal }) => client.storageSet(appId, key, value, { signal })),
    'storage.remove': guarded(({ keys }, { appId, signal }) => client.storageRemove(appId, keys, { signal })),
    'storage.keys': guarded(async (_params, { appId, signal }) => (await client.storageKeys(appId, { signal })).keys),
  };
}

function storageError(error: unknown, signal: AbortSignal): HostError {
  if (signal.aborted) return new HostError(ErrorCode.CANCELLED, 'The mini-app was closed');
  if (error instanceof BackendError) {
    switch (error.code) {
      case 'UNAUTHORIZED':
        return new HostError(ErrorCode.UNAUTHORIZED, 'The user is not signed in or the session has ended');
      case 'STORAGE_FULL':
        return new HostError(ErrorCode.INVALID_ARGUMENT, 'This app already keeps 1,024 keys for this user; remove some first', { reason: 'STORAGE_FULL', limit: 1024 });
      case 'INVALID_REQUEST':
      case 'PAYLOAD_TOO_LARGE':
        return new HostError(ErrorCode.INVALID_ARGUMENT, 'The host refused these keys or values');
      case 'RATE_LIMITED':
        return new HostError(ErrorCode.RATE_LIMITED, 'Too many requests; try again later', error.details);
    }
  }
  return new HostError(ErrorCode.INTERNAL, 'The host could not reach its storage');
}

export interface NavigationOptions {
  /** Shows a host screen (the host's own router). */
  openScreen(link: HostScreenLink, context: CallContext): void | Promise<void>;
  /** Whether the signed-in user may see this screen; every screen by default. */
  isAvailable?(link: HostScreenLink, context: CallContext): boolean | Promise<boolean>;
}

/** The `navigation.open` handler: a screen this user cannot see is PERMISSION_DENIED, never opened. */
export function createNavigationHandlers(options: NavigationOptions): { 'navigation.open': MethodHandler<'navigation.open'> } {
  return {
    'navigation.open': async (link, context) => {
      if (options.isAvailable && !(await options.isAvailable(link, context))) {
        throw new HostError(ErrorCode.PERMISSION_DENIED, `The ${link.screen} screen is not available to this user`);
      }
      await options.openScreen(link, context);
    },
  };
}
