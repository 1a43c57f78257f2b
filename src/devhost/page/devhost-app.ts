import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CallLog, MiniAppHost, type LaunchError } from '../../host/index.ts';
import type { LaunchTheme } from '../../protocol/index.ts';
import { setColorScheme } from '../../../ui-kit/tokens/index.ts';
import type { DevHostConfig } from '../config.ts';
import './devhost-controls.ts';
import { withFailures } from './failures.ts';
import { devHostHandlers } from './host-handlers.ts';
import './integration-log.ts';
import { defaultSettings, RELAUNCH_ON, type DevSettings } from './settings.ts';

type LaunchState = 'loading' | 'ready' | 'error' | 'closed';

/** How long an app on a dev server (which may compile on first load) has to call `ready()`. */
const READY_TIMEOUT_MS = 30_000;

/**
 * `miniapps dev`'s page: the author's app in a host on this origin, the switches beside it and
 * the integration log. Every launch uses the settings of the moment; a change the app can only
 * learn at launch relaunches it, theme and viewport changes reach the running app as events.
 */
@customElement('devhost-app')
export class DevHostApp extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template: auto 1fr / 300px 1fr 380px; height: 100vh; color: var(--ma-color-text); background: var(--ma-color-surface-secondary);
      font-family: var(--ma-font-family, system-ui, sans-serif); }
    .bar { grid-column: 1 / -1; display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: var(--ma-color-background);
      border-bottom: 1px solid var(--ma-color-separator); font-size: 13px; min-width: 0; }
    .bar strong { font-size: 15px; }
    .bar .app { color: var(--ma-color-text-secondary); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; }
    .bar a { color: var(--ma-color-link, var(--ma-color-brand)); }
    .state { font-weight: 600; padding: 2px 8px; border-radius: 999px; background: var(--ma-color-surface); }
    .state.ready { color: var(--ma-color-positive); }
    .state.error { color: var(--ma-color-negative); }
    button { font: inherit; min-height: 32px; padding: 0 12px; border-radius: 8px; border: 0; background: var(--ma-color-brand); color: var(--ma-color-on-brand, #fff);
      font-weight: 600; cursor: pointer; }
    button:focus-visible { outline: 2px solid var(--ma-color-text); outline-offset: 2px; }
    aside { overflow: auto; background: var(--ma-color-background); min-height: 0; }
    aside.log { display: flex; flex-direction: column; border-left: 1px solid var(--ma-color-separator); }
    aside.controls { border-right: 1px solid var(--ma-color-separator); }
    devhost-log { flex: 1; }
    main { overflow: auto; display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 16px; min-width: 0; min-height: 0; position: relative; }
    .size { font-size: 12px; color: var(--ma-color-text-secondary); }
    .device { position: relative; flex: none; background: var(--ma-color-background); border-radius: 20px; overflow: hidden; box-shadow: var(--ma-shadow-3, 0 4px 24px #0003); }
    .inset { position: absolute; pointer-events: none; z-index: 1;
      background: repeating-linear-gradient(45deg, #0000 0 6px, color-mix(in srgb, var(--ma-color-text) 14%, transparent) 6px 12px); }
    .overlay { position: absolute; inset: 0; z-index: 2; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 12px;
      padding: 24px; text-align: center; background: var(--ma-color-background); }
    .overlay h2 { margin: 0; font-size: 17px; }
    .overlay p { margin: 0; color: var(--ma-color-text-secondary); max-width: 30em; overflow-wrap: anywhere; }
    .notices { position: absolute; right: 16px; bottom: 16px; display: grid; gap: 6px; max-width: 320px; z-index: 3; }
    .notice { padding: 8px 12px; border-radius: 10px; background: var(--ma-color-text); color: var(--ma-color-background); font-size: 13px; box-shadow: var(--ma-shadow-2, 0 2px 8px #0003); }
  `;

  @property({ attribute: false }) config: DevHostConfig | undefined;
  @state() private settings: DevSettings | undefined;
  @state() private launchState: LaunchState = 'loading';
  @state() private launchError: LaunchError | undefined;
  @state() private notices: ReadonlyArray<{ id: number; text: string }> = [];
  @query('.frame') private frameBox!: HTMLDivElement;
  /** One log for every launch of the session, so a relaunch keeps the history. */
  readonly callLog = new CallLog();
  #host: MiniAppHost | undefined;
  #noticeSeq = 0;

  /** The running launch (for tests and the console). */
  get host(): MiniAppHost | undefined {
    return this.#host;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('config') && this.config && !this.settings) {
      this.settings = defaultSettings(this.config, matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
      setColorScheme(this.settings.scheme);
    }
  }

  override updated(): void {
    // The first render with settings has drawn the frame's box: the app opens in it.
    if (this.settings && !this.#host) this.launch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#host?.close('removed');
  }

  /** Closes the running app (if any) and opens it again with the current settings and a new launch id. */
  launch(): void {
    const { config, settings } = this;
    if (!config || !settings) return;
    const previous = this.#host;
    // The old app gets its closing grace out of sight, and out of the new frame's way.
    if (previous?.iframe) previous.iframe.style.display = 'none';
    void previous?.close('relaunch');
    this.launchError = undefined;
    this.launchState = 'loading';
    const session = {
      config,
      userId: settings.userId,
      premisesId: settings.premisesId,
      locale: settings.locale,
      notify: (text: string) => this.#notify(text),
    };
    const host = new MiniAppHost({
      app: { id: config.app.id, name: config.app.name, url: config.app.url, capabilities: [...settings.capabilities] },
      container: this.frameBox,
      handlers: withFailures(devHostHandlers(session), () => this.settings!.failures),
      callLog: this.callLog,
      theme: this.#theme(),
      locale: settings.locale,
      platform: settings.platform,
      insets: { ...settings.insets },
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    this.#host = host;
    const mine = (listener: (event: Event) => void) => (event: Event) => this.#host === host && listener(event);
    host.addEventListener('ready', mine(() => (this.launchState = 'ready')));
    host.addEventListener('error', mine((event) => {
      this.launchError = (event as CustomEvent<LaunchError>).detail;
      this.launchState = 'error';
    }));
    host.addEventListener('close-request', mine(() => this.#notify('The app asked to close: the dev host keeps it open (Relaunch to start over)')));
    host.addEventListener('close-request', (event) => event.preventDefault());
    host.addEventListener('closed', mine(() => (this.launchState = 'closed')));
    host.addEventListener('reload', mine(() => this.#notify('The app reloaded itself: same launch, new port')));
    host.open();
  }

  #theme(): LaunchTheme {
    const { scheme, brand } = this.settings!;
    return brand ? { scheme, colors: { brand } } : { scheme };
  }

  #apply(changes: Partial<DevSettings>): void {
    const previous = this.settings!;
    const next = { ...previous, ...changes };
    this.settings = next;
    if (next.scheme !== previous.scheme) setColorScheme(next.scheme);
    if (RELAUNCH_ON.some((key) => key in changes && JSON.stringify(changes[key]) !== JSON.stringify(previous[key]))) {
      // The frame box takes its new size first, so the launch measures it.
      this.launchState = 'loading';
      void this.updateComplete.then(() => this.launch());
    } else if (next.scheme !== previous.scheme || next.brand !== previous.brand) {
      this.#host?.setTheme(this.#theme());
    }
  }

  #notify(text: string): void {
    const id = ++this.#noticeSeq;
    this.notices = [...this.notices.slice(-3), { id, text }];
    setTimeout(() => (this.notices = this.notices.filter((notice) => notice.id !== id)), 6000);
  }

  override render() {
    const { config, settings } = this;
    if (!config || !settings) return nothing;
    const { width, height } = settings.viewport;
    const { insets } = settings;
    return html`
      <div class="bar">
        <strong>miniapps dev</strong>
        <span class="app" title=${config.app.url}>${config.app.name} · ${config.app.url}</span>
        <span class="state ${this.launchState}" role="status">${this.launchState}</span>
        <a href=${config.jwksUrl} target="_blank" rel="noopener">JWKS</a>
        <button type="button" class="relaunch" @click=${() => this.launch()}>Relaunch</button>
      </div>
      <aside class="controls" aria-label="Host settings">
        <devhost-controls .config=${config} .settings=${settings} @devhost-change=${(event: CustomEvent<Partial<DevSettings>>) => this.#apply(event.detail)}></devhost-controls>
      </aside>
      <main>
        <span class="size">${width} × ${height} · ${settings.platform} · ${settings.locale} · ${settings.scheme}</span>
        <div class="device" style="width:${width}px;height:${height}px">
          <div class="frame" style="position:absolute;inset:0"></div>
          ${insets.top ? html`<div class="inset" style="left:0;right:0;top:0;height:${insets.top}px"></div>` : nothing}
          ${insets.bottom ? html`<div class="inset" style="left:0;right:0;bottom:0;height:${insets.bottom}px"></div>` : nothing}
          ${insets.left ? html`<div class="inset" style="top:0;bottom:0;left:0;width:${insets.left}px"></div>` : nothing}
          ${insets.right ? html`<div class="inset" style="top:0;bottom:0;right:0;width:${insets.right}px"></div>` : nothing}
          ${this.launchState === 'error'
            ? html`<div class="overlay" role="alert" data-code=${this.launchError?.code ?? ''}>
                <h2>Could not open the app</h2>
                <p>${this.launchError?.code}: ${this.launchError?.message}</p>
                <p>Is its dev server running at ${config.app.url}?</p>
                <button type="button" @click=${() => this.launch()}>Retry</button>
              </div>`
            : nothing}
        </div>
        <div class="notices" aria-live="polite">${this.notices.map((notice) => html`<div class="notice">${notice.text}</div>`)}</div>
      </main>
      <aside class="log"><devhost-log .log=${this.callLog}></devhost-log></aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'devhost-app': DevHostApp;
  }
}
