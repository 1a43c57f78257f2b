/**
 * Build uploads and downloads. A partner sends the `.zip` itself as the body, with its file name
 * and its size declared in the query; a body over the size limit is refused before it is read.
 * The bytes go to the blob port, the build's metadata (name, size, SHA-256, review) to the app.
 */
import type { AppRecord as CatalogAppRecord } from '../catalog/index.ts';
import type { Actor } from '../catalog/index.ts';
import { actOnApp } from './catalog.ts';
import { BuildUploadQuery, MAX_BUILD_BYTES } from './catalog-contract.ts';
import type { BackendContext } from './context.ts';
import { BackendError, isBackendError } from './errors.ts';
import { check, readBytes } from './http-input.ts';
import { randomUuid } from './ports.ts';
import type { AppRecord } from './records.ts';

/** Where a build's bytes are kept in the blob port. */
export const buildBlobKey = (appId: string, buildId: string): string => `builds/${appId}/${buildId}`;

export const ZIP_MIME_TYPE = 'application/zip';

/** A zip archive starts with a local file header, or with the end record when it is empty. */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function invalid(path: string, message: string, reason: string): BackendError {
  return new BackendError('INVALID_REQUEST', message, { issues: [{ path, message, reason }] });
}

async function hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Reads exactly the declared number of bytes, never more than the limit. */
async function readBuild(request: Request, size: number): Promise<Uint8Array> {
  const tooLarge = new BackendError('PAYLOAD_TOO_LARGE', `A build is at most ${MAX_BUILD_BYTES} bytes`, { maxBytes: MAX_BUILD_BYTES });
  const declared = request.headers.get('Content-Length');
  if (size > MAX_BUILD_BYTES || (declared !== null && Number(declared) > MAX_BUILD_BYTES)) throw tooLarge;
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(request, size);
  } catch (error) {
    if (isBackendError(error, 'PAYLOAD_TOO_LARGE')) throw invalid('size', `The body is larger than the declared size (${size} bytes)`, 'size-mismatch');
    throw error;
  }
  if (bytes.length !== size) throw invalid('size', `The body has ${bytes.length} bytes, not the declared ${size}`, 'size-mismatch');
  if (!looksLikeZip(bytes)) throw invalid('body', 'A build is a .zip archive', 'not-a-zip');
  return bytes;
}

/**
 * Uploads a build: before the first passed review it is only stored; afterwards it goes to
 * moderation (the catalog's `upload-build` move). Nothing is kept when the move is refused.
 */
export async function uploadBuild(ctx: BackendContext, appId: string, actor: Actor, request: Request, query: Record<string, string>): Promise<AppRecord> {
  const { fileName, size } = check(BuildUploadQuery, query, 'query');
  const bytes = await readBuild(request, size);
  const buildId = randomUuid(ctx.random);
  const key = buildBlobKey(appId, buildId);
  await ctx.blobs.put(key, { bytes: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: ZIP_MIME_TYPE }), mimeType: ZIP_MIME_TYPE });
  try {
    return await actOnApp(ctx, appId, actor, { type: 'upload-build', build: { id: buildId, fileName, sizeBytes: size, sha256: await hex(bytes) } });
  } catch (error) {
    await ctx.blobs.delete(key);
    throw error;
  }
}

/** The `.zip` of one of the app's builds, as uploaded. */
export async function downloadBuild(ctx: BackendContext, app: CatalogAppRecord, buildId: string): Promise<Response> {
  const build = app.builds.find((each) => each.id === buildId);
  const blob = build ? await ctx.blobs.get(buildBlobKey(app.id, build.id)) : undefined;
  if (!build || !blob) throw new BackendError('BUILD_NOT_FOUND', `App "${app.id}" has no build "${buildId}" to download`);
  const safeName = build.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(blob.bytes, {
    headers: {
      'Content-Type': ZIP_MIME_TYPE,
      'Content-Length': String(blob.bytes.size),
      'Content-Disposition': `attachment; filename="${safeName}"`,
      ...(build.sha256 ? { 'X-Build-SHA256': build.sha256 } : {}),
    },
  });
}
