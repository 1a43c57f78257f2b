import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localeOf } from '../../ui-kit/base/i18n.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/input/input.ts';
import '../../ui-kit/components/switch/switch.ts';
import { filterLines, type BridgeLogLine, type BridgeLogStore } from './bridge-log.ts';

const texts = {
  en: {
    title: 'Bridge log',
    count: (all: number, failed: number) => `${all} ${all === 1 ? 'line' : 'lines'}${failed ? `, ${failed} failed` : ''}`,
    empty: 'Calls between the mini-app and the host, and launches that failed, appear here.',
    nothing: 'No line matches the filter.',
    filter: 'Filter by method, app or error',
    failedOnly: 'Failed only',
    clear: 'Clear',
  },
  ru: {
    title: 'Журнал моста',
    count: (all: number, failed: number) => `строк: ${all}${failed ? `, с ошибкой: ${failed}` : ''}`,
    empty: 'Здесь появятся вызовы между мини-приложением и хостом и неудачные запуски.',
    nothing: 'Под фильтр ничего не подходит.',
    filter: 'Фильтр по методу, приложению или ошибке',
    failedOnly: 'Только ошибки',
    clear: 'Очистить',
  },
};

const time = (at: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false }).format(new Date(at));

/** Every call between the open mini-apps and the host and every failed launch, newest first, failed ones highlighted. */
@customElement('demo-call-log')
export class DemoCallLog extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 13px; color: var(--ma-color-text); }
    .head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; padding: 12px 16px 8px; }
    h2 { font-size: 15px; margin: 0; }
    .count { color: var(--ma-color-text-secondary); }
    .tools { display: grid; gap: 8px; padding: 0 16px 8px; }
    .row { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
    ol { list-style: none; margin: 0; padding: 0 8px 8px; }
    li { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; padding: 6px 8px; border-radius: var(--ma-radius-s, 6px); border-left: 3px solid var(--ma-color-positive); margin-bottom: 4px; background: var(--ma-color-surface); }
    li.error { border-left-color: var(--ma-color-negative); background: color-mix(in srgb, var(--ma-color-negative) 10%, var(--ma-color-surface)); }
    li.launch .method::before { content: '▸ '; }
    .method { font-family: ui-monospace, monospace; font-weight: 600; overflow-wrap: anywhere; }
    .meta, .detail { color: var(--ma-color-text-secondary); }
    .meta { font-variant-numeric: tabular-nums; text-align: end; }
    .detail { grid-column: 1 / -1; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
    .code { color: var(--ma-color-negative); font-weight: 600; }
    p { margin: 0; padding: 0 16px 12px; color: var(--ma-color-text-secondary); }
  `;

  @property({ attribute: false }) store: BridgeLogStore | undefined;
  @state() private lines: readonly BridgeLogLine[] = [];
  @state() private filter = '';
  @state() private failedOnly = false;
  #watched: BridgeLogStore | undefined;
  readonly #onChange = () => (this.lines = [...(this.store?.lines ?? [])]);

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('store') && this.store !== this.#watched) {
      this.#watched?.removeEventListener('change', this.#onChange);
      this.#watched = this.store;
      this.store?.addEventListener('change', this.#onChange);
      this.lines = [...(this.store?.lines ?? [])];
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watched?.removeEventListener('change', this.#onChange);
    this.#watched = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.store && !this.#watched) {
      this.#watched = this.store;
      this.store.addEventListener('change', this.#onChange);
      this.#onChange();
    }
  }

  override render() {
    const locale = localeOf(this);
    const t = texts[locale];
    const failed = this.lines.filter((line) => line.outcome === 'error').length;
    const shown = filterLines(this.lines, this.filter, this.failedOnly).reverse().slice(0, 150);
    return html`<div class="head"><h2>${t.title}</h2><span class="count" role="status">${t.count(this.lines.length, failed)}</span></div>
      <div class="tools">
        <ma-input type="search" name="filter" label=${t.filter} .value=${this.filter} @input=${(event: Event) => (this.filter = (event.target as HTMLInputElement).value)}></ma-input>
        <div class="row">
          <ma-switch name="failed-only" .checked=${this.failedOnly} @change=${(event: Event) => (this.failedOnly = (event.target as HTMLInputElement).checked)}>${t.failedOnly}</ma-switch>
          <ma-button size="s" mode="secondary" data-action="clear-log" ?disabled=${this.lines.length === 0} @click=${() => this.store?.clear()}>${t.clear}</ma-button>
        </div>
      </div>
      ${this.lines.length === 0 ? html`<p>${t.empty}</p>` : shown.length === 0 ? html`<p>${t.nothing}</p>` : nothing}
      <ol>
        ${shown.map(
          (line) => html`<li class="${line.outcome} ${line.kind}" data-line=${line.id}>
            <span class="method">${line.method}</span>
            <span class="meta"><time datetime=${new Date(line.at).toISOString()}>${time(line.at, locale)}</time>${line.durationMs !== undefined ? ` · ${line.durationMs.toFixed(1)} ms` : ''} · ${line.appId}</span>
            ${line.detail !== undefined ? html`<span class="detail">${line.detail}</span>` : nothing}
            ${line.outcome === 'error' ? html`<span class="detail"><span class="code">${line.errorCode ?? ''}</span> ${line.errorMessage ?? ''}</span>` : nothing}
          </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-call-log': DemoCallLog;
  }
}
