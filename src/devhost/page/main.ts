import { installTokens } from '../../../ui-kit/tokens/index.ts';
import { CONFIG_PATH, type DevHostConfig } from '../config.ts';
import './devhost-app.ts';

installTokens();
const root = document.querySelector('devhost-app')!;
try {
  const response = await fetch(CONFIG_PATH, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  root.config = (await response.json()) as DevHostConfig;
} catch (error) {
  root.replaceWith(Object.assign(document.createElement('p'), { role: 'alert', textContent: `miniapps dev could not read its settings: ${String(error)}` }));
}
