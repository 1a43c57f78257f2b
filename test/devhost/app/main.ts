// A small mini-app that uses the SDK, served on its own origin for the `miniapps dev` tests.
import { connect, MiniAppError } from '../../../src/sdk/index.ts';
import { applyLayoutStyles } from '../../../src/sdk/layout.ts';
import { applyTheme } from '../../../ui-kit/tokens/index.ts';

const $ = (id: string) => document.getElementById(id)!;

function show(id: string, value: unknown): void {
  $(id).textContent = JSON.stringify(value);
  $(id).dataset.done = 'true';
}

try {
  const app = await connect();
  applyTheme(app.launch.theme);
  applyLayoutStyles(app.launch);
  app.on('theme', (theme) => {
    applyTheme(theme);
    show('theme', theme);
  });
  app.on('viewport', (layout) => {
    applyLayoutStyles(layout);
    show('viewport', layout);
  });
  const { viewport, locale, platform, theme, contentSafeArea } = app.launch;
  show('launch-params', { locale, platform, theme, viewport, contentSafeArea });
  $('launch').textContent = `${theme.scheme} · ${locale} · ${platform} · ${viewport.width}×${viewport.height}`;
  await app.ready();
  $('who').addEventListener('click', async () => {
    try {
      const { profile, launchToken } = await app.user.get();
      show('user', { profile, launchToken });
    } catch (error) {
      show('user', error instanceof MiniAppError ? { error: error.code, message: error.message } : { error: String(error) });
    }
  });
  $('pay').addEventListener('click', async () => {
    try {
      const result = await app.payments.pay({ orderId: `order-${Date.now()}`, amount: 12500, currency: 'RUB', description: 'Two croissants' });
      show('result', result);
    } catch (error) {
      show('result', error instanceof MiniAppError ? { error: error.code, message: error.message } : { error: String(error) });
    }
  });
} catch (error) {
  $('launch').textContent = `Not connected: ${error instanceof MiniAppError ? error.code : String(error)}`;
}
