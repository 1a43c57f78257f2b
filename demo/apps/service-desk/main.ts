// The service desk's page: paints in the host's theme and language from the launch fragment
// before the handshake (no flash), then the element connects.
import { readLaunch } from '../../../src/sdk/launch.ts';
import { applyTheme, installTokens } from '../../../ui-kit/tokens/index.ts';
import './service-desk.ts';

installTokens();
const launch = readLaunch();
if (launch) {
  applyTheme(launch.theme);
  document.documentElement.lang = launch.locale.startsWith('ru') ? 'ru' : 'en';
}
