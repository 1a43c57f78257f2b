import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BackendClient, OneTimeCodeMessage, SessionResponse } from '../../src/backend/index.ts';
import { normalisePhone } from '../../src/backend/contract.ts';
import { BackendError } from '../../src/backend/errors.ts';
import { SEED_STAFF, SEED_USERS } from '../../src/backend/seed.ts';
import { Permission } from '../../src/backend/staff.ts';
import { localeOf } from '../../ui-kit/base/i18n.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/cell/cell.ts';
import '../../ui-kit/components/group/group.ts';
import '../../ui-kit/components/input/input.ts';
import type { MaInput } from '../../ui-kit/components/input/input.ts';
import { DEMO_SMS_EVENT, demoSmsInbox, type DemoSmsEvent, type DemoSmsInbox } from '../backend/sms.ts';
import { signInTexts, type SignInTexts } from './sign-in.texts.ts';

/** A demo account listed under the form, so a visitor knows which phones sign in. */
export interface DemoAccount {
  name: string;
  phone: string;
  role: 'resident' | 'staff';
  /** What the account is for: a tester, or a staff member's job. */
  note?: AccountNote;
}

export type AccountNote = 'tester' | 'partner' | 'moderator' | 'chat-admin' | 'operator' | 'chat-viewer';

/** A staff member's job in the demo, from what they may do. */
function staffNote(permissions: readonly string[]): AccountNote {
  if (permissions.includes(Permission.MINIAPPS_EDIT)) return 'partner';
  if (permissions.includes(Permission.MODERATE)) return 'moderator';
  if (permissions.includes(Permission.CHATS_ADMIN)) return 'chat-admin';
  return permissions.includes(Permission.CHATS_SEND) ? 'operator' : 'chat-viewer';
}

/** The residents of the seed, then its staff. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...SEED_USERS.map((user): DemoAccount => ({ name: user.name, phone: user.phone, role: 'resident', ...(user.id === 'user-ivan' && { note: 'tester' }) })),
  ...SEED_STAFF.map((staff): DemoAccount => ({ name: staff.name, phone: staff.phone, role: 'staff', note: staffNote(staff.permissions) })),
];

/** What survives a reload of the code step: the number, the deadlines and the SMS on screen. */
interface SavedSignIn {
  phone: string;
  resendAt: number;
  sms?: OneTimeCodeMessage;
}

export const SIGN_IN_STORAGE_KEY = 'miniapps-demo-sign-in';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The demo host's sign-in: phone number, then the one-time code. There is no SMS in the demo, so
 * the code the backend "sent" is shown in a notice marked as an SMS. The code step survives a
 * reload (the number, the SMS and the resend deadline are kept for the tab), the resend button
 * counts down to when the backend takes a new request, and a code burnt by wrong attempts leaves
 * the screen.
 *
 * @fires demo-signed-in - `detail` is the backend's `SessionResponse` (keep its `sessionToken`).
 * @fires demo-sign-in-cancel - The user gave up.
 */
@customElement('demo-sign-in')
export class DemoSignIn extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 420px;
      color: var(--ma-color-text);
    }
    form {
      display: grid;
      gap: var(--ma-space-l, 16px);
    }
    h2 {
      margin: 0;
      font-size: var(--ma-font-size-title-2, 20px);
    }
    p {
      margin: 0;
      color: var(--ma-color-text-secondary);
    }
    .actions {
      display: flex;
      gap: var(--ma-space-s, 8px);
      flex-wrap: wrap;
    }
    .sms {
      border: 2px dashed var(--ma-color-brand);
      border-radius: var(--ma-radius-l, 12px);
      padding: var(--ma-space-s, 8px) var(--ma-space-m, 12px);
      background: var(--ma-color-brand-tint, var(--ma-color-surface-secondary));
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
      color: var(--ma-color-negative);
    }
    .error:empty {
      display: none;
    }
    .accounts {
      margin-top: var(--ma-space-xl, 24px);
    }
  `;

  /** The backend client the form talks to. */
  @property({ attribute: false }) client?: Pick<BackendClient, 'requestCode' | 'signIn'>;

  /** Where the demo backend posts its codes. */
  @property({ attribute: false }) smsInbox: DemoSmsInbox = demoSmsInbox;

  /** Where the code step is kept across a reload (the tab's session storage by default). */
  @property({ attribute: false }) storage: Storage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage;

  /** The demo accounts listed under the form (none: no list). */
  @property({ attribute: false }) accounts: readonly DemoAccount[] = DEMO_ACCOUNTS;

  /** The phone number to start with. */
  @property() phone = '';

  /** Shown in the heading: the app the user was opening, if any. */
  @property({ attribute: 'app-title' }) appTitle = '';

  @state() private step: 'phone' | 'code' = 'phone';
  @state() private code = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private sms: OneTimeCodeMessage | undefined;
  /** When the backend takes the next code request (epoch ms). */
  @state() private resendAt = 0;
  @state() private now = Date.now();
  #ticker: ReturnType<typeof setInterval> | undefined;

  private readonly onSms = (event: Event) => {
    const message = (event as DemoSmsEvent).detail;
    if (message.phone === this.phone) {
      this.sms = message;
      this.save();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.smsInbox.addEventListener(DEMO_SMS_EVENT, this.onSms);
    this.restore();
  }

  override disconnectedCallback(): void {
    this.smsInbox.removeEventListener(DEMO_SMS_EVENT, this.onSms);
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    super.disconnectedCallback();
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('step')) {
      // Each step is a new screen: focus its first field.
      void this.updateComplete.then(() => this.renderRoot.querySelector<MaInput>('ma-input')?.focus());
    }
  }

  private get t(): SignInTexts {
    return signInTexts[localeOf(this)];
  }

  /** Seconds until a new code may be requested (0: now). */
  private get waitSeconds(): number {
    return Math.max(0, Math.ceil((this.resendAt - this.now) / 1000));
  }

  protected override render() {
    return html`${this.step === 'phone' ? this.renderPhone() : this.renderCode()}${this.renderAccounts()}`;
  }

  private renderPhone() {
    const t = this.t;
    return html`
      <form part="form" @submit=${this.submitPhone} novalidate>
        <h2 id="title">${this.appTitle ? t.titleFor(this.appTitle) : t.title}</h2>
        <p>${t.intro}</p>
        <ma-input
          name="phone"
          type="tel"
          autocomplete="tel"
          inputmode="tel"
          label=${t.phone}
          helper-text=${t.phoneHint}
          placeholder="8 999 000-00-01"
          required
          .value=${this.phone}
          @input=${(event: Event) => (this.phone = (event.target as MaInput).value)}
        ></ma-input>
        <p class="error" role="alert" part="error">${this.error}</p>
        <div class="actions">
          <ma-button type="submit" data-action="get-code" ?loading=${this.busy}>${t.getCode}</ma-button>
          <ma-button mode="secondary" data-action="cancel" @click=${this.cancel}>${t.cancel}</ma-button>
        </div>
      </form>
    `;
  }

  private renderCode() {
    const t = this.t;
    const wait = this.waitSeconds;
    return html`
      <form part="form" @submit=${this.submitCode} novalidate>
        <h2 id="title">${t.enterCode}</h2>
        <p>${t.sentTo(this.phone)}</p>
        ${this.sms
          ? html`<section class="sms" part="sms" role="status" aria-label=${t.smsLabel}>
              <strong>${t.smsHeading}</strong>
              ${t.smsText} <span class="code">${this.sms.code}</span>
            </section>`
          : nothing}
        <ma-input
          name="code"
          autocomplete="one-time-code"
          inputmode="numeric"
          label=${t.code}
          maxlength="8"
          required
          .value=${this.code}
          @input=${(event: Event) => (this.code = (event.target as MaInput).value)}
        ></ma-input>
        <p class="error" role="alert" part="error">${this.error}</p>
        <div class="actions">
          <ma-button type="submit" data-action="sign-in" ?loading=${this.busy} ?disabled=${!this.sms && !this.code}>${t.signIn}</ma-button>
          <ma-button mode="secondary" data-action="resend" ?disabled=${this.busy || wait > 0} @click=${this.resend}>
            ${wait > 0 ? t.resendIn(wait) : t.resend}
          </ma-button>
          <ma-button mode="tertiary" data-action="change-phone" @click=${this.changePhone}>${t.changePhone}</ma-button>
        </div>
      </form>
    `;
  }

  private renderAccounts() {
    if (this.accounts.length === 0) return nothing;
    const t = this.t;
    const group = (role: DemoAccount['role'], header: string) => html`<ma-group header=${header} mode="plain">
      ${this.accounts.filter((account) => account.role === role).map(
        (account) => html`<ma-cell
          clickable
          data-account=${account.phone}
          subtitle=${account.note ? `${account.phone} · ${t.notes[account.note]}` : account.phone}
          @click=${() => this.useAccount(account)}
        >${account.name}</ma-cell>`,
      )}
    </ma-group>`;
    return html`<section class="accounts" aria-label=${t.accounts}>
      ${group('resident', t.residents)}${group('staff', t.staff)}
    </section>`;
  }

  private useAccount(account: DemoAccount): void {
    this.step = 'phone';
    this.phone = account.phone;
    this.error = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<MaInput>('ma-input[name=phone]')?.focus());
  }

  private async submitPhone(event: Event) {
    event.preventDefault();
    await this.requestCode(true);
  }

  private async submitCode(event: Event) {
    event.preventDefault();
    if (!/^\d{4,8}$/.test(this.code.trim())) {
      this.error = this.t.codeFormat;
      return;
    }
    await this.run(async (client) => {
      const session = await client.signIn(this.phone, this.code.trim());
      this.forget();
      this.dispatchEvent(new CustomEvent<SessionResponse>('demo-signed-in', { detail: session, bubbles: true, composed: true }));
    });
  }

  private async resend() {
    await this.requestCode(false);
  }

  private async requestCode(fromPhoneStep: boolean) {
    await this.run(async (client) => {
      try {
        const sent = await client.requestCode(this.phone);
        this.phone = sent.phone;
        this.sms = this.smsInbox.latest(sent.phone);
        this.resendAt = Date.parse(sent.resendAt);
        this.code = '';
        this.step = 'code';
        this.startTicker();
        this.save();
      } catch (error) {
        // A code sent a moment ago (a second tap, a reload) is still the one to type: go on to it.
        const retry = retryAfter(error);
        if (retry === undefined) throw error;
        this.resendAt = Date.now() + retry * 1000;
        this.startTicker();
        if (!fromPhoneStep) throw error;
        this.phone = normalisePhone(this.phone);
        this.sms = this.smsInbox.latest(this.phone);
        this.code = '';
        this.step = 'code';
        this.save();
      }
    });
  }

  private changePhone() {
    this.step = 'phone';
    this.error = '';
    this.code = '';
    this.sms = undefined;
    this.forget();
  }

  private cancel() {
    this.forget();
    this.dispatchEvent(new CustomEvent('demo-sign-in-cancel', { bubbles: true, composed: true }));
  }

  private startTicker(): void {
    this.now = Date.now();
    if (this.#ticker || !this.isConnected) return;
    this.#ticker = setInterval(() => {
      this.now = Date.now();
      if (this.waitSeconds === 0) {
        clearInterval(this.#ticker);
        this.#ticker = undefined;
      }
    }, 1000);
  }

  private save(): void {
    const saved: SavedSignIn = { phone: this.phone, resendAt: this.resendAt, ...(this.sms && { sms: this.sms }) };
    try {
      this.storage?.setItem(SIGN_IN_STORAGE_KEY, JSON.stringify(saved));
    } catch {
      // Not kept: a reload then starts at the phone step, which still works.
    }
  }

  private forget(): void {
    try {
      this.storage?.removeItem(SIGN_IN_STORAGE_KEY);
    } catch {
      // Nothing was kept.
    }
  }

  private restore(): void {
    let saved: Partial<SavedSignIn> | undefined;
    try {
      saved = JSON.parse(this.storage?.getItem(SIGN_IN_STORAGE_KEY) ?? 'null') ?? undefined;
    } catch {
      saved = undefined;
    }
    if (typeof saved?.phone !== 'string' || typeof saved.resendAt !== 'number') return;
    const sms = saved.sms;
    const live = sms && typeof sms.code === 'string' && sms.expiresAt > Date.now() ? sms : undefined;
    this.phone = saved.phone;
    this.resendAt = saved.resendAt;
    this.sms = live;
    this.step = 'code';
    this.startTicker();
  }

  private async run(task: (client: Pick<BackendClient, 'requestCode' | 'signIn'>) => Promise<void>) {
    if (!this.client) throw new Error('<demo-sign-in> needs a backend client');
    this.busy = true;
    this.error = '';
    try {
      await task(this.client);
    } catch (error) {
      this.error = this.messageOf(error);
      if (error instanceof BackendError && (error.code === 'TOO_MANY_ATTEMPTS' || error.code === 'CODE_EXPIRED' || error.code === 'NO_CODE')) {
        // The code on screen can no longer sign in: take it away, and let a new one be asked for now.
        this.sms = undefined;
        this.code = '';
        this.resendAt = Math.min(this.resendAt, Date.now());
        this.now = Date.now();
        this.save();
      }
    } finally {
      this.busy = false;
    }
  }

  private messageOf(error: unknown): string {
    const t = this.t;
    if (!(error instanceof BackendError)) return t.failed;
    const details = error.details as { issues?: { message: string }[]; attemptsLeft?: number; retryAfterSeconds?: number } | undefined;
    switch (error.code) {
      case 'INVALID_REQUEST':
        return t.phoneFormat(details?.issues?.[0]?.message ?? error.message);
      case 'UNKNOWN_PHONE':
        return t.unknownPhone;
      case 'WRONG_CODE':
        return t.wrongCode(details?.attemptsLeft ?? 0);
      case 'TOO_MANY_ATTEMPTS':
        return t.tooManyAttempts;
      case 'CODE_EXPIRED':
        return t.codeExpired;
      case 'NO_CODE':
        return t.noCode;
      case 'RATE_LIMITED':
        return t.rateLimited(details?.retryAfterSeconds ?? 0);
      default:
        return error.message;
    }
  }
}

function retryAfter(error: unknown): number | undefined {
  if (!(error instanceof BackendError) || error.code !== 'RATE_LIMITED') return undefined;
  const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
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
