import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogClient } from '../../src/backend/catalog-client.ts';
import type { AppView, WidgetView } from '../../src/backend/catalog-records.ts';
import type { LaunchTokenResponse } from '../../src/backend/contract.ts';
import { SEED_USERS } from '../../src/backend/seed.ts';
import { WIDGET_SCREENS, type WidgetScreen } from '../../src/catalog/index.ts';
import '../../ui-kit/components/tabs/tabs.ts';
import '../../ui-kit/components/tabs/tab.ts';
import '../../ui-kit/components/tabs/tab-panel.ts';
import { appLink } from '../shell/navigation.ts';
import { STATUS_MODE } from '../moderator/moderator-page.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import { categoryLabel, formatWhen, statusLabel } from './catalog-labels.ts';
import type { ChatSettingsApi } from './chat-settings-api.ts';
import './chat-settings-form.ts';
import { fieldErrors } from './form-errors.ts';
import { partnerTexts, type PartnerText } from './texts.ts';

const value = (event: Event) => (event.target as HTMLInputElement).value;
const SCREEN_TEXTS = { main: 'screenMain', home: 'screenHome', showcase: 'screenShowcase', services: 'screenServices' } as const satisfies Record<WidgetScreen, string>;
const REVIEW_TEXTS = { uploaded: 'reviewUploaded', 'on-moderation': 'reviewOnModeration', approved: 'reviewApproved', rejected: 'reviewRejected' } as const;

/**
 * One app's card in the partner cabinet: Main (details, status moves, offer, payee), Placement and
 * updates (builds and moderation, widgets on the four screens, test tokens, the deep link), Chat
 * settings. Every refused action says why, and what was typed stays.
 */
@customElement('demo-partner-app-card')
export class DemoPartnerAppCard extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--ma-color-text); }
    .fields { display: grid; gap: 12px; padding: 8px 16px 16px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; padding: 8px 16px 16px; }
    .row > ma-input, .row > ma-select { flex: 1 1 200px; }
    ma-group { display: block; margin-bottom: 16px; }
    ma-banner { display: block; margin: 0 0 12px; }
    code { overflow-wrap: anywhere; font-size: 12px; }
  `;

  @property({ attribute: false }) catalog: CatalogClient | undefined;
  @property({ attribute: false }) appId = '';
  @property({ attribute: 'shell-url' }) shellUrl = `${location.origin}/`;
  /** The app's chat settings route; without it the Chat settings tab says the chat cannot be edited here. */
  @property({ attribute: false }) chatApi: ChatSettingsApi | undefined;
  @property() locale: ShellLocale = 'ru';

  @state() app: AppView | undefined;
  @state() private widgets: WidgetView[] = [];
  @state() private tab = 'main';
  @state() private error: string[] = [];
  @state() private notice = '';
  @state() private offer = { title: '', documentId: '', url: '' };
  @state() private payee = { legalName: '', taxId: '', accountNumber: '', bankId: '' };
  @state() private tokenUser = SEED_USERS[0]!.id;
  @state() private tokenPremises = SEED_USERS[0]!.premises[0]?.id ?? '';
  @state() private token: LaunchTokenResponse | undefined;
  @state() private newTester = '';
  @state() private route = '/';
  @state() private busy = false;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('appId') || changed.has('catalog')) && this.catalog && this.appId) void this.load();
  }

  async load(): Promise<void> {
    try {
      const [{ app }, { widgets }] = await Promise.all([this.catalog!.partner.getApp(this.appId), this.catalog!.partner.listWidgets(this.appId)]);
      this.app = app;
      this.widgets = widgets;
      this.offer = { title: app.offer.title, documentId: app.offer.documentId, url: app.offer.url ?? '' };
      this.payee = { legalName: app.payee?.legalName ?? '', taxId: app.payee?.taxId ?? '', accountNumber: app.bankAccount?.accountNumber ?? '', bankId: app.bankAccount?.bankId ?? '' };
    } catch (error) {
      this.error = fieldErrors(error).lines;
    }
  }

  /** Runs one action; the card reloads after it, and the cabinet's list is told. */
  async act(action: (catalog: CatalogClient['partner']) => Promise<unknown>, done: string): Promise<boolean> {
    this.error = [];
    this.notice = '';
    this.busy = true;
    try {
      await action(this.catalog!.partner);
      this.notice = done;
      await this.load();
      this.dispatchEvent(new Event('demo-app-changed', { bubbles: true, composed: true }));
      return true;
    } catch (error) {
      this.error = fieldErrors(error).lines;
      return false;
    } finally {
      this.busy = false;
    }
  }

  uploadBuild(file: File): Promise<boolean> {
    return this.act(async (partner) => partner.uploadBuild(this.appId, file.name, file), this.#t('uploaded', { file: file.name }));
  }

  get #t(): PartnerText {
    return partnerTexts(this.locale);
  }

  get deepLink(): string {
    return new URL(appLink(this.appId, this.route || '/'), this.shellUrl).href;
  }

  async #copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.deepLink);
      this.notice = this.#t('linkCopied');
    } catch {
      this.notice = this.#t('copyThis', { url: this.deepLink });
    }
  }

  #main(app: AppView) {
    const t = this.#t;
    const moves = [
      { action: 'publish', label: t('publish'), enabled: app.status === 'ready-to-publish', run: (p: CatalogClient['partner']) => p.publish(app.id) },
      { action: 'activate', label: t('activate'), enabled: app.hasPassedReview && (app.status === 'inactive' || app.status === 'testing'), run: (p: CatalogClient['partner']) => p.activate(app.id) },
      { action: 'start-testing', label: t('startTesting'), enabled: app.hasPassedReview && ['inactive', 'ready-to-publish', 'active'].includes(app.status), run: (p: CatalogClient['partner']) => p.startTesting(app.id) },
      { action: 'deactivate', label: t('deactivate'), enabled: app.hasPassedReview && ['ready-to-publish', 'testing', 'active'].includes(app.status), run: (p: CatalogClient['partner']) => p.deactivate(app.id) },
    ];
    return html`<ma-group header=${t('details')}>
        <ma-cell multiline subtitle=${app.description}>${app.name}</ma-cell>
        <ma-cell>${t('category')}<span slot="after">${categoryLabel(this.locale, app.category)}</span></ma-cell>
        <ma-cell>${t('licence')}<span slot="after">${app.licence ?? t('none')}</span></ma-cell>
        <ma-cell>${t('status')}<ma-badge slot="after" mode=${STATUS_MODE[app.status]} data-status=${app.status}>${statusLabel(this.locale, app.status)}</ma-badge></ma-cell>
        ${app.rejectionReason ? html`<ma-cell multiline subtitle=${app.rejectionReason}>${t('rejectionReason')}</ma-cell>` : nothing}
        <div class="row">${moves.map((move) => html`<ma-button size="s" mode=${move.action === 'publish' ? 'primary' : 'secondary'} data-action=${move.action} ?disabled=${!move.enabled || this.busy}
          @click=${() => void this.act(move.run, t('done', { action: move.label }))}>${move.label}</ma-button>`)}</div>
      </ma-group>
      <ma-group header=${t('offerHeader', { version: app.offer.version })} data-offer>
        <div class="fields">
          <ma-input name="offer.title" label=${t('offerTitle')} .value=${this.offer.title} @input=${(event: Event) => (this.offer = { ...this.offer, title: value(event) })}></ma-input>
          <ma-input name="offer.documentId" label=${t('offerDocument')} .value=${this.offer.documentId} @input=${(event: Event) => (this.offer = { ...this.offer, documentId: value(event) })}></ma-input>
          <ma-input type="url" name="offer.url" label=${t('offerUrl')} .value=${this.offer.url} @input=${(event: Event) => (this.offer = { ...this.offer, url: value(event) })}></ma-input>
        </div>
        <div class="row"><ma-button size="s" data-action="replace-offer" @click=${() => void this.act((p) => p.changeOffer(app.id, { title: this.offer.title, documentId: this.offer.documentId, ...(this.offer.url ? { url: this.offer.url } : {}) }),
          app.hasPassedReview ? t('offerReplacedReview') : t('offerReplaced'))}>${t('replaceOffer')}</ma-button></div>
      </ma-group>
      <ma-group header=${t('payee')} data-payee>
        <div class="fields">
          <ma-checkbox name="takesPayments" .checked=${app.takesPayments} disabled>${t('takesPayments')}</ma-checkbox>
          <ma-input name="payee.legalName" label=${t('legalEntity')} .value=${this.payee.legalName} @input=${(event: Event) => (this.payee = { ...this.payee, legalName: value(event) })}></ma-input>
          <ma-input name="payee.taxId" label=${t('taxId')} .value=${this.payee.taxId} @input=${(event: Event) => (this.payee = { ...this.payee, taxId: value(event) })}></ma-input>
          <ma-input name="bankAccount.accountNumber" label=${t('bankAccount')} .value=${this.payee.accountNumber} @input=${(event: Event) => (this.payee = { ...this.payee, accountNumber: value(event) })}></ma-input>
          <ma-input name="bankAccount.bankId" label=${t('bankId')} .value=${this.payee.bankId} @input=${(event: Event) => (this.payee = { ...this.payee, bankId: value(event) })}></ma-input>
        </div>
        <div class="row"><ma-button size="s" data-action="save-payee" @click=${() => void this.act((p) => p.editApp(app.id, {
          takesPayments: true, payee: { legalName: this.payee.legalName, taxId: this.payee.taxId }, bankAccount: { accountNumber: this.payee.accountNumber, bankId: this.payee.bankId },
        }), t('payeeSaved'))}>${t('savePayee')}</ma-button></div>
      </ma-group>`;
  }

  /** The residents who see the app while it is in Testing: added and removed one by one. */
  #testers(app: AppView) {
    const t = this.#t;
    const nameOf = (userId: string) => SEED_USERS.find((each) => each.id === userId)?.name ?? userId;
    const others = SEED_USERS.filter((each) => !app.testerIds.includes(each.id));
    const chosen = others.some((each) => each.id === this.newTester) ? this.newTester : (others[0]?.id ?? '');
    return html`<ma-group header=${t('testers')} data-testers footer=${t('testersHint')}>
      ${app.testerIds.length === 0 ? html`<ma-cell>${t('noTesters')}</ma-cell>` : nothing}
      ${app.testerIds.map((userId) => html`<ma-cell data-tester=${userId}>${nameOf(userId)}
        <ma-button slot="after" size="s" mode="tertiary" data-action="remove-tester" ?disabled=${this.busy}
          @click=${() => void this.act((p) => p.removeTester(app.id, userId), t('testerRemoved', { name: nameOf(userId) }))}>${t('removeTester')}</ma-button>
      </ma-cell>`)}
      ${others.length
        ? html`<div class="row">
            <ma-select name="tester" label=${t('tester')} .options=${others.map((each) => ({ value: each.id, label: each.name }))} .value=${chosen}
              @change=${(event: Event) => (this.newTester = value(event))}></ma-select>
            <ma-button size="s" data-action="add-tester" ?disabled=${this.busy}
              @click=${() => void this.act((p) => p.addTester(app.id, chosen), t('testerAdded', { name: nameOf(chosen) }))}>${t('addTester')}</ma-button>
          </div>`
        : nothing}
    </ma-group>`;
  }

  #placement(app: AppView) {
    const t = this.#t;
    const build = app.builds.at(-1);
    const user = SEED_USERS.find((candidate) => candidate.id === this.tokenUser) ?? SEED_USERS[0]!;
    return html`<ma-group header=${t('builds')} data-builds>
        ${app.builds.length === 0 ? html`<ma-cell multiline>${t('noBuild')}</ma-cell>` : nothing}
        ${[...app.builds].reverse().map((each) => html`<ma-cell multiline subtitle=${`${t('buildLine', { size: each.sizeBytes, date: formatWhen(this.locale, each.uploadedAt) })}${each.id === app.liveBuildId ? ` · ${t('live')}` : ''}`}>
          ${each.fileName}<ma-badge slot="after" mode=${each.review === 'approved' ? 'positive' : each.review === 'rejected' ? 'negative' : 'neutral'} data-review=${each.review}>${t(REVIEW_TEXTS[each.review])}</ma-badge></ma-cell>`)}
        <div class="row">
          <ma-button size="s" data-action="upload-build" ?disabled=${this.busy} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.click()}>${t('uploadBuild')}</ma-button>
          <input type="file" accept=".zip,application/zip" hidden aria-label=${t('buildInput')}
            @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void this.uploadBuild(file);
            }} />
          <ma-button size="s" mode="secondary" data-action="send-to-moderation" ?disabled=${!build || app.status !== 'inactive' || app.hasPassedReview || this.busy}
            @click=${() => void this.act((p) => p.sendToModeration(app.id), t('sent'))}>${t('sendToModeration')}</ma-button>
        </div>
      </ma-group>
      <ma-group header=${t('widgets')} data-widgets footer=${t('widgetsHint')}>
        ${WIDGET_SCREENS.map((screen) => {
          const placed = this.widgets.filter((widget) => widget.screen === screen);
          const screenName = t(SCREEN_TEXTS[screen]);
          return html`<ma-cell multiline data-screen=${screen} subtitle=${placed.length ? placed.map((widget) => t(widget.state === 'draft' ? 'stateDraft' : 'statePublished')).join(', ') : t('notPlaced')}>
            ${screenName}
            <span slot="after">
              ${placed.map((widget) => html`<ma-button size="s" mode="secondary" data-action=${widget.state === 'draft' ? 'publish-widget' : 'draft-widget'}
                @click=${() => void this.act((p) => p.setWidgetState(app.id, widget.id, widget.state === 'draft' ? 'published' : 'draft'), widget.state === 'draft' ? t('widgetPublished') : t('widgetDraft'))}>
                ${widget.state === 'draft' ? t('publish') : t('toDraft')}</ma-button>`)}
              ${placed.length === 0 ? html`<ma-button size="s" data-action="place-widget" @click=${() => void this.act((p) => p.placeWidget(app.id, screen), t('placed', { screen: screenName }))}>${t('place')}</ma-button>` : nothing}
            </span>
          </ma-cell>`;
        })}
      </ma-group>
      ${this.#testers(app)}
      <ma-group header=${t('testToken')} data-test-token footer=${t('testTokenHint')}>
        <div class="row">
          <ma-select name="token-user" label=${t('user')} .options=${SEED_USERS.map((each) => ({ value: each.id, label: each.name }))} .value=${this.tokenUser}
            @change=${(event: Event) => {
              this.tokenUser = value(event);
              this.tokenPremises = SEED_USERS.find((each) => each.id === this.tokenUser)?.premises[0]?.id ?? '';
            }}></ma-select>
          <ma-select name="token-premises" label=${t('premises')} .options=${user.premises.map((each) => ({ value: each.id, label: `${each.title}, ${each.object.title}` }))} .value=${this.tokenPremises}
            @change=${(event: Event) => (this.tokenPremises = value(event))}></ma-select>
          <ma-button size="s" data-action="issue-token" @click=${() => void this.act(async (p) => {
            this.token = await p.issueTestToken(app.id, { userId: this.tokenUser, ...(this.tokenPremises ? { premisesId: this.tokenPremises } : {}) });
          }, t('tokenIssued'))}>${t('issueToken')}</ma-button>
        </div>
        ${this.token ? html`<ma-cell multiline subtitle=${t('expires', { date: formatWhen(this.locale, this.token.expiresAt), name: this.token.profile.name })}><code data-token>${this.token.token}</code></ma-cell>` : nothing}
      </ma-group>
      <ma-group header=${t('deepLink')} data-deep-link>
        <div class="row">
          <ma-input name="route" label=${t('route')} .value=${this.route} @input=${(event: Event) => (this.route = value(event))}></ma-input>
          <ma-button size="s" mode="secondary" data-action="copy-link" @click=${() => void this.#copyLink()}>${t('copyLink')}</ma-button>
        </div>
        <ma-cell multiline><code data-link>${this.deepLink}</code></ma-cell>
      </ma-group>`;
  }

  #chat(app: AppView) {
    if (!this.chatApi) return html`<ma-banner mode="warning" data-chat-unavailable>${this.#t('chatUnavailable')}</ma-banner>`;
    return html`<demo-partner-chat-settings .api=${this.chatApi} .appId=${app.id} .locale=${this.locale}></demo-partner-chat-settings>`;
  }

  override render() {
    const t = this.#t;
    const app = this.app;
    if (!app) return html`${this.error.length ? html`<ma-banner mode="negative" role="alert">${this.error.join('; ')}</ma-banner>` : html`<ma-cell>${t('loading')}</ma-cell>`}`;
    return html`${this.error.length ? html`<ma-banner mode="negative" role="alert" data-error>${this.error.join('; ')}</ma-banner>` : nothing}
      ${this.notice ? html`<ma-banner mode="positive" role="status" data-notice>${this.notice}</ma-banner>` : nothing}
      <ma-tabs label=${t('cardLabel', { name: app.name })} .value=${this.tab} @ma-tab-change=${(event: CustomEvent<{ value: string }>) => (this.tab = event.detail.value)}>
        <ma-tab slot="nav" panel="main">${t('tabMain')}</ma-tab>
        <ma-tab slot="nav" panel="placement">${t('tabPlacement')}</ma-tab>
        <ma-tab slot="nav" panel="chat">${t('tabChat')}</ma-tab>
        <ma-tab-panel name="main">${this.#main(app)}</ma-tab-panel>
        <ma-tab-panel name="placement">${this.#placement(app)}</ma-tab-panel>
        <ma-tab-panel name="chat">${this.#chat(app)}</ma-tab-panel>
      </ma-tabs>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-partner-app-card': DemoPartnerAppCard;
  }
}
