import { strFromU8, unzipSync } from 'fflate';
import { BUILD_LIMITS, checkBuild, type BuildEntry, type BuildLimits } from './build-check.ts';
import { MANIFEST_FILE, parseManifest, type Manifest, type Problem } from './manifest.ts';

export interface ZipCheck {
  /** The manifest, when it passed its own check. */
  manifest: Manifest | undefined;
  /** The files the zip's directory lists (folders left out), with their unpacked sizes. */
  entries: BuildEntry[];
  /** Every problem, as `miniapps pack` reports them for a folder. */
  problems: Problem[];
}

/**
 * Checks an uploaded `.zip` by the same rules as `miniapps pack` checks a folder. Only the
 * manifest is unpacked (and only when its stated size is within the limit): the other files are
 * judged by the sizes the zip states, so a huge or hostile upload costs little to refuse.
 */
export function checkZip(bytes: Uint8Array, limits: BuildLimits = BUILD_LIMITS): ZipCheck {
  const entries: BuildEntry[] = [];
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter(file) {
        if (file.name.endsWith('/')) return false;
        entries.push({ path: file.name, size: file.originalSize });
        if (file.name !== MANIFEST_FILE) return false;
        return file.originalSize <= limits.manifestBytes;
      },
    });
  } catch (error) {
    return { manifest: undefined, entries, problems: [{ message: `not a readable .zip: ${(error as Error).message}` }] };
  }
  const problems: Problem[] = [];
  let manifest: Manifest | undefined;
  let hiddenFiles: string[] = [];
  const manifestBytes = unpacked[MANIFEST_FILE];
  // A manifest over its limit is not unpacked; checkBuild reports its size.
  if (manifestBytes) {
    const checked = parseManifest(strFromU8(manifestBytes));
    manifest = checked.manifest;
    hiddenFiles = checked.hiddenFiles;
    problems.push(...checked.problems);
  }
  problems.push(...checkBuild(entries, manifest, limits, hiddenFiles));
  return { manifest, entries, problems };
}
