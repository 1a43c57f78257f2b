import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { MAX_ATTACHMENT_BYTES } from '../../../src/chat/messages.ts';
import { localeOf, msg } from '../../base/i18n.ts';
import { CANCEL, CHAT_ATTACH, CHAT_EDITING, CHAT_FILE_TOO_LARGE, CHAT_PLACEHOLDER, CHAT_SAVE, CHAT_SEND, REMOVE } from '../../base/messages.ts';
import { iconAttach, iconClose, iconDocument, iconSend } from '../../icons/icons.ts';
import { renderIcon } from '../../icons/render.ts';
import '../icon-button/icon-button.ts';
import { formatSize } from './chat-format.ts';
import { composerStyles } from './chat-composer.styles.ts';

export interface ChatComposeDetail {
  text: string;
  file: File | null;
}

/**
 * The chat's composer: a growing text field, one attachment (an image shows a preview) and the
 * send button. Enter sends, Shift+Enter starts a new line. A file over 40 MB is refused here,
 * with a message, before anything is sent. In edit mode (`editing`) it holds the message's text
 * and Escape leaves it.
 *
 * @fires ma-chat-compose - `{ text, file }`: the viewer sends (or saves an edit).
 * @fires ma-chat-typing - The viewer typed.
 * @fires ma-chat-edit-cancel - The viewer left edit mode.
 * @csspart field - The text field. @csspart send - The send button.
 */
export class MaChatComposer extends LitElement {
  static override styles = composerStyles;

  static override properties: PropertyDeclarations = {
    value: {},
    editing: { type: Boolean, reflect: true },
    error: {},
    disabled: { type: Boolean, reflect: true },
    file: { state: true },
    previewUrl: { state: true },
  };

  value = '';

  /** Edit mode: attachments are off and the send button saves. */
  editing = false;

  /** A problem to show under the field (the widget passes the controller's refusals here). */
  error = '';

  disabled = false;

  private file: File | null = null;

  private previewUrl: string | null = null;

  private get field(): HTMLTextAreaElement {
    return this.renderRoot?.querySelector('textarea') as HTMLTextAreaElement;
  }

  private get fileInput(): HTMLInputElement {
    return this.renderRoot?.querySelector('input[type=file]') as HTMLInputElement;
  }

  /** The chosen file, if any. */
  get attachment(): File | null {
    return this.file;
  }

  override focus(options?: FocusOptions): void {
    this.field?.focus(options);
  }

  /** Empties the field and drops the file (after a send). */
  clear(): void {
    this.value = '';
    this.error = '';
    this.setFile(null);
  }

  /** Takes a file as if chosen with the attach button (drops and pastes use it too). */
  pickFile(file: File): void {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      this.setFile(null);
      const locale = localeOf(this);
      this.error = msg(CHAT_FILE_TOO_LARGE, this, { name: file.name, max: formatSize(MAX_ATTACHMENT_BYTES, this, locale) });
      return;
    }
    this.error = '';
    this.setFile(file);
  }

  private setFile(file: File | null): void {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.file = file;
    this.previewUrl = file && file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
    if (this.fileInput) this.fileInput.value = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.field) this.resize();
  }

  private resize(): void {
    const field = this.field;
    field.style.height = 'auto';
    // An empty field is one line high (its min-height): no layout to read.
    if (field.value) field.style.height = `${field.scrollHeight}px`;
  }

  private onInput(): void {
    this.value = this.field.value;
    this.resize();
    this.dispatchEvent(new CustomEvent('ma-chat-typing', { bubbles: true, composed: true }));
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    } else if (event.key === 'Escape' && this.editing) {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('ma-chat-edit-cancel', { bubbles: true, composed: true }));
    }
  }

  private onFileChange(): void {
    const file = this.fileInput.files?.[0];
    if (file) this.pickFile(file);
  }

  private onPaste(event: ClipboardEvent): void {
    const file = event.clipboardData?.files[0];
    if (file && !this.editing) {
      event.preventDefault();
      this.pickFile(file);
    }
  }

  private submit(): void {
    if (this.disabled) return;
    const text = this.value;
    const file = this.editing ? null : this.file;
    if (!text.trim() && !file) return;
    this.dispatchEvent(new CustomEvent<ChatComposeDetail>('ma-chat-compose', { bubbles: true, composed: true, detail: { text, file } }));
  }

  private renderAttachment() {
    const file = this.file;
    if (!file) return nothing;
    return html`<div class="attachment" part="attachment">
      ${this.previewUrl ? html`<img class="preview" src=${this.previewUrl} alt=${file.name} />` : renderIcon(iconDocument, 'file-icon', 'file-icon')}
      <span class="file-text"><span class="file-name">${file.name}</span><span class="file-size">${formatSize(file.size, this, localeOf(this))}</span></span>
      <ma-icon-button class="remove" size="s" .icon=${iconClose} label=${`${msg(REMOVE, this)}: ${file.name}`} @click=${() => this.setFile(null)}></ma-icon-button>
    </div>`;
  }

  override render() {
    const canSend = !this.disabled && (!!this.value.trim() || (!this.editing && !!this.file));
    return html`${this.editing
        ? html`<div class="editing"><span>${msg(CHAT_EDITING, this)}</span>
            <ma-icon-button size="s" .icon=${iconClose} label=${msg(CANCEL, this)}
              @click=${() => this.dispatchEvent(new CustomEvent('ma-chat-edit-cancel', { bubbles: true, composed: true }))}></ma-icon-button></div>`
        : nothing}
      ${this.renderAttachment()}
      ${this.error ? html`<div class="error" role="alert" part="error">${this.error}</div>` : nothing}
      <div class="bar">
        ${this.editing
          ? nothing
          : html`<ma-icon-button class="attach" .icon=${iconAttach} label=${msg(CHAT_ATTACH, this)} ?disabled=${this.disabled}
              @click=${() => this.fileInput.click()}></ma-icon-button>`}
        <input type="file" hidden @change=${this.onFileChange} />
        <textarea
          part="field"
          rows="1"
          .value=${this.value}
          placeholder=${msg(CHAT_PLACEHOLDER, this)}
          aria-label=${msg(CHAT_PLACEHOLDER, this)}
          ?disabled=${this.disabled}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @paste=${this.onPaste}
        ></textarea>
        <ma-icon-button class="send" part="send" mode="tinted" .icon=${iconSend} label=${msg(this.editing ? CHAT_SAVE : CHAT_SEND, this)}
          ?disabled=${!canSend} @click=${this.submit}></ma-icon-button>
      </div>`;
  }
}

customElements.define('ma-chat-composer', MaChatComposer);

declare global {
  interface HTMLElementTagNameMap {
    'ma-chat-composer': MaChatComposer;
  }
  interface HTMLElementEventMap {
    'ma-chat-compose': CustomEvent<ChatComposeDetail>;
    'ma-chat-typing': CustomEvent<void>;
    'ma-chat-edit-cancel': CustomEvent<void>;
  }
}
