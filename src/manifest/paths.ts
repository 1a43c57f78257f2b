/**
 * Paths inside a mini-app build, as the manifest names them and as the `.zip` stores them:
 * relative, `/`-separated, no `.` or `..` segment, portable to every file system a moderator
 * may unpack on.
 */

/** The longest path (in UTF-16 units) a build may hold. */
export const MAX_PATH_LENGTH = 255;

// Characters Windows refuses in file names, the backslash, and control characters.
const UNPORTABLE = /[\\:*?"<>|\p{Cc}]/u;

/** Why `path` is not a path inside the build, or undefined when it is one. */
export function relativePathProblem(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.length > MAX_PATH_LENGTH) return `is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return 'is absolute; give a path relative to the folder';
  const bad = UNPORTABLE.exec(path);
  if (bad) return `holds ${bad[0] === '\\' ? 'a backslash (use /)' : `the character ${JSON.stringify(bad[0])}`}`;
  const segments = path.split('/');
  if (segments.includes('..')) return 'leaves the folder (..)';
  if (segments.includes('.')) return 'holds a "." segment';
  if (segments.includes('')) return 'holds an empty segment (// or a trailing /)';
  return undefined;
}

/** True for a path with a segment that starts with a dot (`.env`, `.git/config`). */
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.'));
}

/** The path up to and including its first hidden segment: `.git/objects/ab` → `.git`. */
export function hiddenRoot(path: string): string {
  const segments = path.split('/');
  const index = segments.findIndex((segment) => segment.startsWith('.'));
  return segments.slice(0, index + 1).join('/');
}

/** True when `path` is `listed` or lies inside the folder `listed`. */
export function isUnder(path: string, listed: string): boolean {
  return path === listed || path.startsWith(`${listed.replace(/\/$/, '')}/`);
}
