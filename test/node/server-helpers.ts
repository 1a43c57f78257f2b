/// <reference types="node" />
/** Servers for the Node server tests: in this process (startServer) or as a `miniapps serve` child. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createBackendClient, type BackendClient, type BackendLimits, type OneTimeCodeMessage } from '../../src/backend/index.ts';
import { loadServerConfig, type ServerConfig } from '../../src/node/config.ts';
import { createJsonLogger } from '../../src/node/log.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import type { SqlEngine } from '../../src/backend/sql/engine.ts';
import type { Clock } from '../../src/backend/ports.ts';
import { freshSchema, openTestPglite, testDatabaseUrl } from './sql-test-databases.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface TestServer {
  server: RunningServer;
  /** Every code sent, newest last. */
  codes: OneTimeCodeMessage[];
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** A client of this server with its own session. */
  client(): TestClient;
}

export interface TestClient extends BackendClient {
  session: { token: string | null };
  signInAs(phone: string): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): ServerConfig {
  return loadServerConfig({ PORT: '0', HOST: '127.0.0.1', MINIAPPS_DATA_DIR: 'memory://', MINIAPPS_SEED: 'demo', ...env });
}

let sharedPglite: Promise<SqlEngine> | undefined;
/** One in-memory PGlite for every PGlite server of the run (each in its own schema): starting one takes seconds. */
function pglite(): Promise<SqlEngine> {
  return (sharedPglite ??= openTestPglite());
}
after(async () => {
  await (await sharedPglite)?.close();
});

/** A server in this process, on the shared PGlite or, with `postgres`, on the test PostgreSQL; in `schema` (a fresh one by default). */
export async function startTestServer(
  options: {
    database?: 'pglite' | 'postgres';
    schema?: string;
    env?: Record<string, string>;
    limits?: Partial<BackendLimits>;
    clock?: Clock;
    chatJobIntervalMs?: number | null;
  } = {},
): Promise<TestServer> {
  const env: Record<string, string> = { ...options.env };
  if (options.database === 'postgres') env.DATABASE_URL = testDatabaseUrl();
  env.MINIAPPS_DB_SCHEMA = options.schema ?? freshSchema('server');
  const codes: OneTimeCodeMessage[] = [];
  const logs: Record<string, unknown>[] = [];
  const server = await startServer({
    config: testConfig(env),
    log: createJsonLogger({ level: 'debug', write: (line) => void logs.push(JSON.parse(line) as Record<string, unknown>) }),
    codeSender: (message) => void codes.push(message),
    ...(options.database === 'postgres' ? {} : { engine: await pglite() }),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.chatJobIntervalMs !== undefined ? { chatJobIntervalMs: options.chatJobIntervalMs } : {}),
  });
  return { server, codes, logs, client: () => clientOf(`${server.url}/api`, () => codes) };
}

/** A client of `apiUrl` that signs in with the codes `codes()` lists. */
export function clientOf(apiUrl: string, codes: () => readonly OneTimeCodeMessage[], fetcher?: (request: Request) => Promise<Response>): TestClient {
  const session = { token: null as string | null };
  const client = createBackendClient({ baseUrl: apiUrl, getSessionToken: () => session.token, ...(fetcher ? { fetch: fetcher } : {}) });
  return Object.assign(client, {
    session,
    async signInAs(phone: string) {
      await client.requestCode(phone);
      const sent = codes().filter((message) => message.phone === phone).at(-1);
      if (!sent) throw new Error(`No code was sent to ${phone}`);
      session.token = (await client.signIn(phone, sent.code)).sessionToken;
    },
  });
}

export interface ChildServer {
  process: ChildProcess;
  url: string;
  /** Codes read from its log. */
  codes: OneTimeCodeMessage[];
  logs: Record<string, unknown>[];
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** `miniapps serve` in a child process (the CLI as users run it, through tsx), ready once it logs `listening`. */
export function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const codes: OneTimeCodeMessage[] = [];
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (text) => {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(line);
      if (line.msg === 'sign-in code') codes.push({ phone: String(line.phone), code: String(line.code), expiresAt: Date.parse(String(line.expiresAt)) });
      if (line.msg === 'listening') resolve({ process: child, url: String(line.url), codes, logs, exited });
    });
    void exited.then((code) => reject(new Error(`miniapps serve exited (${code}) before listening: ${stderr.slice(-2000)}`)));
  });
}

/** Resolves once `check` holds, polling every 10 ms; rejects after `ms`. */
export async function eventually(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
