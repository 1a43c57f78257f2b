import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CallLog, CallLogEntry } from '../../host/index.ts';
import { INJECTED } from './failures.ts';

/** Entries drawn at most; the export holds everything the log keeps. */
const SHOWN = 200;

/**
 * The integration log: every call between the app and the host, newest first, with its redacted
 * arguments, duration and outcome. Failed calls are highlighted, injected failures marked; a filter
 * narrows it by method or error code and the export downloads it as JSON.
 */
@customElement('devhost-log')
export class DevHostLog extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; font-size: 13px; color: var(--ma-color-text); }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 12px; border-bottom: 1px solid var(--ma-color-separator); }
    h2 { font-size: 15px; margin: 0; flex: 1 1 auto; }
    .count { color: var(--ma-color-text-secondary); font-weight: 400; }
    input[type='search'] { flex: 1 1 140px; min-height: 32px; padding: 0 8px; font: inherit; color: inherit; background: var(--ma-color-field, transparent);
      border: 1px solid var(--ma-color-field-border, #767676); border-radius: 8px; }
    label { display: inline-flex; align-items: center; gap: 4px; }
    button { font: inherit; min-height: 32px; padding: 0 10px; border-radius: 8px; border: 1px solid var(--ma-color-separator); background: var(--ma-color-surface);
      color: inherit; cursor: pointer; }
    button:focus-visible, input:focus-visible { outline: 2px solid var(--ma-color-brand); outline-offset: 1px; }
    ol { list-style: none; margin: 0; padding: 8px; overflow: auto; flex: 1; }
    li { display: grid; grid-template-columns: auto 1fr auto; gap: 2px 8px; padding: 6px 8px; margin-bottom: 4px; border-radius: 6px;
      border-left: 3px solid var(--ma-color-positive); background: var(--ma-color-surface); }
    li.error { border-left-color: var(--ma-color-negative); background: color-mix(in srgb, var(--ma-color-negative) 12%, var(--ma-color-surface)); }
    .seq, .meta, .detail { color: var(--ma-color-text-secondary); }
    .method { font-family: ui-monospace, monospace; font-weight: 600; }
    .detail { grid-column: 1 / -1; font-family: ui-monospace, monospace; word-break: break-all; }
    .code { color: var(--ma-color-negative); font-weight: 600; }
    .injected { font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 999px; background: var(--ma-color-negative); color: #fff; margin-left: 6px; }
    p { margin: 0; padding: 12px; color: var(--ma-color-text-secondary); }
  `;

  @property({ attribute: false }) log: CallLog | undefined;
  @state() private entries: readonly CallLogEntry[] = [];
  @state() private filter = '';
  @state() private failedOnly = false;
  #unsubscribe: (() => void) | undefined;
  #scheduled = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('log')) return;
    this.#unsubscribe?.();
    this.entries = [...(this.log?.entries ?? [])];
    this.#unsubscribe = this.log?.subscribe(() => this.#refresh());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The entries shown now (after the filter), newest first. */
  get visibleEntries(): CallLogEntry[] {
    const needle = this.filter.trim().toLowerCase();
    return this.entries
      .filter((entry) => (!this.failedOnly || entry.outcome === 'error') && (!needle || `${entry.method} ${entry.errorCode ?? ''} ${entry.outcome}`.toLowerCase().includes(needle)))
      .reverse();
  }

  /** A burst of calls redraws once per frame. */
  #refresh(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    requestAnimationFrame(() => {
      this.#scheduled = false;
      this.entries = [...(this.log?.entries ?? [])];
    });
  }

  #export(): void {
    const entries = this.visibleEntries.reverse();
    const blob = new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), entries }, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `miniapps-dev-log-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  #clear(): void {
    this.log?.clear();
    this.entries = [];
  }

  override render() {
    const failed = this.entries.filter((entry) => entry.outcome === 'error').length;
    const visible = this.visibleEntries;
    return html`<header>
        <h2>Integration log <span class="count">${this.entries.length} calls${failed ? `, ${failed} failed` : ''}</span></h2>
        <input type="search" placeholder="Filter: method or code" aria-label="Filter the log" .value=${this.filter}
          @input=${(event: Event) => (this.filter = (event.target as HTMLInputElement).value)} />
        <label><input type="checkbox" .checked=${this.failedOnly} @change=${(event: Event) => (this.failedOnly = (event.target as HTMLInputElement).checked)} />Failed only</label>
        <button type="button" class="export" @click=${() => this.#export()}>Export JSON</button>
        <button type="button" @click=${() => this.#clear()}>Clear</button>
      </header>
      ${this.entries.length === 0 ? html`<p>Calls between the app and the host appear here as they happen.</p>` : nothing}
      <ol aria-label="Calls, newest first">
        ${visible.slice(0, SHOWN).map((entry) => {
          const injected = entry.errorMessage?.includes(INJECTED) ?? false;
          return html`<li class=${entry.outcome} data-method=${entry.method} data-outcome=${entry.outcome} data-code=${entry.errorCode ?? ''}>
            <span class="seq">#${entry.seq}</span>
            <span class="method">${entry.method}${injected ? html`<span class="injected">injected</span>` : nothing}</span>
            <span class="meta">${entry.durationMs.toFixed(entry.durationMs < 10 ? 1 : 0)} ms · ${entry.outcome}</span>
            ${entry.args !== undefined ? html`<span class="detail">${JSON.stringify(entry.args)}</span>` : nothing}
            ${entry.outcome === 'error'
              ? html`<span class="detail"><span class="code">${entry.errorCode}</span> ${entry.errorMessage?.replace(` ${INJECTED}`, '')}</span>`
              : nothing}
          </li>`;
        })}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'devhost-log': DevHostLog;
  }
}
