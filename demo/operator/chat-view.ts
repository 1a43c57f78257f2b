import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createChatSession, type ChatSessionOptions } from '../../src/backend/chat-client.ts';
import { MAX_INTERNAL_COMMENT, type ChatCard } from '../../src/backend/chat/contract.ts';
import type { BackendClientOptions } from '../../src/backend/client.ts';
import { BackendError } from '../../src/backend/errors.ts';
import type { StaffProfile } from '../../src/backend/staff.ts';
import '../../ui-kit/components/banner/banner.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/chat/chat.ts';
import type { MaChat } from '../../ui-kit/components/chat/chat.ts';
import '../../ui-kit/components/placeholder/placeholder.ts';
import '../../ui-kit/components/select/select.ts';
import '../../ui-kit/components/spinner/spinner.ts';
import '../../ui-kit/components/textarea/textarea.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import './composer-tools.ts';
import type { DemoOperatorComposerTools, InsertTextDetail } from './composer-tools.ts';
import { linkChoices, type LinkChoice } from './deep-link-options.ts';
import { DEPARTMENTS, staffOfDepartment } from './directory.ts';
import { responsibleOf } from './list-columns.ts';
import type { OperatorApi } from './operator-api.ts';
import { OperatorChatController } from './operator-controller.ts';
import { CHANNEL_NAMES, formatWhen, operatorTexts } from './texts.ts';
import type { SpeechRecognitionConstructor } from './voice-input.ts';

const STATUS = { bot: 'statusBot', open: 'statusOpen', closed: 'statusClosed' } as const;
const codePoints = (text: string) => [...text.normalize('NFC')].length;

/**
 * One chat for the operator: the card (created, updated, channel, the client, department and
 * responsible with assign and claim, the internal comment), the conversation in `<ma-chat>`, the
 * composer's tools (emoji, voice, a deep link), and ending the dialog with either closing text.
 *
 * @fires demo-operator-back - Back to the list.
 */
@customElement('demo-operator-chat')
export class DemoOperatorChat extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--ma-color-text); container-type: inline-size; }
    header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; flex-wrap: wrap; }
    h2 { margin: 0; font-size: var(--ma-font-size-headline, 17px); flex: 1; }
    .layout { display: grid; gap: 12px; padding: 0 12px 12px; }
    @container (min-width: 900px) { .layout { grid-template-columns: 320px 1fr; align-items: start; } }
    section { background: var(--ma-color-surface-secondary); border-radius: var(--ma-radius-l, 14px); padding: 12px; min-width: 0; }
    h3 { margin: 0 0 8px; font-size: var(--ma-font-size-subhead, 15px); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0 0 12px; font-size: var(--ma-font-size-subhead, 15px); }
    dt { color: var(--ma-color-text-secondary); }
    dd { margin: 0; overflow-wrap: anywhere; }
    .controls { display: grid; gap: 8px; margin-bottom: 12px; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; }
    .hint { font-size: var(--ma-font-size-footnote, 13px); color: var(--ma-color-text-secondary); margin: 4px 0; }
    .error { color: var(--ma-color-negative); font-size: var(--ma-font-size-footnote, 13px); }
    .conversation { padding: 0; overflow: hidden; display: flex; flex-direction: column; }
    ma-chat { height: 460px; }
  `;

  @property({ attribute: false }) api: OperatorApi | undefined;
  /** The backend client's options, for the chat session. */
  @property({ attribute: false }) apiOptions: BackendClientOptions | undefined;
  /** Extra session options (tests shorten the live channel's backoff). */
  @property({ attribute: false }) sessionOptions: Partial<ChatSessionOptions> = {};
  @property({ attribute: 'chat-id' }) chatId = '';
  @property() locale: ShellLocale = 'en';
  @property({ attribute: false }) me: StaffProfile | undefined;
  @property({ attribute: false }) speech: SpeechRecognitionConstructor | null = null;

  @state() card: ChatCard | undefined;
  @state() private missing = false;
  @state() private choices: LinkChoice[] = [];
  @state() private comment = '';
  @state() private commentNote = '';
  @state() private actionError = '';
  @state() private departmentId = '';
  @state() private employeeId = '';
  @state() private notice = '';

  controller: OperatorChatController | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('chatId') || changed.has('apiOptions')) && this.chatId && this.apiOptions) this.#open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.close();
    this.controller = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.controller && this.chatId && this.apiOptions) this.#open();
  }

  #open(): void {
    this.controller?.close();
    this.card = undefined;
    this.missing = false;
    this.actionError = '';
    this.notice = '';
    const session = createChatSession({ api: this.apiOptions!, target: { side: 'staff', conversationId: this.chatId }, ...this.sessionOptions });
    this.controller = new OperatorChatController(session);
    this.controller.addEventListener('change', () => this.requestUpdate());
    void this.refreshCard();
    void this.api?.deepLinks(this.chatId).then(
      ({ options }) => (this.choices = linkChoices(options, operatorTexts(this.locale), this.locale)),
      () => (this.choices = []),
    );
  }

  /** Reloads the card (the console calls it when the chat's status or assignee changes). */
  async refreshCard(): Promise<void> {
    if (!this.api || !this.chatId) return;
    const chatId = this.chatId;
    try {
      const card = await this.api.card(chatId);
      if (chatId !== this.chatId) return;
      const first = !this.card;
      this.card = card;
      if (first) {
        this.comment = card.internalComment;
        this.departmentId = card.assignee?.departmentId ?? this.me?.departmentId ?? DEPARTMENTS[0]!.value;
        this.employeeId = card.assignee?.employeeId ?? '';
      }
    } catch (error) {
      if (error instanceof BackendError && (error.code === 'CHAT_NOT_FOUND' || error.status === 404)) {
        this.missing = true;
        this.controller?.close();
        this.controller = undefined;
      } else this.actionError = String((error as Error).message ?? error);
    }
  }

  async #act(action: () => Promise<ChatCard | unknown>, notice = ''): Promise<void> {
    this.actionError = '';
    try {
      const answer = await action();
      if (answer && typeof answer === 'object' && 'viewer' in answer) this.card = answer as ChatCard;
      this.notice = notice;
    } catch (error) {
      this.actionError = String((error as Error).message ?? error);
    }
  }

  async saveComment(): Promise<void> {
    const t = operatorTexts(this.locale);
    if (codePoints(this.comment) > MAX_INTERNAL_COMMENT) {
      this.commentNote = t('commentTooLong', { max: MAX_INTERNAL_COMMENT });
      return;
    }
    this.commentNote = '';
    await this.#act(async () => {
      const { internalComment } = await this.api!.comment(this.chatId, this.comment);
      if (this.card) this.card = { ...this.card, internalComment };
      this.commentNote = t('commentSaved');
    });
  }

  end(outcome: 'resolved' | 'no-answer'): Promise<void> {
    const t = operatorTexts(this.locale);
    return this.#act(() => this.api!.end(this.chatId, outcome), t('ended', { outcome: t(outcome === 'resolved' ? 'endResolved' : 'endNoAnswer') }));
  }

  #chat(): MaChat | null {
    return this.renderRoot.querySelector('ma-chat');
  }

  /** Puts text at the caret of ma-chat's composer, as if typed there (the composer then owns it). */
  insertText(text: string): void {
    const composer = this.#chat()?.shadowRoot?.querySelector('ma-chat-composer');
    const field = composer?.shadowRoot?.querySelector('textarea');
    if (!composer || !field) return;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    field.focus();
  }

  /** Sends the chosen link now, with the composer's text and file if any. */
  sendLink(): void {
    const controller = this.controller;
    const composer = this.#chat()?.shadowRoot?.querySelector('ma-chat-composer');
    if (!controller?.link || !composer) return;
    try {
      controller.send({ text: composer.value, file: composer.attachment });
      composer.clear();
    } catch (error) {
      composer.error = String((error as Error).message ?? error);
    }
  }

  #cardView(card: ChatCard) {
    const t = operatorTexts(this.locale);
    const canSend = card.viewer.canSend;
    const employees = staffOfDepartment(this.departmentId);
    return html`<section class="card" aria-label=${t('card')}>
      <h3>${t('card')}</h3>
      <dl data-card>
        <dt>${t('created')}</dt><dd data-field="created">${formatWhen(this.locale, card.createdAt)}</dd>
        <dt>${t('updated')}</dt><dd data-field="updated">${formatWhen(this.locale, card.updatedAt)}</dd>
        <dt>${t('channel')}</dt><dd data-field="channel">${CHANNEL_NAMES[card.channel]}</dd>
        <dt>${t('status')}</dt><dd data-field="status">${t(STATUS[card.status])}</dd>
      </dl>
      <h3>${t('clientBlock')}</h3>
      <dl>
        <dt>${t('clientBlock')}</dt><dd data-field="client">${card.client.name}</dd>
        <dt>${t('phone')}</dt><dd data-field="phone">${card.client.phone ?? t('nobody')}</dd>
        <dt>${t('premises')}</dt><dd data-field="premises">${card.client.premises?.title ?? t('nobody')}</dd>
        <dt>${t('object')}</dt><dd data-field="object">${card.client.object?.title ?? t('nobody')}</dd>
        <dt>${t('department')}</dt><dd data-field="department">${card.assignee?.departmentName ?? t('nobody')}</dd>
        <dt>${t('responsible')}</dt><dd data-field="responsible">${card.assignee ? responsibleOf(card) : t('nobody')}</dd>
      </dl>
      ${canSend
        ? html`<div class="controls">
            <ma-select name="department" label=${t('department')} .options=${DEPARTMENTS} .value=${this.departmentId}
              @change=${(event: Event) => { this.departmentId = (event.target as HTMLSelectElement).value; this.employeeId = ''; }}></ma-select>
            <ma-select name="employee" label=${t('responsible')} .options=${[{ value: '', label: t('inDepartment') }, ...employees]} .value=${this.employeeId}
              @change=${(event: Event) => (this.employeeId = (event.target as HTMLSelectElement).value)}></ma-select>
            <div class="buttons">
              <ma-button size="s" data-action="assign" @click=${() => void this.#act(() => this.api!.assign(this.chatId, this.departmentId, this.employeeId || null), t('assigned'))}>${t('assign')}</ma-button>
              <ma-button size="s" mode="secondary" data-action="claim" @click=${() => void this.#act(() => this.api!.claim(this.chatId), t('assigned'))}>${t('claim')}</ma-button>
            </div>
          </div>`
        : nothing}
      <ma-textarea name="comment" label=${t('comment')} rows="3" .value=${this.comment} helper-text=${t('commentHint')}
        @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}></ma-textarea>
      <div class="buttons"><ma-button size="s" mode="secondary" data-action="save-comment" @click=${() => void this.saveComment()}>${t('saveComment')}</ma-button></div>
      ${this.commentNote ? html`<p class="hint" role="status" data-comment-note>${this.commentNote}</p>` : nothing}
      ${canSend
        ? html`<div class="buttons" style="margin-top:12px">
            <ma-button size="s" data-action="end-resolved" ?disabled=${card.status === 'closed'} @click=${() => void this.end('resolved')}>${t('endResolved')}</ma-button>
            <ma-button size="s" mode="outline" data-action="end-no-answer" ?disabled=${card.status === 'closed'} @click=${() => void this.end('no-answer')}>${t('endNoAnswer')}</ma-button>
          </div>`
        : nothing}
      ${this.notice ? html`<p class="hint" role="status" data-notice>${this.notice}</p>` : nothing}
      ${this.actionError ? html`<p class="error" role="alert" data-action-error>${this.actionError}</p>` : nothing}
    </section>`;
  }

  override render() {
    const t = operatorTexts(this.locale);
    const card = this.card;
    const back = html`<ma-button size="s" mode="tertiary" data-action="back" @click=${() => this.dispatchEvent(new Event('demo-operator-back', { bubbles: true, composed: true }))}>← ${t('back')}</ma-button>`;
    if (this.missing) return html`<header>${back}</header><ma-placeholder heading=${t('notFound')} data-missing></ma-placeholder>`;
    if (!card) return html`<header>${back}</header><ma-spinner></ma-spinner>`;
    const controller = this.controller;
    return html`<header>${back}<h2>${t('chatTitle', { number: card.number, name: card.client.name })}</h2></header>
      <div class="layout">
        ${this.#cardView(card)}
        <section class="conversation" aria-label=${t('history')}>
          <ma-chat .controller=${controller ?? null} label=${t('history')}></ma-chat>
          ${card.viewer.canSend
            ? html`<demo-operator-composer-tools .locale=${this.locale} .speech=${this.speech} .choices=${this.choices} .link=${controller?.link ?? null}
                @demo-insert-text=${(event: CustomEvent<InsertTextDetail>) => this.insertText(event.detail.text)}
                @demo-link-change=${(event: Event) => {
                  if (controller) controller.link = (event.target as DemoOperatorComposerTools).link;
                  this.requestUpdate();
                }}
                @demo-send-link=${() => this.sendLink()}></demo-operator-composer-tools>`
            : nothing}
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-operator-chat': DemoOperatorChat;
  }
}
