/** Where the shell is: the hash's path (`/screen/bills`) and its query (`route=/x&anchor=y`). */
export interface ShellLocation {
  path: string;
  query: URLSearchParams;
}

/** `#/app/bakery?route=%2F` → `{ path: '/app/bakery', query }`; an empty hash is `/`. */
export function readLocation(hash: string): ShellLocation {
  const raw = hash.replace(/^#/, '');
  const at = raw.indexOf('?');
  const path = (at < 0 ? raw : raw.slice(0, at)) || '/';
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

/**
 * Matches `/screen/bill/b-1` against `/screen/:screen/:id?`: the named segments, decoded, or
 * `undefined` when the path does not fit. A segment that cannot be decoded does not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = pattern.split('/').filter(Boolean);
  const given = path.split('/').filter(Boolean);
  const optional = wanted.filter((segment) => segment.endsWith('?')).length;
  if (given.length > wanted.length || given.length < wanted.length - optional) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = given[index];
    if (!segment.startsWith(':')) {
      if (value !== segment) return undefined;
      continue;
    }
    if (value === undefined) continue;
    try {
      params[segment.slice(1).replace(/\?$/, '')] = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return params;
}

/** The hash of a mini-app's deep link: `#/app/<id>?route=…&anchor=…`. */
export function appLink(appId: string, route = '/', anchor = ''): string {
  const query = new URLSearchParams();
  if (route !== '/') query.set('route', route);
  if (anchor) query.set('anchor', anchor);
  const search = query.toString();
  return `#/app/${encodeURIComponent(appId)}${search ? `?${search}` : ''}`;
}

/** The hash of a host screen: `#/screen/<screen>[/<id>]`. */
export function screenLink(screen: string, id?: string): string {
  return `#/screen/${screen}${id ? `/${encodeURIComponent(id)}` : ''}`;
}

interface ShellState {
  shellDepth: number;
}

const depthOf = (state: unknown): number | undefined =>
  typeof (state as ShellState | null)?.shellDepth === 'number' ? (state as ShellState).shellDepth : undefined;

/**
 * The shell's own history: every entry the shell made carries its depth, so Back knows whether
 * the previous entry is still the super-app. At depth 0 (a deep link opened in a new tab, a
 * bookmark) Back goes to a screen of the shell instead of leaving it.
 */
export class ShellHistory {
  #depth: number;

  constructor() {
    this.#depth = depthOf(history.state) ?? 0;
    if (depthOf(history.state) === undefined) history.replaceState({ ...(history.state ?? {}), shellDepth: 0 }, '');
  }

  /** Call on every `hashchange`: an entry without a depth is new (a link, `location.hash = …`). */
  observe(): void {
    const depth = depthOf(history.state);
    if (depth === undefined) {
      this.#depth += 1;
      history.replaceState({ ...(history.state ?? {}), shellDepth: this.#depth }, '');
    } else {
      this.#depth = depth;
    }
  }

  get depth(): number {
    return this.#depth;
  }

  /** Opens `hash` as a new entry. */
  push(hash: string): void {
    if (location.hash === hash) return;
    location.hash = hash;
  }

  /** Replaces the current entry with `hash` (no entry to come back to). */
  replace(hash: string): void {
    history.replaceState({ shellDepth: this.#depth }, '', `${location.pathname}${location.search}${hash}`);
    dispatchEvent(new HashChangeEvent('hashchange'));
  }

  /** One step back inside the shell, or to `fallback` when the previous entry is not the shell's. */
  back(fallback: string): void {
    if (this.#depth > 0) history.back();
    else this.replace(fallback);
  }
}
