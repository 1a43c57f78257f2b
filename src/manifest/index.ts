/**
 * The mini-app manifest (`miniapp.json`) and the rules a build must follow: pure, for the
 * `miniapps pack` command in Node and for a moderator's page checking an uploaded zip.
 */
export { MANIFEST_FILE, ManifestSchema, checkManifest, parseManifest, formatProblem, ID_PATTERN, ICON_EXTENSIONS, MAX_VERSION_LENGTH } from './manifest.ts';
export type { Manifest, ManifestCheck, Problem } from './manifest.ts';
export { BUILD_LIMITS, checkBuild, formatBytes } from './build-check.ts';
export type { BuildEntry, BuildLimits } from './build-check.ts';
export { relativePathProblem, isHiddenPath, MAX_PATH_LENGTH } from './paths.ts';
export { checkZip } from './zip.ts';
export type { ZipCheck } from './zip.ts';
