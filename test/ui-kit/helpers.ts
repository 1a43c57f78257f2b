/**
 * Shared helpers for the UI kit's browser tests.
 *
 *   await checkA11yBothSchemes(el)        axe: 0 violations with the tokens in light AND dark
 *   await withScheme('dark', () => …)     runs a check in one scheme, then restores the previous one
 *   tokenValue('--ma-color-brand', el)    the computed value of a token on an element
 *   await nextFrame()                     waits for the next animation frame
 *
 * Importing this module installs the tokens stylesheet in the test page.
 */
import { expect } from '@open-wc/testing';
import { installTokens, setColorScheme } from '../../ui-kit/tokens/index.ts';

installTokens();

export type Scheme = 'light' | 'dark';

export interface A11yOptions {
  /** axe rule ids to skip (say why at the call site). */
  ignoredRules?: string[];
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Jumps colour transitions started by a scheme switch to their end, so checks see final colours. */
export function settleTransitions(root: Document | ShadowRoot = document): void {
  // A document's getAnimations() leaves out shadow trees: walk them.
  for (const animation of root.getAnimations()) {
    if (animation instanceof CSSTransition) animation.finish();
  }
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) settleTransitions(element.shadowRoot);
  }
}

/** Runs `check` with the tokens installed and `<html>` in `scheme`; restores the previous scheme. */
export async function withScheme<T>(scheme: Scheme, check: () => T | Promise<T>): Promise<T> {
  installTokens();
  const html = document.documentElement;
  const previous = html.getAttribute('data-ma-scheme');
  setColorScheme(scheme);
  try {
    await nextFrame();
    settleTransitions();
    return await check();
  } finally {
    if (previous === null) html.removeAttribute('data-ma-scheme');
    else html.setAttribute('data-ma-scheme', previous);
  }
}

/** Asserts axe finds no violations in `element` in the light and in the dark scheme. */
export async function checkA11yBothSchemes(element: Element, options: A11yOptions = {}): Promise<void> {
  const axeOptions = options.ignoredRules?.length ? { ignoredRules: options.ignoredRules } : undefined;
  for (const scheme of ['light', 'dark'] as const) {
    await withScheme(scheme, async () => {
      if ('updateComplete' in element) await (element as { updateComplete: Promise<unknown> }).updateComplete;
      await expect(element, `axe in the ${scheme} scheme`).to.be.accessible(axeOptions);
    });
  }
}

/** The computed value of a custom property (token) on `element`, trimmed. */
export function tokenValue(name: string, element: Element = document.documentElement): string {
  return getComputedStyle(element).getPropertyValue(name).trim();
}
