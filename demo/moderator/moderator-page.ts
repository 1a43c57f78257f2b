import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogClient } from '../../src/backend/catalog-client.ts';
import type { ModerationRowView } from '../../src/backend/catalog-contract.ts';
import type { AppView } from '../../src/backend/catalog-records.ts';
import { SEED_USERS } from '../../src/backend/seed.ts';
import { ALL_STATUSES, type AppStatus } from '../../src/catalog/index.ts';
import { CallLog } from '../../src/host/index.ts';
import { isCapability } from '../../src/protocol/index.ts';
import type { StatusMode } from '../../ui-kit/components/badge/badge.ts';
import '../../ui-kit/components/badge/badge.ts';
import '../../ui-kit/components/banner/banner.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/cell/cell.ts';
import '../../ui-kit/components/group/group.ts';
import '../../ui-kit/components/input/input.ts';
import '../../ui-kit/components/select/select.ts';
import '../../ui-kit/components/segmented-control/segmented-control.ts';
import '../../ui-kit/components/textarea/textarea.ts';
import { categoryLabel, formatWhen, statusLabel } from '../partner/catalog-labels.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import type { CheckResult } from './review-checks.ts';
import './review-log.ts';
import { ReviewRun } from './review-run.ts';
import { ReviewSandbox } from './review-sandbox.ts';
import { openSubmission } from './submission.ts';
import { moderatorTexts, type ModeratorText } from './texts.ts';

export const STATUS_MODE: Record<AppStatus, StatusMode> = {
  inactive: 'neutral',
  'on-moderation': 'warning',
  'ready-to-publish': 'accent',
  testing: 'brand',
  active: 'positive',
};

const CHECK_TITLES = {
  ready: 'checkReady',
  capabilities: 'checkCapabilities',
  console: 'checkConsole',
  exceptions: 'checkExceptions',
  network: 'checkNetwork',
  axe: 'checkAxe',
  kit: 'checkKit',
  manifest: 'checkManifest',
  icon: 'checkIcon',
} as const satisfies Record<CheckResult['id'], string>;
const REVIEW_TEXTS = { uploaded: 'reviewUploaded', 'on-moderation': 'reviewOnModeration', approved: 'reviewApproved', rejected: 'reviewRejected' } as const;

const message = (error: unknown) => String((error as Error)?.message ?? error);

/**
 * The moderator page: the queue with its statuses and a filter, a submission opened from its
 * uploaded `.zip` (unpacked here, served by the review sandbox on the apps' origin) or from a URL
 * as a chosen test user, the live integration log, the checks report, and approve or reject.
 */
@customElement('demo-moderator-page')
export class DemoModeratorPage extends LitElement {
  static override styles = css`
    :host { display: block; container-type: inline-size; color: var(--ma-color-text); }
    .layout { display: grid; gap: 16px; padding: 16px; }
    @container (min-width: 960px) { .layout { grid-template-columns: 320px 1fr; align-items: start; } }
    .toolbar { display: grid; gap: 8px; padding: 8px 16px 16px; }
    .review { display: grid; gap: 16px; }
    .review[hidden] { display: none; }
    @container (min-width: 1200px) { .review { grid-template-columns: 380px 1fr; align-items: start; } }
    .frame { width: 100%; max-width: 380px; height: 640px; border-radius: 16px; overflow: hidden; border: 1px solid var(--ma-color-separator); background: var(--ma-color-background); }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; padding: 8px 16px 16px; }
    .row > ma-input, .row > ma-select { flex: 1 1 200px; }
    .padded { padding: 8px 16px 16px; }
    h2 { font-size: 20px; margin: 0; }
    ma-banner { margin: 0 0 8px; }
    .side { display: grid; gap: 16px; min-width: 0; }
  `;

  @property({ attribute: false }) catalog: CatalogClient | undefined;
  /** Where the review sandbox (and so the reviewed app) runs: the mini-apps' origin. */
  @property({ attribute: 'apps-origin' }) appsOrigin = '';
  /** The time to ready allowed, ms. */
  @property({ type: Number }) budget = 3000;
  @property() locale: ShellLocale = 'ru';

  @state() private rows: ModerationRowView[] = [];
  @state() private statusFilter: AppStatus | 'all' = 'on-moderation';
  @state() private search = '';
  @state() private selected: AppView | undefined;
  @state() private run: ReviewRun | undefined;
  @state() private userId = SEED_USERS[0]!.id;
  @state() private url = '';
  @state() private urlCapabilities = '';
  @state() private reason = '';
  @state() private error = '';
  @state() private notice = '';
  @state() private busy = false;
  readonly callLog = new CallLog();
  #sandbox: ReviewSandbox | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.run?.close();
    this.#sandbox?.dispose();
    this.#sandbox = undefined;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('catalog') && this.catalog && this.isConnected) void this.refresh();
  }

  /** Reloads the queue (and the open submission). */
  async refresh(): Promise<void> {
    if (!this.catalog) return;
    try {
      this.rows = (await this.catalog.moderator.listApps()).apps;
      if (this.selected) this.selected = (await this.catalog.moderator.getApp(this.selected.id)).app;
    } catch (error) {
      this.error = message(error);
    }
  }

  get #t(): ModeratorText {
    return moderatorTexts(this.locale);
  }

  get report(): CheckResult[] {
    return this.run?.report() ?? [];
  }

  get #visibleRows(): ModerationRowView[] {
    const needle = this.search.trim().toLowerCase();
    return this.rows.filter((row) => (this.statusFilter === 'all' || row.status === this.statusFilter) && (!needle || row.name.toLowerCase().includes(needle)));
  }

  async select(appId: string): Promise<void> {
    await this.closeReview();
    this.error = this.notice = this.reason = '';
    try {
      this.selected = (await this.catalog!.moderator.getApp(appId)).app;
    } catch (error) {
      this.error = message(error);
    }
  }

  async closeReview(): Promise<void> {
    const run = this.run;
    this.run = undefined;
    await run?.close();
  }

  #sandboxFor(): ReviewSandbox {
    this.#sandbox ??= new ReviewSandbox(this.appsOrigin, this.renderRoot as unknown as HTMLElement);
    return this.#sandbox;
  }

  /** Opens the newest build of the selected app from its uploaded `.zip`. */
  async openBuild(): Promise<void> {
    const app = this.selected!;
    const build = app.builds.at(-1);
    if (!build) return void (this.error = this.#t('noBuildToReview'));
    await this.#open(async () => {
      const blob = await this.catalog!.moderator.downloadBuild(app.id, build.id);
      return { kind: 'zip', submission: openSubmission(new Uint8Array(await blob.arrayBuffer())) } as const;
    });
  }

  /** Opens a `.zip` chosen from the moderator's disk (a build sent by other means). */
  async openFile(file: File): Promise<void> {
    await this.#open(async () => ({ kind: 'zip', submission: openSubmission(new Uint8Array(await file.arrayBuffer())) }) as const);
  }

  async openUrl(): Promise<void> {
    const capabilities = this.urlCapabilities.split(/[\s,]+/).filter(Boolean);
    const unknown = capabilities.filter((capability) => !isCapability(capability));
    if (unknown.length) return void (this.error = this.#t('unknownCapabilities', { list: unknown.join(', ') }));
    let url: URL;
    try {
      url = new URL(this.url);
    } catch {
      return void (this.error = this.#t('notUrl', { url: this.url }));
    }
    await this.#open(async () => ({ kind: 'url', url: url.href, capabilities: capabilities.filter(isCapability) }) as const);
  }

  async #open(source: () => Promise<ConstructorParameters<typeof ReviewRun>[0]['source']>): Promise<void> {
    await this.closeReview();
    this.error = '';
    this.busy = true;
    try {
      const user = SEED_USERS.find((candidate) => candidate.id === this.userId)!;
      const resolved = await source();
      await this.updateComplete;
      const container = this.renderRoot.querySelector<HTMLElement>('.frame')!;
      container.replaceChildren();
      const run = new ReviewRun({
        sandbox: this.#sandboxFor(),
        source: resolved,
        appId: this.selected?.id ?? (resolved.kind === 'zip' ? resolved.submission.declared.id ?? 'review' : 'review'),
        appName: this.selected?.name ?? (resolved.kind === 'zip' ? resolved.submission.declared.name ?? 'Submission' : 'Submission'),
        user,
        container,
        callLog: this.callLog,
        budgetMs: this.budget,
      });
      run.addEventListener('change', () => this.requestUpdate());
      this.run = run;
      await run.start();
      if (run.state === 'failed') this.error = run.error;
    } catch (error) {
      this.error = message(error);
    } finally {
      this.busy = false;
    }
  }

  async approve(): Promise<void> {
    await this.#decide(() => this.catalog!.moderator.approve(this.selected!.id), this.#t('approved'));
  }

  async reject(): Promise<void> {
    if (!this.reason.trim()) return void (this.error = this.#t('needReason'));
    await this.#decide(() => this.catalog!.moderator.reject(this.selected!.id, this.reason), this.#t('rejected'));
  }

  async #decide(action: () => Promise<{ app: AppView }>, done: string): Promise<void> {
    this.error = '';
    try {
      this.selected = (await action()).app;
      this.notice = done;
      this.reason = '';
      await this.refresh();
    } catch (error) {
      this.error = message(error);
    }
  }

  #queue() {
    const t = this.#t;
    const filters = [{ value: 'all', label: t('all') }, ...ALL_STATUSES.map((status) => ({ value: status, label: statusLabel(this.locale, status) }))];
    const rows = this.#visibleRows;
    return html`<ma-group header=${t('submissions')} data-queue>
      <div class="toolbar">
        <ma-select name="status-filter" label=${t('status')} .options=${filters} .value=${this.statusFilter}
          @change=${(event: Event) => (this.statusFilter = (event.target as HTMLSelectElement).value as AppStatus | 'all')}></ma-select>
        <ma-input type="search" name="queue-search" label=${t('searchByName')} .value=${this.search}
          @input=${(event: Event) => (this.search = (event.target as HTMLInputElement).value)}></ma-input>
      </div>
      ${rows.length === 0 ? html`<ma-cell multiline>${t('nothing')}</ma-cell>` : nothing}
      ${rows.map(
        (row) => html`<ma-cell clickable chevron multiline data-app-id=${row.id} subtitle=${t('updated', { category: categoryLabel(this.locale, row.category), date: formatWhen(this.locale, row.updatedAt) })}
          @click=${() => void this.select(row.id)}>${row.name}
          <ma-badge slot="after" mode=${STATUS_MODE[row.status]} data-status=${row.status}>${statusLabel(this.locale, row.status)}</ma-badge>
        </ma-cell>`,
      )}
    </ma-group>`;
  }

  #checks() {
    const report = this.report;
    if (report.length === 0) return nothing;
    const t = this.#t;
    const failed = report.filter((check) => check.status === 'fail').length;
    return html`<ma-group header=${failed ? t('checksFailed', { count: failed }) : t('checks')} data-checks>
      ${report.map(
        (check) => html`<ma-cell multiline data-check=${check.id} data-status=${check.status} subtitle=${[check.summary, ...check.details].join(' · ')}>
          ${t(CHECK_TITLES[check.id])}
          <ma-badge slot="after" mode=${check.status === 'pass' ? 'positive' : check.status === 'fail' ? 'negative' : 'neutral'}>${t(check.status === 'pass' ? 'pass' : check.status === 'fail' ? 'fail' : 'pending')}</ma-badge>
        </ma-cell>`,
      )}
      <div class="row"><ma-button size="s" mode="secondary" data-action="audit" ?disabled=${!this.run} @click=${() => void this.run?.audit()}>${t('auditAgain')}</ma-button></div>
    </ma-group>`;
  }

  #submission() {
    const t = this.#t;
    const app = this.selected;
    if (!app) return html`<ma-group header=${t('review')}><ma-cell multiline>${t('chooseSubmission')}</ma-cell>${this.#openers()}</ma-group>`;
    const build = app.builds.at(-1);
    return html`<ma-group header=${app.name} data-submission=${app.id}>
      <ma-cell multiline subtitle=${t('appLine', { category: categoryLabel(this.locale, app.category), licence: app.licence ?? '—', description: app.description })}>
        ${t('status')} <ma-badge slot="after" mode=${STATUS_MODE[app.status]} data-status=${app.status}>${statusLabel(this.locale, app.status)}</ma-badge>
      </ma-cell>
      <ma-cell multiline subtitle=${build ? t('buildLine', { file: build.fileName, size: build.sizeBytes, date: formatWhen(this.locale, build.uploadedAt), review: t(REVIEW_TEXTS[build.review]) }) : t('noBuild')}>${t('build')}</ma-cell>
      ${app.rejectionReason ? html`<ma-cell multiline subtitle=${app.rejectionReason}>${t('lastRejection')}</ma-cell>` : nothing}
      ${this.#openers(build !== undefined)}
      <div class="padded">
        <ma-textarea name="reason" label=${t('reason')} .value=${this.reason} @input=${(event: Event) => (this.reason = (event.target as HTMLTextAreaElement).value)}></ma-textarea>
      </div>
      <div class="row">
        <ma-button data-action="approve" ?disabled=${app.status !== 'on-moderation'} @click=${() => void this.approve()}>${t('approve')}</ma-button>
        <ma-button mode="destructive" data-action="reject" ?disabled=${app.status !== 'on-moderation'} @click=${() => void this.reject()}>${t('reject')}</ma-button>
      </div>
    </ma-group>`;
  }

  #openers(hasBuild = false) {
    const t = this.#t;
    const users = SEED_USERS.map((user) => ({ value: user.id, label: `${user.name} (${user.premises[0]?.title ?? t('noPremises')})` }));
    return html`<div class="row">
        <ma-select name="test-user" label=${t('testUser')} .options=${users} .value=${this.userId}
          @change=${(event: Event) => (this.userId = (event.target as HTMLSelectElement).value)}></ma-select>
        <ma-input type="number" name="budget" label=${t('budget')} .value=${String(this.budget)} min="100" step="100"
          @input=${(event: Event) => (this.budget = Number((event.target as HTMLInputElement).value) || 3000)}></ma-input>
      </div>
      <div class="row">
        ${hasBuild ? html`<ma-button data-action="open-build" ?loading=${this.busy} @click=${() => void this.openBuild()}>${t('openBuild')}</ma-button>` : nothing}
        <ma-button mode="secondary" data-action="open-file" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.click()}>${t('openFile')}</ma-button>
        <input type="file" accept=".zip,application/zip" hidden aria-label=${t('fileInput')}
          @change=${(event: Event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            if (file) void this.openFile(file);
          }} />
      </div>
      <div class="row">
        <ma-input type="url" name="review-url" label=${t('appUrl')} .value=${this.url} @input=${(event: Event) => (this.url = (event.target as HTMLInputElement).value)}></ma-input>
        <ma-input name="url-capabilities" label=${t('capabilities')} .value=${this.urlCapabilities} @input=${(event: Event) => (this.urlCapabilities = (event.target as HTMLInputElement).value)}></ma-input>
        <ma-button mode="secondary" data-action="open-url" ?disabled=${!this.url} @click=${() => void this.openUrl()}>${t('openUrl')}</ma-button>
      </div>`;
  }

  override render() {
    const t = this.#t;
    return html`<div class="layout">
      <div class="side">${this.#queue()}</div>
      <div class="side">
        ${this.error ? html`<ma-banner mode="negative" role="alert" data-error>${this.error}</ma-banner>` : nothing}
        ${this.notice ? html`<ma-banner mode="positive" role="status" data-notice>${this.notice}</ma-banner>` : nothing}
        ${this.#submission()}
        <div class="review" ?hidden=${!this.run}>
          <div class="frame" aria-label=${t('appUnderReview')}></div>
          <div class="side">
            ${this.#checks()}
            <ma-group header=${t('integrationLog')}>
              <div class="padded"><demo-review-log .log=${this.callLog} .launchId=${this.run?.host?.launchId ?? ''} .locale=${this.locale}></demo-review-log></div>
            </ma-group>
          </div>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-moderator-page': DemoModeratorPage;
  }
}
