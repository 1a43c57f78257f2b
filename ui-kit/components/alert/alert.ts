import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { msg } from '../../base/i18n.ts';
import { OK } from '../../base/messages.ts';
import { ModalElement, modalStyles } from '../../base/modal.ts';
import { alertStyles } from './alert.styles.ts';

/** A button of an `<ma-alert>`. */
export interface AlertAction {
  value: string;
  label: string;
  /** `cancel` is the safe choice (focused first); `destructive` is shown in the negative colour. */
  mode?: 'default' | 'cancel' | 'destructive';
}

/**
 * An alert dialog (role `alertdialog`): a short title, a text and one to three actions. The safe
 * action (mode `cancel`, else the first) gets focus. Choosing an action closes it and fires
 * `ma-close` with `{ reason: 'action', action }`; `show()` resolves with that value (`null` on
 * Escape). A scrim click does nothing unless `persistent` is turned off.
 *
 * @slot - Richer text than the `text` property.
 * @fires ma-close - `{ reason: 'action' | 'escape' | 'scrim' | 'api', action? }`.
 * @csspart dialog - The native dialog. @csspart action - Each action button.
 */
export class MaAlert extends ModalElement {
  static override styles = [modalStyles, alertStyles];

  static override properties: PropertyDeclarations = {
    text: {},
    actions: { type: Array },
  };

  text = '';

  /** The buttons; a single "OK" when empty. */
  actions: AlertAction[] = [];

  constructor() {
    super();
    this.persistent = true;
  }

  protected override dialogRole = 'alertdialog' as const;

  protected override describedBy = 'text';

  private get shownActions(): AlertAction[] {
    return this.actions.length ? this.actions : [{ value: 'ok', label: msg(OK, this) }];
  }

  protected renderContent() {
    const actions = this.shownActions;
    return html`<div class="panel" part="panel">
      <div class="content">
        ${this.heading ? html`<h2 id="heading" class="heading">${this.heading}</h2>` : nothing}
        <p id="text" class="text"><slot>${this.text}</slot></p>
      </div>
      <div class="actions ${actions.length > 2 ? 'stacked' : ''}">
        ${actions.map(
          (action) => html`<button
            type="button"
            class="action ${action.mode ?? ''}"
            part="action"
            ?autofocus=${action.mode === 'cancel'}
            @click=${() => this.close('action', action.value)}
          >
            ${action.label}
          </button>`,
        )}
      </div>
    </div>`;
  }
}

customElements.define('ma-alert', MaAlert);

declare global {
  interface HTMLElementTagNameMap {
    'ma-alert': MaAlert;
  }
}
