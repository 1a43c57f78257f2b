import { fixture, html } from '@open-wc/testing';
import '../../demo/shell/demo-shell.ts';
import type { DemoShell } from '../../demo/shell/demo-shell.ts';
import { ShellPreferences } from '../../demo/shell/preferences.ts';
import type { DemoApp } from '../../demo/apps/catalog.ts';
import { createMemoryChatOutbox, type BackendClientOptions } from '../../src/backend/index.ts';
import type { MiniAppFrameElement } from '../../src/host/miniapp-frame.ts';
import { createHarness, ORIGIN, type Harness, type SessionClient } from '../backend/harness.ts';
import { FIXTURE_URL, fixtureLoaded, runInFrame } from '../helpers/frames.ts';

/*
 * The demo host with a resident in a mini-app (the test fixture standing in for the utilities
 * app, whose seed chat has a bot) over the backend app in this page, on its injected clock.
 */

export const utilities: DemoApp = { id: 'utilities', name: 'Utility Bills', description: 'bills', url: FIXTURE_URL, capabilities: ['user', 'chat'] };
export const SHEET = 'dialog.ma-chat-sheet[open]';
const PATIENCE_MS = 15_000;

export type ChatElement = HTMLElement & { layoutComplete: Promise<void> };

export async function until(check: () => boolean, what: string, timeoutMs = PATIENCE_MS): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sheet = () => document.querySelector<HTMLDialogElement>(SHEET);
export const chatIn = (dialog: HTMLDialogElement | null) => dialog?.querySelector<ChatElement>('ma-chat') ?? null;
/** What the chat in the open sheet shows, as text. */
export const chatText = () => chatIn(sheet())?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
/** The topic chips of the chat in the open sheet. */
export const topics = () => [...(chatIn(sheet())?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.topic') ?? [])];

/** Types into the sheet's composer and presses Enter, as a resident does. */
export async function typeAndSend(text: string): Promise<void> {
  await until(() => !!chatIn(sheet())?.shadowRoot?.querySelector('ma-chat-composer')?.shadowRoot?.querySelector('textarea'), 'the composer');
  const textarea = chatIn(sheet())!.shadowRoot!.querySelector('ma-chat-composer')!.shadowRoot!.querySelector('textarea')!;
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
}

export interface ShellWithChat {
  harness: Harness;
  client: SessionClient;
  shell: DemoShell;
  /** Staff API options against the same backend, for a staff member's token. */
  staffApi(token: () => string | null): BackendClientOptions;
  /** Runs a fixture command in the app's frame. */
  run<T = unknown>(command: string, args?: unknown): Promise<T>;
  /** Resolves when the fixture app has loaded. */
  loaded: Promise<string>;
  dispose(): void;
}

/** Signs `phone` in, accepts the utilities offer and opens the shell on the utilities app. */
export async function mountShellWithChat(phone: string): Promise<ShellWithChat> {
  const harness = await createHarness();
  const client = harness.client();
  await client.signInAs(phone);
  await client.acceptOffer('utilities', 1);
  history.replaceState(null, '', `${location.pathname}${location.search}#/app/utilities`);
  const session = { get: () => client.session.token, set: (token: string) => void (client.session.token = token), clear: () => void (client.session.token = null) };
  const api = (token: () => string | null): BackendClientOptions => ({ baseUrl: `${ORIGIN}/api`, fetch: (request: Request) => harness.app.fetch(request), getSessionToken: token });
  const mounted: { shell?: DemoShell } = {};
  const frameElement = () => mounted.shell?.shadowRoot?.querySelector<MiniAppFrameElement>('miniapp-frame');
  const loaded = fixtureLoaded(() => frameElement()?.host?.iframe?.contentWindow, 30_000);
  const memory = new Map<string, string>();
  const preferences = new ShellPreferences({ getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) });
  preferences.setLocale('en');
  const shell = await fixture<DemoShell>(html`<demo-shell
    .apps=${[utilities]}
    .client=${client}
    .session=${session}
    .preferences=${preferences}
    .chatApi=${api(() => client.session.token)}
    .chatOutbox=${createMemoryChatOutbox()}
  ></demo-shell>`);
  mounted.shell = shell;
  return {
    harness,
    client,
    shell,
    staffApi: api,
    loaded,
    run: <T = unknown>(command: string, args?: unknown) => runInFrame<T>(frameElement()!.host!.iframe!.contentWindow!, command, args, 20_000),
    dispose() {
      shell.remove();
      document.querySelectorAll('.ma-push-banner, dialog').forEach((node) => node.remove());
      history.replaceState(null, '', location.pathname + location.search);
      document.documentElement.lang = 'en';
    },
  };
}
