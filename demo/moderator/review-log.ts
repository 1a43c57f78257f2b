import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CallLog, CallLogEntry } from '../../src/host/index.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/input/input.ts';
import '../../ui-kit/components/switch/switch.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import { moderatorTexts } from './texts.ts';

/** Lines drawn at most; the export holds every entry the log keeps. */
const SHOWN = 300;

/** Filters by method, error code or text; `failedOnly` keeps the failed calls. */
export function filterEntries(entries: readonly CallLogEntry[], filter: string, failedOnly: boolean): CallLogEntry[] {
  const needle = filter.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      (!failedOnly || entry.outcome === 'error') &&
      (!needle || [entry.method, entry.errorCode ?? '', entry.errorMessage ?? ''].some((text) => text.toLowerCase().includes(needle))),
  );
}

/**
 * The live integration log of one review: every bridge call of its launch with the redacted
 * arguments, duration and outcome, failures highlighted; a filter, and an export of the whole log
 * as JSON.
 */
@customElement('demo-review-log')
export class DemoReviewLog extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; font-size: 13px; color: var(--ma-color-text); }
    .tools { display: flex; flex-wrap: wrap; align-items: end; gap: 8px; padding: 8px 0; }
    .tools ma-input { flex: 1 1 180px; }
    .count { color: var(--ma-color-text-secondary); }
    ol { list-style: none; margin: 0; padding: 0; overflow: auto; max-height: 360px; }
    li { display: grid; grid-template-columns: auto 1fr auto; gap: 2px 8px; padding: 6px 8px; margin-bottom: 4px; border-radius: var(--ma-radius-s, 6px);
      border-left: 3px solid var(--ma-color-positive); background: var(--ma-color-surface); }
    li.error { border-left-color: var(--ma-color-negative); background: color-mix(in srgb, var(--ma-color-negative) 12%, var(--ma-color-surface)); }
    .seq, .meta, .args { color: var(--ma-color-text-secondary); font-variant-numeric: tabular-nums; }
    .method { font-family: ui-monospace, monospace; font-weight: 600; overflow-wrap: anywhere; }
    .args, .failure { grid-column: 1 / -1; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
    .code { color: var(--ma-color-negative); font-weight: 600; }
    p { margin: 0; padding: 8px 0; color: var(--ma-color-text-secondary); }
  `;

  @property({ attribute: false }) log: CallLog | undefined;
  /** Only this launch's calls; every call of the log when empty. */
  @property({ attribute: false }) launchId = '';
  @property() locale: ShellLocale = 'ru';
  @state() private entries: readonly CallLogEntry[] = [];
  @state() private filter = '';
  @state() private failedOnly = false;
  #unsubscribe: (() => void) | undefined;

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('log') && !changed.has('launchId')) return;
    this.#unsubscribe?.();
    this.#read();
    this.#unsubscribe = this.log?.subscribe(() => this.#read());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.log && !this.#unsubscribe) {
      this.#read();
      this.#unsubscribe = this.log.subscribe(() => this.#read());
    }
  }

  #read(): void {
    const all = this.log?.entries ?? [];
    this.entries = this.launchId ? all.filter((entry) => entry.launchId === this.launchId) : [...all];
  }

  /** The log as the export writes it. */
  exportJson(): string {
    return JSON.stringify({ exportedAt: new Date().toISOString(), calls: this.entries }, null, 2);
  }

  #export(): void {
    const url = URL.createObjectURL(new Blob([this.exportJson()], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `integration-log-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  override render() {
    const shown = filterEntries(this.entries, this.filter, this.failedOnly).reverse().slice(0, SHOWN);
    const failed = this.entries.filter((entry) => entry.outcome === 'error').length;
    const t = moderatorTexts(this.locale);
    return html`<div class="tools">
        <ma-input type="search" name="log-filter" label=${t('logFilter')} .value=${this.filter}
          @input=${(event: Event) => (this.filter = (event.target as HTMLInputElement).value)}></ma-input>
        <ma-switch name="failed-only" .checked=${this.failedOnly} @change=${(event: Event) => (this.failedOnly = (event.target as HTMLInputElement).checked)}>${t('logFailedOnly')}</ma-switch>
        <ma-button size="s" mode="secondary" data-action="export-log" ?disabled=${this.entries.length === 0} @click=${() => this.#export()}>${t('logExport')}</ma-button>
      </div>
      <span class="count" role="status">${failed ? t('logCountFailed', { count: this.entries.length, failed }) : t('logCount', { count: this.entries.length })}</span>
      ${this.entries.length === 0 ? html`<p>${t('logEmpty')}</p>` : shown.length === 0 ? html`<p>${t('logNoMatch')}</p>` : nothing}
      <ol>
        ${shown.map(
          (entry) => html`<li class=${entry.outcome} data-seq=${entry.seq}>
            <span class="seq">#${entry.seq}</span>
            <span class="method">${entry.method}</span>
            <span class="meta">${entry.durationMs.toFixed(1)} ms · ${entry.outcome}</span>
            ${entry.args !== undefined ? html`<span class="args">${JSON.stringify(entry.args)}</span>` : nothing}
            ${entry.outcome === 'error' ? html`<span class="failure"><span class="code">${entry.errorCode ?? ''}</span> ${entry.errorMessage ?? ''}</span>` : nothing}
          </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-review-log': DemoReviewLog;
  }
}
