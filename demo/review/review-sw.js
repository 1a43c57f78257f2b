/* global self, caches, Response, Headers, fetch, navigator, addEventListener, ErrorEvent, NodeFilter */
// The review sandbox's service worker, on the mini-apps' origin. It serves the files of a
// submission that the moderator page unpacked (kept in the Cache API by sw-host.html) under
// `<scope><submissionId>/<path>`, and tells the moderator page what the review pages did:
//   - every request a review page made that is not one of the build's own files (another origin,
//     or this origin outside the build), seen here in the fetch event;
//   - what the reviewer script (added to served HTML pages, on review only) reports from inside the
//     page: console errors, uncaught exceptions, Content-Security-Policy (report-only) violations
//     for loads this worker cannot see, and on request an axe run and a count of interactive
//     elements that are kit components.
// Plain JavaScript with no imports: the same file runs from the dev servers and from the build.

const CACHE_PREFIX = 'miniapps-review:';
/** Files of the review tools (axe) live under this segment of the scope, not in any build. */
const TOOLS = '__review__';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const scope = () => self.registration.scope;

/** `{ submissionId, path }` of a URL under the scope, or undefined. */
function placeOf(url) {
  if (!url.startsWith(scope())) return undefined;
  const rest = url.slice(scope().length).split(/[?#]/)[0];
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  return { submissionId: decodeURIComponent(rest.slice(0, slash)), path: decodeURIComponent(rest.slice(slash + 1)) };
}

/** Tells every registration page (sw-host.html) about an observation of a submission. */
async function tell(submissionId, observation) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).pathname.endsWith('/sw-host.html')) client.postMessage({ type: 'review-observation', submissionId, observation });
  }
}

/** The submission a review page belongs to, from its own URL (the page cannot choose it). */
async function submissionOfClient(clientId) {
  if (!clientId) return undefined;
  const client = await self.clients.get(clientId);
  return client ? placeOf(client.url)?.submissionId : undefined;
}

const MIME = {
  html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8', json: 'application/json', svg: 'image/svg+xml', png: 'image/png', webp: 'image/webp', jpg: 'image/jpeg',
  jpeg: 'image/jpeg', gif: 'image/gif', ico: 'image/x-icon', woff2: 'font/woff2', woff: 'font/woff', txt: 'text/plain; charset=utf-8',
  wasm: 'application/wasm', map: 'application/json', webmanifest: 'application/manifest+json',
};

const mimeOf = (path) => MIME[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

/**
 * Loads from another origin are allowed (the app behaves as it would in production) but each one
 * is reported: this policy only reports, it blocks nothing.
 */
const REPORT_ONLY_POLICY = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";

/** The reviewer script, run first in every served HTML page; it reports to this worker. */
function reviewer(toolsUrl) {
  const post = (message) => navigator.serviceWorker.controller?.postMessage({ type: 'reviewer', message });
  const text = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  const originalError = console.error;
  console.error = function (...args) {
    post({ kind: 'console-error', text: args.map(text).join(' ').slice(0, 500) });
    return originalError.apply(this, args);
  };
  addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) post({ kind: 'exception', text: `${event.message}${event.filename ? ` (${event.filename}:${event.lineno})` : ''}`.slice(0, 500) });
  });
  addEventListener('unhandledrejection', (event) => post({ kind: 'exception', text: `Unhandled rejection: ${text(event.reason)}`.slice(0, 500) }));
  document.addEventListener('securitypolicyviolation', (event) => {
    post({ kind: 'policy-violation', url: event.blockedURI, directive: event.effectiveDirective });
  });

  const KIT_INTERACTIVE = new Set(['ma-button', 'ma-icon-button', 'ma-link', 'ma-input', 'ma-textarea', 'ma-select', 'ma-checkbox', 'ma-radio', 'ma-switch',
    'ma-search', 'ma-segmented-control', 'ma-chip', 'ma-tab', 'ma-tab-bar-item', 'ma-chat-composer']);
  const NATIVE_INTERACTIVE = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=switch], [role=tab], [contenteditable=""], [contenteditable=true]';
  const describe = (element) => `${element.localName}${element.id ? `#${element.id}` : ''}${element.getAttribute('class') ? `.${element.getAttribute('class').trim().split(/\s+/).join('.')}` : ''}`;
  /** Interactive elements in the page: kit components (not looking inside them) and everything else. */
  function countInteractive() {
    const result = { kit: 0, other: 0, otherSamples: [] };
    const visit = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const name = node.localName;
        if (name.startsWith('ma-')) {
          if (KIT_INTERACTIVE.has(name) || (name === 'ma-cell' && (node.hasAttribute('clickable') || node.hasAttribute('href')))) result.kit++;
          continue;
        }
        if (node.matches(NATIVE_INTERACTIVE)) {
          result.other++;
          if (result.otherSamples.length < 10) result.otherSamples.push(describe(node));
        }
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document.documentElement);
    return result;
  }
  let axeLoading;
  const loadAxe = () =>
    (axeLoading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${toolsUrl}axe.js`;
      script.onload = () => resolve(window.axe);
      script.onerror = () => reject(new Error('axe-core could not be loaded into the page'));
      document.head.append(script);
    }));
  navigator.serviceWorker.addEventListener('message', async (event) => {
    if (event.data?.type !== 'review-audit') return;
    const { requestId } = event.data;
    const kit = countInteractive();
    try {
      const axe = await loadAxe();
      const results = await axe.run(document, { resultTypes: ['violations'] });
      const violations = results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 5).map((n) => String(n.target)) }));
      post({ kind: 'audit', requestId, kit, violations });
    } catch (error) {
      post({ kind: 'audit', requestId, kit, violations: null, error: text(error) });
    }
  });
}

function injectReviewer(html) {
  const toolsUrl = `${scope()}${TOOLS}/`;
  const script = `<script data-miniapps-reviewer>(${reviewer.toString()})(${JSON.stringify(toolsUrl)});</script>`;
  // First in <head> (or before anything when there is none), so it sees the page's own scripts.
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return script + html;
  const end = head.index + head[0].length;
  return html.slice(0, end) + script + html.slice(end);
}

/** The Cache API key of a file: the same string sw-host.html writes it under. */
const fileKey = (submissionId, path) => `${scope()}${encodeURIComponent(submissionId)}/${path}`;

async function serveFromBuild(place) {
  const cache = await caches.open(`${CACHE_PREFIX}${place.submissionId}`);
  const found = await cache.match(fileKey(place.submissionId, place.path));
  const tools = place.submissionId === TOOLS;
  if (!found) {
    if (!tools) void tell(place.submissionId, { kind: 'missing-file', path: place.path });
    return new Response(`Not in this build: ${place.path}`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const type = mimeOf(place.path);
  const headers = new Headers({ 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  if (type.startsWith('text/html') && !tools) {
    headers.set('Content-Security-Policy-Report-Only', REPORT_ONLY_POLICY);
    return new Response(injectReviewer(await found.text()), { headers });
  }
  return new Response(await found.arrayBuffer(), { headers });
}

self.addEventListener('fetch', (event) => {
  const place = placeOf(event.request.url);
  if (place) {
    event.respondWith(serveFromBuild(place));
    return;
  }
  // Not a build file: a review page asked for something else. It goes through, and is reported.
  event.respondWith(
    (async () => {
      const submissionId = await submissionOfClient(event.clientId);
      if (submissionId && submissionId !== TOOLS) {
        const crossOrigin = new URL(event.request.url).origin !== self.location.origin;
        void tell(submissionId, { kind: crossOrigin ? 'cross-origin-request' : 'outside-build-request', url: event.request.url, method: event.request.method, destination: event.request.destination });
      }
      return fetch(event.request);
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type === 'reviewer') {
    // From a review page: attributed by the page's own URL.
    const submissionId = event.source && 'url' in event.source ? placeOf(event.source.url)?.submissionId : undefined;
    if (submissionId && submissionId !== TOOLS && data.message && typeof data.message.kind === 'string') event.waitUntil(tell(submissionId, data.message));
  } else if (data?.type === 'audit' && typeof data.submissionId === 'string') {
    // From the registration page: ask the submission's pages to audit themselves.
    event.waitUntil(
      (async () => {
        const windows = await self.clients.matchAll({ type: 'window' });
        const pages = windows.filter((client) => placeOf(client.url)?.submissionId === data.submissionId);
        for (const page of pages) page.postMessage({ type: 'review-audit', requestId: data.requestId });
        if (pages.length === 0) await tell(data.submissionId, { kind: 'audit', requestId: data.requestId, kit: null, violations: null, error: 'No page of this submission is open' });
      })(),
    );
  }
});
