import * as v from 'valibot';
import { ALL_CATEGORIES, type Category } from '../catalog/categories.ts';
import { NAME_LIMITS } from '../catalog/registration.ts';
import { checkPlainText } from '../catalog/text-rules.ts';
import { ALL_CAPABILITIES, type Capability } from '../protocol/capabilities.ts';
import { relativePathProblem } from './paths.ts';

/** The manifest's file name, at the root of the built folder and of the `.zip`. */
export const MANIFEST_FILE = 'miniapp.json';

/** The manifest of a mini-app build (`miniapp.json`); docs/manifest.md describes every field. */
export interface Manifest {
  /** The app's stable id: 3–64 of `a–z 0–9 -`, starting with a letter (the audience of its launch tokens). */
  id: string;
  /** The catalog name: letters, digits, hyphens and spaces, 5–128 characters. */
  name: string;
  /** Semantic version of this build, e.g. `1.4.0` or `2.0.0-beta.1`. */
  version: string;
  /** The page the host opens, relative to the folder, e.g. `index.html`. */
  entry: string;
  /** The bridge capabilities the app asks for; the host grants at most these. */
  capabilities: Capability[];
  /** One of the catalog's category ids, e.g. `food-and-drinks`. */
  category: Category;
  /** A square icon in the folder: `.png`, `.svg` or `.webp`. */
  icon?: string;
  /** Hidden files or folders (a segment starting with `.`) to pack; any other is refused. */
  hiddenFiles?: string[];
}

/** One thing wrong with a build: in which file, at which manifest field, and why. */
export interface Problem {
  /** The file inside the folder (or the zip) the problem is about. */
  file?: string;
  /** The manifest field, as a dotted path (`capabilities.1`). */
  field?: string;
  message: string;
}

export const ID_PATTERN = /^[a-z][a-z0-9-]{1,62}[a-z0-9]$/;
export const ICON_EXTENSIONS = ['.png', '.svg', '.webp'] as const;
export const MAX_VERSION_LENGTH = 64;

// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, an optional pre-release and build metadata.
const NUMBER = '(?:0|[1-9]\\d*)';
const PRERELEASE_PART = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${PRERELEASE_PART}(?:\\.${PRERELEASE_PART})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

const relativePath = (what: string) =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = dataset.typed ? relativePathProblem(dataset.value) : undefined;
      if (problem) addIssue({ message: `${what} ${problem}` });
    }),
  );

const name = v.pipe(
  v.string('must be a string'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    // The catalog's own rules, so a manifest that passes here registers under the same name.
    for (const error of checkPlainText('name', dataset.value, NAME_LIMITS).errors) addIssue({ message: error.message.replace(/^name: /, '') });
  }),
);

/**
 * The manifest schema. Every field is checked and every problem reported (parse with
 * `abortEarly: false`, or use `checkManifest`); a field the schema does not know is an error, so
 * a misspelt `capabilites` is never ignored.
 */
export const ManifestSchema = v.objectWithRest(
  {
    id: v.pipe(v.string('must be a string'), v.regex(ID_PATTERN, 'must be 3–64 of a–z, 0–9 and -, starting with a letter and not ending with -')),
    name,
    version: v.pipe(
      v.string('must be a string'),
      v.maxLength(MAX_VERSION_LENGTH, `must be at most ${MAX_VERSION_LENGTH} characters`),
      v.regex(SEMVER, 'must be a semantic version such as 1.0.0 or 2.1.0-beta.1'),
    ),
    entry: v.pipe(relativePath('the entry'), v.regex(/\.html?$/i, 'the entry must be an .html page')),
    capabilities: v.pipe(
      v.array(v.picklist(ALL_CAPABILITIES as Capability[], `must be one of ${ALL_CAPABILITIES.join(', ')}`), 'must be a list of capability names'),
      v.check((list) => new Set(list).size === list.length, 'lists a capability twice'),
    ),
    category: v.picklist(ALL_CATEGORIES as Category[], `must be one of ${ALL_CATEGORIES.join(', ')}`),
    icon: v.optional(
      v.pipe(
        relativePath('the icon'),
        v.check((path) => ICON_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension)), `the icon must be a ${ICON_EXTENSIONS.join(', ')} file`),
      ),
    ),
    hiddenFiles: v.optional(v.array(relativePath('a hidden file'), 'must be a list of paths')),
  },
  v.never('is not a manifest field'),
);

/**
 * A checked manifest, or its problems. `hiddenFiles` is the manifest's list even when another
 * field failed, so the files it allows are not reported as well.
 */
export type ManifestCheck = { manifest: Manifest; problems: []; hiddenFiles: string[] } | { manifest: undefined; problems: Problem[]; hiddenFiles: string[] };

const HiddenFilesSchema = v.array(v.pipe(v.string(), v.check((path) => relativePathProblem(path) === undefined)));

/** Checks parsed manifest JSON; reports every problem, each with its field. */
export function checkManifest(value: unknown, file = MANIFEST_FILE): ManifestCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { manifest: undefined, problems: [{ file, message: 'must hold a JSON object' }], hiddenFiles: [] };
  }
  const result = v.safeParse(ManifestSchema, value, { abortEarly: false });
  if (result.success) return { manifest: result.output as Manifest, problems: [], hiddenFiles: result.output.hiddenFiles ?? [] };
  const listed = v.safeParse(HiddenFilesSchema, (value as { hiddenFiles?: unknown }).hiddenFiles);
  const problems = result.issues.map((issue): Problem => {
    const field = v.getDotPath(issue) ?? undefined;
    const missing = issue.input === undefined && issue.type !== 'never';
    return { file, ...(field !== undefined && { field }), message: missing ? 'is required' : issue.message };
  });
  return { manifest: undefined, problems, hiddenFiles: listed.success ? listed.output : [] };
}

/** Parses and checks the text of `miniapp.json`. */
export function parseManifest(text: string, file = MANIFEST_FILE): ManifestCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { manifest: undefined, problems: [{ file, message: `is not valid JSON: ${(error as Error).message}` }], hiddenFiles: [] };
  }
  return checkManifest(value, file);
}

/** One line per problem: `file › field: message`. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.field].filter(Boolean).join(' › ');
  return where ? `${where}: ${problem.message}` : problem.message;
}
