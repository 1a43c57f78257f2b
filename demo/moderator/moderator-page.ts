import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogClient } from '../../src/backend/catalog-client.ts';
import type { ModerationRowView } from '../../src/backend/catalog-contract.ts';
import type { AppView } from '../../src/backend/catalog-records.ts';
import { SEED_USERS } from '../../src/backend/seed.ts';
import { ALL_STATUSES, CATEGORY_LABELS, STATUS_LABELS, type AppStatus } from '../../src/catalog/index.ts';
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
import type { CheckResult } from './review-checks.ts';
import './review-log.ts';
import { ReviewRun } from './review-run.ts';
import { ReviewSandbox } from './review-sandbox.ts';
import { openSubmission } from './submission.ts';

export const STATUS_MODE: Record<AppStatus, StatusMode> = {
  inactive: 'neutral',
  'on-moderation': 'warning',
  'ready-to-publish': 'accent',
  testing: 'brand',
  active: 'positive',
};

const CHECK_TITLES: Record<CheckResult['id'], string> = {
  ready: 'Time to ready',
  capabilities: 'Capabilities used vs declared',
  console: 'Console errors',
  exceptions: 'Uncaught exceptions',
  network: 'Requests to other origins',
  axe: 'Accessibility (axe)',
  kit: 'Kit components',
  manifest: 'Manifest',
  icon: 'Icon',
};

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
    if (!build) return void (this.error = 'This app has no build to review');
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
    if (unknown.length) return void (this.error = `Unknown capabilities: ${unknown.join(', ')}`);
    let url: URL;
    try {
      url = new URL(this.url);
    } catch {
      return void (this.error = `Not a URL: ${this.url}`);
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
    await this.#decide(() => this.catalog!.moderator.approve(this.selected!.id), 'Approved: the app is Ready to publish');
  }

  async reject(): Promise<void> {
    if (!this.reason.trim()) return void (this.error = 'Give the partner a reason for the rejection');
    await this.#decide(() => this.catalog!.moderator.reject(this.selected!.id, this.reason), 'Rejected: the app is Inactive, the partner sees the reason');
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
    const filters = [{ value: 'all', label: 'All' }, ...ALL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))];
    const rows = this.#visibleRows;
    return html`<ma-group header="Submissions" data-queue>
      <div class="toolbar">
        <ma-select name="status-filter" label="Status" .options=${filters} .value=${this.statusFilter}
          @change=${(event: Event) => (this.statusFilter = (event.target as HTMLSelectElement).value as AppStatus | 'all')}></ma-select>
        <ma-input type="search" name="queue-search" label="Search by name" .value=${this.search}
          @input=${(event: Event) => (this.search = (event.target as HTMLInputElement).value)}></ma-input>
      </div>
      ${rows.length === 0 ? html`<ma-cell multiline>Nothing in this status.</ma-cell>` : nothing}
      ${rows.map(
        (row) => html`<ma-cell clickable chevron multiline data-app-id=${row.id} subtitle=${`${CATEGORY_LABELS[row.category]} · updated ${new Date(row.updatedAt).toLocaleString()}`}
          @click=${() => void this.select(row.id)}>${row.name}
          <ma-badge slot="after" mode=${STATUS_MODE[row.status]} data-status=${row.status}>${STATUS_LABELS[row.status]}</ma-badge>
        </ma-cell>`,
      )}
    </ma-group>`;
  }

  #checks() {
    const report = this.report;
    if (report.length === 0) return nothing;
    const failed = report.filter((check) => check.status === 'fail').length;
    return html`<ma-group header=${`Automatic checks${failed ? ` — ${failed} failed` : ''}`} data-checks>
      ${report.map(
        (check) => html`<ma-cell multiline data-check=${check.id} data-status=${check.status} subtitle=${[check.summary, ...check.details].join(' · ')}>
          ${CHECK_TITLES[check.id]}
          <ma-badge slot="after" mode=${check.status === 'pass' ? 'positive' : check.status === 'fail' ? 'negative' : 'neutral'}>${check.status === 'pass' ? 'Pass' : check.status === 'fail' ? 'Fail' : 'Pending'}</ma-badge>
        </ma-cell>`,
      )}
      <div class="row"><ma-button size="s" mode="secondary" data-action="audit" ?disabled=${!this.run} @click=${() => void this.run?.audit()}>Run the page audit again</ma-button></div>
    </ma-group>`;
  }

  #submission() {
    const app = this.selected;
    if (!app) return html`<ma-group header="Review"><ma-cell multiline>Choose a submission in the queue, or open a .zip or a URL below.</ma-cell>${this.#openers()}</ma-group>`;
    const build = app.builds.at(-1);
    return html`<ma-group header=${app.name} data-submission=${app.id}>
      <ma-cell multiline subtitle=${`${CATEGORY_LABELS[app.category]} · licence ${app.licence ?? '—'} · ${app.description}`}>
        Status <ma-badge slot="after" mode=${STATUS_MODE[app.status]} data-status=${app.status}>${STATUS_LABELS[app.status]}</ma-badge>
      </ma-cell>
      <ma-cell multiline subtitle=${build ? `${build.fileName}, ${build.sizeBytes} bytes, uploaded ${new Date(build.uploadedAt).toLocaleString()}, ${build.review}` : 'No build uploaded'}>Build</ma-cell>
      ${app.rejectionReason ? html`<ma-cell multiline subtitle=${app.rejectionReason}>Last rejection</ma-cell>` : nothing}
      ${this.#openers(build !== undefined)}
      <div class="padded">
        <ma-textarea name="reason" label="Reason for a rejection" .value=${this.reason} @input=${(event: Event) => (this.reason = (event.target as HTMLTextAreaElement).value)}></ma-textarea>
      </div>
      <div class="row">
        <ma-button data-action="approve" ?disabled=${app.status !== 'on-moderation'} @click=${() => void this.approve()}>Approve</ma-button>
        <ma-button mode="destructive" data-action="reject" ?disabled=${app.status !== 'on-moderation'} @click=${() => void this.reject()}>Reject</ma-button>
      </div>
    </ma-group>`;
  }

  #openers(hasBuild = false) {
    const users = SEED_USERS.map((user) => ({ value: user.id, label: `${user.name} (${user.premises[0]?.title ?? 'no premises'})` }));
    return html`<div class="row">
        <ma-select name="test-user" label="Test user" .options=${users} .value=${this.userId}
          @change=${(event: Event) => (this.userId = (event.target as HTMLSelectElement).value)}></ma-select>
        <ma-input type="number" name="budget" label="Ready budget, ms" .value=${String(this.budget)} min="100" step="100"
          @input=${(event: Event) => (this.budget = Number((event.target as HTMLInputElement).value) || 3000)}></ma-input>
      </div>
      <div class="row">
        ${hasBuild ? html`<ma-button data-action="open-build" ?loading=${this.busy} @click=${() => void this.openBuild()}>Open the build</ma-button>` : nothing}
        <ma-button mode="secondary" data-action="open-file" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.click()}>Open a .zip file…</ma-button>
        <input type="file" accept=".zip,application/zip" hidden aria-label="A .zip of a mini-app build"
          @change=${(event: Event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            if (file) void this.openFile(file);
          }} />
      </div>
      <div class="row">
        <ma-input type="url" name="review-url" label="Or the app's URL" .value=${this.url} @input=${(event: Event) => (this.url = (event.target as HTMLInputElement).value)}></ma-input>
        <ma-input name="url-capabilities" label="Capabilities (user, push …)" .value=${this.urlCapabilities} @input=${(event: Event) => (this.urlCapabilities = (event.target as HTMLInputElement).value)}></ma-input>
        <ma-button mode="secondary" data-action="open-url" ?disabled=${!this.url} @click=${() => void this.openUrl()}>Open the URL</ma-button>
      </div>`;
  }

  override render() {
    return html`<div class="layout">
      <div class="side">${this.#queue()}</div>
      <div class="side">
        ${this.error ? html`<ma-banner mode="negative" role="alert" data-error>${this.error}</ma-banner>` : nothing}
        ${this.notice ? html`<ma-banner mode="positive" role="status" data-notice>${this.notice}</ma-banner>` : nothing}
        ${this.#submission()}
        <div class="review" ?hidden=${!this.run}>
          <div class="frame" aria-label="The app under review"></div>
          <div class="side">
            ${this.#checks()}
            <ma-group header="Integration log">
              <div class="padded"><demo-review-log .log=${this.callLog} .launchId=${this.run?.host?.launchId ?? ''}></demo-review-log></div>
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
