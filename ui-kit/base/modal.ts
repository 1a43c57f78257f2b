import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';

/** Why an overlay closed. */
export type CloseReason = 'escape' | 'scrim' | 'close-button' | 'swipe' | 'action' | 'cancel' | 'timeout' | 'api';

export interface CloseEventDetail {
  reason: CloseReason;
  /** The chosen action's value, when `reason` is `action`. */
  action?: string;
}

let openModals = 0;

/** Stops the page behind from scrolling while any modal is open. */
function lockScroll(lock: boolean): void {
  openModals = Math.max(0, openModals + (lock ? 1 : -1));
  document.documentElement.style.overflow = openModals ? 'hidden' : '';
}

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

function isTabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0 || element.matches(':disabled') || (element.localName === 'a' && !element.hasAttribute('href'))) return false;
  return element.checkVisibility();
}

/** Tab stops under `root` in flat-tree order: into shadow roots and through slots. */
export function tabbables(root: ParentNode, found: HTMLElement[] = []): HTMLElement[] {
  const children = root instanceof HTMLSlotElement ? root.assignedElements({ flatten: true }) : Array.from(root.children);
  for (const child of children) {
    if (child instanceof HTMLElement) {
      if (child.hidden || child.inert) continue;
      if (isTabbable(child)) found.push(child);
    }
    tabbables(child.shadowRoot ?? child, found);
  }
  return found;
}

/**
 * The base of the kit's modal overlays: a native `<dialog>` opened with `showModal()` (so the
 * page behind is inert and `aria-modal` holds), focus moved inside on open, Tab kept inside,
 * focus returned to the opener on close, Escape and (unless `persistent`) a scrim click close
 * it. Each close fires `ma-close` with the reason.
 */
export abstract class ModalElement extends LitElement {
  /** Shows or hides the overlay. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The title; it also names the dialog for assistive technology. */
  @property() heading = '';

  /** When set, a click on the scrim does not close it. */
  @property({ type: Boolean }) persistent = false;

  @query('dialog') protected dialog!: HTMLDialogElement;

  private opener: HTMLElement | null = null;

  private settle: ((action: string | null) => void) | undefined;

  /** Opens; resolves with the chosen action's value, or `null` when closed without one. */
  show(): Promise<string | null> {
    this.settle?.(null);
    this.open = true;
    return new Promise((resolve) => (this.settle = resolve));
  }

  /** Closes and fires `ma-close`. */
  close(reason: CloseReason = 'api', action?: string): void {
    if (!this.open) return;
    this.open = false;
    this.settle?.(action ?? null);
    this.settle = undefined;
    const detail: CloseEventDetail = action === undefined ? { reason } : { reason, action };
    this.dispatchEvent(new CustomEvent<CloseEventDetail>('ma-close', { bubbles: true, composed: true, detail }));
  }

  /** The role of the dialog element. */
  protected get dialogRole(): 'dialog' | 'alertdialog' {
    return 'dialog';
  }

  /** The element focused on open; the first Tab stop by default. */
  protected initialFocus(): HTMLElement | undefined {
    return this.querySelector<HTMLElement>('[autofocus]') ?? tabbables(this.dialog)[0];
  }

  protected abstract renderContent(): TemplateResult;

  /** The dialog's name when there is no heading. */
  protected get fallbackName(): string {
    return '';
  }

  /** An id to describe the dialog with, if any. */
  protected get describedBy(): string | undefined {
    return undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.opener = deepActiveElement();
      this.dialog.showModal();
      lockScroll(true);
      (this.initialFocus() ?? this.dialog).focus();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
      lockScroll(false);
      this.opener?.focus();
      this.opener = null;
      this.settle?.(null);
      this.settle = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) lockScroll(false);
    this.settle?.(null);
  }

  private onCancel(event: Event): void {
    event.preventDefault();
    this.close('escape');
  }

  /** The browser may close the dialog itself (a second Escape with no user activation). */
  private onClose(): void {
    if (this.open) this.close('escape');
  }

  private onClick(event: MouseEvent): void {
    // Clicks on ::backdrop target the dialog itself; its content fills it edge to edge.
    if (event.target === this.dialog && !this.persistent) this.close('scrim');
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const stops = tabbables(this.dialog);
    const first = stops[0];
    const last = stops[stops.length - 1];
    const active = deepActiveElement();
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const inside = !!active && stops.includes(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  protected override render() {
    return html`<dialog
      part="dialog"
      role=${this.dialogRole === 'alertdialog' ? 'alertdialog' : nothing}
      aria-modal="true"
      aria-labelledby=${this.heading ? 'heading' : nothing}
      aria-label=${this.heading ? nothing : this.fallbackName || nothing}
      aria-describedby=${this.describedBy ?? nothing}
      @cancel=${this.onCancel}
      @close=${this.onClose}
      @click=${this.onClick}
      @keydown=${this.onKeydown}
    >
      ${this.renderContent()}
    </dialog>`;
  }
}

/** Styles every modal shares: the dialog reset, the scrim, reduced motion. */
export const modalStyles = css`
  :host {
    display: contents;
    font-family: var(--ma-font-family);
    color: var(--ma-color-text);
  }
  dialog {
    box-sizing: border-box;
    max-width: 100%;
    max-height: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    overflow: visible;
    outline: none;
  }
  dialog::backdrop {
    background: var(--ma-color-overlay);
    animation: ma-fade-in var(--ma-duration-base) var(--ma-easing-standard);
  }
  .heading {
    margin: 0;
    font-size: var(--ma-font-size-headline);
    line-height: var(--ma-line-height-headline);
    font-weight: var(--ma-font-weight-semibold);
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--ma-focus-ring);
  }
  svg {
    width: 20px;
    height: 20px;
  }
  @keyframes ma-fade-in {
    from {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    dialog::backdrop {
      animation: none !important;
      transition: none !important;
    }
  }
`;

declare global {
  interface HTMLElementEventMap {
    'ma-close': CustomEvent<CloseEventDetail>;
  }
}
