/**
 * Settings › Reset the demo: wipes what the demo keeps in this browser (every IndexedDB database
 * of the host's origin — the backend's records, keys, chat bytes and outbox — and the page's
 * local and session storage) and reloads, so the backend seeds itself afresh on start.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

export interface ResetTargets {
  indexedDB: Pick<IDBFactory, 'databases' | 'deleteDatabase'>;
  storages: readonly Pick<Storage, 'clear'>[];
  reload(): void;
}

export type DeleteOutcome = 'deleted' | 'blocked';

/**
 * Asks to delete every database and clears the storages, then reloads. A database still open in
 * this page (the running backend) answers `blocked`: Chromium deletes it once the reload has
 * closed the connection, before the next page can open it again. Other tabs of the demo keep
 * their connections until they close.
 */
export async function resetDemo(targets: ResetTargets = { indexedDB, storages: [localStorage, sessionStorage], reload: () => location.reload() }): Promise<Record<string, DeleteOutcome>> {
  const databases = await targets.indexedDB.databases();
  const outcomes: Record<string, DeleteOutcome> = {};
  await Promise.all(
    databases.flatMap(({ name }) => (name === undefined ? [] : [name])).map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = targets.indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve(void (outcomes[name] = 'deleted'));
          request.onblocked = () => resolve(void (outcomes[name] = 'blocked'));
          request.onerror = () => reject(new Error(`IndexedDB database ${name} could not be deleted: ${request.error?.message ?? 'unknown error'}`));
        }),
    ),
  );
  for (const storage of targets.storages) storage.clear();
  targets.reload();
  return outcomes;
}

const TEXTS = {
  en: {
    header: 'Demo data',
    explain: 'Back to the first run: the seed’s organisations, apps, residents and staff. Orders, requests, chats, sign-ins and settings made since are wiped. Close the demo’s other tabs first.',
    reset: 'Reset the demo',
    confirm: 'Wipe and reload',
    cancel: 'Cancel',
    failed: 'The reset failed: ',
  },
  ru: {
    header: 'Данные демо',
    explain: 'Вернуться к первому запуску: организации, приложения, жители и сотрудники из начальных данных. Заказы, заявки, чаты, входы и настройки будут удалены. Сначала закройте другие вкладки демо.',
    reset: 'Сбросить демо',
    confirm: 'Удалить и перезагрузить',
    cancel: 'Отмена',
    failed: 'Сбросить не удалось: ',
  },
} as const;

/** The settings page's block: a reset button that asks once more before wiping. */
@customElement('demo-reset')
export class DemoReset extends LitElement {
  static override styles = css`
    .actions { display: flex; flex-direction: column; gap: var(--ma-space-s); padding: var(--ma-space-m) var(--ma-space-l); }
    .error { margin: 0; padding: 0 var(--ma-space-l) var(--ma-space-m); color: var(--ma-color-negative); }
  `;

  @property() locale: 'ru' | 'en' = 'ru';
  /** What is wiped and how the page reloads; the browser's own by default. */
  @property({ attribute: false }) targets: ResetTargets | undefined;
  @state() private confirming = false;
  @state() private busy = false;
  @state() private error = '';

  private async reset(): Promise<void> {
    this.busy = true;
    try {
      await resetDemo(this.targets);
    } catch (error) {
      this.error = TEXTS[this.locale].failed + String((error as Error)?.message ?? error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const text = TEXTS[this.locale];
    return html`<ma-group header=${text.header} footer=${text.explain}>
      <div class="actions">
        ${this.confirming
          ? html`<ma-button mode="destructive" data-action="reset-confirm" ?loading=${this.busy} @click=${() => this.reset()}>${text.confirm}</ma-button>
              <ma-button mode="secondary" data-action="reset-cancel" @click=${() => (this.confirming = false)}>${text.cancel}</ma-button>`
          : html`<ma-button mode="outline" data-action="reset" @click=${() => (this.confirming = true)}>${text.reset}</ma-button>`}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </ma-group>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-reset': DemoReset;
  }
}
