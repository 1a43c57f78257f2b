/**
 * The review sandbox's registration page, on the mini-apps' origin, loaded by the moderator page in
 * a hidden frame (`sw-host.html?host=<moderator page origin>`). It registers the review service
 * worker, writes a submission's unpacked files into the Cache API where the worker serves them, and
 * relays between the moderator page and the worker: audits asked for, observations reported.
 */
import { REVIEW_CACHE_PREFIX, REVIEW_TOOLS, type ReviewHostMessage, type ReviewPageMessage } from './protocol.ts';

const hostOrigin = new URL(location.href).searchParams.get('host');

const toHost = (message: ReviewHostMessage) => {
  if (hostOrigin) parent.postMessage(message, hostOrigin);
};

async function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const worker = registration.active ?? registration.waiting ?? registration.installing;
  if (!worker) throw new Error('The review service worker was not installed');
  if (worker.state === 'activated') return worker;
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve(worker);
      else if (worker.state === 'redundant') reject(new Error('The review service worker was replaced before it started'));
    });
  });
}

async function start(): Promise<void> {
  if (!hostOrigin) throw new Error('sw-host.html needs ?host=<origin of the moderator page>');
  if (!('serviceWorker' in navigator)) throw new Error('This browser has no service workers');
  const script = new URL('./review-sw.js', import.meta.url);
  const scope = new URL('./sandbox/', script).href;
  const registration = await navigator.serviceWorker.register(script, { scope, updateViaCache: 'none' });
  const worker = await activeWorker(registration);

  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type === 'review-observation') toHost(event.data as ReviewHostMessage);
  });

  const fileKey = (submissionId: string, path: string) => `${scope}${encodeURIComponent(submissionId)}/${path}`;

  addEventListener('message', async (event: MessageEvent<ReviewPageMessage>) => {
    if (event.source !== parent || event.origin !== hostOrigin) return;
    const message = event.data;
    try {
      if (message.type === 'load') {
        await caches.delete(REVIEW_CACHE_PREFIX + message.submissionId);
        const cache = await caches.open(REVIEW_CACHE_PREFIX + message.submissionId);
        for (const file of message.files) await cache.put(fileKey(message.submissionId, file.path), new Response(file.bytes));
        if (message.tools) {
          const tools = await caches.open(REVIEW_CACHE_PREFIX + REVIEW_TOOLS);
          await tools.put(fileKey(REVIEW_TOOLS, 'axe.js'), new Response(message.tools.axe));
        }
        toHost({ type: 'loaded', requestId: message.requestId, baseUrl: `${scope}${encodeURIComponent(message.submissionId)}/` });
      } else if (message.type === 'audit') {
        (registration.active ?? worker).postMessage({ type: 'audit', submissionId: message.submissionId, requestId: message.requestId });
      } else if (message.type === 'drop') {
        await caches.delete(REVIEW_CACHE_PREFIX + message.submissionId);
      }
    } catch (error) {
      toHost({ type: 'failed', requestId: 'requestId' in message ? message.requestId : undefined, message: String((error as Error)?.message ?? error) });
    }
  });
  toHost({ type: 'host-ready', scope });
}

start().catch((error: unknown) => toHost({ type: 'failed', requestId: undefined, message: String((error as Error)?.message ?? error) }));
