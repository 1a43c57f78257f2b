import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { radioStyles } from './radio.styles.ts';

/**
 * One option of an `<ma-radio-group>`. The group owns the selection, the keyboard and the form
 * value; a radio only shows its state (role `radio`, `aria-checked`).
 *
 * @slot - The label. @slot description - A second line under the label.
 * @csspart circle - The round mark.
 */
@customElement('ma-radio')
export class MaRadio extends LitElement {
  static override styles = radioStyles;

  /** The group's value when this radio is chosen. */
  @property() value = '';

  /** Plain-text label (or use the default slot). */
  @property() label = '';

  /** Set by the group. */
  @property({ type: Boolean }) checked = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Set by the group when the whole group is disabled. */
  @property({ type: Boolean, attribute: false }) groupDisabled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.role = 'radio';
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.ariaChecked = String(this.checked);
    this.ariaDisabled = this.disabled || this.groupDisabled ? 'true' : null;
  }

  protected override render() {
    return html`<span class="circle" part="circle"></span>
      <span>
        <slot>${this.label || nothing}</slot>
        <span class="description"><slot name="description"></slot></span>
      </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-radio': MaRadio;
  }
}
