/*
 * Chat texts are counted in Unicode code points of their NFC form, like the catalog's: a
 * person's "30 characters", not UTF-16 units. Chat texts are free text: any character is
 * allowed, and leading or trailing spaces are kept (they count), but a text made only of
 * whitespace counts as missing.
 */

/** Number of code points of the NFC form of `text`. */
export function chatTextLength(text: string): number {
  let count = 0;
  for (const _ of text.normalize('NFC')) count++;
  return count;
}

/** True when `text` is absent or only whitespace. */
export function isBlankText(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim().length === 0;
}
