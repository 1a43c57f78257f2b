import { BackendError } from '../../src/backend/errors.ts';

/** Every problem of a refused request, by field (`name`, `payee.taxId`, …), and one line each for a summary. */
export interface FieldErrors {
  byField: Record<string, string>;
  lines: string[];
}

export function fieldErrors(error: unknown): FieldErrors {
  if (error instanceof BackendError) {
    const issues = (error.details as { issues?: { path?: string; message?: string }[] } | undefined)?.issues;
    if (Array.isArray(issues) && issues.length > 0) {
      const byField: Record<string, string> = {};
      const lines = issues.map((issue) => {
        const path = issue.path ?? '';
        const text = issue.message ?? error.message;
        byField[path] = byField[path] ? `${byField[path]}; ${text}` : text;
        return path && !text.startsWith(`${path}:`) ? `${path}: ${text}` : text;
      });
      return { byField, lines };
    }
    return { byField: {}, lines: [`${error.code}: ${error.message}`] };
  }
  return { byField: {}, lines: [String((error as Error)?.message ?? error)] };
}
