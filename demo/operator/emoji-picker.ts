import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** Common emoji, in rows of eight. */
export const EMOJI = [
  '😀', '😊', '🙂', '😉', '😍', '🤔', '😅', '😢',
  '👍', '👎', '👌', '🙏', '👋', '🤝', '💪', '👏',
  '✅', '❌', '⚠️', '❗', '❓', '⏰', '📅', '📎',
  '🏠', '🔧', '💡', '🚰', '🔑', '🚗', '📦', '🧾',
  '❤️', '🎉', '🌟', '🔥', '☕', '🍞', '🌷', '😎',
] as const;

export interface EmojiPickDetail {
  emoji: string;
}

/**
 * A grid of common emoji. Arrow keys move between them, Enter or a click picks one.
 *
 * @fires demo-emoji-pick - `{ emoji }`.
 */
@customElement('demo-emoji-picker')
export class DemoEmojiPicker extends LitElement {
  static override styles = css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(8, 36px); gap: 2px; padding: 6px; border-radius: var(--ma-radius-m, 10px);
      background: var(--ma-color-surface); box-shadow: var(--ma-shadow-2); width: max-content; }
    button { width: 36px; height: 36px; font-size: 20px; border: 0; border-radius: 8px; background: transparent; cursor: pointer; }
    button:hover { background: var(--ma-color-surface-secondary); }
    button:focus-visible { outline: none; box-shadow: var(--ma-focus-ring); }
  `;

  @property() label = 'Emoji';

  override focus(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
  }

  #keydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 8, ArrowUp: -8 }[event.key];
    if (index < 0 || step === undefined) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, index + step))]!.focus();
  }

  override render() {
    return html`<div class="grid" role="group" aria-label=${this.label} @keydown=${this.#keydown}>
      ${EMOJI.map((emoji) => html`<button type="button" data-emoji=${emoji} aria-label=${emoji}
        @click=${() => this.dispatchEvent(new CustomEvent<EmojiPickDetail>('demo-emoji-pick', { detail: { emoji }, bubbles: true, composed: true }))}>${emoji}</button>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-emoji-picker': DemoEmojiPicker;
  }
}
