import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { BackendError } from '../../src/backend/errors.ts';
import { ChatErrorCode } from '../../src/backend/chat/errors.ts';
import { BotWithoutTagsError, CHAT_SETTINGS_LIMITS, type BotTag, type ChatSettings, type Geography } from '../../src/chat/index.ts';
import '../../ui-kit/components/banner/banner.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/checkbox/checkbox.ts';
import '../../ui-kit/components/group/group.ts';
import '../../ui-kit/components/input/input.ts';
import '../../ui-kit/components/select/select.ts';
import '../../ui-kit/components/switch/switch.ts';
import '../../ui-kit/components/textarea/textarea.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import { EMPLOYEE_OPTIONS } from './chat-directory.ts';
import type { ChatSettingsApi } from './chat-settings-api.ts';
import { describe, describeAt, NO_ERRORS, settingsErrors, type SettingsErrors } from './chat-settings-errors.ts';
import { groupError, limited, renderAssignee, renderTag, type PartsContext } from './chat-settings-parts.ts';
import { chatSettingsTexts } from './chat-settings.texts.ts';

const MINUTE = 60_000;

/** What a new chat starts from: nothing typed yet, half an hour to restart, the bot off. */
function blankSettings(): ChatSettings {
  return {
    welcomeTitle: '', welcomeText: '',
    responsible: { departmentId: '', employeeIds: [] },
    finishTexts: { resolved: '', noAnswer: '' },
    restartTimeoutMs: 30 * MINUTE,
    bot: { enabled: false, greetingEmployeeId: null, callToChooseTopic: '', tags: [] },
  };
}

const value = (event: Event) => (event.target as HTMLInputElement).value;

/**
 * The Chat settings tab of an app's card: the basic settings, the chat-bot (tags, auto-replies,
 * assignment rules by object), the finish texts and the restart timeout, loaded from and saved
 * to the app's chat settings route. A refused save shows every problem at its field and keeps
 * the form as it was typed.
 */
@customElement('demo-partner-chat-settings')
export class DemoPartnerChatSettings extends LitElement {
  static override styles = css`
    :host { display: block; container-type: inline-size; color: var(--ma-color-text); }
    ma-group { display: block; margin-bottom: 16px; }
    ma-banner { display: block; margin: 0 0 12px; }
    .fields { display: grid; gap: 12px; padding: 8px 16px 16px; align-items: start; }
    @container (min-width: 720px) { .fields.two { grid-template-columns: 1fr 1fr; } }
    .assignee { display: grid; gap: 12px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 16px 16px; }
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 6px; min-width: 0; }
    legend { font-size: 13px; color: var(--ma-color-text-secondary); padding: 0 0 4px; }
    .hint { margin: 0; font-size: 13px; color: var(--ma-color-text-secondary); }
    .kind { color: var(--ma-color-text-secondary); }
    .group-error { margin: 4px 16px; font-size: 13px; color: var(--ma-color-negative, #d32f2f); }
    fieldset .group-error { margin: 4px 0 0; }
    .tag { margin: 0 16px 16px; border: 1px solid var(--ma-color-separator); border-radius: 12px; }
    .rule { margin: 0 16px 12px; border-top: 1px solid var(--ma-color-separator); }
    .tag-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 8px 16px 0; }
    .rule .tag-head { padding-inline: 0; }
    .rule .fields { padding-inline: 0; }
    h4, h5 { margin: 0; font-size: 15px; }
    h5 { font-size: 14px; }
  `;

  @property({ attribute: false }) api: ChatSettingsApi | undefined;
  @property({ attribute: false }) appId = '';
  @property() locale: ShellLocale = 'ru';

  @state() private draft: ChatSettings = blankSettings();
  @state() private minutes = '30';
  @state() private geography: Geography | null = null;
  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private isNew = false;
  @state() private errors: SettingsErrors = NO_ERRORS;
  @state() private loadError = '';
  @state() private notice = '';
  @state() private busy = false;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('appId') || changed.has('api')) && this.api && this.appId) void this.load();
  }

  #adopt(settings: ChatSettings, geography: Geography | null): void {
    this.draft = structuredClone(settings);
    this.minutes = String(Math.round((settings.restartTimeoutMs / MINUTE) * 100) / 100);
    this.geography = geography;
  }

  async load(): Promise<void> {
    this.phase = 'loading';
    this.errors = NO_ERRORS;
    this.notice = '';
    try {
      const stored = await this.api!.get(this.appId);
      this.#adopt(stored.settings, stored.geography);
      this.isNew = false;
      this.phase = 'ready';
    } catch (error) {
      if (error instanceof BackendError && error.code === ChatErrorCode.CHAT_DISABLED) {
        this.#adopt(blankSettings(), null);
        this.isNew = true;
        this.phase = 'ready';
        return;
      }
      this.loadError = settingsErrors(error).general.concat(settingsErrors(error).fields.map((each) => each.message)).join('; ');
      this.phase = 'failed';
    }
  }

  /** The draft as it is sent: the timeout from the minutes typed (not a number: 0, which the rules refuse). */
  get settings(): ChatSettings {
    const minutes = Number(this.minutes.trim().replace(',', '.'));
    const restartTimeoutMs = this.minutes.trim() && Number.isFinite(minutes) ? Math.round(minutes * MINUTE) : 0;
    return { ...structuredClone(this.draft), restartTimeoutMs };
  }

  async save(): Promise<boolean> {
    this.busy = true;
    this.notice = '';
    try {
      const saved = await this.api!.put(this.appId, this.settings, this.geography);
      this.#adopt(saved.settings, saved.geography);
      this.errors = NO_ERRORS;
      this.isNew = false;
      this.notice = chatSettingsTexts(this.locale)('saved');
      this.dispatchEvent(new Event('demo-chat-settings-saved', { bubbles: true, composed: true }));
      return true;
    } catch (error) {
      // Nothing typed is lost: the draft stays, every problem goes to its field.
      this.errors = settingsErrors(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Applies a change; the errors of the fields it touched go, the others stay until the next save. */
  #edit(change: (draft: ChatSettings) => ChatSettings, ...fields: string[]): void {
    this.draft = change(this.draft);
    this.notice = '';
    if (fields.length) this.errors = { ...this.errors, fields: this.errors.fields.filter((each) => !fields.some((field) => each.field === field || each.field.startsWith(`${field}.`) || each.field.startsWith(`${field}[`))) };
  }

  #setBot(change: Partial<ChatSettings['bot']>, ...fields: string[]): void {
    this.#edit((draft) => ({ ...draft, bot: { ...draft.bot, ...change } }), ...fields);
  }

  #setTags(tags: readonly BotTag[], fields: string[]): void {
    this.#setBot({ tags }, ...fields);
  }

  #toggleBot(enabled: boolean): void {
    this.#setBot({ enabled }, 'bot.tags', 'bot.greetingEmployeeId', 'bot.callToChooseTopic');
    // Switching the bot on without a tag is refused by the rules: say so at once, at the switch.
    if (enabled && this.draft.bot.tags.length === 0) {
      this.errors = { ...this.errors, fields: [...this.errors.fields, { field: 'bot.tags', code: BotWithoutTagsError.code, message: 'the bot needs at least one tag to be switched on' }] };
    }
  }

  #addTag(): void {
    const tag: BotTag = { id: `tag-${crypto.randomUUID().slice(0, 8)}`, text: '', autoReply: '', rules: [{ objectIds: [], departmentId: '', employeeIds: [] }] };
    this.#setTags([...this.draft.bot.tags, tag], ['bot.tags']);
  }

  #basic(ctx: PartsContext) {
    const { t } = ctx;
    const d = this.draft;
    const title = limited(ctx, 'welcomeTitle', d.welcomeTitle, CHAT_SETTINGS_LIMITS.welcomeTitle);
    const text = limited(ctx, 'welcomeText', d.welcomeText, CHAT_SETTINGS_LIMITS.welcomeText);
    return html`<ma-group header=${t('basic')} footer=${t('basicHint')} data-section="basic">
      <div class="fields two">
        <div class="assignee">
          <ma-input name="welcomeTitle" label=${t('welcomeTitle')} .value=${d.welcomeTitle} helper-text=${title.helper} error=${title.error}
            @input=${(event: Event) => this.#edit((draft) => ({ ...draft, welcomeTitle: value(event) }), 'welcomeTitle')}></ma-input>
          <ma-textarea name="welcomeText" label=${t('welcomeText')} rows="3" .value=${d.welcomeText} helper-text=${text.helper} error=${text.error}
            @input=${(event: Event) => this.#edit((draft) => ({ ...draft, welcomeText: value(event) }), 'welcomeText')}></ma-textarea>
        </div>
        ${renderAssignee(ctx, 'responsible', d.responsible, (change) => this.#edit((draft) => ({ ...draft, responsible: { ...draft.responsible, ...change } }), ...Object.keys(change).map((key) => `responsible.${key}`), 'geography'), t('department'))}
      </div>
    </ma-group>`;
  }

  #bot(ctx: PartsContext) {
    const { t } = ctx;
    const bot = this.draft.bot;
    const call = limited(ctx, 'bot.callToChooseTopic', bot.callToChooseTopic, CHAT_SETTINGS_LIMITS.callToChooseTopic);
    const tagErrors = this.errors.fields.filter((each) => each.field === 'bot.tags');
    const switchError = tagErrors.filter((each) => each.code === BotWithoutTagsError.code).map((each) => describe(each, t)).join('; ');
    const tooMany = bot.tags.length > CHAT_SETTINGS_LIMITS.tags && !tagErrors.some((each) => each.code !== BotWithoutTagsError.code);
    return html`<ma-group header=${t('bot')} footer=${t('botHint')} data-section="bot">
      <div class="fields">
        <ma-switch name="bot.enabled" .checked=${bot.enabled} error=${switchError} @change=${(event: Event) => this.#toggleBot((event.target as HTMLInputElement).checked)}>${t('botEnabled')}</ma-switch>
      </div>
      <div class="fields two">
        <ma-select name="bot.greetingEmployeeId" label=${t('greetingEmployee')} placeholder=${t('chooseEmployee')} .options=${EMPLOYEE_OPTIONS} .value=${bot.greetingEmployeeId ?? ''}
          error=${describeAt(this.errors, 'bot.greetingEmployeeId', t)} @change=${(event: Event) => this.#setBot({ greetingEmployeeId: value(event) || null }, 'bot.greetingEmployeeId')}></ma-select>
        <ma-textarea name="bot.callToChooseTopic" label=${t('callToChooseTopic')} rows="2" .value=${bot.callToChooseTopic} helper-text=${call.helper} error=${call.error}
          @input=${(event: Event) => this.#setBot({ callToChooseTopic: value(event) }, 'bot.callToChooseTopic')}></ma-textarea>
      </div>
      <div class="tag-head"><h4 data-tag-count>${t('tags', { count: bot.tags.length, max: CHAT_SETTINGS_LIMITS.tags })}</h4></div>
      ${groupError(ctx, 'bot.tags', true)}
      ${tooMany ? html`<p class="group-error" role="alert">${t('errTooManyTags', { max: CHAT_SETTINGS_LIMITS.tags })}</p>` : nothing}
      ${bot.tags.length === 0 ? html`<p class="hint" style="padding: 8px 16px">${t('noTags')}</p>` : nothing}
      ${bot.tags.map((tag, index) => renderTag(ctx, index, tag, {
        change: (change) => this.#setTags(bot.tags.map((each, i) => (i === index ? { ...each, ...change } : each)), change.rules ? [`bot.tags[${index}]`, 'geography'] : Object.keys(change).map((key) => `bot.tags[${index}].${key}`)),
        remove: () => this.#setTags(bot.tags.filter((_, i) => i !== index), ['bot.tags']),
      }))}
      <div class="row"><ma-button size="s" data-action="add-tag" @click=${() => this.#addTag()}>${t('addTag')}</ma-button></div>
    </ma-group>`;
  }

  #finish(ctx: PartsContext) {
    const { t } = ctx;
    const { finishTexts } = this.draft;
    const resolved = limited(ctx, 'finishTexts.resolved', finishTexts.resolved, CHAT_SETTINGS_LIMITS.finishText);
    const noAnswer = limited(ctx, 'finishTexts.noAnswer', finishTexts.noAnswer, CHAT_SETTINGS_LIMITS.finishText);
    const setFinish = (change: Partial<ChatSettings['finishTexts']>, field: string) => this.#edit((draft) => ({ ...draft, finishTexts: { ...draft.finishTexts, ...change } }), field);
    return html`<ma-group header=${t('finish')} data-section="finish">
      <div class="fields two">
        <ma-textarea name="finishTexts.resolved" label=${t('resolved')} rows="3" .value=${finishTexts.resolved} helper-text=${resolved.helper} error=${resolved.error}
          @input=${(event: Event) => setFinish({ resolved: value(event) }, 'finishTexts.resolved')}></ma-textarea>
        <ma-textarea name="finishTexts.noAnswer" label=${t('noAnswer')} rows="3" .value=${finishTexts.noAnswer} helper-text=${noAnswer.helper} error=${noAnswer.error}
          @input=${(event: Event) => setFinish({ noAnswer: value(event) }, 'finishTexts.noAnswer')}></ma-textarea>
        <ma-input type="number" name="restartTimeoutMs" label=${t('timeout')} min="1" step="1" inputmode="numeric" .value=${this.minutes} helper-text=${t('timeoutHint')}
          error=${describeAt(this.errors, 'restartTimeoutMs', t)} @input=${(event: Event) => {
            this.minutes = value(event);
            this.#edit((draft) => draft, 'restartTimeoutMs');
          }}></ma-input>
      </div>
    </ma-group>`;
  }

  override render() {
    const t = chatSettingsTexts(this.locale);
    if (this.phase === 'loading') return html`<p class="hint" role="status">${t('loading')}</p>`;
    if (this.phase === 'failed') return html`<ma-banner mode="negative" role="alert" data-error>${t('loadFailed', { error: this.loadError })}</ma-banner>`;
    const ctx: PartsContext = { t, errors: this.errors };
    const problems = this.errors.fields.length + this.errors.general.length;
    return html`
      ${this.isNew ? html`<ma-banner mode="info" data-new>${t('notSetUp')}</ma-banner>` : nothing}
      ${problems ? html`<ma-banner mode="negative" role="alert" data-errors>${t('refused', { count: problems })}
          ${this.errors.general.length ? html`<ul>${this.errors.general.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}</ma-banner>` : nothing}
      ${this.notice ? html`<ma-banner mode="positive" role="status" data-notice>${this.notice}</ma-banner>` : nothing}
      ${this.#basic(ctx)}
      ${this.#bot(ctx)}
      ${this.#finish(ctx)}
      <div class="row"><ma-button data-action="save-chat-settings" ?loading=${this.busy} ?disabled=${this.busy} @click=${() => void this.save()}>${t('save')}</ma-button></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-partner-chat-settings': DemoPartnerChatSettings;
  }
}
