import { setupWorker } from 'msw/browser';
import { http } from 'msw';
import type { BackendApp } from '../../src/backend/index.ts';

/** Mounts the backend under /api through msw when the page can register the worker; false when it cannot. */
export async function withMsw(app: BackendApp): Promise<boolean> {
  const probe = await fetch('/mockServiceWorker.js', { method: 'HEAD' }).catch(() => undefined);
  if (!probe?.ok) return false;
  const worker = setupWorker(http.all('/api/*', ({ request }) => app.fetch(request)));
  try {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
    return true;
  } catch {
    return false;
  }
}

/** The mean without the two lowest and two highest: finer than `performance.now()`'s 100 µs steps, deaf to a stray GC. */
export const trimmedMean = (values: number[]): number => {
  const kept = [...values].sort((a, b) => a - b).slice(2, -2);
  return kept.reduce((sum, value) => sum + value, 0) / kept.length;
};
