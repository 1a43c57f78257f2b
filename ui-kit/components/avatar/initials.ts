/** The first character (code point) of the first two words. */
const FIRST_TWO_WORDS = /^\s*(\S)\S*(?:\s+(\S))?/u;

/** Up to two initials of a name: "Anna Petrova" → "AP". */
export function initialsOf(name: string): string {
  // One match, no arrays: a list draws hundreds of avatars.
  const match = FIRST_TWO_WORDS.exec(name);
  return match ? (match[1]! + (match[2] ?? '')).toUpperCase() : '';
}

/** Makes `element` the image of the initials: named after the person, or decorative without a name. */
export function nameInitials(element: Element, name: string): void {
  if (name) {
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', name);
    element.removeAttribute('aria-hidden');
  } else {
    element.removeAttribute('role');
    element.removeAttribute('aria-label');
    element.setAttribute('aria-hidden', 'true');
  }
}
