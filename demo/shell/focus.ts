/**
 * Puts focus on a new screen: on the row that opened an app when the resident comes back to its
 * screen, else on the screen's `<main>` (named after the screen), so a keyboard or screen-reader
 * user starts there instead of at the top of the document.
 */
export async function focusScreen(root: ShadowRoot | HTMLElement, openerId?: string): Promise<HTMLElement | undefined> {
  // The page's own elements render after the shell: wait for them, then for the next frame.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const rendered = [...root.querySelectorAll('*')].filter((element) => 'updateComplete' in element) as unknown as { updateComplete: Promise<unknown> }[];
  await Promise.all(rendered.map((element) => element.updateComplete));
  if (openerId) {
    const row = root.querySelector<HTMLElement>(`[data-opener="${CSS.escape(openerId)}"]`);
    const target = row?.shadowRoot?.querySelector<HTMLElement>('[part=base]') ?? row;
    if (target) {
      target.focus();
      if (isFocused(root, row!)) return row!;
    }
  }
  // A screen that put focus on its own first field (sign-in) keeps it.
  const main = root.querySelector<HTMLElement>('main');
  const active = (root as ShadowRoot).activeElement;
  if (main && active && active !== main && main.contains(active)) return active as HTMLElement;
  main?.focus({ preventScroll: true });
  return main ?? undefined;
}

function isFocused(root: ShadowRoot | HTMLElement, element: Element): boolean {
  const active = (root as ShadowRoot).activeElement;
  return active === element || element.contains(active) || element.shadowRoot?.activeElement != null;
}
