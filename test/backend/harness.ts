import { expect } from 'chai';
import {
  BackendError,
  createBackendApp,
  createBackendClient,
  createMemoryKeys,
  createMemoryStore,
  BACKEND_SCHEMA,
  seedStore,
  type BackendApp,
  type BackendClient,
  type BackendLimits,
  type Audience,
  type CodeSender,
  type EventBus,
  type KeyPort,
  type OneTimeCodeMessage,
  type Store,
  type Timers,
} from '../../src/backend/index.ts';

export const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
export const ISSUER = 'https://host.test';
export const ORIGIN = 'http://backend.test';

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
}

export function createFakeClock(start = T0): FakeClock {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

export interface Harness {
  app: BackendApp;
  store: Store;
  keys: KeyPort;
  clock: FakeClock;
  /** Every code the backend "sent", newest last. */
  sent: OneTimeCodeMessage[];
  /** A client with its own session slot. */
  client(): SessionClient;
  /** A raw request to the app: path relative to /api. */
  request(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response>;
  /** Writes one event through the outbox in its own transaction; resolves with its cursor. */
  emit(audience: Audience | readonly Audience[], type: string, data?: unknown): Promise<string>;
}

export interface SessionClient extends BackendClient {
  session: { token: string | null };
  /** Requests a code and signs in with it. */
  signInAs(phone: string): Promise<void>;
}

export async function createHarness(
  options: {
    store?: Store;
    keys?: KeyPort;
    clock?: FakeClock;
    limits?: Partial<BackendLimits>;
    codeSender?: CodeSender;
    bus?: EventBus;
    timers?: Timers;
  } = {},
): Promise<Harness> {
  const clock = options.clock ?? createFakeClock();
  const store = options.store ?? createMemoryStore(BACKEND_SCHEMA);
  const keys = options.keys ?? createMemoryKeys(clock);
  await seedStore(store, clock.now());
  const sent: OneTimeCodeMessage[] = [];
  const app = createBackendApp({
    store,
    clock,
    random: { bytes: (length) => crypto.getRandomValues(new Uint8Array(length)) },
    keys,
    issuer: ISSUER,
    codeSender: async (message) => {
      sent.push(message);
      await options.codeSender?.(message);
    },
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.bus ? { bus: options.bus } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
  });
  const fetch = (request: Request) => app.fetch(request);
  return {
    app,
    store,
    keys,
    clock,
    sent,
    client() {
      const session = { token: null as string | null };
      const client = createBackendClient({ baseUrl: `${ORIGIN}/api`, fetch, getSessionToken: () => session.token });
      return Object.assign(client, {
        session,
        async signInAs(phone: string) {
          await client.requestCode(phone);
          const { code } = sent.at(-1)!;
          session.token = (await client.signIn(phone, code)).sessionToken;
        },
      });
    },
    emit(audience, type, data) {
      return store.transaction((tx) => app.outbox.emit(tx, audience, type, data));
    },
    request(method, path, { body, rawBody, token, headers: extra, signal } = {}) {
      const headers = new Headers(extra);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      if (body !== undefined || rawBody !== undefined) headers.set('Content-Type', 'application/json');
      const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      return app.fetch(
        new Request(`${ORIGIN}/api${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }), ...(signal ? { signal } : {}) }),
      );
    },
  };
}

/** Awaits a client call that must fail with the given code. */
export async function expectBackendError(attempt: Promise<unknown>, code: string, status?: number): Promise<BackendError> {
  let caught: unknown;
  try {
    await attempt;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a BackendError ${code}`).to.be.instanceOf(BackendError);
  expect((caught as BackendError).code).to.equal(code);
  if (status !== undefined) expect((caught as BackendError).status).to.equal(status);
  return caught as BackendError;
}

/** Reads an error body and checks its shape and code. */
export async function expectErrorBody(response: Response, status: number, code: string): Promise<{ code: string; message: string; details?: unknown }> {
  expect(response.status).to.equal(status);
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  expect(body.error.code).to.equal(code);
  expect(body.error.message).to.be.a('string').with.length.above(0);
  return body.error;
}
