import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { CANCEL, MORE } from '../../base/messages.ts';
import { ModalElement, modalStyles } from '../../base/modal.ts';
import { actionSheetStyles } from './action-sheet.styles.ts';

/** One action of an `<ma-action-sheet>`. */
export interface SheetAction {
  value: string;
  label: string;
  /** Shown in the negative colour (delete, leave). */
  destructive?: boolean;
  disabled?: boolean;
}

/**
 * A list of actions sliding up from the bottom, with a separate Cancel button. Choosing an
 * action closes it and fires `ma-close` with `{ reason: 'action', action }`; Cancel, Escape and
 * the scrim close it with no action. `show()` resolves with the chosen value or `null`.
 *
 * @fires ma-close - `{ reason: 'action' | 'cancel' | 'escape' | 'scrim' | 'api', action? }`.
 * @csspart dialog - The native dialog. @csspart action - Each action. @csspart cancel - Cancel.
 */
export class MaActionSheet extends ModalElement {
  static override styles = [modalStyles, actionSheetStyles];

  static override properties: PropertyDeclarations = {
    actions: { type: Array },
    text: {},
    cancelLabel: { attribute: 'cancel-label' },
  };

  actions: SheetAction[] = [];

  /** A line under the heading (what the actions apply to). */
  text = '';

  /** The Cancel button's text; the built-in "Cancel" by default. */
  cancelLabel = '';

  protected override get fallbackName(): string {
    return this.text || msg(MORE, this);
  }

  protected renderContent() {
    return html`<div class="panel" part="panel">
      <div class="group">
        ${this.heading || this.text
          ? html`<div class="title">
              ${this.heading ? html`<h2 id="heading" class="heading">${this.heading}</h2>` : nothing}
              ${this.text ? html`<p class="text">${this.text}</p>` : nothing}
            </div>`
          : nothing}
        ${this.actions.map(
          (action) => html`<button
            type="button"
            class="action ${action.destructive ? 'destructive' : ''}"
            part="action"
            ?disabled=${!!action.disabled}
            @click=${() => this.close('action', action.value)}
          >
            ${action.label}
          </button>`,
        )}
      </div>
      <div class="group">
        <button type="button" class="action cancel" part="cancel" @click=${() => this.close('cancel')}>
          ${this.cancelLabel || msg(CANCEL, this)}
        </button>
      </div>
    </div>`;
  }
}

customElements.define('ma-action-sheet', MaActionSheet);

declare global {
  interface HTMLElementTagNameMap {
    'ma-action-sheet': MaActionSheet;
  }
}
