import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { radioStyles } from './radio.styles.ts';

/**
 * One option of an `<ma-radio-group>`. The group owns the selection, the keyboard and the form
 * value; a radio only shows its state (role `radio`, `aria-checked`).
 *
 * @slot - The label. @slot description - A second line under the label.
 * @csspart circle - The round mark.
 */
export class MaRadio extends LitElement {
  static override styles = radioStyles;

  static override properties: PropertyDeclarations = {
    value: {},
    label: {},
    checked: { type: Boolean },
    disabled: { type: Boolean, reflect: true },
    groupDisabled: { type: Boolean, attribute: false },
  };

  /** The group's value when this radio is chosen. */
  value = '';

  /** Plain-text label (or use the default slot). */
  label = '';

  /** Set by the group. */
  checked = false;

  disabled = false;

  /** Set by the group when the whole group is disabled. */
  groupDisabled = false;

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

customElements.define('ma-radio', MaRadio);

declare global {
  interface HTMLElementTagNameMap {
    'ma-radio': MaRadio;
  }
}
