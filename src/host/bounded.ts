/**
 * Bounded copies of what a mini-app sends. Whatever the host keeps (log entries, error texts,
 * event data) is built from these, so an app's message can never stay alive through something
 * the host holds: in V8 a `slice()` of a string keeps its whole parent alive, so a cut is
 * rebuilt from character codes instead.
 */

/** Longest method name or path the host repeats anywhere. */
export const MAX_NAME = 64;
/** Longest error text the host keeps or sends. */
export const MAX_MESSAGE = 300;

/**
 * A fresh copy of at most `max` characters of `text` (and `…` when cut), never sharing the
 * parent's memory. Short texts are returned as they are: a received string is already a fresh
 * copy made by the structured clone.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never leave half a surrogate pair
  const codes = new Array<number>(end);
  for (let index = 0; index < end; index++) codes[index] = text.charCodeAt(index);
  return `${String.fromCharCode(...codes)}…`;
}

/** A short quoted prefix of an app's value for an error text, whatever its type. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(cut(value, 40)) : typeof value;
}
