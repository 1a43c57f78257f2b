/**
 * Reading a request at the edge: bodies, path and query parameters, each checked against its
 * valibot schema, so route handlers get typed values or a `400 INVALID_REQUEST` naming the field.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { BackendError } from './errors.ts';

type Schema = v.GenericSchema<unknown, unknown>;

/** The largest body any route reads, unless it names a smaller bound (the longest offer fits). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The JSON body, checked. A body over `maxBytes` is refused with `413 PAYLOAD_TOO_LARGE` before it
 * is parsed: by its `Content-Length` when it declares one, otherwise as soon as the bytes read pass
 * the bound, so a hostile size costs no more than the bound.
 */
export async function body<S extends Schema>(c: Context, schema: S, maxBytes = MAX_BODY_BYTES): Promise<v.InferOutput<S>> {
  const text = await readText(c.req.raw, maxBytes);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new BackendError('INVALID_REQUEST', 'The body must be JSON');
  }
  return check(schema, input, 'body');
}

export function param<S extends Schema>(c: Context, name: string, schema: S): v.InferOutput<S> {
  return check(schema, c.req.param(name), name);
}

export function check<S extends Schema>(schema: S, input: unknown, where: string): v.InferOutput<S> {
  // abortPipeEarly: a string that is too long is not also split or scanned by the checks after it.
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? where, message: issue.message }));
  throw new BackendError('INVALID_REQUEST', `Invalid ${where}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, {
    issues,
  });
}

function tooLarge(maxBytes: number): BackendError {
  return new BackendError('PAYLOAD_TOO_LARGE', `The body is larger than this route takes (${maxBytes} bytes)`, { maxBytes });
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBytes(request, maxBytes));
}

/**
 * The raw body, at most `maxBytes` of it: a larger one is refused with `413 PAYLOAD_TOO_LARGE` by
 * its `Content-Length`, or as soon as the bytes read pass the bound.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
