import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { connect, MiniAppError, type LaunchParams, type MethodName, type MiniApp, type UserInfo } from '../../../src/sdk/index.ts';
import { readLaunch } from '../../../src/sdk/launch.ts';
import { applyTheme, installTokens } from '../../../ui-kit/tokens/index.ts';
import '../../../ui-kit/components/group/group.ts';
import '../../../ui-kit/components/cell/cell.ts';
import '../../../ui-kit/components/button/button.ts';
import '../../../ui-kit/components/placeholder/placeholder.ts';
import '../../../ui-kit/components/avatar/avatar.ts';

installTokens();
// Paint in the host's theme and language before the handshake ends: no flash.
const early = readLaunch();
if (early) {
  applyTheme(early.theme);
  document.documentElement.lang = early.locale;
}

/** The host features this app tries, each shown when the host grants it. */
const HOST_FEATURES: Array<[MethodName, string, (app: MiniApp) => Promise<unknown>]> = [
  ['popup.show', 'Ask with a popup', (app) => app.popup.show({ title: 'A question', message: 'Which one?', buttons: [{ id: 'no', text: 'No', type: 'cancel' }, { id: 'later', text: 'Later' }, { id: 'yes', text: 'Yes' }] })],
  ['popup.prompt', 'Ask for a name', (app) => app.popup.prompt({ message: 'What should we call you?', placeholder: 'Your name', maxLength: 40 })],
  ['user.requestPhone', 'Ask for the phone number', (app) => app.user.requestPhone()],
  ['share.share', 'Share a link', (app) => app.share({ text: 'A mini-app worth a look', url: 'https://example.com/' })],
  ['clipboard.write', 'Copy the launch id', (app) => app.clipboard.write(app.launch.launchId)],
  ['haptics.impact', 'Haptic tap', (app) => app.haptics.impact('medium')],
  ['navigation.openLink', 'Open an external link', (app) => app.navigation.openLink('https://example.com/')],
  ['navigation.open', 'Open the events screen', (app) => app.navigation.open({ screen: 'events' })],
];

/** The demo's sample mini-app: shows what the host passed at launch and, if granted, the user. */
@customElement('launch-inspector')
export class LaunchInspector extends LitElement {
  static override styles = css`
    :host { display: block; padding-bottom: var(--ma-space-xl); color: var(--ma-color-text); }
    .actions { display: flex; flex-direction: column; gap: var(--ma-space-s); padding: var(--ma-space-l); }
    code { font-size: 12px; word-break: break-all; }
    .error { color: var(--ma-color-negative); }
    h1 { margin: 0; padding: var(--ma-space-l) var(--ma-space-l) 0; font-size: var(--ma-font-size-title-2, 22px); }
  `;

  @state() private app: MiniApp | undefined;
  @state() private launch: LaunchParams | undefined = early;
  @state() private user: UserInfo | undefined;
  @state() private error = '';
  @state() private events: string[] = [];
  @state() private loading = false;
  @state() private answer = '';

  /** Runs one host feature and shows what it answered (or how it was refused). */
  private async ask(method: string, run: () => Promise<unknown>): Promise<void> {
    try {
      const value = await run();
      this.answer = `${method} → ${value === undefined ? 'done' : JSON.stringify(value)}`;
    } catch (error) {
      this.answer = error instanceof MiniAppError ? `${method} → ${error.code}: ${error.message}` : String(error);
    }
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    try {
      const app = await connect();
      this.app = app;
      this.launch = app.launch;
      app.on('theme', (theme) => applyTheme(theme));
      for (const name of ['shown', 'hidden', 'closing', 'viewport'] as const) {
        app.on(name, (data) => (this.events = [...this.events.slice(-4), `${name} ${data ? JSON.stringify(data) : ''}`]));
      }
      await this.updateComplete;
      await app.ready();
    } catch (error) {
      this.error = error instanceof MiniAppError ? `${error.code}: ${error.message}` : String(error);
    }
  }

  private async getUser(): Promise<void> {
    this.loading = true;
    this.error = '';
    try {
      this.user = await this.app!.user.get();
    } catch (error) {
      this.error = error instanceof MiniAppError ? `${error.code}: ${error.message}` : String(error);
    } finally {
      this.loading = false;
    }
  }

  override render() {
    if (!this.launch) {
      return html`<ma-placeholder heading="Open me from the super-app">
        This page is a mini-app; it runs inside a host. ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      </ma-placeholder>`;
    }
    const launch = this.launch;
    return html`
      <h1>Launch inspector</h1>
      <ma-group header="Launch" footer=${this.app ? `Connected to the host, protocol ${this.app.hostVersion}` : 'Connecting…'}>
        <ma-cell subtitle="route">${launch.route}</ma-cell>
        <ma-cell subtitle="anchor">${launch.anchor || '—'}</ma-cell>
        <ma-cell subtitle="theme · locale · platform">${launch.theme.scheme} · ${launch.locale} · ${launch.platform}</ma-cell>
        <ma-cell subtitle="app id">${launch.appId}</ma-cell>
        <ma-cell subtitle="launch id"><code>${launch.launchId}</code></ma-cell>
        <ma-cell subtitle="capabilities">${this.app ? this.app.capabilities.join(', ') || 'none' : '…'}${this.app?.reloaded ? ' (reloaded)' : ''}</ma-cell>
      </ma-group>
      ${this.user
        ? html`<ma-group header="User">
            <ma-cell subtitle=${this.user.profile.phone}>
              <ma-avatar slot="before" name=${this.user.profile.name}></ma-avatar>${this.user.profile.name}
            </ma-cell>
            ${this.user.profile.premises ? html`<ma-cell subtitle="premises">${this.user.profile.premises.title}</ma-cell>` : nothing}
            ${this.user.profile.object ? html`<ma-cell subtitle="building">${this.user.profile.object.title}</ma-cell>` : nothing}
            <ma-cell subtitle="launch token (verify it on your backend)" multiline><code>${this.user.launchToken}</code></ma-cell>
          </ma-group>`
        : nothing}
      ${this.events.length ? html`<ma-group header="Host events">${this.events.map((event) => html`<ma-cell>${event}</ma-cell>`)}</ma-group>` : nothing}
      ${this.error ? html`<ma-group><ma-cell multiline><span class="error">${this.error}</span></ma-cell></ma-group>` : nothing}
      ${this.answer ? html`<ma-group header="Last answer"><ma-cell multiline>${this.answer}</ma-cell></ma-group>` : nothing}
      <div class="actions">
        <ma-button stretched ?loading=${this.loading} ?disabled=${!this.app} @click=${this.getUser}>Get the user</ma-button>
        ${HOST_FEATURES.filter(([method]) => this.app?.supports(method)).map(
          ([method, label, run]) => html`<ma-button stretched mode="secondary" @click=${() => this.ask(method, () => run(this.app!))}>${label}</ma-button>`,
        )}
        <ma-button stretched mode="secondary" ?disabled=${!this.app} @click=${() => this.app!.close('done')}>Close</ma-button>
      </div>
    `;
  }
}
