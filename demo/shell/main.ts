import { createBackendClient } from '../../src/backend/index.ts';
import { installTokens } from '../../ui-kit/tokens/index.ts';
import { createSessionHolder, startDemoBackend } from '../backend/index.ts';
import './demo-shell.ts';
import type { DemoShell } from './demo-shell.ts';

installTokens();
const shell = document.querySelector<DemoShell>('demo-shell')!;
const session = createSessionHolder();
try {
  // The host backend runs in this page (msw + IndexedDB): the demo needs no server.
  await startDemoBackend();
  shell.client = createBackendClient({ baseUrl: '/api', getSessionToken: () => session.get() });
  shell.session = session;
} catch (error) {
  shell.startupError = `The demo backend could not start: ${String(error)}`;
}
