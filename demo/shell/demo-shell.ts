import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { BackendClient, BackendClientOptions } from '../../src/backend/client.ts';
import type { ChatOutboxStorage } from '../../src/backend/chat-outbox.ts';
import type { MeResponse, OfferResponse } from '../../src/backend/contract.ts';
import { CallLog, createNavigationHandlers, createStorageHandlers, createUserHandlers, hostDialogHandlers, type MethodHandlers } from '../../src/host/index.ts';
import { runLaunchGates } from '../../src/host/gates.ts';
import { createPaymentHandlers } from '../../src/host/payments.ts';
import { simulatedBank } from '../../src/host/simulated-bank.ts';
import { createPushHandlers } from '../../src/host/push.ts';
import { createPushCenter, type PushCenter, type ReceivedPush } from '../../src/host/push-center.ts';
import type { PushOpen } from '../../src/protocol/index.ts';
import '../../src/host/miniapp-frame.ts';
import type { MiniAppFrameElement } from '../../src/host/miniapp-frame.ts';
import { iconBell, iconHome, iconGrid, iconSettings, iconStore, iconStar } from '../../ui-kit/icons/icons.ts';
import './kit.ts';
import type { MaActionSheet } from '../../ui-kit/components/action-sheet/action-sheet.ts';
import type { MaBottomSheet } from '../../ui-kit/components/bottom-sheet/bottom-sheet.ts';
import type { SessionHolder } from '../backend/session.ts';
import { demoApps, type DemoApp } from '../apps/catalog.ts';
import { renderAbout, renderAppChrome, shareLink, type AboutState } from './app-chrome.ts';
import { BridgeLogStore } from './bridge-log.ts';
import { createShellChatHandlers, isChatPush } from './chat.ts';
import './call-log-panel.ts';
import { focusScreen } from './focus.ts';
import { appLink, ShellHistory, screenLink } from './navigation.ts';
import './offer-dialog.ts';
import type { DemoOfferDialog } from './offer-dialog.ts';
import { ShellPreferences } from './preferences.ts';
import { openableApps } from './resident-widgets.ts';
import { findPage, pageLayout, rolesOf, SHELL_PAGES, TABS, type PageContext, type ShellPage, type ShellRole, type ShellServices } from './routes.ts';
import { shellStyles } from './shell.styles.ts';
import './sign-in.ts';
import { translator, type Translate } from './texts.ts';

type Gate = 'checking' | 'sign-in' | 'offer';

const TAB_ICONS = { main: iconHome, home: iconStar, showcase: iconStore, services: iconGrid } as const;

/**
 * The demo super-app: a router over the page registry (routes.ts) with the tab bar, the host's
 * header and the mini-app chrome, the launch gates (sign-in, offer) before a mini-app opens, the
 * push centre and the bridge log. Focus moves to each new screen, and back to the row that opened
 * an app when the resident comes back from it.
 */
@customElement('demo-shell')
export class DemoShell extends LitElement implements ShellServices {
  static override styles = shellStyles;

  @property({ attribute: false }) client: BackendClient | undefined;
  @property({ attribute: false }) session: SessionHolder | undefined;
  @property() startupError = '';
  /** The mini-apps the shell can open (widgets place them on the tab screens). */
  @property({ attribute: false }) apps: DemoApp[] = demoApps;
  @property({ attribute: false }) preferences = new ShellPreferences();
  /** The page registry; staff pages join it as entries. */
  @property({ attribute: false }) pages: ShellPage[] = SHELL_PAGES;
  @property({ attribute: false }) log = new BridgeLogStore();
  /** The backend's API as `client` uses it, for the chat's client sessions; no chat without it. */
  @property({ attribute: false }) chatApi: BackendClientOptions | undefined;
  /** Where the chat's unsent messages wait (IndexedDB by default). */
  @property({ attribute: false }) chatOutbox: ChatOutboxStorage | undefined;

  @state() private hash = location.hash;
  @state() me: MeResponse | undefined;
  @state() pushes: readonly ReceivedPush[] = [];
  @state() private gate: Gate | undefined;
  @state() private launched: DemoApp | undefined;
  @state() private launchError = '';
  @state() private notice = '';
  @state() private toast = '';
  @state() private about: AboutState | undefined;
  @state() private loadedPages = new Set<string>();

  readonly callLog = new CallLog();
  #handlers: MethodHandlers = {};
  #pushCenter: PushCenter | undefined;
  #launchPush: PushOpen | undefined;
  /** The app whose chat a tapped chat push asked for, opened once that app is ready. */
  #pendingChat: string | undefined;
  #answerSignIn: ((signedIn: boolean) => void) | undefined;
  #navigation = 0;
  #history: ShellHistory | undefined;
  /** The hash a notice belongs to: it stays there, and goes on the next navigation. */
  #noticeHash = '';
  /** Per screen (hash), the row that opened an app from it. */
  readonly #openers = new Map<string, string>();
  #focusPending = false;
  #firstWidgetMarked = false;

  constructor() {
    super();
    this.log.attach(this.callLog);
  }

  // ShellServices -------------------------------------------------------------------------------

  get openable(): DemoApp[] {
    return openableApps(this.apps);
  }

  get roles(): readonly ShellRole[] {
    return rolesOf(this.pages);
  }

  go(hash: string): void {
    this.#history?.push(hash);
  }

  openApp(app: DemoApp, options: { route?: string; anchor?: string; opener?: string } = {}): void {
    if (options.opener) this.#openers.set(this.hash || '#/', options.opener);
    this.go(appLink(app.id, options.route, options.anchor));
  }

  openPush(push: ReceivedPush): void {
    void this.#pushCenter?.open(push.appId, push.id);
  }

  clearPushes(): void {
    this.#pushCenter?.clear();
  }

  signOut(): void {
    void this.#signOut();
  }

  showLog(): void {
    void this.renderRoot.querySelector<MaBottomSheet>('ma-bottom-sheet.log')?.show();
  }

  notify(text: string): void {
    this.toast = '';
    void this.updateComplete.then(() => (this.toast = text));
  }

  // Lifecycle ------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#history = new ShellHistory();
    this.hash = location.hash;
    this.preferences.apply();
    this.preferences.addEventListener('change', this.#onPreferences);
    addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHashChange);
    this.preferences.removeEventListener('change', this.#onPreferences);
    this.#pushCenter?.close();
    this.#pushCenter = undefined;
    this.#answerSignIn?.(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') && this.client) {
      this.#handlers = this.#hostHandlers(this.client);
      void this.#refreshUser().then(() => this.#follow());
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('launched') && this.launched) this.#frame()?.open();
    if (!this.#firstWidgetMarked && this.renderRoot.querySelector('[data-widgets] ma-cell[data-opener]')) {
      this.#firstWidgetMarked = true;
      performance.mark('demo:first-widget');
    }
    if (this.#focusPending) {
      this.#focusPending = false;
      const opener = this.#openers.get(this.hash || '#/');
      this.#openers.delete(this.hash || '#/');
      void focusScreen(this.renderRoot as ShadowRoot, opener);
    }
  }

  readonly #onHashChange = () => {
    this.#history?.observe();
    this.hash = location.hash;
    void this.#follow();
  };

  readonly #onPreferences = () => {
    this.preferences.apply();
    this.#frame()?.host?.setTheme({ scheme: this.preferences.scheme });
    this.requestUpdate();
  };

  #frame(): MiniAppFrameElement | null {
    return this.renderRoot.querySelector<MiniAppFrameElement>('miniapp-frame');
  }

  /** Everything the demo host serves its mini-apps: the backend's methods and its own dialogs. */
  #hostHandlers(client: BackendClient): MethodHandlers {
    return {
      ...hostDialogHandlers({ phone: () => this.me?.user.phone ?? '' }),
      ...createUserHandlers(client),
      ...createStorageHandlers(client),
      ...createPushHandlers({ client }),
      ...createPaymentHandlers({ client, acquirer: simulatedBank({ client }) }),
      ...createNavigationHandlers({ openScreen: (link) => this.go(screenLink(link.screen, link.id)) }),
      ...createShellChatHandlers({
        api: () => this.chatApi,
        signedIn: () => this.me !== undefined,
        locale: () => this.preferences.locale,
        go: (hash) => this.go(hash),
        ...(this.chatOutbox && { outbox: this.chatOutbox }),
      }),
    };
  }

  /** A staff message's push: the app opens (if it is not open), then its chat. */
  #openChatOf(appId: string): void {
    const host = this.#frame()?.host;
    if (this.launched?.id === appId && (host?.state === 'connected' || host?.state === 'ready')) return void this.#openChat(appId);
    this.#pendingChat = appId;
    if (this.launched?.id !== appId) this.go(appLink(appId));
  }

  async #openChat(appId: string): Promise<void> {
    this.#pendingChat = undefined;
    try {
      await this.#frame()?.host?.openChat();
    } catch (error) {
      // Already on screen is what the user asked for; anything else is said.
      if ((error as { code?: string }).code === 'RATE_LIMITED') return;
      const name = this.openable.find((app) => app.id === appId)?.name ?? appId;
      this.notify(this.#t('chatFailed', { name, error: String((error as Error)?.message ?? error) }));
    }
  }

  /** Pushes reach this page over the live channel while someone is signed in. */
  #listenForPushes(): void {
    if (!this.client || !this.me) {
      this.#pushCenter?.close();
      this.#pushCenter = undefined;
      this.pushes = [];
      return;
    }
    if (this.#pushCenter) return;
    this.#pushCenter = createPushCenter({
      client: this.client,
      locale: this.preferences.locale,
      appName: (appId) => this.openable.find((app) => app.id === appId)?.name,
      openApp: (appId, target) => {
        if (isChatPush(target)) return this.#openChatOf(appId);
        if (this.launched?.id === appId && this.#frame()?.host?.deliverPush(target.push)) return;
        this.#launchPush = target.push;
        this.go(appLink(appId, target.route ?? '/', target.anchor ?? ''));
      },
    });
    this.#pushCenter.subscribe((pushes) => (this.pushes = pushes));
  }

  async #refreshUser(): Promise<void> {
    this.me = this.session?.get() ? await this.client!.me().catch(() => undefined) : undefined;
    this.#listenForPushes();
  }

  /** Follows the hash: loads the page's code, and for a mini-app runs the gates, then opens its frame. */
  async #follow(): Promise<void> {
    this.#answerSignIn?.(false);
    this.renderRoot.querySelector<DemoOfferDialog>('demo-offer-dialog')?.close();
    const ticket = ++this.#navigation;
    this.launched = undefined;
    this.launchError = '';
    this.gate = undefined;
    this.about = undefined;
    if (this.notice && this.hash !== this.#noticeHash) this.notice = '';
    this.#focusPending = true;
    this.requestUpdate();
    const match = findPage(this.hash, this.pages);
    if (match?.page.id !== 'app' || match.params.appId !== this.#pendingChat) this.#pendingChat = undefined;
    if (match?.page.load && !this.loadedPages.has(match.page.id)) {
      await match.page.load();
      this.loadedPages = new Set([...this.loadedPages, match.page.id]);
    }
    if (match?.page.id !== 'app' || !this.client) return;
    const appId = match.params.appId!;
    const app = this.openable.find((candidate) => candidate.id === appId);
    if (!app) {
      this.notice = this.#t('unknownApp', { id: appId });
      this.#noticeHash = screenLink('main');
      this.#history?.replace(this.#noticeHash);
      return;
    }
    const route = match.query.get('route') ?? '/';
    this.gate = 'checking';
    this.log.launch(app.id, 'launch', { route });
    const result = await runLaunchGates({
      appId: app.id,
      route,
      client: this.client,
      ui: {
        signIn: () => {
          this.gate = 'sign-in';
          this.#focusPending = true;
          this.requestUpdate();
          return new Promise<boolean>((resolve) => (this.#answerSignIn = resolve));
        },
        showOffer: async (offer) => {
          this.gate = 'offer';
          await this.updateComplete;
          return this.renderRoot.querySelector<DemoOfferDialog>('demo-offer-dialog')!.show(offer);
        },
      },
    });
    if (ticket !== this.#navigation) return;
    this.gate = undefined;
    this.#answerSignIn = undefined;
    await this.#refreshUser();
    this.#focusPending = true;
    this.requestUpdate();
    if (result.status === 'ok') this.launched = app;
    else if (result.status === 'declined' || result.status === 'signed-out') this.#goBack(match.page, this.#context());
    else {
      const message = String((result.error as Error)?.message ?? result.error);
      this.launchError = this.#t('openFailed', { name: app.name, error: message });
      this.log.launch(app.id, 'error', { code: result.step === 'offer' ? 'OFFER' : 'SIGN_IN', message });
    }
  }

  #goBack(page: ShellPage | undefined, ctx: PageContext): void {
    this.#history?.back(page?.parent?.(ctx) ?? screenLink('main'));
  }

  async #signOut(): Promise<void> {
    await this.client?.signOut().catch(() => undefined);
    this.session?.clear();
    this.me = undefined;
    this.#listenForPushes();
    this.go(screenLink('main'));
  }

  /** The header's back button goes to the app first; it leaves the app unless the app went back itself. */
  async #backInApp(page: ShellPage, ctx: PageContext): Promise<void> {
    const host = this.#frame()?.host;
    if (!host || (host.state !== 'connected' && host.state !== 'ready')) return this.#goBack(page, ctx);
    if (!(await host.back())) this.#goBack(page, ctx);
  }

  async #closeApp(page: ShellPage, ctx: PageContext): Promise<void> {
    const frame = this.#frame();
    if (frame?.host) await frame.close('user');
    else this.#goBack(page, ctx);
  }

  async #menu(app: DemoApp, ctx: PageContext): Promise<void> {
    const sheet = this.renderRoot.querySelector<MaActionSheet>('ma-action-sheet.app-menu');
    const action = await sheet?.show();
    if (action === 'reload') {
      this.log.launch(app.id, 'reload');
      this.#frame()?.retry();
    } else if (action === 'share') {
      const url = `${location.origin}${location.pathname}${appLink(app.id, ctx.query.get('route') ?? '/', ctx.query.get('anchor') ?? '')}`;
      const outcome = await shareLink(app.name, url);
      if (outcome !== 'shared') this.notify(this.#t(outcome === 'copied' ? 'linkCopied' : 'linkShown', { url }));
    } else if (action === 'about') {
      this.about = { app, offer: undefined };
      void this.updateComplete.then(() => this.renderRoot.querySelector<MaBottomSheet>('ma-modal-page.about')?.show());
      this.client?.getOffer(app.id).then(
        (offer: OfferResponse) => this.about?.app === app && (this.about = { app, offer }),
        (error: unknown) => this.about?.app === app && (this.about = { app, offer: String((error as Error)?.message ?? error) }),
      );
    } else if (action === 'log') {
      this.showLog();
    }
  }

  #t: Translate = (key, values) => translator(this.preferences.locale)(key, values);

  #context(): PageContext {
    const match = findPage(this.hash, this.pages);
    return {
      t: translator(this.preferences.locale),
      locale: this.preferences.locale,
      params: match?.params ?? {},
      query: match?.query ?? new URLSearchParams(),
      path: match?.path ?? '/',
      shell: this.#services(),
    };
  }

  /** The services object handed to pages (this element, with the openable apps). */
  #services(): ShellServices {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const shell = this;
    return {
      get me() { return shell.me; },
      get apps() { return shell.openable; },
      get pushes() { return shell.pushes; },
      get preferences() { return shell.preferences; },
      get roles() { return shell.roles; },
      go: (hash) => shell.go(hash),
      openApp: (app, options) => shell.openApp(app, options),
      openPush: (push) => shell.openPush(push),
      clearPushes: () => shell.clearPushes(),
      signOut: () => shell.signOut(),
      showLog: () => shell.showLog(),
      notify: (text) => shell.notify(text),
      renderAppScreen: (ctx) => shell.renderAppScreen(ctx),
      renderSignIn: (ctx) => shell.renderSignIn(ctx),
    };
  }

  // Rendering -----------------------------------------------------------------------------------

  renderSignIn(ctx: PageContext, appName = ''): TemplateResult {
    return html`<div class="padded">
      <demo-sign-in
        .client=${this.client}
        app-title=${appName}
        @demo-signed-in=${async (event: CustomEvent<{ sessionToken: string }>) => {
          this.session!.set(event.detail.sessionToken);
          if (this.#answerSignIn) return this.#answerSignIn(true);
          await this.#refreshUser();
          this.#goBack(findPage(this.hash, this.pages)?.page, ctx);
        }}
        @demo-sign-in-cancel=${() => (this.#answerSignIn ? this.#answerSignIn(false) : this.#goBack(findPage(this.hash, this.pages)?.page, ctx))}
      ></demo-sign-in>
    </div>`;
  }

  renderAppScreen(ctx: PageContext): TemplateResult {
    const app = this.openable.find((candidate) => candidate.id === ctx.params.appId);
    if (!app) return html`<div class="center"><ma-spinner></ma-spinner></div>`;
    if (this.gate === 'sign-in') return this.renderSignIn(ctx, app.name);
    const page = findPage(this.hash, this.pages)!.page;
    const push = this.#launchPush;
    if (this.launched) this.#launchPush = undefined;
    return html`
      ${this.launchError
        ? html`<ma-placeholder class="launch-error" heading=${app.name} stretched>
            <span role="alert">${this.launchError}</span>
            <ma-button slot="action" data-action="retry" @click=${() => void this.#follow()}>${ctx.t('reload')}</ma-button>
          </ma-placeholder>`
        : nothing}
      ${this.launched
        ? html`<miniapp-frame
            .app=${this.launched}
            .push=${push}
            .handlers=${this.#handlers}
            .callLog=${this.callLog}
            .route=${ctx.query.get('route') ?? '/'}
            .anchor=${ctx.query.get('anchor') ?? ''}
            .theme=${{ scheme: this.preferences.scheme }}
            @miniapp-ready=${() => {
              this.log.launch(app.id, 'ready');
              if (this.#pendingChat === app.id) void this.#openChat(app.id);
            }}
            @miniapp-error=${(event: CustomEvent<{ code: string; message: string }>) => this.log.launch(app.id, 'error', event.detail)}
            @miniapp-close-request=${() => this.#goBack(page, ctx)}
            @miniapp-closed=${(event: CustomEvent<{ reason: string }>) => event.detail.reason === 'user' && this.#goBack(page, ctx)}
          ></miniapp-frame>`
        : !this.launchError
          ? html`<div class="center" role="status"><ma-spinner></ma-spinner><span>${ctx.t('opening', { name: app.name })}</span></div>`
          : nothing}
      <demo-offer-dialog app-name=${app.name}></demo-offer-dialog>
      <ma-action-sheet
        class="app-menu"
        text=${ctx.t('moreAbout', { name: app.name })}
        cancel-label=${ctx.t('close')}
        .actions=${[
          { value: 'reload', label: ctx.t('reload'), disabled: !this.launched },
          { value: 'share', label: ctx.t('share') },
          { value: 'about', label: ctx.t('about') },
          { value: 'log', label: ctx.t('bridgeLog') },
        ]}
      ></ma-action-sheet>
      ${renderAbout(ctx, this.about)}
    `;
  }

  #header(page: ShellPage | undefined, ctx: PageContext): TemplateResult {
    if (!page) return html`<ma-header heading=${ctx.t('notFound')} back @ma-back=${() => this.#goBack(undefined, ctx)}></ma-header>`;
    if (page.chrome === 'app') {
      const app = this.openable.find((candidate) => candidate.id === ctx.params.appId);
      if (this.gate === 'sign-in') {
        return html`<ma-header heading=${ctx.t('signIn')} back @ma-back=${() => this.#answerSignIn?.(false)}></ma-header>`;
      }
      if (app) {
        return renderAppChrome(ctx, app, {
          back: () => void this.#backInApp(page, ctx),
          close: () => void this.#closeApp(page, ctx),
          menu: () => void this.#menu(app, ctx),
        });
      }
    }
    const unread = this.pushes.filter((push) => !push.read).length;
    return html`<ma-header heading=${page.title(ctx)} ?back=${!page.tab} @ma-back=${() => this.#goBack(page, ctx)}>
      ${page.tab
        ? html`<span slot="after" class="header-actions">
            <ma-icon-button icon=${iconBell} label=${unread ? `${ctx.t('notifications')} (${unread} ${ctx.t('unread')})` : ctx.t('notifications')} @click=${() => this.go('#/notifications')}></ma-icon-button>
            <ma-icon-button icon=${iconSettings} label=${ctx.t('settings')} @click=${() => this.go('#/settings')}></ma-icon-button>
          </span>`
        : nothing}
    </ma-header>`;
  }

  override render() {
    const ctx = this.#context();
    const t = ctx.t;
    if (this.startupError) {
      return html`<div class="phone"><ma-header heading=${t('appTitle')}></ma-header>
        <main tabindex="-1"><ma-placeholder heading=${t('appTitle')} stretched><span role="alert">${t('startupError', { error: this.startupError })}</span></ma-placeholder></main></div>`;
    }
    if (!this.client) {
      return html`<div class="phone"><ma-header heading=${t('appTitle')}></ma-header>
        <main tabindex="-1" aria-busy="true"><div class="skeleton" role="status" aria-label=${t('loading')}>
          <ma-skeleton shape="rect"></ma-skeleton><ma-skeleton shape="text"></ma-skeleton><ma-skeleton shape="text"></ma-skeleton>
        </div></main></div>`;
    }
    const match = findPage(this.hash, this.pages);
    const page = match?.page;
    const ready = !page?.load || this.loadedPages.has(page.id);
    const body = !page
      ? html`<ma-placeholder heading=${t('notFound')} stretched>${t('notFoundText', { path: ctx.path })}
          <ma-button slot="action" @click=${() => this.go(screenLink('main'))}>${t('toMain')}</ma-button></ma-placeholder>`
      : ready ? page.render(ctx) : html`<div class="center"><ma-spinner></ma-spinner></div>`;
    const appScreen = page?.chrome === 'app';
    const layout = pageLayout(page);
    return html`${keyed(this.preferences.locale, html`<div class="phone ${appScreen ? 'app-screen' : ''} ${layout}" data-layout=${layout}>
        ${this.#header(page, ctx)}
        <main tabindex="-1" aria-label=${page ? (appScreen && this.gate === 'sign-in' ? t('signIn') : page.title(ctx)) : t('notFound')} class=${appScreen ? 'app' : ''}>
          ${this.notice
            ? html`<ma-banner class="notice" mode="warning" dismissible @ma-dismiss=${() => (this.notice = '')}>${this.notice}</ma-banner>`
            : nothing}
          ${body}
        </main>
        ${page?.tab ? this.#tabBar(page, ctx) : nothing}
      </div>
      <aside class="log ${layout}" aria-label=${t('bridgeLog')}><demo-call-log .store=${this.log}></demo-call-log></aside>
      <ma-bottom-sheet class="log" heading=${t('bridgeLog')}><demo-call-log .store=${this.log}></demo-call-log></ma-bottom-sheet>
      <ma-snackbar .open=${this.toast !== ''} text=${this.toast} duration="6000" dismissible @ma-close=${() => (this.toast = '')}></ma-snackbar>`)}`;
  }

  #tabBar(page: ShellPage, ctx: PageContext) {
    return html`<ma-tab-bar label=${ctx.t('tabsLabel')} value=${page.tab!}>
      ${TABS.map((tab) => html`<ma-tab-bar-item name=${tab.screen} icon=${TAB_ICONS[tab.screen]} href=${screenLink(tab.screen)}>${ctx.t(tab.label)}</ma-tab-bar-item>`)}
    </ma-tab-bar>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-shell': DemoShell;
  }
}
