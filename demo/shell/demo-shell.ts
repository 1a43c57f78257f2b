import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BackendClient } from '../../src/backend/client.ts';
import type { MeResponse } from '../../src/backend/contract.ts';
import {
  CallLog,
  createNavigationHandlers,
  createStorageHandlers,
  createUserHandlers,
  hostDialogHandlers,
  type MethodHandlers,
} from '../../src/host/index.ts';
import { runLaunchGates } from '../../src/host/gates.ts';
import { createPaymentHandlers } from '../../src/host/payments.ts';
import { simulatedBank } from '../../src/host/simulated-bank.ts';
import { createPushHandlers } from '../../src/host/push.ts';
import { createPushCenter, type PushCenter, type ReceivedPush } from '../../src/host/push-center.ts';
import { HOST_SCREENS, type HostScreen, type PushOpen } from '../../src/protocol/index.ts';
import '../../src/host/miniapp-frame.ts';
import type { MiniAppFrameElement } from '../../src/host/miniapp-frame.ts';
import { setColorScheme } from '../../ui-kit/tokens/index.ts';
import '../../ui-kit/components/header/header.ts';
import '../../ui-kit/components/group/group.ts';
import '../../ui-kit/components/cell/cell.ts';
import '../../ui-kit/components/avatar/avatar.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/spinner/spinner.ts';
import '../../ui-kit/components/badge/badge.ts';
import type { SessionHolder } from '../backend/session.ts';
import { demoApps, type DemoApp } from '../apps/catalog.ts';
import './call-log-panel.ts';
import './offer-dialog.ts';
import type { DemoOfferDialog } from './offer-dialog.ts';
import './sign-in.ts';

interface Route {
  screen: 'home' | 'app' | 'sign-in' | 'host-screen';
  appId?: string;
  /** A host screen that a mini-app (or a deep link) opened, and its item. */
  hostScreen?: HostScreen;
  itemId?: string;
  /** The mini-app's own route and anchor, from a deep link. */
  route?: string;
  anchor?: string;
}

/** `#/app/<id>?route=/x&anchor=y` opens a mini-app (a deep link); `#/` is the home screen. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const app = /^\/app\/([\w-]+)$/.exec(path);
  if (app) return { screen: 'app', appId: app[1]!, route: params.get('route') ?? '/', anchor: params.get('anchor') ?? '' };
  const screen = /^\/screen\/([\w-]+)(?:\/([\w.:-]+))?$/.exec(path);
  if (screen && Object.hasOwn(HOST_SCREENS, screen[1]!)) return { screen: 'host-screen', hostScreen: screen[1] as HostScreen, ...(screen[2] && { itemId: screen[2] }) };
  return { screen: 'home' };
}

/**
 * The demo super-app: a home screen with mini-app widgets, the launch gates (sign-in, offer),
 * the mini-app screen and the bridge log.
 */
@customElement('demo-shell')
export class DemoShell extends LitElement {
  static override styles = css`
    :host { display: flex; justify-content: center; gap: 16px; min-height: 100vh; padding: 16px; box-sizing: border-box; color: var(--ma-color-text); }
    .phone { width: 390px; max-width: 100%; height: min(844px, calc(100vh - 32px)); display: flex; flex-direction: column; background: var(--ma-color-background); border-radius: 24px; overflow: hidden; box-shadow: var(--ma-shadow-3); position: relative; }
    .screen { flex: 1; overflow: auto; }
    miniapp-frame { flex: 1; }
    aside { width: 360px; max-height: calc(100vh - 32px); overflow: auto; background: var(--ma-color-surface-secondary); border-radius: 16px; }
    @media (max-width: 800px) { aside { display: none; } :host { padding: 0; } .phone { border-radius: 0; height: 100vh; } }
    .user { display: flex; align-items: center; gap: 8px; }
    .toolbar { display: flex; gap: 8px; padding: 0 16px 16px; flex-wrap: wrap; }
    .center { display: grid; place-items: center; height: 100%; padding: 24px; text-align: center; }
    .error { color: var(--ma-color-negative); padding: 16px; }
    demo-sign-in { margin: 24px auto; padding: 0 16px; }
  `;

  @property({ attribute: false }) client: BackendClient | undefined;
  @property({ attribute: false }) session: SessionHolder | undefined;
  @property() startupError = '';
  /** The mini-apps on the home screen. */
  @property({ attribute: false }) apps: DemoApp[] = demoApps;
  @state() private route: Route = parseRoute(location.hash);
  @state() private me: MeResponse | undefined;
  @state() private launching: DemoApp | undefined;
  @state() private launched: DemoApp | undefined;
  /** The launch gate on screen while a mini-app is being opened. */
  @state() private gate: 'checking' | 'sign-in' | 'offer' | undefined;
  @state() private notice = '';
  @state() private scheme: 'light' | 'dark' = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  readonly callLog = new CallLog();
  @state() private pushes: readonly ReceivedPush[] = [];
  #handlers: MethodHandlers = {};
  #pushCenter: PushCenter | undefined;
  /** The push that opened the app on screen, handed to it at launch. */
  #launchPush: PushOpen | undefined;
  #answerSignIn: ((signedIn: boolean) => void) | undefined;
  #navigation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHashChange);
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('launched') && this.launched) this.renderRoot.querySelector<MiniAppFrameElement>('miniapp-frame')?.open();
    if (changed.has('client') && this.client) {
      this.#handlers = this.#hostHandlers(this.client);
      void this.#refreshUser();
      this.#follow(this.route);
    }
  }

  /** Everything the demo host serves its mini-apps: the backend's methods and its own dialogs. */
  #hostHandlers(client: BackendClient): MethodHandlers {
    return {
      ...hostDialogHandlers({ phone: () => this.me?.user.phone ?? '' }),
      ...createUserHandlers(client),
      ...createStorageHandlers(client),
      ...createPushHandlers({ client }),
      ...createPaymentHandlers({ client, acquirer: simulatedBank({ client }) }),
      ...createNavigationHandlers({
        openScreen: (link) => void (location.hash = `#/screen/${link.screen}${link.id ? `/${encodeURIComponent(link.id)}` : ''}`),
      }),
    };
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
      appName: (appId) => this.apps.find((app) => app.id === appId)?.name,
      openApp: (appId, target) => {
        const frame = this.renderRoot.querySelector<MiniAppFrameElement>('miniapp-frame');
        if (this.launched?.id === appId && frame?.host?.deliverPush(target.push)) return;
        this.#launchPush = target.push;
        location.hash = `#/app/${appId}?route=${encodeURIComponent(target.route ?? '/')}&anchor=${encodeURIComponent(target.anchor ?? '')}`;
      },
    });
    this.#pushCenter.subscribe((pushes) => (this.pushes = pushes));
  }

  readonly #onHashChange = () => {
    this.route = parseRoute(location.hash);
    this.#follow(this.route);
  };

  async #refreshUser(): Promise<void> {
    this.me = this.session?.get() ? await this.client!.me().catch(() => undefined) : undefined;
    this.#listenForPushes();
  }

  /** Opening a mini-app: the gates first (sign-in, offer), then the frame. */
  async #follow(route: Route): Promise<void> {
    this.#answerSignIn?.(false);
    this.renderRoot.querySelector<DemoOfferDialog>('demo-offer-dialog')?.close();
    const ticket = ++this.#navigation;
    this.launched = undefined;
    this.notice = '';
    if (route.screen !== 'app' || !this.client) return;
    const app = this.apps.find((candidate) => candidate.id === route.appId);
    if (!app) {
      this.notice = `No mini-app “${route.appId}” here.`;
      return;
    }
    this.launching = app;
    this.gate = 'checking';
    const result = await runLaunchGates({
      appId: app.id,
      route: route.route ?? '/',
      client: this.client,
      ui: {
        signIn: () => {
          this.gate = 'sign-in';
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
    this.launching = undefined;
    this.gate = undefined;
    this.#answerSignIn = undefined;
    await this.#refreshUser();
    if (result.status === 'ok') this.launched = app;
    else if (result.status === 'declined' || result.status === 'signed-out') this.#goBack();
    else this.notice = `Could not open ${app.name}: ${String((result.error as Error)?.message ?? result.error)}`;
  }

  #goBack(): void {
    if (history.length > 1 && this.route.screen !== 'home') history.back();
    else location.hash = '#/';
  }

  #open(app: DemoApp, route = '/'): void {
    location.hash = `#/app/${app.id}?route=${encodeURIComponent(route)}`;
  }

  async #signOut(): Promise<void> {
    await this.client?.signOut().catch(() => undefined);
    this.session?.clear();
    this.me = undefined;
    this.#listenForPushes();
    location.hash = '#/';
  }

  /** The header's back button goes to the app first; it closes the app unless the app went back itself. */
  async #backInApp(): Promise<void> {
    const host = this.renderRoot.querySelector<MiniAppFrameElement>('miniapp-frame')?.host;
    if (!host || (host.state !== 'connected' && host.state !== 'ready')) return this.#goBack();
    if (!(await host.back())) this.#goBack();
  }

  #toggleScheme(): void {
    this.scheme = this.scheme === 'light' ? 'dark' : 'light';
    setColorScheme(this.scheme);
    this.renderRoot.querySelector<MiniAppFrameElement>('miniapp-frame')?.host?.setTheme({ scheme: this.scheme });
  }

  override render() {
    return html`<div class="phone">${this.#renderScreen()}</div>
      <aside><demo-call-log .log=${this.callLog}></demo-call-log></aside>`;
  }

  #renderScreen() {
    if (this.startupError) return html`<div class="error" role="alert">${this.startupError}</div>`;
    if (!this.client) return html`<div class="center"><ma-spinner></ma-spinner></div>`;
    if (this.gate === 'sign-in' && this.launching) {
      return html`<ma-header heading="Sign in" back @ma-back=${() => this.#answerSignIn?.(false)}></ma-header>
        <div class="screen">
          <demo-sign-in
            .client=${this.client}
            app-title=${this.launching.name}
            @demo-signed-in=${(event: CustomEvent<{ sessionToken: string }>) => {
              this.session!.set(event.detail.sessionToken);
              this.#answerSignIn?.(true);
            }}
            @demo-sign-in-cancel=${() => this.#answerSignIn?.(false)}
          ></demo-sign-in>
        </div>`;
    }
    if (this.launched) {
      const route = this.route;
      const push = this.#launchPush;
      this.#launchPush = undefined;
      return html`<ma-header heading=${this.launched.name} back @ma-back=${() => this.#backInApp()}></ma-header>
        <miniapp-frame
          .app=${this.launched}
          .push=${push}
          .handlers=${this.#handlers}
          .callLog=${this.callLog}
          .route=${route.route}
          .anchor=${route.anchor}
          .theme=${{ scheme: this.scheme }}
          @miniapp-close-request=${() => this.#goBack()}
          @miniapp-closed=${(event: CustomEvent<{ reason: string }>) => event.detail.reason === 'user' && this.#goBack()}
        ></miniapp-frame>`;
    }
    if (this.route.screen === 'host-screen') {
      const title = SCREEN_TITLES[this.route.hostScreen!];
      return html`<ma-header heading=${title} back @ma-back=${() => this.#goBack()}></ma-header>
        <div class="screen">
          <ma-group header=${this.route.itemId ? `${title}: ${this.route.itemId}` : title}>
            <ma-cell multiline>The super-app’s ${title.toLowerCase()} screen, opened from a mini-app through the bridge.</ma-cell>
          </ma-group>
        </div>`;
    }
    return html`<ma-header heading="Super-app">
        ${this.me
          ? html`<span slot="after" class="user"><ma-avatar size="32" name=${this.me.user.name}></ma-avatar></span>`
          : nothing}
      </ma-header>
      <div class="screen">
        ${this.notice ? html`<div class="error" role="alert">${this.notice}</div>` : nothing}
        ${this.gate === 'checking' ? html`<div class="toolbar" role="status"><ma-spinner></ma-spinner> Opening ${this.launching?.name}…</div>` : nothing}
        ${this.pushes.length
          ? html`<ma-group header="Notifications">
              ${this.pushes.slice(0, 5).map(
                (push) => html`<ma-cell clickable chevron multiline subtitle=${push.body} @click=${() => this.#pushCenter?.open(push.appId, push.id)}>
                  ${push.read ? nothing : html`<ma-badge slot="after" mode="accent" dot label="unread"></ma-badge>`}${push.title}
                </ma-cell>`,
              )}
            </ma-group>`
          : nothing}
        <ma-group header="Mini-apps">
          ${this.apps.map(
            (app) => html`<ma-cell clickable chevron multiline subtitle=${app.description} @click=${() => this.#open(app)}>
              <ma-avatar slot="before" shape="square" name=${app.name}></ma-avatar>${app.name}
            </ma-cell>`,
          )}
        </ma-group>
        <ma-group header="Deep links">
          <ma-cell clickable chevron subtitle="Opens Launch inspector at /orders/42#pay" @click=${() => (location.hash = '#/app/launch-inspector?route=%2Forders%2F42&anchor=pay')}>Order 42</ma-cell>
        </ma-group>
        <ma-group header=${this.me ? `Signed in as ${this.me.user.name}` : 'Not signed in'}>
          <div class="toolbar">
            ${this.me ? html`<ma-button size="s" mode="secondary" @click=${() => this.#signOut()}>Sign out</ma-button>` : nothing}
            <ma-button size="s" mode="secondary" @click=${() => this.#toggleScheme()}>${this.scheme === 'light' ? 'Dark theme' : 'Light theme'}</ma-button>
            <ma-button size="s" mode="tertiary" href="/demo/kit.html">UI kit gallery</ma-button>
          </div>
        </ma-group>
      </div>
      <demo-offer-dialog></demo-offer-dialog>`;
  }
}

const SCREEN_TITLES: Record<HostScreen, string> = {
  main: 'Main',
  home: 'Home',
  showcase: 'Showcase',
  services: 'Services',
  service: 'Service',
  bills: 'Bills',
  bill: 'Bill',
  events: 'Events',
  event: 'Event',
  'event-category': 'Event category',
  marketplace: 'Marketplace',
  'category-list': 'Categories',
  'marketplace-category': 'Marketplace category',
};

declare global {
  interface HTMLElementTagNameMap {
    'demo-shell': DemoShell;
  }
}
