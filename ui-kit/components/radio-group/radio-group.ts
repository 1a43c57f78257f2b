import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { FormControl, valid, valueMissing } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { controlStyles, labelStyles } from '../../base/form-control.styles.ts';
import { REQUIRED_CHOICE } from '../../base/messages.ts';
import { rovingIndex } from '../../base/roving.ts';
import type { MaRadio } from '../radio/radio.ts';
import '../radio/radio.ts';

/**
 * A WAI-ARIA radio group of `<ma-radio>` children. The group is the form control: it submits
 * `value` under `name`. Arrow keys move the focus and select (wrapping, skipping disabled
 * radios), Home/End jump, and only the chosen radio is in the Tab order (roving tabindex).
 *
 * @slot - `<ma-radio>` elements.
 * @fires input - When the user chooses a radio. @fires change - When the user chooses a radio.
 * @csspart group - The element with role `radiogroup`. @csspart label - The visible label.
 */
export class MaRadioGroup extends FormControl {
  static override styles = [controlStyles, labelStyles];

  static override properties: PropertyDeclarations = {
    value: {},
  };

  /** The chosen radio's value; empty when none is chosen. */
  value = '';

  constructor() {
    super();
    this.addEventListener('click', (event) => {
      const path = event.composedPath();
      if (path[0] === this) return this.focus();
      const radio = path.find((node): node is MaRadio => node instanceof Element && node.localName === 'ma-radio');
      if (radio) this.choose(radio);
    });
    this.addEventListener('keydown', (event) => this.onKeydown(event));
  }

  /** The radios in document order. */
  get radios(): MaRadio[] {
    return Array.from(this.querySelectorAll('ma-radio'));
  }

  override focus(options?: FocusOptions): void {
    this.radios.find((radio) => radio.tabIndex === 0)?.focus(options);
  }

  protected formValue(): string | null {
    return this.value || null;
  }

  protected resetValue(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  protected restoreValue(state: string): void {
    this.value = state;
  }

  protected override validate(): ValidityResult {
    return this.required && !this.value ? valueMissing(this, REQUIRED_CHOICE) : valid;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.radios.find((radio) => radio.tabIndex === 0);
  }

  protected override updated(changed: PropertyValues): void {
    this.syncRadios();
    super.updated(changed);
  }

  private syncRadios(): void {
    const radios = this.radios;
    const disabled = this.isDisabled;
    const chosen = radios.find((radio) => radio.value === this.value && !radio.disabled);
    const focusable = chosen ?? radios.find((radio) => !radio.disabled);
    for (const radio of radios) {
      radio.checked = radio.value === this.value && this.value !== '';
      radio.groupDisabled = disabled;
      radio.tabIndex = !disabled && radio === focusable ? 0 : -1;
    }
  }

  private choose(radio: MaRadio): void {
    if (radio.disabled || this.isDisabled) return;
    radio.focus();
    if (radio.value === this.value) return;
    this.value = radio.value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.commit();
  }

  private onKeydown(event: KeyboardEvent): void {
    const radios = this.radios;
    const current = radios.findIndex((radio) => radio.matches(':focus'));
    if (current < 0 || this.isDisabled) return;
    if (event.key === ' ') {
      event.preventDefault();
      this.choose(radios[current]!);
      return;
    }
    const next = rovingIndex(event.key, current, radios.map((radio) => radio.disabled), this.matches(':dir(rtl)'));
    if (next === undefined) return;
    event.preventDefault();
    this.choose(radios[next]!);
  }

  protected override render() {
    return html`
      ${this.label ? html`<span id="label" class="label" part="label">${this.label}</span>` : nothing}
      <div
        role="radiogroup"
        part="group"
        aria-labelledby=${this.label ? 'label' : nothing}
        aria-label=${this.label ? nothing : this.outerLabel || nothing}
        aria-required=${this.required ? 'true' : nothing}
        aria-invalid=${this.shownError ? 'true' : nothing}
        aria-disabled=${this.isDisabled ? 'true' : nothing}
        aria-describedby=${this.describedBy}
      >
        <slot @slotchange=${this.syncRadios}></slot>
      </div>
      ${this.renderSupport()}
    `;
  }
}

customElements.define('ma-radio-group', MaRadioGroup);

declare global {
  interface HTMLElementTagNameMap {
    'ma-radio-group': MaRadioGroup;
  }
}
