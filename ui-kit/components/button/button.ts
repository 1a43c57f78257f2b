import { LitElement, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { buttonStyles } from './button.styles.ts';

export type ButtonMode = 'primary' | 'secondary' | 'tertiary' | 'outline' | 'destructive';

/**
 * A button, or a link styled as one when `href` is set. Form-associated: with `type="submit"` or
 * `type="reset"` it submits or resets its native `<form>` (its `name`/`value` are sent as the
 * submitter's), and a disabled `<fieldset>` disables it.
 *
 * @slot - The label.
 * @slot before - An icon before the label.
 * @slot after - An icon or counter after the label.
 * @csspart base - The inner `<button>` or `<a>`.
 * @csspart label - The label wrapper.
 * @csspart spinner - The loading indicator.
 * @cssproperty --ma-button-background - Background (per mode).
 * @cssproperty --ma-button-color - Text colour (per mode).
 */
export class MaButton extends LitElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = buttonStyles;

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    size: { reflect: true },
    stretched: { type: Boolean, reflect: true },
    loading: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    type: {},
    name: {},
    value: {},
    href: {},
    target: {},
    download: {},
  };

  private readonly internals = this.attachInternals();

  /** Look: `primary` (filled brand), `secondary` (tinted), `tertiary` (text), `outline`, `destructive`. */
  mode: ButtonMode = 'primary';

  /** Height: `s` 32px, `m` 40px, `l` 48px. */
  size: 's' | 'm' | 'l' = 'm';

  /** Fills the width of its container. */
  stretched = false;

  /** Shows a spinner and ignores clicks; the button stays focusable and is announced as busy. */
  loading = false;

  disabled = false;

  /** What it does in a form. */
  type: 'button' | 'submit' | 'reset' = 'button';

  /** Submitted with the form as the submitter's name, like a native button's. */
  name = '';

  /** Submitted with the form under `name`. */
  value = '';

  /** Renders a link to this URL instead of a button. */
  href?: string;

  /** Link target, with `href`. */
  target?: '_blank' | '_self' | '_parent' | '_top';

  /** Asks the browser to download the link, with `href`. */
  download?: string;

  /** Disabled by an ancestor `<fieldset disabled>`. */
  private formDisabled = false;

  constructor() {
    super();
    // On the host, so `el.click()` and clicks on the inner element take the same path.
    this.addEventListener('click', (event) => this.handleClick(event));
  }

  /** The form this button belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  private get blocked(): boolean {
    return this.disabled || this.formDisabled || this.loading;
  }

  private handleClick(event: MouseEvent): void {
    if (this.blocked) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const form = this.internals.form;
    if (!form || this.href) return;
    if (this.type === 'submit') this.submit(form);
    else if (this.type === 'reset') form.reset();
  }

  /** Submits through a temporary native button, so `name`/`value` and `submitter` behave natively. */
  private submit(form: HTMLFormElement): void {
    const proxy = document.createElement('button');
    proxy.type = 'submit';
    proxy.hidden = true;
    if (this.name) {
      proxy.name = this.name;
      proxy.value = this.value;
    }
    form.append(proxy);
    try {
      form.requestSubmit(proxy);
    } finally {
      proxy.remove();
    }
  }

  override render() {
    const content = html`
      <slot name="before"></slot>
      <span part="label" class="label"><slot></slot></span>
      <slot name="after"></slot>
      ${this.loading
        ? html`<span part="spinner" class="spinner"><svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9.5"></circle></svg></span>`
        : nothing}
    `;
    const disabled = this.disabled || this.formDisabled;
    if (this.href !== undefined) {
      return html`<a
        part="base"
        class="button"
        href=${ifDefined(disabled ? undefined : this.href)}
        target=${ifDefined(this.target)}
        rel=${ifDefined(this.target === '_blank' ? 'noopener noreferrer' : undefined)}
        download=${ifDefined(this.download)}
        role=${disabled ? 'link' : nothing}
        aria-disabled=${disabled ? 'true' : nothing}
        aria-busy=${this.loading ? 'true' : nothing}
        tabindex=${disabled ? '-1' : nothing}
      >${content}</a>`;
    }
    return html`<button
      part="base"
      class="button"
      type="button"
      ?disabled=${disabled}
      aria-busy=${this.loading ? 'true' : nothing}
      aria-disabled=${this.loading ? 'true' : nothing}
    >${content}</button>`;
  }
}

customElements.define('ma-button', MaButton);

declare global {
  interface HTMLElementTagNameMap {
    'ma-button': MaButton;
  }
}
