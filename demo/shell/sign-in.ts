import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { demoButtonStyles } from './buttons.styles.ts';
import type { BackendClient, OneTimeCodeMessage, SessionResponse } from '../../src/backend/index.ts';
import { BackendError } from '../../src/backend/errors.ts';
import { DEMO_SMS_EVENT, demoSmsInbox, type DemoSmsEvent, type DemoSmsInbox } from '../backend/sms.ts';

/**
 * The demo host's sign-in: phone number, then the one-time code. There is no SMS in the demo, so
 * the code the backend "sent" is shown in a notice marked as an SMS.
 *
 * @fires demo-signed-in - `detail` is the backend's `SessionResponse` (keep its `sessionToken`).
 * @fires demo-sign-in-cancel - The user gave up.
 */
@customElement('demo-sign-in')
export class DemoSignIn extends LitElement {
  static override styles = [demoButtonStyles, css`
    :host {
      display: block;
      max-width: 360px;
      font-family: var(--ma-font-family, system-ui, sans-serif);
      color: var(--ma-color-text, #1f1f1f);
    }
    form {
      display: grid;
      gap: var(--ma-space-m, 12px);
    }
    h2 {
      margin: 0;
      font-size: var(--ma-font-size-title, 20px);
    }
    p {
      margin: 0;
      color: var(--ma-color-text-secondary, #5f6368);
    }
    label {
      display: grid;
      gap: var(--ma-space-xs, 4px);
      font-weight: var(--ma-font-weight-semibold, 600);
    }
    input {
      font: inherit;
      padding: 10px 12px;
      border: 1px solid var(--ma-color-separator, #c4c7c5);
      border-radius: 10px;
    }
    input:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--ma-color-focus, #0b57d0);
      outline-offset: 2px;
    }
    .actions {
      display: flex;
      gap: var(--ma-space-s, 8px);
      flex-wrap: wrap;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: default;
    }
    .sms {
      border: 2px dashed var(--ma-color-brand, #0b57d0);
      border-radius: 12px;
      padding: var(--ma-space-s, 8px) var(--ma-space-m, 12px);
      background: var(--ma-color-brand-tint, #e8f0fe);
    }
    .sms strong {
      display: block;
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    .sms .code {
      font-size: 1.6em;
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.2em;
    }
    .error {
      color: var(--ma-color-negative, #b3261e);
    }
  `];

  /** The backend client the form talks to. */
  @property({ attribute: false }) client?: Pick<BackendClient, 'requestCode' | 'signIn'>;

  /** Where the demo backend posts its codes. */
  @property({ attribute: false }) smsInbox: DemoSmsInbox = demoSmsInbox;

  /** The phone number to start with. */
  @property() phone = '';

  /** Shown in the heading: the app the user was opening, if any. */
  @property({ attribute: 'app-title' }) appTitle = '';

  @state() private step: 'phone' | 'code' = 'phone';
  @state() private code = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private sms: OneTimeCodeMessage | undefined;

  private readonly onSms = (event: Event) => {
    const message = (event as DemoSmsEvent).detail;
    if (message.phone === this.phone) this.sms = message;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.smsInbox.addEventListener(DEMO_SMS_EVENT, this.onSms);
  }

  override disconnectedCallback(): void {
    this.smsInbox.removeEventListener(DEMO_SMS_EVENT, this.onSms);
    super.disconnectedCallback();
  }

  protected override render() {
    return this.step === 'phone' ? this.renderPhone() : this.renderCode();
  }

  private renderPhone() {
    return html`
      <form part="form" @submit=${this.submitPhone} novalidate>
        <h2 id="title">${this.appTitle ? `Sign in to open ${this.appTitle}` : 'Sign in'}</h2>
        <p>We will send a one-time code to your phone.</p>
        <label>
          Phone number
          <input
            name="phone"
            type="tel"
            autocomplete="tel"
            inputmode="tel"
            placeholder="+7 999 000-00-01"
            required
            .value=${this.phone}
            @input=${(event: InputEvent) => (this.phone = (event.target as HTMLInputElement).value)}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby="error"
          />
        </label>
        ${this.renderError()}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>Get code</button>
          <button class="secondary" type="button" @click=${this.cancel}>Cancel</button>
        </div>
      </form>
    `;
  }

  private renderCode() {
    return html`
      <form part="form" @submit=${this.submitCode} novalidate>
        <h2 id="title">Enter the code</h2>
        <p>Sent to ${this.phone}.</p>
        ${this.sms
          ? html`<section class="sms" part="sms" role="status" aria-label="Demo SMS">
              <strong>SMS (demo): there is no real SMS here</strong>
              Your sign-in code: <span class="code">${this.sms.code}</span>
            </section>`
          : nothing}
        <label>
          One-time code
          <input
            name="code"
            autocomplete="one-time-code"
            inputmode="numeric"
            maxlength="8"
            required
            .value=${this.code}
            @input=${(event: InputEvent) => (this.code = (event.target as HTMLInputElement).value)}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby="error"
          />
        </label>
        ${this.renderError()}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>Sign in</button>
          <button class="secondary" type="button" ?disabled=${this.busy} @click=${this.resend}>Send a new code</button>
          <button class="secondary" type="button" @click=${this.changePhone}>Change number</button>
        </div>
      </form>
    `;
  }

  private renderError() {
    return html`<p id="error" class="error" role="alert" part="error">${this.error}</p>`;
  }

  private async submitPhone(event: Event) {
    event.preventDefault();
    await this.run(async (client) => {
      const sent = await client.requestCode(this.phone);
      this.phone = sent.phone;
      this.sms = this.smsInbox.latest(sent.phone);
      this.code = '';
      this.step = 'code';
    });
  }

  private async submitCode(event: Event) {
    event.preventDefault();
    await this.run(async (client) => {
      const session = await client.signIn(this.phone, this.code);
      this.dispatchEvent(new CustomEvent<SessionResponse>('demo-signed-in', { detail: session, bubbles: true, composed: true }));
    });
  }

  private async resend() {
    await this.run(async (client) => {
      await client.requestCode(this.phone);
      this.sms = this.smsInbox.latest(this.phone);
      this.code = '';
    });
  }

  private changePhone() {
    this.step = 'phone';
    this.error = '';
    this.sms = undefined;
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('demo-sign-in-cancel', { bubbles: true, composed: true }));
  }

  private async run(task: (client: Pick<BackendClient, 'requestCode' | 'signIn'>) => Promise<void>) {
    if (!this.client) throw new Error('<demo-sign-in> needs a backend client');
    this.busy = true;
    this.error = '';
    try {
      await task(this.client);
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}

function messageOf(error: unknown): string {
  if (error instanceof BackendError) {
    if (error.code === 'INVALID_REQUEST') {
      const issues = (error.details as { issues?: { message: string }[] } | undefined)?.issues;
      return issues?.[0]?.message ?? error.message;
    }
    if (error.code === 'RATE_LIMITED') {
      const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      return seconds ? `${error.message} (in ${seconds} s)` : error.message;
    }
    return error.message;
  }
  return 'Something went wrong; try again';
}

/** Resolves with the session when the user signs in, or null when they cancel. */
export function waitForSignIn(element: DemoSignIn): Promise<SessionResponse | null> {
  return new Promise((resolve) => {
    const done = (result: SessionResponse | null) => {
      element.removeEventListener('demo-signed-in', onSignedIn);
      element.removeEventListener('demo-sign-in-cancel', onCancel);
      resolve(result);
    };
    const onSignedIn = (event: Event) => done((event as CustomEvent<SessionResponse>).detail);
    const onCancel = () => done(null);
    element.addEventListener('demo-signed-in', onSignedIn);
    element.addEventListener('demo-sign-in-cancel', onCancel);
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-sign-in': DemoSignIn;
  }
  interface HTMLElementEventMap {
    'demo-signed-in': CustomEvent<SessionResponse>;
    'demo-sign-in-cancel': CustomEvent<undefined>;
  }
}
