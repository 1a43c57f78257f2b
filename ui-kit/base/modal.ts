import { LitElement, css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';

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

/** Tab stops under `root` in flat-tree order: into shadow roots and through slots. */
export function tabbables(root: ParentNode, found: HTMLElement[] = []): HTMLElement[] {
  const children = root instanceof HTMLSlotElement ? root.assignedElements({ flatten: true }) : Array.from(root.children);
  for (const child of children) {
    if (child instanceof HTMLElement) {
      if (child.hidden || child.inert) continue;
      const tabbable = child.tabIndex >= 0 && !child.matches(':disabled, a:not([href])') && child.checkVisibility();
      if (tabbable) found.push(child);
    }
    tabbables(child.shadowRoot ?? child, found);
  }
  return found;
}

/**
 * The base of the kit's modal overlays: a native `<dialog>` opened with `showModal()` (so the
 * page behind is inert, `aria-modal` holds and focus moves to the first focusable element or
 * the one marked `autofocus`), Tab kept inside, focus returned to the opener on close, Escape
 * and (unless `persistent`) a scrim click close it. Each close fires `ma-close` with the reason.
 */
export abstract class ModalElement extends LitElement {
  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    heading: {},
    persistent: { type: Boolean },
  };

  /** Shows or hides the overlay. */
  open = false;

  /** The title; it also names the dialog for assistive technology. */
  heading = '';

  /** When set, a click on the scrim does not close it. */
  persistent = false;

  protected get dialog(): HTMLDialogElement {
    return this.renderRoot?.querySelector('dialog') as HTMLDialogElement;
  }

  private opener?: HTMLElement | null;

  /** Resolves the promise of the last `show()`; calls after the first do nothing. */
  private settle: ((action: string | null) => void) | undefined;

  /** `close` events still to come from this element's own `dialog.close()` calls. */
  private ownCloses = 0;

  /** The dialog's role when it is not a plain `dialog`. */
  protected dialogRole?: 'alertdialog';

  /** The id of the element that describes the dialog, if any. */
  protected describedBy?: string;

  /** Opens; resolves with the chosen action's value, or `null` when closed without one. */
  show(): Promise<string | null> {
    this.settle?.(null);
    this.open = true;
    return new Promise((resolve) => (this.settle = resolve));
  }

  /** Closes and fires `ma-close`. */
  close(reason: CloseReason = 'api', action?: string): void {
    if (!this.open) return;
    this.settle?.(action ?? null);
    this.open = false;
    const detail: CloseEventDetail = action === undefined ? { reason } : { reason, action };
    this.dispatchEvent(new CustomEvent<CloseEventDetail>('ma-close', { bubbles: true, composed: true, detail }));
  }

  protected abstract renderContent(): TemplateResult;

  /** The dialog's name when there is no heading. */
  protected get fallbackName(): string {
    return '';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.opener = deepActiveElement();
      this.dialog.showModal();
      // showModal() skips a slotted custom element marked `autofocus` (an ma-input): focus it here.
      this.querySelector<HTMLElement>('[autofocus]')?.focus();
      lockScroll(true);
    } else if (!this.open && this.opener !== undefined) {
      // The browser may have closed the dialog already; the rest still has to happen.
      if (this.dialog.open) {
        this.ownCloses++;
        this.dialog.close();
      }
      lockScroll(false);
      this.opener?.focus();
      this.opener = undefined;
      this.settle?.(null);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.opener !== undefined) lockScroll(false);
    this.opener = undefined;
    this.settle?.(null);
  }

  private onCancel(event: Event): void {
    event.preventDefault();
    this.close('escape');
  }

  /**
   * The browser may close the dialog itself (a second Escape with no user activation). A close
   * event is a queued task, so the one from this element's own close may arrive after a new
   * `show()`: it is counted off rather than taken for the browser's.
   */
  private onClose(): void {
    if (this.ownCloses > 0) this.ownCloses--;
    else if (this.open) this.close('escape');
  }

  private onClick(event: MouseEvent): void {
    // Clicks on ::backdrop target the dialog itself; its content fills it edge to edge.
    if (event.target === this.dialog && !this.persistent) this.close('scrim');
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const stops = tabbables(this.dialog);
    const active = deepActiveElement();
    // Tab on the last stop (Shift+Tab on the first), or from outside the stops, wraps around.
    if (active === (event.shiftKey ? stops[0] : stops.at(-1)) || !stops.includes(active!)) {
      event.preventDefault();
      (event.shiftKey ? stops.at(-1) : stops[0])?.focus();
    }
  }

  protected override render() {
    return html`<dialog
      part="dialog"
      role=${this.dialogRole ?? nothing}
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

/** Styles every modal shares: the dialog reset and the scrim. Motion follows the duration tokens. */
export const modalStyles = css`
  :host {
    display: contents;
    font-family: var(--ma-font-family);
    color: var(--ma-color-text);
  }
  dialog {
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
  @keyframes ma-fade-in {
    from {
      opacity: 0;
    }
  }
`;

declare global {
  interface HTMLElementEventMap {
    'ma-close': CustomEvent<CloseEventDetail>;
  }
}
