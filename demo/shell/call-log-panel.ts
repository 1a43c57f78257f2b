import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CallLog, CallLogEntry } from '../../src/host/index.ts';

/** Every call between the open mini-apps and the host, newest first, failed ones highlighted. */
@customElement('demo-call-log')
export class DemoCallLog extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 13px; color: var(--ma-color-text); }
    h2 { font-size: 15px; margin: 0; padding: 12px 16px 8px; display: flex; justify-content: space-between; align-items: baseline; }
    h2 span { font-weight: 400; color: var(--ma-color-text-secondary); font-size: 13px; }
    ol { list-style: none; margin: 0; padding: 0 8px 8px; }
    li { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; padding: 6px 8px; border-radius: var(--ma-radius-s, 6px); border-left: 3px solid var(--ma-color-positive); margin-bottom: 4px; background: var(--ma-color-surface); }
    li.error { border-left-color: var(--ma-color-negative); background: color-mix(in srgb, var(--ma-color-negative) 10%, var(--ma-color-surface)); }
    .method { font-family: ui-monospace, monospace; font-weight: 600; }
    .meta, .detail { color: var(--ma-color-text-secondary); }
    .detail { grid-column: 1 / -1; font-family: ui-monospace, monospace; word-break: break-all; }
    .code { color: var(--ma-color-negative); font-weight: 600; }
    p { margin: 0; padding: 0 16px 12px; color: var(--ma-color-text-secondary); }
  `;

  @property({ attribute: false }) log: CallLog | undefined;
  @state() private entries: readonly CallLogEntry[] = [];
  #unsubscribe: (() => void) | undefined;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('log')) {
      this.#unsubscribe?.();
      this.entries = [...(this.log?.entries ?? [])];
      this.#unsubscribe = this.log?.subscribe(() => (this.entries = [...this.log!.entries]));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  override render() {
    const failed = this.entries.filter((entry) => entry.outcome === 'error').length;
    return html`<h2>Bridge log <span>${this.entries.length} calls${failed ? `, ${failed} failed` : ''}</span></h2>
      ${this.entries.length === 0 ? html`<p>Calls between the mini-app and the host appear here.</p>` : nothing}
      <ol>
        ${[...this.entries].reverse().slice(0, 100).map(
          (entry) => html`<li class=${entry.outcome}>
            <span class="method">${entry.method}</span>
            <span class="meta">${entry.durationMs.toFixed(1)} ms · ${entry.appId}</span>
            ${entry.args !== undefined ? html`<span class="detail">${JSON.stringify(entry.args)}</span>` : nothing}
            ${entry.outcome === 'error' ? html`<span class="detail"><span class="code">${entry.errorCode}</span> ${entry.errorMessage}</span>` : nothing}
          </li>`,
        )}
      </ol>`;
  }
}
