import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from './i18n.ts';

/** What a control reports to `setValidity`: the flags and the text shown under the field. */
export interface ValidityResult {
  flags: ValidityStateFlags;
  message: string;
}

const valid: ValidityResult = { flags: {}, message: '' };

/**
 * The base of the kit's form controls: a form-associated custom element that submits with a
 * native `<form>`, resets and restores with it, is disabled by a `<fieldset>`, validates through
 * `ElementInternals` and shows its error under the field once the user has interacted with it
 * or tried to submit.
 */
export abstract class FormControl extends LitElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  protected readonly internals: ElementInternals;

  /** The name under which the value is submitted. */
  @property({ reflect: true }) name = '';

  /** Visible label rendered by the control. An outer `<label for>` works too. */
  @property() label = '';

  /** A hint shown under the control while there is no error. */
  @property({ attribute: 'helper-text' }) helperText = '';

  /** An error set by the page (a server answer, a cross-field rule); makes the control invalid. */
  @property() error = '';

  @property({ type: Boolean, reflect: true }) disabled = false;

  @property({ type: Boolean, reflect: true }) required = false;

  /** True once the user changed the value or a submit was attempted: errors show from then on. */
  @state() protected touched = false;

  @state() private disabledByForm = false;

  /** The error text currently shown under the field (empty when none). */
  @state() protected shownError = '';

  /** Labels outside the control (`<label for>` or a wrapping label), read for the inner name. */
  @state() protected outerLabel = '';

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', () => {
      this.touched = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.outerLabel = Array.from(this.internals.labels, (label) => label.textContent?.trim() ?? '').join(' ');
  }

  /** Disabled by its own attribute or by a disabled `<fieldset>`. */
  get isDisabled(): boolean {
    return this.disabled || this.disabledByForm;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and, when invalid, shows the error under the field and the browser's bubble. */
  reportValidity(): boolean {
    this.touched = true;
    return this.internals.reportValidity();
  }

  /** Sets a custom error; an empty string clears it. Same as the `error` property. */
  setCustomValidity(message: string): void {
    this.error = message;
  }

  /** The value submitted with the form (`null` submits nothing). */
  protected abstract formValue(): string | null;

  /** What the browser saves to restore the control later; the submitted value by default. */
  protected formState(): string | null {
    return this.formValue();
  }

  /** Puts the value back to its default (the `value` / `checked` attribute). */
  protected abstract resetValue(): void;

  /** Restores a value the browser saved (back navigation, autofill). */
  protected abstract restoreValue(state: string): void;

  /** The control's own checks, run after `error`; invalid by default only when required and empty. */
  protected validate(): ValidityResult {
    return valid;
  }

  /** The element the browser anchors its validation bubble to. */
  protected validationAnchor(): HTMLElement | undefined {
    return undefined;
  }

  /** The accessible name for the inner control when no visible label is rendered. */
  protected get accessibleLabel(): string | typeof nothing {
    return this.label || this.outerLabel || nothing;
  }

  formResetCallback(): void {
    this.resetValue();
    this.touched = false;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.restoreValue(state);
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const value = this.formValue();
    this.internals.setFormValue(value, this.formState());
    const result = this.error ? { flags: { customError: true }, message: this.error } : this.validate();
    this.internals.setValidity(result.flags, result.message, this.validationAnchor());
    const shown = this.error || (this.touched ? result.message : '');
    if (shown !== this.shownError) this.shownError = shown;
  }

  /** Marks the control as touched and fires a native-like `change` event from the host. */
  protected commit(): void {
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The hint or error under a field, with the ids the inner control refers to. */
  protected renderSupport(extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const error = this.shownError;
    return html`<div class="support" part="support">
      ${error
        ? html`<span id="error" class="error" part="error">${error}</span>`
        : this.helperText
          ? html`<span id="help" class="help" part="helper-text">${this.helperText}</span>`
          : nothing}
      ${extra}
    </div>`;
  }

  /** The ids of the visible hint or error, for `aria-describedby`. */
  protected get describedBy(): string | typeof nothing {
    if (this.shownError) return 'error';
    return this.helperText ? 'help' : nothing;
  }
}

/** Like the native `pattern`: the whole value must match; an invalid pattern is ignored. */
function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'v').test(value);
  } catch {
    return true;
  }
}

/** Messages for text-like values: required, minlength, maxlength, pattern, type checks. */
export function validateText(
  host: Element,
  value: string,
  rules: { required: boolean; minlength?: number; maxlength?: number; pattern?: string; native?: ValidityState },
): ValidityResult {
  if (rules.required && !value) return { flags: { valueMissing: true }, message: msg('required', host) };
  if (!value) return valid;
  const min = rules.minlength ?? -1;
  const max = rules.maxlength ?? -1;
  if (min >= 0 && value.length < min) return { flags: { tooShort: true }, message: msg('tooShort', host, { min }) };
  if (max >= 0 && value.length > max) return { flags: { tooLong: true }, message: msg('tooLong', host, { max }) };
  if (rules.pattern && !matchesPattern(rules.pattern, value)) {
    return { flags: { patternMismatch: true }, message: msg('invalid', host) };
  }
  const native = rules.native;
  if (native && !native.valid && !native.valueMissing && !native.tooShort && !native.tooLong) {
    return {
      flags: {
        typeMismatch: native.typeMismatch,
        badInput: native.badInput,
        rangeOverflow: native.rangeOverflow,
        rangeUnderflow: native.rangeUnderflow,
        stepMismatch: native.stepMismatch,
      },
      message: msg('invalid', host),
    };
  }
  return valid;
}

/**
 * The index a roving-focus group moves to for a key (arrows wrap, Home/End jump), skipping
 * disabled items; `undefined` for other keys.
 */
export function rovingIndex(key: string, current: number, disabled: boolean[], rtl = false): number | undefined {
  const count = disabled.length;
  let step: number;
  if (key === 'ArrowDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight')) step = 1;
  else if (key === 'ArrowUp' || key === (rtl ? 'ArrowRight' : 'ArrowLeft')) step = -1;
  else if (key === 'Home') return disabled.indexOf(false) >= 0 ? disabled.indexOf(false) : undefined;
  else if (key === 'End') return disabled.lastIndexOf(false) >= 0 ? disabled.lastIndexOf(false) : undefined;
  else return undefined;
  for (let i = 1; i <= count; i++) {
    const next = (((current + step * i) % count) + count) % count;
    if (!disabled[next]) return next;
  }
  return undefined;
}
