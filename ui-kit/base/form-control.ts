import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { msg } from './i18n.ts';
import type { Message } from './i18n.ts';
import { INVALID, REQUIRED, TOO_LONG, TOO_SHORT } from './messages.ts';

/** What a control reports to `setValidity`: the flags and the text shown under the field. */
export interface ValidityResult {
  flags: ValidityStateFlags;
  message: string;
}

/** A valid result. */
export const valid: ValidityResult = { flags: {}, message: '' };

/**
 * The base of the kit's form controls: a form-associated custom element that submits with a
 * native `<form>`, resets and restores with it, is disabled by a `<fieldset>`, validates through
 * `ElementInternals` and shows its error under the field once the user has interacted with it
 * or tried to submit.
 */
export abstract class FormControl extends LitElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    label: {},
    helperText: { attribute: 'helper-text' },
    error: {},
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    touched: { state: true },
    shownError: { state: true },
  };

  protected readonly internals = this.attachInternals();

  /** The name under which the value is submitted. */
  name = '';

  /** Visible label rendered by the control. An outer `<label for>` works too. */
  label = '';

  /** A hint shown under the control while there is no error. */
  helperText = '';

  /** An error set by the page (a server answer, a cross-field rule); makes the control invalid. */
  error = '';

  disabled = false;

  required = false;

  /** True once the user changed the value or a submit was attempted: errors show from then on. */
  protected touched = false;

  /** The error text currently shown under the field (empty when none). */
  protected shownError = '';

  constructor() {
    super();
    this.addEventListener('invalid', () => (this.touched = true));
  }

  /** Disabled by its own attribute or by a disabled `<fieldset>`. */
  get isDisabled(): boolean {
    return this.matches(':disabled');
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

  /** What the browser saves to restore the control later, when not the submitted value. */
  protected formState?(): string | null;

  /** Puts the value back to its default (the `value` / `checked` attribute). */
  protected abstract resetValue(): void;

  /** Restores a value the browser saved (back navigation, autofill). */
  protected abstract restoreValue(state: string): void;

  /** The control's own checks, run unless `error` is set. */
  protected abstract validate(): ValidityResult;

  /** The element the browser anchors its validation bubble to. */
  protected abstract validationAnchor(): HTMLElement | undefined;

  /** The text of the labels outside the control (`<label for>` or a wrapping label). */
  protected get outerLabel(): string {
    return Array.from(this.internals.labels, (label) => label.textContent!.trim()).join(' ');
  }

  formResetCallback(): void {
    this.resetValue();
    this.touched = false;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.restoreValue(state);
  }

  /** A `<fieldset>` (or the own attribute) changed the disabled state: `isDisabled` reads it. */
  formDisabledCallback(): void {
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.internals.setFormValue(this.formValue(), this.formState?.());
    const { flags, message } = this.error ? { flags: { customError: true }, message: this.error } : this.validate();
    this.internals.setValidity(flags, message, this.validationAnchor());
    this.shownError = this.error || (this.touched ? message : '');
  }

  /** Marks the control as touched and fires a native-like `change` event from the host. */
  protected commit(): void {
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The hint or error under a field, with the ids the inner control refers to. */
  protected renderSupport(extra?: TemplateResult | typeof nothing): TemplateResult {
    return html`<div class="support" part="support">
      ${this.shownError
        ? html`<span id="error" class="error" part="error">${this.shownError}</span>`
        : this.helperText
          ? html`<span id="help" class="help" part="helper-text">${this.helperText}</span>`
          : nothing}
      ${extra}
    </div>`;
  }

  /** The ids of the visible hint or error, for `aria-describedby`. */
  protected get describedBy(): string | typeof nothing {
    return this.shownError ? 'error' : this.helperText ? 'help' : nothing;
  }
}

/** `valueMissing`, with `text` in the control's locale. */
export function valueMissing(control: Element, text: Message): ValidityResult {
  return { flags: { valueMissing: true }, message: msg(text, control) };
}

/**
 * The checks of a text-like field: required, then minlength and maxlength by hand (the browser
 * checks lengths only after a user edit), then whatever the inner native field reports (type,
 * pattern, range, step).
 */
export function validateText(control: FormControl, value: string, minlength = 0, maxlength = Infinity, native?: ValidityState): ValidityResult {
  if (!value) return control.required ? valueMissing(control, REQUIRED) : valid;
  if (value.length < minlength) return { flags: { tooShort: true }, message: msg(TOO_SHORT, control, { min: minlength }) };
  if (maxlength >= 0 && value.length > maxlength) return { flags: { tooLong: true }, message: msg(TOO_LONG, control, { max: maxlength }) };
  return native && !native.valid ? { flags: native, message: msg(INVALID, control) } : valid;
}
