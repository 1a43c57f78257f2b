import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { demoButtonStyles } from './buttons.styles.ts';
import type { OfferResponse } from '../../src/backend/contract.ts';

/**
 * The offer (terms) of a mini-app, shown before its first launch and after the offer changes.
 * A modal `<dialog>`: focus stays inside, Escape declines.
 *
 * @fires demo-offer-accept - The user accepted; `detail` is the offer (its `version` is what to record).
 * @fires demo-offer-decline - The user declined or dismissed the dialog.
 */
@customElement('demo-offer-dialog')
export class DemoOfferDialog extends LitElement {
  static override styles = [demoButtonStyles, css`
    dialog {
      box-sizing: border-box;
      width: min(560px, calc(100vw - 32px));
      max-height: calc(100vh - 32px);
      padding: var(--ma-space-l, 16px);
      border: none;
      border-radius: 16px;
      font-family: var(--ma-font-family, system-ui, sans-serif);
      color: var(--ma-color-text, #1f1f1f);
      background: var(--ma-color-surface, #fff);
      display: grid;
      gap: var(--ma-space-m, 12px);
    }
    dialog:not([open]) {
      display: none;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }
    h2 {
      margin: 0;
      font-size: var(--ma-font-size-title, 20px);
    }
    .text {
      overflow: auto;
      max-height: 50vh;
      white-space: pre-wrap;
      color: var(--ma-color-text-secondary, #444746);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--ma-space-s, 8px);
    }
    button:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--ma-color-focus, #0b57d0);
      outline-offset: 2px;
    }
    a {
      color: var(--ma-color-link, #0b57d0);
    }
  `];

  /** The offer to show. */
  @property({ attribute: false }) offer: OfferResponse | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog; resolves `true` on Accept, `false` on Decline or Escape. */
  async show(offer?: OfferResponse): Promise<boolean> {
    if (offer) this.offer = offer;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    return new Promise((resolve) => {
      const accept = () => settle(true);
      const decline = () => settle(false);
      const settle = (accepted: boolean) => {
        this.removeEventListener('demo-offer-accept', accept);
        this.removeEventListener('demo-offer-decline', decline);
        resolve(accepted);
      };
      this.addEventListener('demo-offer-accept', accept);
      this.addEventListener('demo-offer-decline', decline);
    });
  }

  /** Closes without deciding anything. */
  close(): void {
    this.dialog?.close();
  }

  protected override render() {
    const offer = this.offer;
    return html`
      <dialog part="dialog" aria-labelledby="title" aria-describedby="text" @cancel=${this.onCancel}>
        <h2 id="title" part="title">${offer?.title ?? ''}</h2>
        <div id="text" class="text" part="text" tabindex="0">${offer?.text ?? ''}</div>
        ${offer?.url ? html`<a href=${offer.url} target="_blank" rel="noopener">Full text of the offer</a>` : ''}
        <div class="actions">
          <button class="secondary" type="button" part="decline" @click=${() => this.decide(false)}>Decline</button>
          <button class="primary" type="button" part="accept" autofocus @click=${() => this.decide(true)}>Accept</button>
        </div>
      </dialog>
    `;
  }

  private onCancel(event: Event) {
    event.preventDefault();
    this.decide(false);
  }

  private decide(accepted: boolean) {
    this.dialog.close();
    const name = accepted ? 'demo-offer-accept' : 'demo-offer-decline';
    this.dispatchEvent(new CustomEvent(name, { detail: this.offer, bubbles: true, composed: true }));
  }
}

/** Shows an offer in a fresh dialog appended to `parent`, and removes it once the user decides. */
export async function showOfferDialog(offer: OfferResponse, parent: HTMLElement = document.body): Promise<boolean> {
  const dialog = document.createElement('demo-offer-dialog');
  parent.append(dialog);
  try {
    return await dialog.show(offer);
  } finally {
    dialog.remove();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-offer-dialog': DemoOfferDialog;
  }
  interface HTMLElementEventMap {
    'demo-offer-accept': CustomEvent<OfferResponse>;
    'demo-offer-decline': CustomEvent<OfferResponse>;
  }
}
