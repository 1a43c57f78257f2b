import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffNotificationView } from '../../src/backend/chat/contract.ts';
import type { NotificationChannels, StaffNotificationKind, StaffProfile } from '../../src/backend/staff.ts';
import '../../ui-kit/components/switch/switch.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import type { OperatorOpenDetail } from './chat-list.ts';
import type { OperatorApi, StaffEmail } from './operator-api.ts';
import { formatWhen, operatorTexts } from './texts.ts';

const KINDS: readonly { kind: StaffNotificationKind; label: 'kindAssigned' | 'kindClientMessage' }[] = [
  { kind: 'assigned', label: 'kindAssigned' },
  { kind: 'client-message', label: 'kindClientMessage' },
];

/**
 * The staff member's notifications ("you were assigned to a chat", "new message from a client"),
 * each opening its chat; push and e-mail per kind; and the e-mails sent, shown on screen (the demo
 * has no mail server).
 *
 * @fires demo-operator-open - `{ chatId }`: a notification was opened.
 */
@customElement('demo-operator-notifications')
export class DemoOperatorNotifications extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--ma-color-text); padding: 8px 12px; }
    h2 { margin: 12px 0 6px; font-size: var(--ma-font-size-subhead, 15px); }
    .hidden-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
    li { background: var(--ma-color-surface-secondary); border-radius: var(--ma-radius-m, 10px); padding: 8px 10px; }
    button.open { all: unset; position: relative; cursor: pointer; display: block; width: 100%; }
    button.open:focus-visible { box-shadow: var(--ma-focus-ring); border-radius: 6px; }
    .when { font-size: var(--ma-font-size-caption, 12px); color: var(--ma-color-text-secondary); }
    .settings { display: grid; gap: 4px; }
    .kind { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
    .kind span { min-width: 200px; }
    pre { white-space: pre-wrap; margin: 4px 0 0; font: inherit; font-size: var(--ma-font-size-footnote, 13px); }
    .error { color: var(--ma-color-negative); }
  `;

  @property({ attribute: false }) api: OperatorApi | undefined;
  @property() locale: ShellLocale = 'en';
  @property({ attribute: false }) me: StaffProfile | undefined;

  @state() notifications: StaffNotificationView[] = [];
  @state() emails: StaffEmail[] = [];
  @state() private settings: Record<StaffNotificationKind, NotificationChannels> | undefined;
  @state() private error = '';
  /** True once the first load answered. */
  @state() loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('me') && this.me) this.settings = structuredClone(this.me.notifications);
  }

  async refresh(): Promise<void> {
    if (!this.api) return;
    try {
      const [{ notifications }, { emails }] = await Promise.all([this.api.notifications(), this.api.emails()]);
      this.notifications = notifications;
      this.emails = emails;
      this.error = '';
      this.loaded = true;
    } catch (error) {
      this.error = String((error as Error).message ?? error);
    }
  }

  async toggle(kind: StaffNotificationKind, channel: 'push' | 'email', on: boolean): Promise<void> {
    if (!this.api) return;
    try {
      const { staff } = await this.api.notificationSettings({ [kind]: { [channel]: on } });
      this.settings = staff.notifications;
      this.error = '';
    } catch (error) {
      this.error = String((error as Error).message ?? error);
      this.requestUpdate();
    }
  }

  #open(chatId: string): void {
    this.dispatchEvent(new CustomEvent<OperatorOpenDetail>('demo-operator-open', { detail: { chatId }, bubbles: true, composed: true }));
  }

  override render() {
    const t = operatorTexts(this.locale);
    const settings = this.settings;
    return html`
      ${settings
        ? html`<div class="settings">${KINDS.map(({ kind, label }) => html`<div class="kind" data-kind=${kind}>
            <span>${t('settingsFor', { kind: t(label) })}</span>
            <ma-switch name=${`${kind}-push`} label=${t('push')} .checked=${settings[kind]?.push ?? false}
              @change=${(event: Event) => void this.toggle(kind, 'push', (event.target as HTMLInputElement).checked)}></ma-switch>
            <ma-switch name=${`${kind}-email`} label=${t('email')} .checked=${settings[kind]?.email ?? false}
              @change=${(event: Event) => void this.toggle(kind, 'email', (event.target as HTMLInputElement).checked)}></ma-switch>
          </div>`)}</div>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <h2>${t('notifications')}</h2>
      ${this.notifications.length === 0
        ? html`<p class="when" data-no-notifications>${t('noNotifications')}</p>`
        : html`<ul data-notifications>${this.notifications.map((n) => html`<li data-notification=${n.id} data-kind=${n.kind}>
            <button class="open" @click=${() => this.#open(n.conversationId)}>
              <span class="hidden-label">${t('openChat', { number: n.chatNumber })}: </span><div>${n.text}</div><div class="when">${formatWhen(this.locale, n.at)}</div>
            </button></li>`)}</ul>`}
      <h2>${t('emails')}</h2>
      ${this.emails.length === 0
        ? html`<p class="when" data-no-emails>${t('noEmails')}</p>`
        : html`<ul data-emails>${this.emails.map((mail) => html`<li data-email=${mail.id}>
            <strong>${mail.subject}</strong><div class="when">${mail.to} · ${formatWhen(this.locale, mail.at)}</div><pre>${mail.text}</pre></li>`)}</ul>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-operator-notifications': DemoOperatorNotifications;
  }
}
