import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChatListItem } from '../../src/backend/chat/contract.ts';
import type { StaffProfile } from '../../src/backend/staff.ts';
import '../../ui-kit/components/banner/banner.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/checkbox/checkbox.ts';
import '../../ui-kit/components/counter/counter.ts';
import '../../ui-kit/components/input/input.ts';
import '../../ui-kit/components/placeholder/placeholder.ts';
import '../../ui-kit/components/search/search.ts';
import '../../ui-kit/components/segmented-control/segmented-control.ts';
import '../../ui-kit/components/select/select.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import { CHAT_STAFF, objectsWithin, appName, type NamedOption } from './directory.ts';
import { download, exportChats, type ChatExport } from './export-xlsx.ts';
import { cellText, columnHeading, COLUMN_IDS, readHiddenColumns, writeHiddenColumns, type ColumnId } from './list-columns.ts';
import type { ChatListFilters, OperatorApi } from './operator-api.ts';
import { operatorTexts } from './texts.ts';

type DateField = 'createdFrom' | 'createdTo' | 'updatedFrom' | 'updatedTo';
const DATE_FIELDS: readonly DateField[] = ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'];
type SelectField = 'objectId' | 'appId' | 'clientId' | 'responsibleId';

/** A `yyyy-mm-dd` of a date field as an ISO time: the start of that local day, or its last millisecond. */
export function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setHours(23, 59, 59, 999);
  return date.toISOString();
}

export interface OperatorOpenDetail {
  chatId: string;
}

/**
 * The chat list: All / New tabs (New counts the chats with unread client messages), unread rows
 * highlighted with their count, search by number or client name, filters, hideable columns and
 * the export of the filtered list to .xlsx.
 *
 * @fires demo-operator-open - `{ chatId }`: a row was chosen.
 * @fires demo-operator-exported - `ChatExport`: the file was made (and offered as a download).
 */
@customElement('demo-operator-list')
export class DemoOperatorList extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--ma-color-text); container-type: inline-size; }
    .bar { display: grid; gap: 8px; padding: 8px 12px; }
    .filters { display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); padding: 8px 0; }
    details { border-radius: var(--ma-radius-m, 10px); background: var(--ma-color-surface-secondary); padding: 4px 12px; }
    summary { cursor: pointer; padding: 6px 0; font-weight: var(--ma-font-weight-medium, 500); }
    .columns { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 4px 0 8px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; }
    .total { color: var(--ma-color-text-secondary); font-size: var(--ma-font-size-footnote, 13px); }
    .error { color: var(--ma-color-negative); font-size: var(--ma-font-size-footnote, 13px); }
    .table { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: var(--ma-font-size-subhead, 15px); }
    th, td { text-align: start; padding: 8px 10px; border-bottom: 1px solid var(--ma-color-separator); white-space: nowrap; }
    th { font-size: var(--ma-font-size-footnote, 13px); color: var(--ma-color-text-secondary); font-weight: var(--ma-font-weight-medium, 500); }
    tbody tr { cursor: pointer; }
    tbody tr:hover { background: var(--ma-color-surface-secondary); }
    tr.unread { background: var(--ma-color-brand-tint); font-weight: var(--ma-font-weight-semibold, 600); }
    a { color: var(--ma-color-link); }
    a:focus-visible { outline: none; box-shadow: var(--ma-focus-ring); border-radius: 4px; }
    .client { display: inline-flex; gap: 6px; align-items: center; }
  `;

  @property({ attribute: false }) api: OperatorApi | undefined;
  @property() locale: ShellLocale = 'en';
  @property({ attribute: false }) me: StaffProfile | undefined;

  @state() items: ChatListItem[] = [];
  @state() total = 0;
  @state() unreadTotal = 0;
  @state() private filters: ChatListFilters = { tab: 'all' };
  @state() private days: Partial<Record<DateField, string>> = {};
  @state() private hiddenColumns: Set<ColumnId> = readHiddenColumns();
  @state() private clients: NamedOption[] = [];
  @state() private apps: NamedOption[] = [];
  @state() private error = '';
  @state() private rangeError = '';
  @state() private exportState: { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string } = { kind: 'idle' };
  @state() loaded = false;
  /** A reload is on its way: the table says it is busy until it lands. */
  @state() private reloading = false;

  /** The last file the export made. */
  lastExport: ChatExport | undefined;
  #ticket = 0;

  get visibleColumns(): ColumnId[] {
    return COLUMN_IDS.filter((column) => !this.hiddenColumns.has(column));
  }

  get query(): ChatListFilters {
    return this.filters;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('api') && changed.get('api') !== undefined) void this.refresh();
  }

  /** Reloads the list (the live channel calls it when a chat changes). */
  async refresh(): Promise<void> {
    const api = this.api;
    if (!api || this.rangeError) return;
    const ticket = ++this.#ticket;
    this.reloading = true;
    try {
      const filters = this.filters;
      const [page, unread, everything] = await Promise.all([
        api.list(filters, 0, 200),
        api.list({ ...filters, tab: 'unread' }, 0, 1),
        api.listAll({ tab: 'all' }),
      ]);
      if (ticket !== this.#ticket) return;
      this.items = page.items;
      this.total = page.total;
      this.unreadTotal = unread.total;
      const clients = new Map(everything.map((item) => [item.client.id, item.client.name]));
      this.clients = [...clients].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
      this.apps = [...new Set(everything.map((item) => item.appId))].map((id) => ({ value: id, label: appName(id) }));
      this.error = '';
    } catch (error) {
      if (ticket === this.#ticket) this.error = String((error as Error).message ?? error);
    } finally {
      if (ticket === this.#ticket) {
        this.loaded = true;
        this.reloading = false;
      }
    }
  }

  setFilter(changes: Partial<ChatListFilters>): void {
    const next: ChatListFilters = { ...this.filters, ...changes };
    for (const [key, value] of Object.entries(next)) if (value === '' || value === undefined) delete (next as unknown as Record<string, unknown>)[key];
    this.filters = next;
    void this.refresh();
  }

  setDay(field: DateField, day: string): void {
    this.days = { ...this.days, [field]: day };
    const bounds: Partial<Record<DateField, string | undefined>> = {};
    for (const name of DATE_FIELDS) bounds[name] = this.days[name] ? dayBound(this.days[name]!, name.endsWith('To')) : undefined;
    const t = operatorTexts(this.locale);
    const bad = (['created', 'updated'] as const).filter((what) => {
      const from = bounds[`${what}From`];
      const to = bounds[`${what}To`];
      return from !== undefined && to !== undefined && from > to;
    });
    this.rangeError = bad.map((what) => t('badRange', { what: t(what) })).join('; ');
    if (this.rangeError) return;
    this.setFilter({ createdFrom: bounds.createdFrom, createdTo: bounds.createdTo, updatedFrom: bounds.updatedFrom, updatedTo: bounds.updatedTo } as Partial<ChatListFilters>);
  }

  resetFilters(): void {
    this.days = {};
    this.rangeError = '';
    this.filters = { tab: this.filters.tab, ...(this.filters.q ? { q: this.filters.q } : {}) };
    void this.refresh();
  }

  toggleColumn(column: ColumnId, shown: boolean): void {
    const hidden = new Set(this.hiddenColumns);
    if (shown) hidden.delete(column);
    else hidden.add(column);
    this.hiddenColumns = hidden;
    writeHiddenColumns(hidden);
  }

  /** Makes the .xlsx of every chat the filters keep (all pages), with the columns on screen. */
  async export(): Promise<ChatExport | undefined> {
    const api = this.api;
    if (!api) return undefined;
    const t = operatorTexts(this.locale);
    this.exportState = { kind: 'busy' };
    try {
      const file = await exportChats(await api.listAll(this.filters), this.visibleColumns, t);
      this.lastExport = file;
      download(file);
      this.exportState = { kind: 'done', text: t('exported', { count: file.rows, file: file.fileName }) };
      this.dispatchEvent(new CustomEvent<ChatExport>('demo-operator-exported', { detail: file, bubbles: true, composed: true }));
      return file;
    } catch (error) {
      this.exportState = { kind: 'failed', text: t('exportFailed', { error: String((error as Error).message ?? error) }) };
      return undefined;
    }
  }

  #open(chatId: string, event?: Event): void {
    event?.preventDefault();
    this.dispatchEvent(new CustomEvent<OperatorOpenDetail>('demo-operator-open', { detail: { chatId }, bubbles: true, composed: true }));
  }

  #select(field: SelectField, label: string, options: readonly NamedOption[]) {
    const t = operatorTexts(this.locale);
    return html`<ma-select name=${field} label=${label} .value=${this.filters[field] ?? ''}
      .options=${[{ value: '', label: t('any') }, ...options]}
      @change=${(event: Event) => this.setFilter({ [field]: (event.target as HTMLSelectElement).value })}></ma-select>`;
  }

  #filters() {
    const t = operatorTexts(this.locale);
    const objects = objectsWithin(this.me?.objectIds ?? []);
    const staff = CHAT_STAFF.map((s) => ({ value: s.id, label: s.name }));
    return html`<details class="filter-box">
      <summary>${t('filters')}</summary>
      <div class="filters">
        ${this.#select('objectId', t('filterObject'), objects)}
        ${this.#select('appId', t('filterApp'), this.apps)}
        ${this.#select('clientId', t('filterClient'), this.clients)}
        ${this.#select('responsibleId', t('filterResponsible'), staff)}
        ${DATE_FIELDS.map((field) => html`<ma-input type="date" name=${field} label=${t(field)} .value=${this.days[field] ?? ''}
          @change=${(event: Event) => this.setDay(field, (event.target as HTMLInputElement).value)}></ma-input>`)}
      </div>
      ${this.rangeError ? html`<p class="error" role="alert" data-range-error>${this.rangeError}</p>` : nothing}
      <ma-button mode="secondary" size="s" data-action="reset-filters" @click=${() => this.resetFilters()}>${t('resetFilters')}</ma-button>
    </details>`;
  }

  #columns() {
    const t = operatorTexts(this.locale);
    return html`<details class="column-box">
      <summary>${t('columns')}</summary>
      <div class="columns">
        ${COLUMN_IDS.map((column) => html`<ma-checkbox name=${`column-${column}`} label=${columnHeading(t, column)} .checked=${!this.hiddenColumns.has(column)}
          @change=${(event: Event) => this.toggleColumn(column, (event.target as HTMLInputElement).checked)}></ma-checkbox>`)}
      </div>
    </details>`;
  }

  #table() {
    const t = operatorTexts(this.locale);
    const columns = this.visibleColumns;
    if (this.loaded && this.items.length === 0) {
      return html`<ma-placeholder heading=${t('noChats')} data-empty>${t('noChatsHint')}</ma-placeholder>`;
    }
    return html`<div class="table"><table>
      <thead><tr>${columns.map((column) => html`<th scope="col" data-column=${column}>${columnHeading(t, column)}</th>`)}</tr></thead>
      <tbody>${this.items.map((item) => html`<tr class=${item.unread > 0 ? 'unread' : ''} data-chat=${item.id} data-unread=${item.unread} @click=${() => this.#open(item.id)}>
        ${columns.map((column) => html`<td data-column=${column}>${this.#cell(item, column)}</td>`)}
      </tr>`)}</tbody>
    </table></div>`;
  }

  #cell(item: ChatListItem, column: ColumnId) {
    const t = operatorTexts(this.locale);
    const text = cellText(item, column, t, this.locale);
    if (column === 'number') return html`<a href=${`#/operator/chats/${encodeURIComponent(item.id)}`} @click=${(event: Event) => { event.stopPropagation(); this.#open(item.id, event); }}>${text}</a>`;
    if (column === 'client' && item.unread > 0) {
      return html`<span class="client">${text}<ma-counter value=${item.unread} label=${t('unreadCount', { count: item.unread })}></ma-counter></span>`;
    }
    return text;
  }

  override render() {
    const t = operatorTexts(this.locale);
    const exportState = this.exportState;
    return html`<div class="bar">
        <ma-segmented-control name="tab" label=${t('tabsLabel')} .value=${this.filters.tab}
          .segments=${[{ value: 'all', label: t('tabAll') }, { value: 'unread', label: this.unreadTotal ? t('tabNewCount', { count: this.unreadTotal }) : t('tabNew') }]}
          @change=${(event: Event) => this.setFilter({ tab: (event.target as HTMLInputElement).value as ChatListFilters['tab'] })}></ma-segmented-control>
        <ma-search placeholder=${t('search')} .value=${this.filters.q ?? ''} debounce="200"
          @ma-search=${(event: CustomEvent<{ value: string }>) => this.setFilter({ q: event.detail.value.trim() })}></ma-search>
        ${this.#filters()}
        ${this.#columns()}
        <div class="row">
          <span class="total" data-total>${t('total', { count: this.total })}</span>
          <ma-button size="s" mode="secondary" data-action="export" ?disabled=${exportState.kind === 'busy'} @click=${() => void this.export()}>
            ${exportState.kind === 'busy' ? t('exporting') : t('export')}</ma-button>
        </div>
        ${exportState.kind === 'done' ? html`<span class="total" role="status" data-exported>${exportState.text}</span>` : nothing}
        ${exportState.kind === 'failed' ? html`<span class="error" role="alert">${exportState.text}</span>` : nothing}
        ${this.error ? html`<ma-banner mode="negative" data-error>${t('loadFailed', { error: this.error })}</ma-banner>` : nothing}
      </div>
      <div data-results aria-busy=${this.reloading ? 'true' : 'false'}>${this.#table()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-operator-list': DemoOperatorList;
  }
}
