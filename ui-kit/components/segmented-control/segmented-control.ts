import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { FormControl, valid, valueMissing } from '../../base/form-control.ts';
import type { ValidityResult } from '../../base/form-control.ts';
import { controlStyles, labelStyles } from '../../base/form-control.styles.ts';
import { REQUIRED_CHOICE } from '../../base/messages.ts';
import { rovingIndex } from '../../base/roving.ts';
import { segmentedControlStyles } from './segmented-control.styles.ts';

/** One segment of an `<ma-segmented-control>`. */
export interface Segment {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * A row of mutually exclusive segments with radio-group semantics, form-associated: submits
 * `value` under `name`. Segments come from the `segments` property (`{ value, label, disabled? }`;
 * as an attribute, JSON). Arrow keys move and select; only the chosen segment is a Tab stop.
 *
 * @fires input - When the user picks a segment. @fires change - When the user picks a segment.
 * @csspart group - The track with role `radiogroup`. @csspart segment - Each segment.
 */
export class MaSegmentedControl extends FormControl {
  static override styles = [controlStyles, labelStyles, segmentedControlStyles];

  static override properties: PropertyDeclarations = {
    segments: { type: Array },
    value: {},
  };

  segments: Segment[] = [];

  value = '';

  private get buttons(): NodeListOf<HTMLButtonElement> {
    return this.renderRoot.querySelectorAll('button');
  }

  constructor() {
    super();
    // An outer label's click lands on the host: move focus to the Tab stop, not the first segment.
    this.addEventListener('click', (event) => {
      if (event.composedPath()[0] === this) this.focus();
    });
  }

  override focus(options?: FocusOptions): void {
    this.shadowRoot?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(options);
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
    return this.shadowRoot?.querySelector<HTMLElement>('[tabindex="0"]') ?? undefined;
  }

  private choose(index: number): void {
    const segment = this.segments[index];
    if (!segment || segment.disabled || this.isDisabled) return;
    this.buttons[index]?.focus();
    if (segment.value === this.value) return;
    this.value = segment.value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.commit();
  }

  private onKeydown(event: KeyboardEvent): void {
    const current = Array.from(this.buttons).indexOf(this.shadowRoot!.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const next = rovingIndex(event.key, current, this.segments.map((segment) => !!segment.disabled), this.matches(':dir(rtl)'));
    if (next === undefined) return;
    event.preventDefault();
    this.choose(next);
  }

  protected override render() {
    const disabled = this.isDisabled;
    const chosen = this.segments.findIndex((segment) => segment.value === this.value && !segment.disabled);
    const tabStop = chosen >= 0 ? chosen : this.segments.findIndex((segment) => !segment.disabled);
    return html`
      ${this.label ? html`<span id="label" class="label" part="label">${this.label}</span>` : nothing}
      <div
        class="track ${disabled ? 'disabled' : ''}"
        role="radiogroup"
        part="group"
        aria-labelledby=${this.label ? 'label' : nothing}
        aria-label=${this.label ? nothing : this.outerLabel || nothing}
        aria-required=${this.required ? 'true' : nothing}
        aria-invalid=${this.shownError ? 'true' : nothing}
        aria-describedby=${this.describedBy}
        @keydown=${this.onKeydown}
      >
        ${this.segments.map(
          (segment, index) => html`<button
            type="button"
            role="radio"
            part="segment"
            aria-checked=${index === chosen ? 'true' : 'false'}
            tabindex=${index === tabStop ? 0 : -1}
            ?disabled=${disabled || !!segment.disabled}
            @click=${() => this.choose(index)}
          >
            ${segment.label}
          </button>`,
        )}
      </div>
      ${this.renderSupport()}
    `;
  }
}

customElements.define('ma-segmented-control', MaSegmentedControl);

declare global {
  interface HTMLElementTagNameMap {
    'ma-segmented-control': MaSegmentedControl;
  }
}
