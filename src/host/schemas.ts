import * as v from 'valibot';
import type { MethodName } from '../protocol/index.ts';

/**
 * The argument schema of every bridge method. The port answers only methods listed here, and
 * each argument is checked before any handler runs: no extra keys, bounded strings.
 */
export const METHOD_SCHEMAS: { readonly [M in MethodName]: v.GenericSchema } = {
  'app.ready': v.undefined(),
  'app.close': v.optional(v.strictObject({ reason: v.optional(v.pipe(v.string(), v.maxLength(200))) })),
  'user.get': v.undefined(),
};

export function isKnownMethod(name: string): name is MethodName {
  return Object.hasOwn(METHOD_SCHEMAS, name);
}

/** Checks `params` against the method's schema; returns a readable problem, or undefined if valid. */
export function checkParams(method: MethodName, params: unknown): { message: string; issues: string[] } | undefined {
  const result = v.safeParse(METHOD_SCHEMAS[method], params);
  if (result.success) return undefined;
  const issues = result.issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return { message: `Invalid arguments for ${method}: ${issues.join('; ')}`, issues };
}
