import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { OfferResponse } from '../../src/backend/contract.ts';
import { localeOf } from '../../ui-kit/base/i18n.ts';
import type { CloseEventDetail } from '../../ui-kit/base/modal.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/modal-page/modal-page.ts';
import type { MaModalPage } from '../../ui-kit/components/modal-page/modal-page.ts';

const texts = {
  en: { accept: 'Accept', decline: 'Decline', version: (v: number, date: string) => `Version ${v}, published ${date}`, link: 'The offer as a document', app: 'Before you open' },
  ru: { accept: 'Принять', decline: 'Отказаться', version: (v: number, date: string) => `Редакция ${v} от ${date}`, link: 'Оферта отдельным документом', app: 'Перед открытием' },
};

/**
 * The offer (terms) of a mini-app, shown before its first launch and after the offer changes:
 * the kit's modal page with the whole text, over the app being opened. Focus stays inside,
 * Escape and the close button decline, and the page behind gets focus back when it closes.
 *
 * @fires demo-offer-accept - The user accepted; `detail` is the offer (its `version` is what to record).
 * @fires demo-offer-decline - The user declined or dismissed the dialog.
 */
@customElement('demo-offer-dialog')
export class DemoOfferDialog extends LitElement {
  static override styles = css`
    .meta {
      margin: 0 0 var(--ma-space-m, 12px);
      color: var(--ma-color-text-secondary);
      font-size: var(--ma-font-size-footnote, 13px);
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: break-word;
      line-height: 1.5;
      margin: 0;
    }
    a {
      display: inline-block;
      margin-top: var(--ma-space-m, 12px);
      color: var(--ma-color-link);
    }
    .actions {
      display: flex;
      gap: var(--ma-space-s, 8px);
      justify-content: flex-end;
      flex-wrap: wrap;
    }
  `;

  /** The offer to show. */
  @property({ attribute: false }) offer: OfferResponse | null = null;

  /** The app the offer belongs to, named in the page's subtitle. */
  @property({ attribute: 'app-name' }) appName = '';

  @query('ma-modal-page') private page!: MaModalPage;

  #settle: ((accepted: boolean) => void) | undefined;

  /** Opens the dialog; resolves `true` on Accept, `false` on Decline, Escape or close. */
  async show(offer?: OfferResponse): Promise<boolean> {
    if (offer) this.offer = offer;
    this.#settle?.(false);
    await this.updateComplete;
    const decided = new Promise<boolean>((resolve) => (this.#settle = resolve));
    this.page.open = true;
    return decided;
  }

  /** Closes without deciding anything. */
  close(): void {
    this.#settle = undefined;
    if (this.page?.open) this.page.close('api');
  }

  get open(): boolean {
    return this.page?.open ?? false;
  }

  protected override render() {
    const offer = this.offer;
    const t = texts[localeOf(this)];
    const published = offer ? new Intl.DateTimeFormat(localeOf(this), { dateStyle: 'long' }).format(new Date(offer.publishedAt)) : '';
    return html`
      <ma-modal-page part="dialog" heading=${offer?.title ?? ''} persistent @ma-close=${this.onClose}>
        ${offer
          ? html`<p class="meta" part="meta">${this.appName ? `${t.app}: ${this.appName} · ` : ''}${t.version(offer.version, published)}</p>
              <p id="text" class="text" part="text">${offer.text}</p>
              ${offer.url ? html`<a href=${offer.url} target="_blank" rel="noopener">${t.link}</a>` : nothing}`
          : nothing}
        <div class="actions" slot="footer">
          <ma-button mode="secondary" part="decline" @click=${() => this.decide(false)}>${t.decline}</ma-button>
          <ma-button part="accept" autofocus @click=${() => this.decide(true)}>${t.accept}</ma-button>
        </div>
      </ma-modal-page>
    `;
  }

  private onClose(event: CustomEvent<CloseEventDetail>) {
    if (event.target !== this.page) return;
    // Escape or the close button: the same as Decline. `close()` has already forgotten the promise.
    if (this.#settle) this.decide(false, false);
  }

  private decide(accepted: boolean, closePage = true) {
    const settle = this.#settle;
    this.#settle = undefined;
    if (closePage && this.page.open) this.page.close('action', accepted ? 'accept' : 'decline');
    settle?.(accepted);
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
