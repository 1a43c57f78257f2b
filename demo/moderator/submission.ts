/**
 * A submission as the moderator page opens it: the `.zip` checked by the packaging rules
 * (`checkZip`), then unpacked in the browser. Files with a bad path are left out and reported, so
 * nothing outside the build's folder can be served.
 */
import { strFromU8, unzipSync } from 'fflate';
import { checkZip, formatProblem, relativePathProblem, MANIFEST_FILE, type Manifest } from '../../src/manifest/index.ts';
import { isCapability, type Capability } from '../../src/protocol/index.ts';
import type { ReviewFile } from '../review/protocol.ts';

/** The manifest fields a submission must have (docs/manifest.md), and the optional icon. */
export const MANIFEST_FIELDS = ['id', 'name', 'version', 'entry', 'capabilities', 'category', 'icon'] as const;

export interface Submission {
  files: ReviewFile[];
  /** The manifest when it passed its check. */
  manifest: Manifest | undefined;
  /** What `miniapp.json` held, read leniently so a faulty manifest can still be reviewed. */
  declared: { id?: string; name?: string; entry: string; capabilities: Capability[]; icon?: string; fields: string[] };
  /** Every packaging problem, one line each. */
  problems: string[];
}

export class SubmissionError extends Error {
  override name = 'SubmissionError';
}

function readDeclared(bytes: Uint8Array | undefined): Submission['declared'] {
  let json: unknown;
  try {
    json = bytes ? JSON.parse(strFromU8(bytes)) : undefined;
  } catch {
    json = undefined;
  }
  const record = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  const capabilities = Array.isArray(record.capabilities) ? record.capabilities.filter(isCapability) : [];
  return {
    ...(text('id') !== undefined && { id: text('id')! }),
    ...(text('name') !== undefined && { name: text('name')! }),
    entry: text('entry') ?? 'index.html',
    capabilities,
    ...(text('icon') !== undefined && { icon: text('icon')! }),
    fields: Object.keys(record),
  };
}

/** Checks and unpacks an uploaded `.zip`; throws `SubmissionError` when it cannot be read at all. */
export function openSubmission(bytes: Uint8Array): Submission {
  const check = checkZip(bytes);
  if (check.entries.length === 0 && check.problems.length > 0) throw new SubmissionError(check.problems.map(formatProblem).join('; '));
  const problems = check.problems.map(formatProblem);
  const unpacked = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') && relativePathProblem(file.name) === undefined });
  for (const entry of check.entries) {
    const problem = relativePathProblem(entry.path);
    if (problem) problems.push(`${entry.path}: ${problem}; not served`);
  }
  const files = Object.entries(unpacked).map(([path, data]) => ({ path, bytes: data.slice().buffer as ArrayBuffer }));
  const declared = readDeclared(unpacked[MANIFEST_FILE]);
  if (!unpacked[MANIFEST_FILE]) problems.push(`${MANIFEST_FILE}: missing; the review opens index.html with no capabilities`);
  if (!files.some((file) => file.path === declared.entry)) throw new SubmissionError(`The entry page ${declared.entry} is not in the build`);
  return { files, manifest: check.manifest, declared, problems };
}
