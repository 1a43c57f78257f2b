import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { checkGlyph, dashGlyph } from '../../base/glyphs.ts';
import { ToggleControl } from '../../base/toggle-control.ts';
import { controlStyles, labelStyles } from '../../base/form-control.styles.ts';
import { checkboxStyles } from './checkbox.styles.ts';

/**
 * A checkbox, form-associated: submits `value` (default `on`) under `name` when checked.
 * The label is the `label` property or the default slot.
 *
 * @slot - The label, when richer than plain text (a link to terms).
 * @fires input - When toggled. @fires change - When toggled.
 * @csspart control - The native checkbox (the box). @csspart support - The hint or error line.
 */
export class MaCheckbox extends ToggleControl {
  static override styles = [controlStyles, labelStyles, checkboxStyles];

  static override properties: PropertyDeclarations = {
    indeterminate: { type: Boolean, reflect: true },
  };

  /** Shows a dash: neither checked nor unchecked (a partly selected list). Cleared by a toggle. */
  indeterminate = false;

  protected override onToggle(): void {
    super.onToggle();
    this.indeterminate = false;
  }

  protected override render() {
    const disabled = this.isDisabled;
    return html`
      <label class="row ${disabled ? 'disabled' : ''} ${this.shownError ? 'invalid' : ''}">
        <span class="box">
          <input
            type="checkbox"
            part="control"
            .checked=${live(this.checked)}
            .indeterminate=${this.indeterminate}
            ?disabled=${disabled}
            ?required=${this.required}
            aria-label=${this.label ? nothing : this.outerLabel || nothing}
            aria-invalid=${this.shownError ? 'true' : nothing}
            aria-describedby=${this.describedBy}
            @input=${this.onToggle}
            @change=${this.onChange}
          />
          <span class="mark">${this.indeterminate ? dashGlyph : this.checked ? checkGlyph : nothing}</span>
        </span>
        <span class="text"><slot>${this.label}</slot></span>
      </label>
      ${this.renderSupport()}
    `;
  }
}

customElements.define('ma-checkbox', MaCheckbox);

declare global {
  interface HTMLElementTagNameMap {
    'ma-checkbox': MaCheckbox;
  }
}
