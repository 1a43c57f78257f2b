import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChatSessionOptions } from '../../src/backend/chat-client.ts';
import type { StaffNotificationView } from '../../src/backend/chat/contract.ts';
import { createBackendClient, type BackendClientOptions } from '../../src/backend/client.ts';
import type { LiveEvent } from '../../src/backend/contract.ts';
import type { LiveOptions, LiveSubscription } from '../../src/backend/live.ts';
import { Permission, type StaffProfile } from '../../src/backend/staff.ts';
import '../../ui-kit/components/placeholder/placeholder.ts';
import '../../ui-kit/components/segmented-control/segmented-control.ts';
import '../../ui-kit/components/snackbar/snackbar.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import './chat-list.ts';
import type { DemoOperatorList, OperatorOpenDetail } from './chat-list.ts';
import './chat-view.ts';
import type { DemoOperatorChat } from './chat-view.ts';
import './notifications-panel.ts';
import type { DemoOperatorNotifications } from './notifications-panel.ts';
import { createOperatorApi, type OperatorApi } from './operator-api.ts';
import { operatorTexts } from './texts.ts';
import { detectSpeechRecognition, type SpeechRecognitionConstructor } from './voice-input.ts';

export type OperatorSection = 'chats' | 'notifications';

/** Where the console is: a section, or one chat. */
export interface OperatorLocation {
  section: OperatorSection;
  chatId: string | null;
}

/**
 * The operator console: the chat list, one chat (card and conversation), and the notifications,
 * kept live over the backend's live channel: a client's message, a status change or a
 * notification updates what is on screen, whichever tab caused it.
 *
 * @fires demo-operator-navigate - `OperatorLocation`: the console moved (the shell puts it in the address).
 */
@customElement('demo-operator-console')
export class DemoOperatorConsole extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--ma-color-text); }
    .top { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; padding: 8px 12px 0; }
    .top ma-segmented-control { flex: 0 1 360px; min-width: 240px; }
    .who { font-size: var(--ma-font-size-footnote, 13px); color: var(--ma-color-text-secondary); }
  `;

  /** The backend client's options (base URL, the session token). */
  @property({ attribute: false }) apiOptions: BackendClientOptions | undefined;
  @property() locale: ShellLocale = 'en';
  @property() section: OperatorSection = 'chats';
  @property({ attribute: 'chat-id' }) chatId: string | null = null;
  /** Speech recognition for voice input; `undefined` detects the browser's, null turns it off. */
  @property({ attribute: false }) speech: SpeechRecognitionConstructor | null | undefined = undefined;
  @property({ attribute: false }) sessionOptions: Partial<ChatSessionOptions> = {};
  @property({ attribute: false }) liveOptions: LiveOptions = {};

  @state() me: StaffProfile | undefined;
  @state() private meError = '';
  @state() private unseen = 0;
  @state() private toast = '';

  api: OperatorApi | undefined;
  #live: LiveSubscription | undefined;
  #refreshQueued = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiOptions') && this.apiOptions) this.#connect(this.apiOptions);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.apiOptions && !this.#live) this.#connect(this.apiOptions);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#live?.close();
    this.#live = undefined;
  }

  #connect(options: BackendClientOptions): void {
    this.#live?.close();
    this.api = createOperatorApi(options);
    this.me = undefined;
    this.meError = '';
    this.api.me().then(
      ({ staff }) => (this.me = staff),
      (error: unknown) => (this.meError = String((error as Error).message ?? error)),
    );
    this.#live = createBackendClient(options).subscribe({ onEvent: (event) => this.#onLive(event), onReset: () => this.#refreshSoon() }, this.liveOptions);
  }

  #onLive(event: LiveEvent): void {
    if (event.type === 'staff.notification') {
      const notification = event.data as StaffNotificationView;
      this.unseen += this.section === 'notifications' ? 0 : 1;
      this.toast = notification.text;
      void this.renderRoot.querySelector<DemoOperatorNotifications>('demo-operator-notifications')?.refresh();
    }
    if (event.type.startsWith('chat.') && event.type !== 'chat.typing') {
      this.#refreshSoon();
      const chat = this.renderRoot.querySelector<DemoOperatorChat>('demo-operator-chat');
      const data = event.data as { conversationId?: string };
      if (chat && data.conversationId === chat.chatId && event.type === 'chat.status') void chat.refreshCard();
    }
  }

  /** Many events in one task (a bot's several lines) refresh the list once. */
  #refreshSoon(): void {
    if (this.#refreshQueued) return;
    this.#refreshQueued = true;
    setTimeout(() => {
      this.#refreshQueued = false;
      void this.renderRoot.querySelector<DemoOperatorList>('demo-operator-list')?.refresh();
    }, 0);
  }

  /** Moves the console (and tells the shell). */
  go(location: OperatorLocation): void {
    this.section = location.section;
    this.chatId = location.chatId;
    if (location.section === 'notifications') this.unseen = 0;
    this.dispatchEvent(new CustomEvent<OperatorLocation>('demo-operator-navigate', { detail: location, bubbles: true, composed: true }));
  }

  #open = (event: CustomEvent<OperatorOpenDetail>) => this.go({ section: 'chats', chatId: event.detail.chatId });

  override render() {
    const t = operatorTexts(this.locale);
    if (this.meError) return html`<ma-placeholder heading=${t('title')} data-not-staff>${t('notStaff')} ${this.meError}</ma-placeholder>`;
    const me = this.me;
    const speech = this.speech === undefined ? detectSpeechRecognition() : this.speech;
    const body = this.chatId
      ? html`<demo-operator-chat .api=${this.api} .apiOptions=${this.apiOptions} .sessionOptions=${this.sessionOptions} .chatId=${this.chatId} .locale=${this.locale}
          .me=${me} .speech=${speech} @demo-operator-back=${() => this.go({ section: 'chats', chatId: null })}></demo-operator-chat>`
      : this.section === 'notifications'
        ? html`<demo-operator-notifications .api=${this.api} .locale=${this.locale} .me=${me} @demo-operator-open=${this.#open}></demo-operator-notifications>`
        : html`<demo-operator-list .api=${this.api} .locale=${this.locale} .me=${me} @demo-operator-open=${this.#open}></demo-operator-list>`;
    return html`<div class="top">
        <ma-segmented-control name="section" label=${t('title')} .value=${this.chatId ? 'chats' : this.section}
          .segments=${[{ value: 'chats', label: t('chats') }, { value: 'notifications', label: this.unseen ? `${t('notifications')} (${this.unseen})` : t('notifications') }]}
          @change=${(event: Event) => this.go({ section: (event.target as HTMLInputElement).value as OperatorSection, chatId: null })}></ma-segmented-control>
        ${me ? html`<span class="who" data-me>${me.name}${me.permissions.includes(Permission.CHATS_ADMIN) ? ` · ${t('admin')}` : ''}</span>` : nothing}
      </div>
      ${body}
      <ma-snackbar .open=${this.toast !== ''} text=${this.toast} duration="5000" dismissible @ma-close=${() => (this.toast = '')}></ma-snackbar>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-operator-console': DemoOperatorConsole;
  }
}
