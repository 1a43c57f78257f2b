import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ToggleControl } from '../../base/toggle-control.ts';
import { controlStyles, labelStyles } from '../../base/form-control.styles.ts';
import { switchStyles } from './switch.styles.ts';

/**
 * An on/off switch (role `switch`), form-associated: submits `value` (default `on`) under `name`
 * when on. Space toggles it. The label is the `label` property or the default slot.
 *
 * @slot - The label, when richer than plain text.
 * @fires input - When toggled. @fires change - When toggled.
 * @csspart control - The native control (the track). @csspart support - The hint or error line.
 */
export class MaSwitch extends ToggleControl {
  static override styles = [controlStyles, labelStyles, switchStyles];

  protected override render() {
    const disabled = this.isDisabled;
    return html`
      <label class="row ${disabled ? 'disabled' : ''}">
        <span class="text"><slot>${this.label}</slot></span>
        <span class="track">
          <input
            type="checkbox"
            role="switch"
            part="control"
            .checked=${live(this.checked)}
            ?disabled=${disabled}
            ?required=${this.required}
            aria-label=${this.label ? nothing : this.outerLabel || nothing}
            aria-invalid=${this.shownError ? 'true' : nothing}
            aria-describedby=${this.describedBy}
            @input=${this.onToggle}
            @change=${this.onChange}
          />
          <span class="thumb"></span>
        </span>
      </label>
      ${this.renderSupport()}
    `;
  }
}

customElements.define('ma-switch', MaSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'ma-switch': MaSwitch;
  }
}
