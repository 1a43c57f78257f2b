import type { LaunchTheme, Platform, PushOpen } from '../protocol/index.ts';
import type { CallLog } from './call-log.ts';
import type { MethodHandlers } from './handlers.ts';
import { MiniAppHost, type LaunchError, type MiniAppDescriptor, type MiniAppHostEventMap } from './miniapp-host.ts';

const texts = {
  en: { title: 'Could not open the mini-app', retry: 'Retry', close: 'Close', loading: 'Loading' },
  ru: { title: 'Не удалось открыть мини-приложение', retry: 'Повторить', close: 'Закрыть', loading: 'Загрузка' },
};

const styles = `
:host { display: block; position: relative; overflow: hidden; background: var(--ma-color-background, #fff); color: var(--ma-color-text, #000); font-family: var(--ma-font-family, system-ui, sans-serif); }
.frame { position: absolute; inset: 0; }
.overlay { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 12px; padding: 24px; text-align: center; background: inherit; }
.overlay[hidden] { display: none; }
.spinner { width: 28px; height: 28px; border-radius: 50%; border: 3px solid var(--ma-color-separator, #ddd); border-top-color: var(--ma-color-brand, #1a5fc4); animation: spin 0.8s linear infinite; }
@media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }
@keyframes spin { to { transform: rotate(1turn); } }
h2 { margin: 0; font-size: 17px; font-weight: 600; }
p { margin: 0; color: var(--ma-color-text-secondary, #555); font-size: 15px; max-width: 32em; }
.actions { display: flex; gap: 8px; margin-top: 8px; }
button { font: inherit; font-size: 15px; font-weight: 600; min-height: 40px; padding: 0 18px; border-radius: var(--ma-radius-m, 10px); border: 0; cursor: pointer; }
.retry { background: var(--ma-color-brand, #1a5fc4); color: var(--ma-color-on-brand, #fff); }
.close { background: var(--ma-color-surface-secondary, #eef0f3); color: var(--ma-color-text, #000); }
button:focus-visible { outline: none; box-shadow: var(--ma-focus-ring, 0 0 0 3px #1a5fc480); }
`;

/** `HTMLElement`, or a stand-in where there is no DOM (Node, server rendering), so importing never throws. */
const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as typeof HTMLElement);

/**
 * `<miniapp-frame>`: opens one mini-app with a loader and the host's error screen (Retry, Close).
 * Set `app` (and `handlers`), then call `open()`. Events (bubbling, composed): `miniapp-ready`,
 * `miniapp-error` ({ code, message }), `miniapp-close-request`, `miniapp-closed`, `miniapp-reload`,
 * `miniapp-call` (a call log entry).
 */
export class MiniAppFrameElement extends ElementBase {
  /** The app to open. */
  app: MiniAppDescriptor | undefined;
  handlers: MethodHandlers | undefined;
  callLog: CallLog | undefined;
  route: string | undefined;
  anchor: string | undefined;
  theme: LaunchTheme | undefined;
  platform: Platform | undefined;
  /** The push the user tapped to open the app (it reaches the app at launch). */
  push: PushOpen | undefined;
  readyTimeoutMs: number | undefined;
  closeGraceMs: number | undefined;
  #host: MiniAppHost | undefined;
  readonly #root: ShadowRoot;
  readonly #frame: HTMLDivElement;
  readonly #loader: HTMLDivElement;
  readonly #error: HTMLDivElement;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.innerHTML = `<style>${styles}</style><div class="frame" part="frame"></div>
      <div class="overlay loader" part="loader" role="status"><div class="spinner" aria-hidden="true"></div><span class="loading"></span></div>
      <div class="overlay error" part="error" role="alert" hidden><h2></h2><p></p>
        <div class="actions"><button class="retry" type="button"></button><button class="close" type="button"></button></div></div>`;
    this.#frame = this.#root.querySelector('.frame')!;
    this.#loader = this.#root.querySelector('.loader')!;
    this.#error = this.#root.querySelector('.error')!;
    this.#root.querySelector('.retry')!.addEventListener('click', () => this.retry());
    this.#root.querySelector('.close')!.addEventListener('click', () => void this.close('user'));
  }

  /** The host object behind the element (call log, state, launch id). */
  get host(): MiniAppHost | undefined {
    return this.#host;
  }

  open(): void {
    if (!this.app) throw new Error('<miniapp-frame>: set `app` before open()');
    void this.#host?.close('replaced');
    const host = new MiniAppHost({
      app: this.app,
      container: this.#frame,
      ...(this.handlers && { handlers: this.handlers }),
      ...(this.callLog && { callLog: this.callLog }),
      ...(this.route !== undefined && { route: this.route }),
      ...(this.anchor !== undefined && { anchor: this.anchor }),
      ...(this.theme && { theme: this.theme }),
      ...(this.platform && { platform: this.platform }),
      ...(this.push && { push: this.push }),
      ...(this.readyTimeoutMs !== undefined && { readyTimeoutMs: this.readyTimeoutMs }),
      ...(this.closeGraceMs !== undefined && { closeGraceMs: this.closeGraceMs }),
      locale: this.#locale,
    });
    this.#host = host;
    host.addEventListener('ready', (event) => {
      this.#loader.hidden = true;
      this.#forward('miniapp-ready', event.detail);
    });
    host.addEventListener('error', (event) => {
      this.#showError(event.detail);
      this.#forward('miniapp-error', event.detail);
    });
    host.addEventListener('close-request', (event) => {
      if (!this.#forward('miniapp-close-request', event.detail, true)) event.preventDefault();
    });
    host.addEventListener('closed', (event) => this.#forward('miniapp-closed', event.detail));
    host.addEventListener('reload', (event) => this.#forward('miniapp-reload', event.detail));
    host.addEventListener('call', (event) => this.#forward('miniapp-call', event.detail));
    this.#showLoading();
    host.open();
  }

  retry(): void {
    if (!this.#host) return this.open();
    this.#showLoading();
    this.#host.retry();
  }

  async close(reason = 'host'): Promise<void> {
    const host = this.#host;
    this.#host = undefined;
    this.#error.hidden = true;
    this.#loader.hidden = true;
    if (host) await host.close(reason);
    else this.#forward('miniapp-closed', { reason });
  }

  disconnectedCallback(): void {
    void this.#host?.close('removed');
    this.#host = undefined;
  }

  /** The nearest `lang` above the element, looking out of shadow roots too (a shell often renders the frame in one). */
  get #locale(): string {
    let found = this.closest('[lang]');
    let root = this.getRootNode();
    while (!found && root instanceof ShadowRoot) {
      found = root.host.closest('[lang]');
      root = root.host.getRootNode();
    }
    return found?.getAttribute('lang') || 'en';
  }

  get #texts() {
    return this.#locale.toLowerCase().startsWith('ru') ? texts.ru : texts.en;
  }

  #showLoading(): void {
    this.#error.hidden = true;
    this.#loader.hidden = false;
    this.#loader.querySelector('.loading')!.textContent = this.#texts.loading;
  }

  #showError(error: LaunchError): void {
    const t = this.#texts;
    this.#loader.hidden = true;
    this.#error.hidden = false;
    this.#error.querySelector('h2')!.textContent = t.title;
    this.#error.querySelector('p')!.textContent = error.message;
    this.#error.querySelector('.retry')!.textContent = t.retry;
    this.#error.querySelector('.close')!.textContent = t.close;
    this.#error.dataset.code = error.code;
  }

  #forward(type: string, detail: unknown, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}

if (globalThis.customElements && !customElements.get('miniapp-frame')) customElements.define('miniapp-frame', MiniAppFrameElement);

declare global {
  interface HTMLElementTagNameMap {
    'miniapp-frame': MiniAppFrameElement;
  }
  /** The events of `<miniapp-frame>`; they bubble and cross shadow roots. */
  interface HTMLElementEventMap {
    /** The app said it is ready; the loader is gone. */
    'miniapp-ready': MiniAppHostEventMap['ready'];
    /** The launch failed; the error screen shows `detail.message`. */
    'miniapp-error': MiniAppHostEventMap['error'];
    /** The app asked to close; `preventDefault()` keeps it open. */
    'miniapp-close-request': MiniAppHostEventMap['close-request'];
    'miniapp-closed': MiniAppHostEventMap['closed'];
    /** The app's page reloaded within the same launch. */
    'miniapp-reload': MiniAppHostEventMap['reload'];
    /** A bridge call, as entered in the call log. */
    'miniapp-call': MiniAppHostEventMap['call'];
  }
}
