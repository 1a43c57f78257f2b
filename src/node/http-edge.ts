/// <reference types="node" />
/**
 * What the server adds around the backend's handler, all of it plain Fetch-API code: request ids,
 * CORS, `/health` and `/ready`, the JWKS's validators (ETag, 304), refusing new work while shutting
 * down, and live streams that a shutdown can end with a retry hint.
 */
import type { BackendApp } from '../backend/app.ts';
import { BackendError } from '../backend/errors.ts';
import { base64url } from '../backend/ports.ts';
import type { Logger } from './log.ts';

export interface EdgeOptions {
  app: BackendApp;
  log: Logger;
  allowedOrigins: readonly string[] | '*';
  /** Whether the store answers: `/ready` is 503 otherwise. */
  checkStore(): Promise<void>;
  retryHintMs: number;
  now?: () => number;
}

export interface Edge {
  fetch(request: Request): Promise<Response>;
  /** Refuse new requests (503) and report not ready; requests in flight carry on. */
  drain(): void;
  /** Ends every open live stream with a `retry:` hint; their clients reconnect (to another instance) by cursor. */
  closeLiveStreams(): void;
  readonly liveStreams: number;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const JWKS_PATH = '/api/.well-known/jwks.json';
const EVENTS_PATH = '/api/events';

export function createEdge(options: EdgeOptions): Edge {
  const now = options.now ?? Date.now;
  const streams = new Set<() => void>();
  let draining = false;

  const corsHeaders = (request: Request): Record<string, string> => {
    const origin = request.headers.get('Origin');
    const allowed = options.allowedOrigins;
    if (!origin || (allowed !== '*' && !allowed.includes(origin))) return {};
    return {
      'Access-Control-Allow-Origin': allowed === '*' ? '*' : origin,
      'Access-Control-Expose-Headers': 'Retry-After, X-Request-Id',
      ...(allowed === '*' ? {} : { Vary: 'Origin' }),
    };
  };

  const route = async (request: Request, url: URL): Promise<Response> => {
    if (request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method')) {
      const cors = corsHeaders(request);
      if (!cors['Access-Control-Allow-Origin']) return new Response(null, { status: 204 });
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Last-Event-ID, X-Request-Id',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    if (url.pathname === '/health') return Response.json({ status: 'ok' });
    if (url.pathname === '/ready') {
      if (draining) return Response.json({ status: 'shutting-down' }, { status: 503 });
      try {
        await options.checkStore();
        return Response.json({ status: 'ready' });
      } catch (error) {
        options.log.warn('not ready: the store does not answer', { error });
        return Response.json({ status: 'store-unavailable' }, { status: 503 });
      }
    }
    if (draining) {
      const body = new BackendError('INTERNAL', 'This instance is shutting down; try again').toBody();
      return Response.json(body, { status: 503, headers: { 'Retry-After': String(Math.ceil(options.retryHintMs / 1000)), Connection: 'close' } });
    }
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) {
      return Response.json(new BackendError('NOT_FOUND', `No route ${request.method} ${url.pathname}`).toBody(), { status: 404 });
    }
    const response = await options.app.fetch(request);
    if (url.pathname === JWKS_PATH && response.status === 200) return withValidator(request, response);
    if (url.pathname === EVENTS_PATH && response.status === 200 && response.body) return closable(response);
    return response;
  };

  /** A strong ETag over the key set, so caches revalidate with a 304 instead of fetching it again. */
  const withValidator = async (request: Request, response: Response): Promise<Response> => {
    const body = await response.arrayBuffer();
    const etag = `"${base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', body)))}"`;
    const headers = new Headers(response.headers);
    headers.set('ETag', etag);
    const wanted = request.headers.get('If-None-Match');
    if (wanted && wanted.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
      headers.delete('Content-Type');
      headers.delete('Content-Length');
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { status: 200, headers });
  };

  /** The stream's body behind one that a shutdown can end: a `retry:` field, then the end. */
  const closable = (response: Response): Response => {
    const reader = response.body!.getReader();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      streams.delete(shutdown);
      void reader.cancel().catch(() => undefined);
    };
    const shutdown = () => {
      if (ended) return;
      try {
        controller.enqueue(new TextEncoder().encode(`retry: ${options.retryHintMs}\n\n`));
        controller.close();
      } catch {
        // The reader went away already.
      }
      end();
    };
    streams.add(shutdown);
    const body = new ReadableStream<Uint8Array>({
      start(streamController) {
        controller = streamController;
      },
      async pull(streamController) {
        try {
          const { done, value } = await reader.read();
          if (ended) return;
          if (done) {
            end();
            streamController.close();
          } else streamController.enqueue(value);
        } catch (error) {
          const wasEnded = ended;
          end();
          if (!wasEnded) streamController.error(error);
        }
      },
      cancel() {
        end();
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };

  return {
    async fetch(request) {
      const started = now();
      const given = request.headers.get('X-Request-Id');
      const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
      const url = new URL(request.url);
      let response: Response;
      try {
        response = await route(request, url);
      } catch (error) {
        options.log.error('request failed', { requestId, method: request.method, path: url.pathname, error });
        response = Response.json(new BackendError('INTERNAL', 'The server failed; try again').toBody(), { status: 500 });
      }
      const headers = new Headers(response.headers);
      headers.set('X-Request-Id', requestId);
      // While draining, a connection serves no further request: the client opens a new one elsewhere.
      if (draining) headers.set('Connection', 'close');
      for (const [name, value] of Object.entries(corsHeaders(request))) headers.set(name, value);
      const fields = { requestId, method: request.method, path: url.pathname, status: response.status, ms: now() - started };
      if (url.pathname === '/health' || url.pathname === '/ready') options.log.debug('request', fields);
      else options.log.info('request', fields);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
    drain() {
      draining = true;
    },
    closeLiveStreams() {
      for (const shutdown of [...streams]) shutdown();
    },
    get liveStreams() {
      return streams.size;
    },
  };
}
