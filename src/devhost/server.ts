/// <reference types="node" />
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { extname, join } from 'node:path';
import {
  BACKEND_SCHEMA,
  Collection,
  createBackendApp,
  createBackendClient,
  createMemoryKeys,
  createMemoryStore,
  cryptoRandom,
  DEFAULT_ISSUER,
  SEED_USERS,
  seedStore,
  sha256,
  systemClock,
  type AppRecord,
  type OneTimeCodeMessage,
  type Store,
} from '../backend/index.ts';
import { ALL_CAPABILITIES, type Capability } from '../protocol/index.ts';
import { CONFIG_PATH, type DevHostConfig, type DevUser } from './config.ts';

export interface DevHostOptions {
  /** The author's running app: an absolute http(s) URL on another origin. */
  appUrl: string;
  /** The app's catalog id, the `aud` of its tokens (default `dev-app`). */
  appId?: string;
  appName?: string;
  /** 0 picks a free port. */
  port: number;
  /** The mock user the page starts with (default the first one). */
  userId?: string;
  capabilities?: readonly Capability[];
  /** The built page: index.html and its script (dist/devhost in the package). */
  pageDir: string;
  issuer?: string;
}

export interface DevHost {
  /** The dev host's page, e.g. `http://localhost:5170/`. */
  url: string;
  jwksUrl: string;
  apiUrl: string;
  /** Authorises test tokens: `POST {apiUrl}/partner/apps/{appId}/test-tokens`. */
  partnerKey: string;
  appId: string;
  port: number;
  close(): Promise<void>;
}

/** A listen failure the command line explains (the port is taken, or not ours to use). */
export class DevHostListenError extends Error {
  override name = 'DevHostListenError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_APP_ID = 'dev-app';
/** A seeded app that takes payments: the app under development is modelled on it. */
const TEMPLATE_APP_ID = 'bakery';
/** The partner key of the app under development: a local tool's fixed key, printed at start. */
export const DEV_PARTNER_KEY = 'pk_dev_local';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Starts the dev host on localhost: the prebuilt page, the real host backend under `/api` (memory
 * store, fresh ES256 keys, the seed users signed in), and the page's config. The page then opens
 * the author's app in a host on this origin.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const issuer = options.issuer ?? DEFAULT_ISSUER;
  const page = await readPage(options.pageDir);
  const store = createMemoryStore(BACKEND_SCHEMA);
  const clock = systemClock;
  await seedStore(store, clock.now());
  await addDevApp(store, appId, options.appName ?? appId);
  const codes = new Map<string, string>();
  const backend = createBackendApp({
    store,
    clock,
    random: cryptoRandom,
    keys: createMemoryKeys(clock),
    issuer,
    codeSender: (message: OneTimeCodeMessage) => void codes.set(message.phone, message.code),
  });
  const sessions = await signInUsers(backend.fetch, codes);
  const users: DevUser[] = SEED_USERS.map((user) => ({ id: user.id, name: user.name, phone: user.phone, premises: structuredClone(user.premises) }));
  const userId = options.userId ?? users[0]!.id;
  if (!users.some((user) => user.id === userId)) throw new Error(`No mock user "${userId}"; choose one of ${users.map((user) => user.id).join(', ')}`);

  let origin = '';
  const app = new Hono();
  app.get('/', (c) => c.body(page.get('index.html')!.body, 200, { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-store' }));
  app.get('/devhost/:file', (c) => {
    const file = page.get(c.req.param('file'));
    return file ? c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }) : c.notFound();
  });
  app.get(CONFIG_PATH, (c) => {
    const config: DevHostConfig = {
      app: { id: appId, name: options.appName ?? appId, url: options.appUrl, capabilities: [...(options.capabilities ?? ALL_CAPABILITIES)] },
      users,
      userId,
      sessions,
      partnerKey: DEV_PARTNER_KEY,
      apiUrl: `${origin}/api`,
      jwksUrl: `${origin}/api/.well-known/jwks.json`,
      issuer,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(config);
  });
  app.all('/api/*', async (c) => {
    const response = await backend.fetch(c.req.raw);
    // A partner's backend or its browser tooling may read the keys from any origin.
    if (new URL(c.req.url).pathname === '/api/.well-known/jwks.json') response.headers.set('Access-Control-Allow-Origin', '*');
    return response;
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const port = await listen(server, options.port);
  origin = `http://localhost:${port}`;
  return {
    url: `${origin}/`,
    jwksUrl: `${origin}/api/.well-known/jwks.json`,
    apiUrl: `${origin}/api`,
    partnerKey: DEV_PARTNER_KEY,
    appId,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Live streams (`/api/events`) stay open until told otherwise.
        server.closeAllConnections();
      }),
  };
}

/**
 * The app under development joins the catalog as a copy of a seeded active app that takes
 * payments, under its own id, name and partner key, holding no licence.
 */
async function addDevApp(store: Store, appId: string, name: string): Promise<void> {
  const template = await store.get<AppRecord>(Collection.APPS, TEMPLATE_APP_ID);
  if (!template) throw new Error(`The seed has no app "${TEMPLATE_APP_ID}" to model the app under development on`);
  const record: Record<string, unknown> = { ...structuredClone(template), id: appId, partnerKeyHash: await sha256(DEV_PARTNER_KEY), testerIds: [], status: 'active' };
  if ('name' in template) record.name = name;
  else record.title = name;
  if ('licence' in template) record.licence = null;
  await store.transaction((tx) => tx.put(Collection.APPS, appId, record as AppRecord));
}

/** Every mock user signs in once, by code like anyone, so the host can call the backend as each. */
async function signInUsers(fetch: (request: Request) => Promise<Response>, codes: Map<string, string>): Promise<Record<string, string>> {
  const sessions: Record<string, string> = {};
  for (const user of SEED_USERS) {
    const client = createBackendClient({ baseUrl: 'http://devhost.internal/api', fetch, getSessionToken: () => null });
    await client.requestCode(user.phone);
    const { sessionToken } = await client.signIn(user.phone, codes.get(user.phone)!);
    sessions[user.id] = sessionToken;
  }
  return sessions;
}

async function readPage(dir: string): Promise<Map<string, { body: string; type: string }>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new Error(`The dev host's page is missing at ${dir}: build it with "npm run build"`);
  }
  if (!names.includes('index.html')) throw new Error(`The dev host's page is missing at ${dir}: build it with "npm run build"`);
  const page = new Map<string, { body: string; type: string }>();
  for (const name of names) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) page.set(name, { body: await readFile(join(dir, name), 'utf8'), type });
  }
  return page;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new DevHostListenError(error.code, `port ${port} is in use; choose another with --port (0 picks a free one)`));
      else if (error.code === 'EACCES') reject(new DevHostListenError(error.code, `port ${port} needs privileges this process lacks; choose one above 1023 with --port`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
