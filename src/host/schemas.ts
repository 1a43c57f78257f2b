import * as v from 'valibot';
import type { MethodName } from '../protocol/index.ts';
import { cut, MAX_MESSAGE } from './bounded.ts';

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

const MAX_ISSUES = 5;

/**
 * Checks `params` against the method's schema; returns a readable problem, or undefined if valid.
 * The schema's messages may quote what the app sent (a key, a value), so each is a bounded copy.
 */
export function checkParams(method: MethodName, params: unknown): { message: string; issues: string[] } | undefined {
  const result = v.safeParse(METHOD_SCHEMAS[method], params);
  if (result.success) return undefined;
  const issues = result.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path?.map((item) => cut(String(item.key), 40)).join('.');
    return cut(path ? `${path}: ${issue.message}` : issue.message, 160);
  });
  if (result.issues.length > MAX_ISSUES) issues.push(`and ${result.issues.length - MAX_ISSUES} more`);
  return { message: cut(`Invalid arguments for ${method}: ${issues.join('; ')}`, MAX_MESSAGE), issues };
}
