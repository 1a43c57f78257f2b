/** Where the demo keeps its session token: the page's storage, read by the backend client. */
export interface SessionHolder {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export const DEFAULT_SESSION_KEY = 'miniapps-demo-session';

export function createSessionHolder(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage, key = DEFAULT_SESSION_KEY): SessionHolder {
  return {
    get: () => storage.getItem(key),
    set: (token) => storage.setItem(key, token),
    clear: () => storage.removeItem(key),
  };
}
