import { LAUNCH_FRAGMENT_KEY, type LaunchParams } from '../protocol/index.ts';

const NAME_PREFIX = `${LAUNCH_FRAGMENT_KEY}:`;
let cached: LaunchParams | undefined;

/**
 * The launch parameters the host put in the URL fragment. Read once and kept in the frame's
 * `window.name`, which lives as long as the frame and needs no storage permission, so a hash
 * router or a reload of the same frame cannot lose them. (Parenthesized to compile with the
 * module: see `open` in session.ts.)
 */
export const readLaunch = (function readLaunch(): LaunchParams | undefined {
  if (cached) return cached;
  // A string search, not a regular expression: compiling one at boot costs a fresh frame ~0.3 ms.
  const encoded = `&${location.hash.slice(1)}`.split(`&${LAUNCH_FRAGMENT_KEY}=`)[1]?.split('&')[0];
  try {
    const json = encoded !== undefined ? decodeURIComponent(encoded) : window.name.startsWith(NAME_PREFIX) ? window.name.slice(NAME_PREFIX.length) : '';
    const params = json && JSON.parse(json);
    if (typeof params?.launchId === 'string' && typeof params.hostOrigin === 'string') {
      cached = params;
      // Written after the hello has left: the first write of a frame's name costs ~0.3 ms (the
      // browser mirrors it to the host's process), and a reload before the next task has the
      // fragment still.
      if (encoded !== undefined) setTimeout(() => (window.name = NAME_PREFIX + json));
    }
  } catch {
    // A damaged fragment means we were not launched by a host.
  }
  return cached;
});
