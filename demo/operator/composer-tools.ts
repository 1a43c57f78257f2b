import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeepLinkSnippet } from '../../src/chat/deep-links.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/chip/chip.ts';
import '../../ui-kit/components/icon-button/icon-button.ts';
import '../../ui-kit/components/select/select.ts';
import type { ShellLocale } from '../shell/preferences.ts';
import type { LinkChoice } from './deep-link-options.ts';
import './emoji-picker.ts';
import { operatorTexts } from './texts.ts';
import { listen, type SpeechRecognitionConstructor, type VoiceSession } from './voice-input.ts';

const iconMicrophone = 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3';
const iconSmile = 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8.5 14a4 4 0 0 0 7 0M9 9.5h.01M15 9.5h.01';

export interface InsertTextDetail {
  text: string;
}

/**
 * The operator's composer tools beside `<ma-chat>`'s composer: emoji, voice input (only where the
 * browser recognises speech) and the one deep link of the next message.
 *
 * @fires demo-insert-text - `{ text }`: put this at the composer's caret.
 * @fires demo-link-change - The chosen link changed (`link`).
 * @fires demo-send-link - Send the chosen link now, with what the composer holds.
 */
@customElement('demo-operator-composer-tools')
export class DemoOperatorComposerTools extends LitElement {
  static override styles = css`
    :host { display: block; position: relative; }
    .tools { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 4px 8px; }
    .link { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; flex: 1; min-width: 220px; }
    ma-select { flex: 1; min-width: 180px; }
    demo-emoji-picker { position: absolute; bottom: 100%; left: 8px; z-index: 2; }
    .status { font-size: var(--ma-font-size-footnote, 13px); color: var(--ma-color-text-secondary); padding: 0 8px 4px; }
    .error { color: var(--ma-color-negative); }
  `;

  @property() locale: ShellLocale = 'en';
  /** The browser's speech recognition; null hides voice input. */
  @property({ attribute: false }) speech: SpeechRecognitionConstructor | null = null;
  @property({ attribute: false }) choices: readonly LinkChoice[] = [];
  @property({ attribute: false }) link: DeepLinkSnippet | null = null;
  @property({ type: Boolean }) disabled = false;

  @state() private emojiOpen = false;
  @state() private voiceError = '';
  @state() private listening = false;
  #voice: VoiceSession | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#voice?.stop();
  }

  #insert(text: string): void {
    this.dispatchEvent(new CustomEvent<InsertTextDetail>('demo-insert-text', { detail: { text }, bubbles: true, composed: true }));
  }

  #toggleVoice(): void {
    if (this.#voice) {
      this.#voice.stop();
      return;
    }
    if (!this.speech) return;
    this.voiceError = '';
    this.listening = true;
    const t = operatorTexts(this.locale);
    this.#voice = listen(this.speech, this.locale === 'ru' ? 'ru-RU' : 'en-US', {
      onText: (text) => this.#insert(text),
      onError: (error) => (this.voiceError = t('voiceFailed', { error })),
      onEnd: () => {
        this.#voice = null;
        this.listening = false;
      },
    });
  }

  #choose(key: string): void {
    const choice = this.choices.find((candidate) => candidate.key === key);
    this.link = choice?.snippet ?? null;
    this.dispatchEvent(new Event('demo-link-change', { bubbles: true, composed: true }));
  }

  override render() {
    const t = operatorTexts(this.locale);
    const current = this.link ? this.choices.find((choice) => choice.snippet.title === this.link!.title && JSON.stringify(choice.snippet.target) === JSON.stringify(this.link!.target)) : undefined;
    const groups = [['screens', t('groupScreens')], ['items', t('groupItems')], ['apps', t('groupApps')]] as const;
    const options = [{ value: '', label: t('deepLinkNone') }, ...groups.flatMap(([group, name]) => this.choices.filter((choice) => choice.group === group).map((choice) => ({ value: choice.key, label: `${name} · ${choice.label}` })))];
    return html`
      ${this.emojiOpen ? html`<demo-emoji-picker label=${t('emojiGrid')} @demo-emoji-pick=${(event: CustomEvent<{ emoji: string }>) => {
        this.emojiOpen = false;
        this.#insert(event.detail.emoji);
      }} @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && (this.emojiOpen = false)}></demo-emoji-picker>` : nothing}
      <div class="tools">
        <ma-icon-button data-action="emoji" size="m" .icon=${iconSmile} label=${t('emoji')} .pressed=${this.emojiOpen} ?disabled=${this.disabled}
          @click=${() => {
            this.emojiOpen = !this.emojiOpen;
            if (this.emojiOpen) void this.updateComplete.then(() => this.renderRoot.querySelector('demo-emoji-picker')?.focus());
          }}></ma-icon-button>
        ${this.speech
          ? html`<ma-icon-button data-action="voice" size="m" .icon=${iconMicrophone} label=${this.listening ? t('voiceStop') : t('voice')} .pressed=${this.listening} ?disabled=${this.disabled}
              @click=${() => this.#toggleVoice()}></ma-icon-button>`
          : nothing}
        <div class="link">
          <ma-select name="deep-link" label=${t('deepLink')} .options=${options} .value=${current?.key ?? ''} ?disabled=${this.disabled}
            @change=${(event: Event) => this.#choose((event.target as HTMLSelectElement).value)}></ma-select>
          ${this.link
            ? html`<ma-chip removable mode="brand" data-link-chip @ma-remove=${() => this.#choose('')}>${t('deepLinkChosen', { title: this.link.title })}</ma-chip>
                <ma-button size="s" data-action="send-link" ?disabled=${this.disabled} @click=${() => this.dispatchEvent(new Event('demo-send-link', { bubbles: true, composed: true }))}>${t('sendLink')}</ma-button>`
            : nothing}
        </div>
      </div>
      ${this.listening ? html`<div class="status" role="status">${t('listening')}</div>` : nothing}
      ${this.voiceError ? html`<div class="status error" role="alert" data-voice-error>${this.voiceError}</div>` : nothing}
      ${this.link ? html`<div class="status">${t('linkHint')}</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-operator-composer-tools': DemoOperatorComposerTools;
  }
}
