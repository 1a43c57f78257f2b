/*
 * The host's in-app banner for a push: drawn by the host (never by the app), naming the app, with
 * the app's text as text. It sits in a polite live region (`role="status"`), so a screen reader
 * reads it without taking focus; it hides itself after a few seconds unless the pointer or focus
 * is on it; the notification is one button (tap, Enter or Space opens), with a separate dismiss
 * button, and Escape dismisses too. On a phone it hangs at the top, centred below the safe area;
 * on a wide screen it sits in the top-right corner, where desktop systems put theirs.
 */

const STYLES = `
.ma-push-region { position: fixed; top: calc(8px + env(safe-area-inset-top, 0px)); left: 50%; transform: translateX(-50%);
  z-index: 2147483000; width: min(92vw, 420px); display: grid; gap: 8px; pointer-events: none; }
@media (min-width: 720px) {
  .ma-push-region { top: 16px; right: 16px; left: auto; transform: none; width: 380px; }
}
.ma-push-banner { pointer-events: auto; display: flex; align-items: stretch; gap: 4px; box-sizing: border-box; padding: 4px;
  border-radius: var(--ma-radius-l, 14px); background: var(--ma-color-surface, #fff); color: var(--ma-color-text, #111);
  font: 15px/1.35 var(--ma-font-family, system-ui, sans-serif); box-shadow: 0 6px 24px #0004; border: 1px solid var(--ma-color-separator, #0002); }
.ma-push-banner button { font: inherit; color: inherit; background: transparent; border: 0; border-radius: var(--ma-radius-m, 10px); cursor: pointer; }
.ma-push-banner .ma-push-open { flex: 1; min-width: 0; min-height: 44px; padding: 8px 10px; text-align: start; display: grid; gap: 2px; }
.ma-push-banner .ma-push-app { font-size: 13px; color: var(--ma-color-text-secondary, #555); }
.ma-push-banner .ma-push-title { font-weight: 600; overflow-wrap: anywhere; }
.ma-push-banner .ma-push-body { overflow-wrap: anywhere; white-space: pre-wrap; }
.ma-push-banner .ma-push-dismiss { flex: none; min-width: 44px; min-height: 44px; font-size: 20px; line-height: 1; color: var(--ma-color-text-secondary, #555); }
.ma-push-banner :focus-visible { outline: 2px solid var(--ma-color-focus, #1a5fc4); outline-offset: -2px; }
`;

export interface BannerContent {
  /** The app's display name (or its id): who sends this. */
  app: string;
  title: string;
  body: string;
}

export interface BannerTexts {
  dismiss: string;
}

export interface BannerRegion {
  /** Shows one banner, replacing the one shown before. */
  show(key: string, content: BannerContent, handlers: { open(): void; dismiss(): void }): void;
  /** Hides the banner of `key` if it is the one shown. */
  hide(key?: string): void;
  /** The banner shown now, if any. */
  readonly current: HTMLElement | undefined;
  remove(): void;
}

let styled = false;

function addStyles(): void {
  if (styled) return;
  const style = document.createElement('style');
  style.textContent = STYLES;
  document.head.append(style);
  styled = true;
}

/**
 * The region banners appear in. It is created at once, before any banner: assistive technology
 * announces changes to a live region that already exists, not a region inserted with its text.
 */
export function createBannerRegion(container: HTMLElement, texts: BannerTexts, hideAfterMs: number): BannerRegion {
  addStyles();
  const region = document.createElement('div');
  region.className = 'ma-push-region';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  container.append(region);
  let shown: { key: string; element: HTMLElement; abort: AbortController; timer?: ReturnType<typeof setTimeout> } | undefined;

  const hide = (key?: string) => {
    if (!shown || (key !== undefined && shown.key !== key)) return;
    clearTimeout(shown.timer);
    shown.abort.abort();
    shown.element.remove();
    shown = undefined;
  };

  return {
    show(key, content, handlers) {
      hide();
      const abort = new AbortController();
      const { signal } = abort;
      const banner = document.createElement('div');
      banner.className = 'ma-push-banner';
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'ma-push-open';
      const line = (className: string, text: string) => {
        const span = document.createElement('span');
        span.className = className;
        span.textContent = text;
        return span;
      };
      open.append(line('ma-push-app', content.app), line('ma-push-title', content.title));
      if (content.body) open.append(line('ma-push-body', content.body));
      const dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'ma-push-dismiss';
      dismiss.setAttribute('aria-label', texts.dismiss);
      dismiss.textContent = '×';
      banner.append(open, dismiss);
      const entry: NonNullable<typeof shown> = { key, element: banner, abort };
      shown = entry;

      // Timing the user cannot control is an accessibility failure: the countdown waits while the
      // pointer or the focus is on the banner.
      let pointerIn = false;
      let focusIn = false;
      const arm = () => {
        clearTimeout(entry.timer);
        entry.timer = undefined;
        if (!pointerIn && !focusIn && hideAfterMs > 0) entry.timer = setTimeout(() => hide(key), hideAfterMs);
      };
      banner.addEventListener('pointerenter', () => ((pointerIn = true), arm()), { signal });
      banner.addEventListener('pointerleave', () => ((pointerIn = false), arm()), { signal });
      banner.addEventListener('focusin', () => ((focusIn = true), arm()), { signal });
      banner.addEventListener('focusout', (event) => {
        if (banner.contains(event.relatedTarget as Node | null)) return;
        focusIn = false;
        arm();
      }, { signal });
      banner.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        hide(key);
        handlers.dismiss();
      }, { signal });
      open.addEventListener('click', () => {
        hide(key);
        handlers.open();
      }, { signal });
      dismiss.addEventListener('click', () => {
        hide(key);
        handlers.dismiss();
      }, { signal });
      region.append(banner);
      arm();
    },
    hide,
    get current() {
      return shown?.element;
    },
    remove() {
      hide();
      region.remove();
    },
  };
}
