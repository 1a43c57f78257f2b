import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogClient } from '../../src/backend/catalog-client.ts';
import type { AppListRowView } from '../../src/backend/catalog-contract.ts';
import type { LicenceView } from '../../src/backend/catalog-records.ts';
import type { RegistrationInput } from '../../src/catalog/index.ts';
import '../../ui-kit/components/badge/badge.ts';
import '../../ui-kit/components/banner/banner.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/cell/cell.ts';
import '../../ui-kit/components/checkbox/checkbox.ts';
import '../../ui-kit/components/group/group.ts';
import '../../ui-kit/components/input/input.ts';
import '../../ui-kit/components/select/select.ts';
import '../../ui-kit/components/textarea/textarea.ts';
import { STATUS_MODE } from '../moderator/moderator-page.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import './app-card.ts';
import { categoryLabel, categoryOptions, formatWhen, statusLabel } from './catalog-labels.ts';
import type { ChatSettingsApi } from './chat-settings-api.ts';
import { fieldErrors, type FieldErrors } from './form-errors.ts';
import { partnerTexts } from './texts.ts';

const value = (event: Event) => (event.target as HTMLInputElement).value;
const checked = (event: Event) => (event.target as HTMLInputElement).checked;

const EMPTY: RegistrationInput = {
  licence: '', name: '', description: '', category: '', offer: { documentId: '', title: '', url: '' },
  takesPayments: false, payee: { legalName: '', taxId: '' }, bankAccount: { accountNumber: '', bankId: '' }, placementRulesAccepted: false,
};

/**
 * The partner cabinet: the organisation's mini-apps by last update, the registration form (every
 * rule's message from the catalog, by field), and an app's card.
 */
@customElement('demo-partner-cabinet')
export class DemoPartnerCabinet extends LitElement {
  static override styles = css`
    :host { display: block; container-type: inline-size; color: var(--ma-color-text); }
    .layout { display: grid; gap: 16px; padding: 16px; }
    @container (min-width: 960px) { .layout { grid-template-columns: 380px minmax(0, 1fr); align-items: start; } }
    .fields { display: grid; gap: 12px; padding: 8px 16px 16px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; padding: 8px 16px 16px; }
    ul { margin: 4px 0 0; padding-left: 20px; }
    .side { display: grid; gap: 16px; min-width: 0; }
  `;

  @property({ attribute: false }) catalog: CatalogClient | undefined;
  /** The super-app's address, for deep links (`<origin>/#/app/<id>`). */
  @property({ attribute: 'shell-url' }) shellUrl = `${location.origin}/`;
  /** The app's chat settings route, for the card's Chat settings tab. */
  @property({ attribute: false }) chatApi: ChatSettingsApi | undefined;
  @property() locale: ShellLocale = 'ru';

  @state() private apps: AppListRowView[] = [];
  @state() private licences: LicenceView[] = [];
  @state() private view: { kind: 'list' } | { kind: 'register' } | { kind: 'app'; appId: string } = { kind: 'list' };
  @state() private form: RegistrationInput = structuredClone(EMPTY);
  @state() private errors: FieldErrors = { byField: {}, lines: [] };
  @state() private loadError = '';
  /** The first answer of the catalog (apps or an error) has come. */
  @state() private loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('catalog') && this.catalog && this.isConnected) void this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.catalog) return;
    try {
      const [apps, licences] = await Promise.all([this.catalog.partner.listApps(), this.catalog.partner.listLicences()]);
      this.apps = apps.apps;
      this.licences = licences.licences;
      this.loadError = '';
    } catch (error) {
      this.loadError = fieldErrors(error).lines.join('; ');
    } finally {
      this.loaded = true;
    }
  }

  open(appId: string): void {
    this.view = { kind: 'app', appId };
  }

  async register(): Promise<void> {
    const form = this.form;
    const input: RegistrationInput = {
      ...form,
      name: form.name.trim(),
      description: form.description.trim(),
      offer: form.offer && { documentId: form.offer.documentId.trim(), title: form.offer.title.trim(), ...(form.offer.url?.trim() ? { url: form.offer.url.trim() } : {}) },
      payee: form.takesPayments ? form.payee : null,
      bankAccount: form.takesPayments ? form.bankAccount : null,
    };
    try {
      const { app } = await this.catalog!.partner.registerApp(input);
      this.form = structuredClone(EMPTY);
      this.errors = { byField: {}, lines: [] };
      await this.refresh();
      this.open(app.id);
    } catch (error) {
      // Nothing typed is lost: the form keeps its values, every problem is shown at its field.
      this.errors = fieldErrors(error);
    }
  }

  #set(change: Partial<RegistrationInput>): void {
    this.form = { ...this.form, ...change };
  }

  #list() {
    const t = partnerTexts(this.locale);
    return html`<ma-group header=${t('myApps')} data-apps aria-busy=${this.loaded ? 'false' : 'true'}>
      ${!this.loaded ? html`<ma-cell role="status" data-loading>${t('loading')}</ma-cell>` : nothing}
      ${this.loaded && !this.loadError && this.apps.length === 0 ? html`<ma-cell multiline>${t('noApps')}</ma-cell>` : nothing}
      ${this.apps.map(
        (app) => html`<ma-cell clickable chevron multiline data-app-id=${app.id} subtitle=${t('updated', { category: categoryLabel(this.locale, app.category), date: formatWhen(this.locale, app.updatedAt) })}
          @click=${() => this.open(app.id)}>${app.name}<ma-badge slot="after" mode=${STATUS_MODE[app.status]} data-status=${app.status}>${statusLabel(this.locale, app.status)}</ma-badge></ma-cell>`,
      )}
      <div class="row"><ma-button data-action="new-app" @click=${() => (this.view = { kind: 'register' })}>${t('registerApp')}</ma-button></div>
    </ma-group>`;
  }

  #registration() {
    const t = partnerTexts(this.locale);
    const f = this.form;
    const e = this.errors.byField;
    const free = this.licences.filter((licence) => licence.appId === null).map((licence) => ({ value: licence.name, label: licence.name }));
    const categories = categoryOptions(this.locale);
    return html`<ma-group header=${t('registerApp')} data-register>
      ${this.errors.lines.length
        ? html`<div class="fields"><ma-banner mode="negative" role="alert" data-errors>${t('refused')}<ul>${this.errors.lines.map((line) => html`<li>${line}</li>`)}</ul></ma-banner></div>`
        : nothing}
      <div class="fields">
        <ma-select name="licence" label=${t('licence')} placeholder=${free.length ? t('chooseLicence') : t('noFreeLicence')} .options=${free} .value=${f.licence} error=${e.licence ?? ''}
          @change=${(event: Event) => this.#set({ licence: value(event) })}></ma-select>
        <ma-input name="name" label=${t('name')} helper-text=${t('nameHint')} .value=${f.name} error=${e.name ?? ''}
          @input=${(event: Event) => this.#set({ name: value(event) })}></ma-input>
        <ma-select name="category" label=${t('category')} placeholder=${t('chooseCategory')} .options=${categories} .value=${f.category} error=${e.category ?? ''}
          @change=${(event: Event) => this.#set({ category: value(event) })}></ma-select>
        <ma-textarea name="description" label=${t('description')} helper-text=${t('descriptionHint')} .value=${f.description} error=${e.description ?? ''}
          @input=${(event: Event) => this.#set({ description: value(event) })}></ma-textarea>
        <ma-input name="offer.title" label=${t('offerTitleField')} .value=${f.offer?.title ?? ''} error=${e['offer.title'] ?? e.offer ?? ''}
          @input=${(event: Event) => this.#set({ offer: { ...this.form.offer!, title: value(event) } })}></ma-input>
        <ma-input name="offer.documentId" label=${t('offerDocumentField')} .value=${f.offer?.documentId ?? ''} error=${e['offer.documentId'] ?? ''}
          @input=${(event: Event) => this.#set({ offer: { ...this.form.offer!, documentId: value(event) } })}></ma-input>
        <ma-input type="url" name="offer.url" label=${t('offerUrlField')} .value=${f.offer?.url ?? ''} error=${e['offer.url'] ?? ''}
          @input=${(event: Event) => this.#set({ offer: { ...this.form.offer!, url: value(event) } })}></ma-input>
        <ma-checkbox name="takesPayments" .checked=${f.takesPayments} @change=${(event: Event) => this.#set({ takesPayments: checked(event) })}>${t('takesPayments')}</ma-checkbox>
        ${f.takesPayments
          ? html`<ma-input name="payee.legalName" label=${t('payeeField')} .value=${f.payee?.legalName ?? ''} error=${e['payee.legalName'] ?? e.payee ?? ''}
                @input=${(event: Event) => this.#set({ payee: { ...this.form.payee!, legalName: value(event) } })}></ma-input>
              <ma-input name="payee.taxId" label=${t('payeeTaxId')} .value=${f.payee?.taxId ?? ''} error=${e['payee.taxId'] ?? ''}
                @input=${(event: Event) => this.#set({ payee: { ...this.form.payee!, taxId: value(event) } })}></ma-input>
              <ma-input name="bankAccount.accountNumber" label=${t('bankAccount')} .value=${f.bankAccount?.accountNumber ?? ''} error=${e['bankAccount.accountNumber'] ?? e.bankAccount ?? ''}
                @input=${(event: Event) => this.#set({ bankAccount: { ...this.form.bankAccount!, accountNumber: value(event) } })}></ma-input>
              <ma-input name="bankAccount.bankId" label=${t('bankId')} .value=${f.bankAccount?.bankId ?? ''} error=${e['bankAccount.bankId'] ?? ''}
                @input=${(event: Event) => this.#set({ bankAccount: { ...this.form.bankAccount!, bankId: value(event) } })}></ma-input>`
          : nothing}
        <ma-checkbox name="placementRulesAccepted" .checked=${f.placementRulesAccepted} error=${e.placementRulesAccepted ?? ''}
          @change=${(event: Event) => this.#set({ placementRulesAccepted: checked(event) })}>${t('acceptRules')}</ma-checkbox>
      </div>
      <div class="row">
        <ma-button data-action="register" @click=${() => void this.register()}>${t('register')}</ma-button>
        <ma-button mode="secondary" @click=${() => (this.view = { kind: 'list' })}>${t('cancel')}</ma-button>
      </div>
    </ma-group>`;
  }

  override render() {
    const t = partnerTexts(this.locale);
    const view = this.view;
    return html`<div class="layout">
      <div class="side">
        ${this.loadError ? html`<ma-banner mode="negative" role="alert">${this.loadError}</ma-banner>` : nothing}
        ${this.#list()}
      </div>
      <div class="side">
        ${view.kind === 'register' ? this.#registration() : nothing}
        ${view.kind === 'app'
          ? html`<demo-partner-app-card .catalog=${this.catalog} .appId=${view.appId} shell-url=${this.shellUrl} .chatApi=${this.chatApi} .locale=${this.locale} @demo-app-changed=${() => void this.refresh()}></demo-partner-app-card>`
          : nothing}
        ${view.kind === 'list' ? html`<ma-group header=${t('title')}><ma-cell multiline>${t('chooseApp')}</ma-cell></ma-group>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-partner-cabinet': DemoPartnerCabinet;
  }
}
