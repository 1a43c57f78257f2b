import { LAUNCH_FRAGMENT_KEY, type LaunchParams } from '../protocol/index.ts';

const NAME_PREFIX = `${LAUNCH_FRAGMENT_KEY}:`;
let cached: LaunchParams | undefined;

/**
 * The launch parameters the host put in the URL fragment. Read once and kept in the frame's
 * `window.name`, which lives as long as the frame and needs no storage permission, so a hash
 * router or a reload of the same frame cannot lose them.
 */
export function readLaunch(): LaunchParams | undefined {
  if (cached) return cached;
  const encoded = fragmentValue(location.hash, LAUNCH_FRAGMENT_KEY);
  try {
    const json = encoded !== undefined ? decodeURIComponent(encoded) : window.name.startsWith(NAME_PREFIX) ? window.name.slice(NAME_PREFIX.length) : '';
    const params = json && JSON.parse(json);
    if (typeof params?.launchId === 'string' && typeof params.hostOrigin === 'string') {
      cached = params;
      window.name = NAME_PREFIX + json;
    }
  } catch {
    // A damaged fragment means we were not launched by a host.
  }
  return cached;
}

/**
 * The value of `key` in a `#a=1&b=2` fragment, still encoded. Plain string search: a regular
 * expression built at boot costs a compilation in a fresh frame, a measurable part of the launch.
 */
function fragmentValue(hash: string, key: string): string | undefined {
  for (let at = hash.indexOf(`${key}=`); at !== -1; at = hash.indexOf(`${key}=`, at + 1)) {
    const before = hash[at - 1];
    if (before !== '#' && before !== '&') continue;
    const start = at + key.length + 1;
    const end = hash.indexOf('&', start);
    return hash.slice(start, end === -1 ? undefined : end);
  }
  return undefined;
}
