import { createBackendClient } from '../../src/backend/index.ts';
import { installTokens } from '../../ui-kit/tokens/index.ts';
import { createSessionHolder, startDemoBackend } from '../backend/index.ts';
import './demo-shell.ts';
import type { DemoShell } from './demo-shell.ts';

installTokens();
const shell = document.querySelector<DemoShell>('demo-shell')!;
const session = createSessionHolder();
// The splash in index.html stays unrendered under the shell's shadow root; drop it once the shell has painted.
void shell.updateComplete.then(() => shell.replaceChildren());
try {
  // `?backend=http://127.0.0.1:8787`: a host backend server (`miniapps serve`) instead of the one
  // in this page (msw + IndexedDB), with which the demo needs no server.
  const server = new URLSearchParams(location.search).get('backend');
  if (server !== null && !/^https?:\/\/[^/]+\/?$/.test(server)) throw new Error(`?backend= takes an origin such as http://127.0.0.1:8787, not ${server}`);
  if (server === null) await startDemoBackend();
  shell.session = session;
  const api = { baseUrl: server === null ? '/api' : `${new URL(server).origin}/api`, getSessionToken: () => session.get() };
  shell.chatApi = api;
  shell.client = createBackendClient(api);
} catch (error) {
  shell.startupError = String(error);
}
