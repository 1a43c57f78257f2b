// The service desk's element: a resident reports a problem in the building (with a photo or a document),
// follows the requests sent before, and can chat with the managing company. Written only with the
// SDK and the kit; its history lives in the host's storage (the frame's own storage is blocked).
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { connect, MiniAppError, type MiniApp, type UserProfile } from '../../../src/sdk/index.ts';
import { applyTheme } from '../../../ui-kit/tokens/index.ts';
import '../../../ui-kit/components/group/group.ts';
import '../../../ui-kit/components/cell/cell.ts';
import '../../../ui-kit/components/button/button.ts';
import '../../../ui-kit/components/select/select.ts';
import '../../../ui-kit/components/textarea/textarea.ts';
import '../../../ui-kit/components/badge/badge.ts';
import '../../../ui-kit/components/placeholder/placeholder.ts';
import '../../../ui-kit/components/spinner/spinner.ts';
import { loadAttachment, loadRequests, MAX_ATTACHMENT_BYTES, RequestFormError, saveRequest, TOPICS, validateRequest, type ServiceRequest, type Topic } from './requests.ts';

type Texts = (en: string, ru: string) => string;

const topicTexts = (t: Texts): Record<Topic, string> => ({
  plumbing: t('Plumbing', 'Сантехника'),
  electricity: t('Electricity', 'Электрика'),
  lift: t('Lift', 'Лифт'),
  cleaning: t('Cleaning', 'Уборка'),
  other: t('Something else', 'Другое'),
});

/** Statuses the desk knows; one it does not know yet is shown as it comes, in a neutral badge. */
const statusTexts = (t: Texts): Record<string, { text: string; mode: 'accent' | 'positive' | 'warning' }> => ({
  sent: { text: t('Sent', 'Отправлена'), mode: 'accent' },
  'in-progress': { text: t('In progress', 'В работе'), mode: 'warning' },
  done: { text: t('Done', 'Выполнена'), mode: 'positive' },
});

const formErrors = (t: Texts): Record<RequestFormError['reason'], string> => ({
  missing: t('Choose a topic', 'Выберите тему'),
  'too-short': t('Describe the problem in at least 10 characters', 'Опишите проблему хотя бы в 10 символах'),
  'too-long': t('Keep it within 1000 characters', 'Не больше 1000 символов'),
  'too-large': t(`Attach a file of at most ${MAX_ATTACHMENT_BYTES / 1024} KB`, `Прикрепите файл не больше ${MAX_ATTACHMENT_BYTES / 1024} КБ`),
  full: t('The history is full: 20 requests at most', 'История заполнена: не больше 20 заявок'),
});

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`);

@customElement('service-desk')
export class ServiceDesk extends LitElement {
  static override styles = css`
    :host { display: block; padding-bottom: var(--ma-space-xl); color: var(--ma-color-text); }
    h1 { margin: 0; padding: var(--ma-space-l) var(--ma-space-l) var(--ma-space-xs); font-size: var(--ma-font-size-title-2, 22px); }
    .fields { display: flex; flex-direction: column; gap: var(--ma-space-m); padding: var(--ma-space-m) var(--ma-space-l); }
    .actions { display: flex; flex-direction: column; gap: var(--ma-space-s); padding: var(--ma-space-m) var(--ma-space-l); }
    .message { margin: 0; padding: 0 var(--ma-space-l); }
    .error { color: var(--ma-color-negative); }
    .file-input { position: absolute; width: 1px; height: 1px; opacity: 0; pointer-events: none; }
    .center { display: flex; justify-content: center; padding: var(--ma-space-xl); }
  `;

  @state() private app: MiniApp | undefined;
  @state() private locale = 'en';
  @state() private notEmbedded = false;
  @state() private profile: UserProfile | undefined;
  @state() private requests: ServiceRequest[] = [];
  @state() private loading = true;
  @state() private topic = '';
  @state() private description = '';
  @state() private file: File | undefined;
  @state() private fieldErrors: Partial<Record<RequestFormError['field'], string>> = {};
  @state() private message = '';
  @state() private failed = false;
  @state() private busy = false;
  @query('input[type=file]') private fileInput!: HTMLInputElement;

  private get t(): Texts {
    const ru = this.locale.startsWith('ru');
    return (en, russian) => (ru ? russian : en);
  }

  private date(time: number): string {
    return new Intl.DateTimeFormat(this.locale.startsWith('ru') ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(time);
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    try {
      const app = await connect();
      this.app = app;
      this.locale = app.launch.locale;
      app.on('theme', (theme) => applyTheme(theme));
      const [user, requests] = await Promise.all([app.user.get(), loadRequests(app.storage)]);
      this.profile = user.profile;
      this.requests = requests;
    } catch (error) {
      this.notEmbedded = error instanceof MiniAppError && error.code === 'NOT_EMBEDDED';
      this.fail(error);
    } finally {
      this.loading = false;
    }
    await this.updateComplete;
    await this.app?.ready();
  }

  private fail(error: unknown): void {
    const t = this.t;
    this.failed = true;
    this.message = error instanceof MiniAppError
      ? error.code === 'UNAUTHORIZED' ? t('Sign in to the super-app to send requests.', 'Войдите в суперприложение, чтобы отправлять заявки.') : `${error.code}: ${error.message}`
      : error instanceof Error ? error.message : String(error);
  }

  private pick(): void {
    const file = this.fileInput.files?.[0];
    this.file = file;
    const { attachment: _dropped, ...rest } = this.fieldErrors;
    this.fieldErrors = file && file.size > MAX_ATTACHMENT_BYTES ? { ...rest, attachment: formErrors(this.t)['too-large'] } : rest;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const app = this.app;
    const t = this.t;
    if (!app || this.busy) return;
    this.message = '';
    this.failed = false;
    let valid: ReturnType<typeof validateRequest>;
    try {
      valid = validateRequest({ topic: this.topic, description: this.description, file: this.file });
      this.fieldErrors = {};
    } catch (error) {
      if (!(error instanceof RequestFormError)) throw error;
      this.fieldErrors = { [error.field]: formErrors(t)[error.reason] };
      return;
    }
    this.busy = true;
    try {
      const number = Math.max(1000, ...this.requests.map((request) => request.number)) + 1;
      const saved = await saveRequest(app.storage, this.requests, {
        id: crypto.randomUUID(),
        number,
        topic: valid.topic,
        premises: this.profile?.premises?.title ?? '',
        description: valid.description,
        createdAt: Date.now(),
        status: 'sent',
      }, this.file);
      this.requests = [saved, ...this.requests];
      this.topic = '';
      this.description = '';
      this.file = undefined;
      this.fileInput.value = '';
      this.message = t(`Request SD-${number} is sent.`, `Заявка SD-${number} отправлена.`);
    } catch (error) {
      if (error instanceof RequestFormError) this.fieldErrors = { [error.field]: formErrors(t)[error.reason] };
      else this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async download(request: ServiceRequest): Promise<void> {
    try {
      const data = await loadAttachment(this.app!.storage, request);
      await this.app!.files.download({ data, name: request.attachment!.name, type: data.type });
    } catch (error) {
      this.fail(error);
    }
  }

  private async openChat(): Promise<void> {
    const t = this.t;
    try {
      await this.app!.chat.open();
    } catch (error) {
      if (error instanceof MiniAppError && error.code === 'UNSUPPORTED') {
        this.failed = true;
        this.message = t('This super-app cannot open the chat yet. Call the desk: +7 800 000-00-00.', 'Это суперприложение пока не открывает чат. Позвоните: +7 800 000-00-00.');
      } else this.fail(error);
    }
  }

  private renderStatus(status: string) {
    const known = statusTexts(this.t)[status];
    return html`<ma-badge slot="after" mode=${known?.mode ?? 'neutral'} data-status=${status}>${known?.text ?? status}</ma-badge>`;
  }

  override render() {
    const t = this.t;
    const TOPIC_TEXT = topicTexts(t);
    if (this.notEmbedded) return html`<h1>${t('Service desk', 'Диспетчерская')}</h1><ma-placeholder heading=${t('Service desk', 'Диспетчерская')}>${t('Open me from the super-app', 'Откройте меня из суперприложения')}</ma-placeholder>`;
    const topics = TOPICS.map((topic) => ({ value: topic, label: TOPIC_TEXT[topic] }));
    const chat = this.app?.capabilities.includes('chat');
    return html`
      <h1>${t('Service desk', 'Диспетчерская')}</h1>
      ${this.loading ? html`<div class="center" role="status"><ma-spinner label=${t('Loading', 'Загрузка')}></ma-spinner></div>` : nothing}
      ${this.profile
        ? html`<ma-group header=${t('Resident', 'Житель')}>
            <ma-cell avatar-name=${this.profile.name} subtitle=${[this.profile.premises?.title, this.profile.object?.title].filter(Boolean).join(' · ')} data-user>${this.profile.name}</ma-cell>
          </ma-group>`
        : nothing}
      ${this.message ? html`<p class="message ${this.failed ? 'error' : ''}" role=${this.failed ? 'alert' : 'status'}>${this.message}</p>` : nothing}
      <form @submit=${(event: Event) => this.submit(event)} novalidate>
        <ma-group header=${t('New request', 'Новая заявка')}>
          <div class="fields">
            <ma-select name="topic" label=${t('Topic', 'Тема')} placeholder=${t('Choose a topic', 'Выберите тему')} .options=${topics} .value=${this.topic}
              error=${this.fieldErrors.topic ?? ''} @change=${(event: Event) => (this.topic = (event.target as HTMLInputElement).value)}></ma-select>
            <ma-textarea name="description" label=${t('What happened', 'Что случилось')} maxlength="1000" .value=${this.description}
              error=${this.fieldErrors.description ?? ''} @input=${(event: Event) => (this.description = (event.target as HTMLTextAreaElement).value)}></ma-textarea>
            <input class="file-input" type="file" accept="image/*,application/pdf,text/plain" aria-label=${t('Photo or document', 'Фото или документ')} tabindex="-1" @change=${() => this.pick()} />
            <ma-button mode="secondary" data-action="attach" @click=${() => this.fileInput.click()}>
              ${this.file ? t(`Attached: ${this.file.name} (${size(this.file.size)})`, `Прикреплено: ${this.file.name} (${size(this.file.size)})`) : t('Attach a photo or a document', 'Прикрепить фото или документ')}
            </ma-button>
            ${this.fieldErrors.attachment ? html`<p class="message error" role="alert">${this.fieldErrors.attachment}</p>` : nothing}
          </div>
        </ma-group>
        <div class="actions">
          <ma-button type="submit" data-action="send" ?disabled=${!this.app || !this.profile} ?loading=${this.busy}>${t('Send the request', 'Отправить заявку')}</ma-button>
          ${chat ? html`<ma-button mode="secondary" data-action="chat" @click=${() => this.openChat()}>${t('Chat with us', 'Написать в чат')}</ma-button>` : nothing}
        </div>
      </form>
      <ma-group header=${t('My requests', 'Мои заявки')} id="history">
        ${this.requests.length === 0 && !this.loading ? html`<ma-cell multiline>${t('No requests yet.', 'Заявок пока нет.')}</ma-cell>` : nothing}
        ${this.requests.map((request) => html`
          <ma-cell multiline data-request=${request.number} subtitle=${`${TOPIC_TEXT[request.topic] ?? request.topic} · ${this.date(request.createdAt)}${request.attachment ? ` · ${request.attachment.name}` : ''}`}>
            SD-${request.number}: ${request.description.length > 80 ? `${request.description.slice(0, 80)}…` : request.description}
            ${this.renderStatus(request.status)}
          </ma-cell>
          ${request.attachment
            ? html`<div class="actions"><ma-button size="s" mode="tertiary" data-download=${request.number} @click=${() => this.download(request)}>
                ${t(`Download ${request.attachment.name}`, `Скачать ${request.attachment.name}`)}</ma-button></div>`
            : nothing}`)}
      </ma-group>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'service-desk': ServiceDesk;
  }
}
