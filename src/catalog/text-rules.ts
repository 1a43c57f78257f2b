/*
 * How the catalog counts and checks free text (names, descriptions).
 *
 * - Text is NFC-normalised first, so a letter typed as base + combining mark counts once.
 * - Length is counted in Unicode code points of the NFC text, not UTF-16 units: "𝔸" is one
 *   character, as a person would count it.
 * - Allowed: letters of any script (\p{L}) with their combining marks (\p{M} right after a
 *   letter, needed by Devanagari, Thai …), decimal digits of any script (\p{Nd}), the ASCII
 *   hyphen-minus and the ordinary space U+0020. Everything else (punctuation, symbols, emoji,
 *   underscores, tabs, newlines, no-break spaces) is refused.
 * - Emoji are refused even where Unicode files them as letters or marks: "ℹ" (U+2139) is a
 *   letter that is also a pictograph, and the presentation selectors U+FE0E/U+FE0F are marks
 *   that only turn the character before them into an emoji or back.
 * - Leading and trailing spaces are refused rather than silently trimmed: the domain never
 *   changes what a partner typed beyond NFC; a form may trim before submitting.
 */

import { InvalidCharactersError, RequiredFieldError, SurroundingSpacesError, TooLongError, TooShortError } from './errors.ts';
import type { CatalogFieldError } from './errors.ts';

/** Number of Unicode code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const DIGIT = /^\p{Nd}$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const PRESENTATION_SELECTOR = /^[\uFE0E\uFE0F]$/u;

/** Distinct characters of `text` that a plain-text field refuses, in order of appearance. */
export function forbiddenCharacters(text: string): string[] {
  const found: string[] = [];
  let afterLetter = false;
  for (const char of text) {
    const isLetter = LETTER.test(char) && !PICTOGRAPH.test(char);
    const isLetterMark: boolean = afterLetter && MARK.test(char) && !PRESENTATION_SELECTOR.test(char);
    const ok = isLetter || DIGIT.test(char) || char === '-' || char === ' ' || isLetterMark;
    // A mark keeps the "after a letter" state: a letter may carry several marks.
    afterLetter = isLetter || isLetterMark;
    if (!ok && !found.includes(char)) found.push(char);
  }
  return found;
}

/** Limits of a plain-text field, in code points. */
export interface PlainTextLimits {
  min: number;
  max: number;
}

/**
 * Checks a plain-text field (letters, digits, hyphens, spaces) and returns every problem found
 * together with the NFC form of the text.
 */
export function checkPlainText(field: string, raw: string, limits: PlainTextLimits): { value: string; errors: CatalogFieldError[] } {
  const value = raw.normalize('NFC');
  if (value.length === 0) return { value, errors: [new RequiredFieldError(field)] };
  const errors: CatalogFieldError[] = [];
  const length = codePointLength(value);
  if (length < limits.min) errors.push(new TooShortError(field, limits.min, length));
  if (length > limits.max) errors.push(new TooLongError(field, limits.max, length));
  const bad = forbiddenCharacters(value);
  if (bad.length > 0) errors.push(new InvalidCharactersError(field, bad));
  if (value.startsWith(' ') || value.endsWith(' ')) errors.push(new SurroundingSpacesError(field));
  return { value, errors };
}

/** True when `text` holds something other than whitespace. */
export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim().length === 0;
}
