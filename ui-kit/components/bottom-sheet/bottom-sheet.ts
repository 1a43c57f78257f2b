import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { closeGlyph } from '../../base/glyphs.ts';
import { msg } from '../../base/i18n.ts';
import { CLOSE } from '../../base/messages.ts';
import { ModalElement, modalStyles } from '../../base/modal.ts';
import { bottomSheetStyles } from './bottom-sheet.styles.ts';

/** How far (px) a downward drag must go before the sheet closes. */
const swipeThreshold = 80;

/**
 * A modal bottom sheet: a native modal `<dialog>` sliding up from the bottom, with a header
 * (title and close button), a scrolling body and an optional footer. Escape, the close button,
 * a scrim click (unless `persistent`) and, with `swipe`, a downward drag of the header close it;
 * each fires `ma-close` with `{ reason }`.
 *
 * @slot - The content. @slot footer - Actions pinned under the content.
 * @fires ma-close - `{ reason: 'escape' | 'scrim' | 'close-button' | 'swipe' | 'api' }`.
 * @csspart dialog - The native dialog. @csspart panel - The sheet. @csspart header - The header.
 * @csspart body - The scrolling content. @csspart footer - The footer.
 * @cssprop --ma-sheet-height - A fixed height for the sheet (auto by default).
 */
export class MaBottomSheet extends ModalElement {
  static override styles = [modalStyles, bottomSheetStyles];

  static override properties: PropertyDeclarations = {
    swipe: { type: Boolean },
    noCloseButton: { type: Boolean, attribute: 'no-close-button' },
  };

  /** Lets the user close it by dragging the header down. */
  swipe = false;

  /** Hides the close button (Escape and the scrim still close it). */
  noCloseButton = false;

  private get panel(): HTMLElement {
    return this.renderRoot?.querySelector('.panel') as HTMLElement;
  }

  private dragStart: number | undefined;

  private onPointerDown(event: PointerEvent): void {
    if (!this.swipe || (event.target as Element).closest('button')) return;
    this.dragStart = event.clientY;
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this.panel.style.transition = 'none';
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.dragStart !== undefined) this.panel.style.transform = `translateY(${Math.max(0, event.clientY - this.dragStart)}px)`;
  }

  private onPointerUp(event: PointerEvent): void {
    if (this.dragStart === undefined) return;
    if (event.clientY - this.dragStart > swipeThreshold) this.close('swipe');
    this.dragStart = undefined;
    // Back to the stylesheet's transform and transition: a short drag springs back.
    this.panel.style.cssText = '';
  }

  /** The footer shows only while something is slotted into it. */
  private onFooterChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    slot.parentElement!.hidden = !slot.assignedNodes().length;
  }

  protected renderContent() {
    return html`<div class="panel" part="panel">
      <div
        class="grab"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
      >
        ${this.swipe ? html`<div class="handle" part="handle"></div>` : nothing}
        <header part="header">
          <h2 id="heading" class="heading">${this.heading}</h2>
          ${this.noCloseButton
            ? nothing
            : html`<button type="button" class="close" part="close-button" aria-label=${msg(CLOSE, this)} @click=${() => this.close('close-button')}>
                ${closeGlyph}
              </button>`}
        </header>
      </div>
      <div class="body" part="body"><slot></slot></div>
      <footer part="footer" hidden>
        <slot name="footer" @slotchange=${this.onFooterChange}></slot>
      </footer>
    </div>`;
  }
}

customElements.define('ma-bottom-sheet', MaBottomSheet);

declare global {
  interface HTMLElementTagNameMap {
    'ma-bottom-sheet': MaBottomSheet;
  }
}
