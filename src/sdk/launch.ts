import { LAUNCH_FRAGMENT_KEY, type LaunchParams } from '../protocol/index.ts';

let cached: LaunchParams | undefined;

/**
 * The launch parameters the host put in the URL fragment. Read once and kept in sessionStorage
 * under the frame's name, so a hash router or a reload of the same frame cannot lose them.
 */
export function readLaunch(): LaunchParams | undefined {
  if (cached) return cached;
  const key = `${LAUNCH_FRAGMENT_KEY}:${window.name}`;
  const match = new RegExp(`[#&]${LAUNCH_FRAGMENT_KEY}=([^&]*)`).exec(location.hash);
  let json: string | null | undefined;
  try {
    json = match ? decodeURIComponent(match[1]!) : sessionStorage.getItem(key);
    if (match) sessionStorage.setItem(key, json!);
  } catch {
    // Storage may be off in a sandbox; the fragment alone still works.
  }
  try {
    const params = json && JSON.parse(json);
    if (typeof params?.launchId === 'string' && typeof params.hostOrigin === 'string') cached = params;
  } catch {
    // A damaged fragment means we were not launched by a host.
  }
  return cached;
}
