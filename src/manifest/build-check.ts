import { MANIFEST_FILE, type Manifest, type Problem } from './manifest.ts';
import { hiddenRoot, isHiddenPath, isUnder, relativePathProblem } from './paths.ts';

/** One file of a build: its path inside the folder (or the zip) and its size in bytes. */
export interface BuildEntry {
  path: string;
  size: number;
}

/** What a build may hold; docs/manifest.md gives the reasons. */
export const BUILD_LIMITS = {
  /** Bytes of one file. */
  fileBytes: 10 * 1024 * 1024,
  /** Bytes of all files together, unpacked. */
  totalBytes: 50 * 1024 * 1024,
  /** Files in the build, the manifest included. */
  files: 5000,
  /** Bytes of `miniapp.json`. */
  manifestBytes: 64 * 1024,
  /** Bytes of the icon. */
  iconBytes: 512 * 1024,
} as const;

export type BuildLimits = { readonly [K in keyof typeof BUILD_LIMITS]: number };

const MiB = 1024 * 1024;
/** Bytes for people: `10 MiB`, `512 KiB`, `1,234 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes.toLocaleString('en')} bytes`;
}

/** An exact size, so one byte over a limit never reads as the limit itself. */
const exactly = (bytes: number) => `${bytes.toLocaleString('en')} bytes`;

/**
 * Checks the list of files of a build against its manifest and the limits: paths, sizes, hidden
 * files, the entry and the icon. It needs no file system, so a folder on disk and an uploaded zip
 * are checked alike. Pass `manifest` undefined when it failed its own check (and the
 * `hiddenFiles` its check still read): the file rules are checked all the same. Returns every
 * problem found, in the order of the entries.
 */
export function checkBuild(
  entries: readonly BuildEntry[],
  manifest: Manifest | undefined,
  limits: BuildLimits = BUILD_LIMITS,
  hiddenFiles: readonly string[] = manifest?.hiddenFiles ?? [],
): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map<string, BuildEntry>();
  const byFoldedPath = new Map<string, string>();
  const hiddenRoots = new Map<string, number>();
  const hiddenListed = hiddenFiles;
  let total = 0;

  for (const entry of entries) {
    const { path, size } = entry;
    const pathProblem = relativePathProblem(path);
    if (pathProblem) {
      problems.push({ file: path, message: `the path ${pathProblem}` });
      continue;
    }
    if (byPath.has(path)) {
      problems.push({ file: path, message: 'appears twice' });
      continue;
    }
    byPath.set(path, entry);
    // Two names that differ only in case overwrite each other on macOS and Windows.
    const folded = path.toLowerCase();
    const clash = byFoldedPath.get(folded);
    if (clash) problems.push({ file: path, message: `differs from ${clash} only in letter case` });
    else byFoldedPath.set(folded, path);
    if (!Number.isSafeInteger(size) || size < 0) {
      problems.push({ file: path, message: 'has no valid size' });
      continue;
    }
    total += size;
    if (size > limits.fileBytes) problems.push({ file: path, message: `is ${exactly(size)}; a file may be at most ${formatBytes(limits.fileBytes)}` });
    if (isHiddenPath(path) && !hiddenListed.some((listed) => isUnder(path, listed))) {
      const root = hiddenRoot(path);
      hiddenRoots.set(root, (hiddenRoots.get(root) ?? 0) + 1);
    }
  }

  // A hidden folder (.git) is one problem, not one per file in it.
  for (const [root, count] of hiddenRoots) {
    const what = count === 1 && byPath.has(root) ? 'is a hidden file' : `is a hidden folder (${count} file${count === 1 ? '' : 's'})`;
    problems.push({ file: root, message: `${what}; remove it from the build, or list it in the manifest's "hiddenFiles" to pack it` });
  }
  if (byPath.size > limits.files) problems.push({ message: `the build holds ${byPath.size.toLocaleString('en')} files; at most ${limits.files.toLocaleString('en')} are allowed` });
  if (total > limits.totalBytes) problems.push({ message: `the build holds ${exactly(total)} in all; at most ${formatBytes(limits.totalBytes)} are allowed` });

  const manifestEntry = byPath.get(MANIFEST_FILE);
  if (!manifestEntry) problems.push({ file: MANIFEST_FILE, message: 'is missing at the root of the build' });
  else if (manifestEntry.size > limits.manifestBytes) problems.push({ file: MANIFEST_FILE, message: `is ${exactly(manifestEntry.size)}; at most ${formatBytes(limits.manifestBytes)}` });

  if (!manifest) return problems;
  if (!byPath.has(manifest.entry)) problems.push({ file: MANIFEST_FILE, field: 'entry', message: `names ${manifest.entry}, which is not in the build` });
  if (manifest.icon !== undefined) {
    const icon = byPath.get(manifest.icon);
    if (!icon) problems.push({ file: MANIFEST_FILE, field: 'icon', message: `names ${manifest.icon}, which is not in the build` });
    else if (icon.size > limits.iconBytes) problems.push({ file: manifest.icon, field: 'icon', message: `is ${exactly(icon.size)}; an icon may be at most ${formatBytes(limits.iconBytes)}` });
  }
  hiddenListed.forEach((listed, index) => {
    if (![...byPath.keys()].some((path) => isUnder(path, listed))) {
      problems.push({ file: MANIFEST_FILE, field: `hiddenFiles.${index}`, message: `names ${listed}, which is not in the build` });
    }
  });
  return problems;
}
