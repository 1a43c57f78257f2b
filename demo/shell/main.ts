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
  // The host backend runs in this page (msw + IndexedDB): the demo needs no server.
  await startDemoBackend();
  shell.session = session;
  shell.client = createBackendClient({ baseUrl: '/api', getSessionToken: () => session.get() });
} catch (error) {
  shell.startupError = String(error);
}
