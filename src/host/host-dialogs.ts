import { ErrorCode, type PopupButton, type ShareRequest } from '../protocol/index.ts';
import type { CallContext, MethodHandlers } from './handlers.ts';
import { HostError } from './host-error.ts';

/*
 * The host's own dialogs for the bridge methods a browser can serve without a backend: popups and
 * prompts, confirming an external link, sharing the phone, sharing, the clipboard, haptics and
 * downloads. Every dialog names the app that asks, shows the app's text as text (never as HTML),
 * is a native modal <dialog> (focus trapped, Escape cancels), and closes when the app closes.
 */

const TEXTS = {
  en: { ok: 'OK', cancel: 'Cancel', open: 'Open', share: 'Share', copy: 'Copy', copied: 'Copied', leave: (host: string) => `Open ${host}?`, leaveText: 'The link opens outside the app.', phone: (app: string) => `${app} asks for your phone number`, phoneText: (phone: string) => `Share ${phone}?`, asks: (app: string) => app },
  ru: { ok: 'ОК', cancel: 'Отмена', open: 'Открыть', share: 'Поделиться', copy: 'Копировать', copied: 'Скопировано', leave: (host: string) => `Открыть ${host}?`, leaveText: 'Ссылка откроется вне приложения.', phone: (app: string) => `${app} просит ваш номер телефона`, phoneText: (phone: string) => `Поделиться номером ${phone}?`, asks: (app: string) => app },
};

const STYLES = `
.ma-host-dialog { border: 0; border-radius: var(--ma-radius-l, 14px); padding: 20px; max-width: min(92vw, 360px); box-sizing: border-box;
  background: var(--ma-color-surface, #fff); color: var(--ma-color-text, #111); font: 15px/1.4 var(--ma-font-family, system-ui, sans-serif); box-shadow: 0 8px 32px #0005; }
.ma-host-dialog::backdrop { background: #0006; }
.ma-host-dialog .app { margin: 0 0 4px; font-size: 13px; color: var(--ma-color-text-secondary, #555); }
.ma-host-dialog h2 { margin: 0 0 8px; font-size: 17px; font-weight: 600; }
.ma-host-dialog p { margin: 0 0 16px; white-space: pre-wrap; overflow-wrap: anywhere; }
.ma-host-dialog input { box-sizing: border-box; width: 100%; margin: 0 0 16px; padding: 10px 12px; font: inherit; color: inherit; background: transparent;
  border: 1px solid var(--ma-color-field-border, #767676); border-radius: var(--ma-radius-m, 10px); }
.ma-host-dialog .buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }
.ma-host-dialog button { font: inherit; font-weight: 600; min-height: 44px; padding: 0 16px; border-radius: var(--ma-radius-m, 10px); border: 0; cursor: pointer;
  background: var(--ma-color-surface-secondary, #eef0f3); color: var(--ma-color-text, #111); }
.ma-host-dialog button.primary { background: var(--ma-color-brand, #1a5fc4); color: var(--ma-color-on-brand, #fff); }
.ma-host-dialog button.destructive { color: var(--ma-color-destructive, #c5221f); }
.ma-host-dialog :focus-visible { outline: 2px solid var(--ma-color-focus, #1a5fc4); outline-offset: 2px; }
`;

export interface HostDialogOptions {
  /** Where the dialogs go; `document.body` by default. */
  container?: HTMLElement;
  /** `ru` or `en` (the document's language by default). */
  locale?: string;
  /** The signed-in user's phone, for `user.requestPhone`; without it the method is not served. */
  phone?: () => string | Promise<string>;
}

interface DialogSpec {
  app: string;
  title?: string;
  message: string;
  input?: { placeholder?: string; maxLength: number };
  buttons: Array<{ id: string; text: string; kind?: 'primary' | 'cancel' | 'destructive' }>;
}

/** Handlers for the methods the host serves with its own dialogs and the browser's features. */
/**
 * Whether the host page holds a user activation now or within `graceMs`. The activation from a click
 * in the app's frame reaches the host's process on its own path, and on a loaded machine it can come
 * a moment after the app's message does; waiting a little keeps that click from being refused.
 */
async function activatedSoon(graceMs = 250): Promise<boolean> {
  const activation = navigator.userActivation;
  if (!activation) return false;
  for (const started = performance.now(); !activation.isActive; ) {
    if (performance.now() - started >= graceMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

export function hostDialogHandlers(options: HostDialogOptions = {}): MethodHandlers {
  const texts = () => ((options.locale ?? document.documentElement.lang).startsWith('ru') ? TEXTS.ru : TEXTS.en);
  const open = new Set<string>();
  /** One dialog per launch at a time: a second one is refused rather than stacked. */
  const show = async (context: CallContext, spec: DialogSpec): Promise<{ id: string | null; value: string }> => {
    if (open.has(context.launchId)) throw new HostError(ErrorCode.RATE_LIMITED, 'This app already shows a dialog; wait for its answer');
    open.add(context.launchId);
    try {
      return await modal(options.container ?? document.body, spec, context.signal);
    } finally {
      open.delete(context.launchId);
    }
  };

  const handlers: MethodHandlers = {
    'popup.show': async (request, context) => {
      const buttons: PopupButton[] = request.buttons ?? [{ id: 'ok', text: texts().ok }];
      const answer = await show(context, {
        app: context.appName,
        ...(request.title !== undefined && { title: request.title }),
        message: request.message,
        buttons: buttons.map((button, index) => ({
          id: button.id,
          text: button.text,
          kind: button.type === 'cancel' ? 'cancel' : button.type === 'destructive' ? 'destructive' : index === buttons.length - 1 ? 'primary' : undefined,
        })),
      });
      return { buttonId: answer.id };
    },
    'popup.prompt': async (request, context) => {
      const answer = await show(context, {
        app: context.appName,
        ...(request.title !== undefined && { title: request.title }),
        message: request.message,
        input: { ...(request.placeholder !== undefined && { placeholder: request.placeholder }), maxLength: request.maxLength ?? 256 },
        buttons: [
          { id: 'cancel', text: texts().cancel, kind: 'cancel' },
          { id: 'ok', text: texts().ok, kind: 'primary' },
        ],
      });
      return { value: answer.id === 'ok' ? answer.value : null };
    },
    'navigation.openLink': async ({ url }, context) => {
      const answer = await show(context, {
        app: context.appName,
        title: texts().leave(new URL(url).host),
        message: `${texts().leaveText}\n${url}`,
        buttons: [
          { id: 'cancel', text: texts().cancel, kind: 'cancel' },
          { id: 'open', text: texts().open, kind: 'primary' },
        ],
      });
      if (answer.id !== 'open') throw new HostError(ErrorCode.CANCELLED, 'The user did not open the link');
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    'share.share': async (request, context) => {
      if (typeof navigator.share === 'function') {
        try {
          return await navigator.share(shareData(request));
        } catch (error) {
          if ((error as DOMException).name === 'AbortError') throw new HostError(ErrorCode.CANCELLED, 'The user did not share');
          // Not allowed here (no gesture, no share target): fall back to the host's own sheet.
        }
      }
      const message = [request.text, request.url].filter(Boolean).join('\n');
      const answer = await show(context, {
        app: context.appName,
        title: texts().share,
        message,
        buttons: [
          { id: 'cancel', text: texts().cancel, kind: 'cancel' },
          { id: 'copy', text: texts().copy, kind: 'primary' },
        ],
      });
      if (answer.id !== 'copy') throw new HostError(ErrorCode.CANCELLED, 'The user did not share');
      await writeText(message);
    },
    'clipboard.write': async ({ text }) => {
      // A click or key press in the app's frame activates the host page too (user activation v2).
      if (!(await activatedSoon())) throw new HostError(ErrorCode.PERMISSION_DENIED, 'clipboard.write needs a user gesture in the app');
      await writeText(text);
    },
    'haptics.impact': ({ style }) => {
      navigator.vibrate?.(VIBRATION[style]);
    },
    'files.download': (request) => {
      const link = document.createElement('a');
      let objectUrl: string | undefined;
      if ('url' in request) {
        link.href = request.url;
        link.download = request.name ?? '';
      } else {
        const blob = request.data instanceof Blob ? request.data : new Blob([request.data], { type: request.type ?? 'application/octet-stream' });
        objectUrl = URL.createObjectURL(blob);
        link.href = objectUrl;
        link.download = request.name;
      }
      link.rel = 'noopener';
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      if (objectUrl) setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    },
  };
  if (options.phone) {
    const phone = options.phone;
    handlers['user.requestPhone'] = async (_params, context) => {
      const number = await phone();
      const answer = await show(context, {
        app: context.appName,
        title: texts().phone(context.appName),
        message: texts().phoneText(number),
        buttons: [
          { id: 'cancel', text: texts().cancel, kind: 'cancel' },
          { id: 'share', text: texts().share, kind: 'primary' },
        ],
      });
      if (answer.id !== 'share') throw new HostError(ErrorCode.CANCELLED, 'The user did not share the phone number');
      return { phone: number };
    };
  }
  return handlers;
}

const VIBRATION = { light: 10, medium: 20, heavy: 35, selection: 5, success: [10, 40, 10], warning: [20, 60, 20], error: [30, 50, 30, 50, 30] };

function shareData(request: ShareRequest): ShareData {
  return { ...(request.text !== undefined && { text: request.text }), ...(request.url !== undefined && { url: request.url }) };
}

async function writeText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Some browsers refuse the async API in this state; the older command works on the same gesture.
    // (The async API refuses while focus is inside the app's frame; the command needs the field focused.)
    const previous = document.activeElement as HTMLElement | null;
    const field = document.createElement('textarea');
    field.value = text;
    field.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    document.body.append(field);
    field.focus();
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    previous?.focus();
    if (!copied) throw new HostError(ErrorCode.PERMISSION_DENIED, 'The browser refused to write to the clipboard');
  }
}

let styled = false;

/** Shows one modal dialog; resolves with the button chosen (null when dismissed) and the field's text. */
function modal(container: HTMLElement, spec: DialogSpec, signal: AbortSignal): Promise<{ id: string | null; value: string }> {
  if (!styled) {
    const style = document.createElement('style');
    style.textContent = STYLES;
    document.head.append(style);
    styled = true;
  }
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new HostError(ErrorCode.CANCELLED, 'The mini-app closed'));
    const dialog = document.createElement('dialog');
    dialog.className = 'ma-host-dialog';
    const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string) => {
      const node = document.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      return node;
    };
    const appLine = element('p', spec.app, 'app');
    const heading = element('h2', spec.title ?? spec.app);
    heading.id = `ma-host-dialog-${Math.random().toString(36).slice(2)}`;
    dialog.setAttribute('aria-labelledby', heading.id);
    const message = element('p', spec.message);
    dialog.append(...(spec.title ? [appLine] : []), heading, message);
    let input: HTMLInputElement | undefined;
    if (spec.input) {
      input = document.createElement('input');
      input.maxLength = spec.input.maxLength;
      if (spec.input.placeholder) input.placeholder = spec.input.placeholder;
      input.setAttribute('aria-label', spec.title ?? spec.message);
      dialog.append(input);
    }
    const row = document.createElement('div');
    row.className = 'buttons';
    let chosen: string | null = null;
    for (const button of spec.buttons) {
      const node = element('button', button.text, button.kind === 'primary' ? 'primary' : button.kind === 'destructive' ? 'destructive' : undefined);
      node.type = 'button';
      node.addEventListener('click', () => {
        chosen = button.kind === 'cancel' ? null : button.id;
        dialog.close();
      });
      row.append(node);
    }
    dialog.append(row);
    const abort = () => dialog.close();
    signal.addEventListener('abort', abort, { once: true });
    input?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        chosen = spec.buttons.find((button) => button.kind === 'primary')?.id ?? null;
        dialog.close();
      }
    });
    dialog.addEventListener('close', () => {
      signal.removeEventListener('abort', abort);
      dialog.remove();
      if (signal.aborted) reject(new HostError(ErrorCode.CANCELLED, 'The mini-app closed'));
      else resolve({ id: chosen, value: input?.value ?? '' });
    }, { once: true });
    container.append(dialog);
    dialog.showModal();
    (input ?? row.querySelector<HTMLButtonElement>('button.primary') ?? row.querySelector('button'))?.focus();
  });
}
