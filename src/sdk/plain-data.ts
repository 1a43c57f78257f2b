/**
 * Why `value` is not plain data a host can take (functions, DOM objects, events, WebAssembly
 * modules, class instances, cycles, nesting deeper than 64), or undefined when it is.
 */
export function notPlainData(value: unknown, depth = 0, seen = new Set<object>()): string | undefined {
  if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`;
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > 64) return 'nested too deep';
  if (seen.has(value)) return 'a cycle';
  if (value instanceof Date || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Blob) return undefined;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) {
    return `a ${(value as object).constructor?.name || 'class instance'}`;
  }
  seen.add(value);
  for (const key in value) {
    const problem = notPlainData((value as Record<string, unknown>)[key], depth + 1, seen);
    if (problem) return `${problem} at ${key.length > 40 ? `${key.slice(0, 40)}…` : key}`;
  }
  seen.delete(value);
  return undefined;
}
