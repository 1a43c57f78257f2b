import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { closeGlyph } from '../../base/glyphs.ts';
import { msg } from '../../base/i18n.ts';
import { DISMISS } from '../../base/messages.ts';
import type { CloseEventDetail, CloseReason } from '../../base/modal.ts';
import { snackbarStyles } from './snackbar.styles.ts';

/**
 * A short message at the bottom of the screen (role `status`, announced politely), with an
 * optional action. It hides itself after `duration` ms (0 keeps it), pausing while pointed at or
 * focused. Fires `ma-action` when its action is pressed and `ma-close` with the reason.
 *
 * @slot - Richer text than the `text` property.
 * @fires ma-action - The action button was pressed (the snackbar then closes).
 * @fires ma-close - `{ reason: 'timeout' | 'action' | 'close-button' | 'api' }`.
 * @csspart bar - The visible bar. @csspart action - The action button.
 */
export class MaSnackbar extends LitElement {
  static override styles = snackbarStyles;

  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    text: {},
    actionLabel: { attribute: 'action-label' },
    duration: { type: Number },
    dismissible: { type: Boolean },
  };

  open = false;

  text = '';

  /** Text of the action button; no button when empty. */
  actionLabel = '';

  /** Milliseconds before it hides itself; 0 keeps it until closed. */
  duration = 4000;

  /** Shows a close button. */
  dismissible = false;

  private timer: ReturnType<typeof setTimeout> | undefined;

  private paused = false;

  constructor() {
    super();
    const pause = () => {
      this.paused = true;
      clearTimeout(this.timer);
    };
    const resume = () => {
      this.paused = false;
      this.startTimer();
    };
    this.addEventListener('pointerenter', pause);
    this.addEventListener('pointerleave', resume);
    this.addEventListener('focusin', pause);
    this.addEventListener('focusout', resume);
  }

  /** Hides it and fires `ma-close`. */
  close(reason: CloseReason = 'api'): void {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new CustomEvent<CloseEventDetail>('ma-close', { bubbles: true, composed: true, detail: { reason } }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('open') || changed.has('duration')) this.startTimer();
  }

  private startTimer(): void {
    clearTimeout(this.timer);
    if (this.open && this.duration > 0 && !this.paused) this.timer = setTimeout(() => this.close('timeout'), this.duration);
  }

  private onAction(): void {
    this.dispatchEvent(new CustomEvent('ma-action', { bubbles: true, composed: true }));
    this.close('action');
  }

  protected override render() {
    // The live region stays in the DOM so that adding the bar is announced.
    return html`<div class="region" role="status" aria-live="polite" aria-atomic="true">
      ${this.open
        ? html`<div class="bar" part="bar">
            <span class="text"><slot>${this.text}</slot></span>
            ${this.actionLabel ? html`<button type="button" part="action" @click=${this.onAction}>${this.actionLabel}</button>` : nothing}
            ${this.dismissible
              ? html`<button type="button" part="close-button" aria-label=${msg(DISMISS, this)} @click=${() => this.close('close-button')}>
                  ${closeGlyph}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }
}

customElements.define('ma-snackbar', MaSnackbar);

export interface ToastOptions {
  actionLabel?: string;
  /** Milliseconds; 4000 by default, 0 keeps it until closed. */
  duration?: number;
  onAction?: () => void;
  dismissible?: boolean;
  /** Where to attach it; `document.body` by default. */
  container?: HTMLElement;
}

let current: MaSnackbar | undefined;

/** Shows a one-off snackbar (replacing the previous one) and removes it once it closes. */
export function toast(text: string, options: ToastOptions = {}): MaSnackbar {
  current?.close('api');
  const snackbar = document.createElement('ma-snackbar');
  snackbar.text = text;
  snackbar.actionLabel = options.actionLabel ?? '';
  snackbar.duration = options.duration ?? 4000;
  snackbar.dismissible = options.dismissible ?? false;
  if (options.onAction) snackbar.addEventListener('ma-action', options.onAction);
  snackbar.addEventListener('ma-close', () => {
    snackbar.remove();
    if (current === snackbar) current = undefined;
  });
  (options.container ?? document.body).append(snackbar);
  current = snackbar;
  // Open after the empty live region is in place, so screen readers announce the text.
  void snackbar.updateComplete.then(() => {
    if (snackbar.isConnected) snackbar.open = true;
  });
  return snackbar;
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-snackbar': MaSnackbar;
  }
  interface HTMLElementEventMap {
    'ma-action': CustomEvent<void>;
  }
}
