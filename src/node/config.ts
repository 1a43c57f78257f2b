/// <reference types="node" />
/**
 * The server's configuration, from environment variables (and `miniapps serve` flags, which win).
 * Every bad value is refused with a `ConfigError` naming the variable and what it accepts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JWK } from 'jose';
import { DEFAULT_ISSUER } from '../backend/context.ts';
import type { LogLevel } from './log.ts';

export type SigningKeySource =
  /** Generated once and kept in the store; `miniapps serve rotate-key` rotates them. */
  | { source: 'store' }
  /** Private JWKs from the configuration, newest first: the first signs, the others verify. */
  | { source: 'config'; keys: JWK[] };

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL; PGlite in `dataDir` when absent. */
  databaseUrl?: string;
  /** The SQL schema of the tables (`public`); hosts sharing one database use one each. */
  databaseSchema: string;
  /** PGlite's folder; `memory://` keeps nothing (tests). */
  dataDir: string;
  poolSize: number;
  signingKeys: SigningKeySource;
  /** Origins allowed by CORS; `*` for any; none by default (same origin only). */
  allowedOrigins: readonly string[] | '*';
  issuer: string;
  /** `demo` writes the demo's users, staff and apps (with their known partner keys) when missing. */
  seed: 'none' | 'demo';
  /** Where sign-in codes go: the log (development) or a webhook that sends the SMS. */
  codeWebhook?: string;
  logLevel: LogLevel;
  /** How long a shutdown waits for requests in flight before it closes their connections. */
  shutdownTimeoutMs: number;
  /** The `retry:` hint sent to live streams closed by a shutdown. */
  retryHintMs: number;
}

/** The variables read, with what each accepts (also `miniapps serve --help`). */
export const CONFIG_VARIABLES = {
  PORT: 'port to listen on (default 8787; 0 picks a free one)',
  HOST: 'address to bind (default 127.0.0.1; 0.0.0.0 behind a load balancer)',
  DATABASE_URL: 'postgres://user:password@host:5432/db; without it PGlite runs in MINIAPPS_DATA_DIR',
  MINIAPPS_DB_SCHEMA: 'SQL schema of the tables (default public)',
  MINIAPPS_DATA_DIR: 'PGlite data folder (default .miniapps/pglite; memory:// keeps nothing)',
  MINIAPPS_DB_POOL_SIZE: 'PostgreSQL connections per instance (default 10)',
  MINIAPPS_SIGNING_KEYS: '"store" (default: generated once, kept in the database), a JWKS of private keys as JSON, or a path to such a file',
  MINIAPPS_ALLOWED_ORIGINS: 'comma-separated origins allowed by CORS (e.g. http://localhost:5173), or *',
  MINIAPPS_ISSUER: `the iss of launch tokens (default ${DEFAULT_ISSUER})`,
  MINIAPPS_SEED: '"demo" to write the demo users and apps when missing, or "none" (default)',
  MINIAPPS_CODE_WEBHOOK: 'URL that receives {phone, code, expiresAt} as JSON to send the SMS; without it codes are logged',
  MINIAPPS_LOG_LEVEL: 'debug, info (default), warn or error',
  MINIAPPS_SHUTDOWN_TIMEOUT_MS: 'how long a shutdown waits for requests in flight (default 10000)',
  MINIAPPS_RETRY_HINT_MS: 'the reconnect delay suggested to live streams closed by a shutdown (default 1000)',
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = 'INVALID_CONFIG';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** The configuration from `env`; the working folder resolves relative paths. */
export function loadServerConfig(env: Env, cwd = process.cwd()): ServerConfig {
  const known = new Set<string>(Object.keys(CONFIG_VARIABLES));
  const unknown = Object.keys(env).filter((name) => name.startsWith('MINIAPPS_') && !known.has(name) && !IGNORED.has(name));
  if (unknown.length) throw new ConfigError(unknown[0]!, `unknown setting; the settings are ${[...known].filter((name) => name.startsWith('MINIAPPS_')).join(', ')}`);
  const read = (name: ConfigVariable) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl);
  const codeWebhook = read('MINIAPPS_CODE_WEBHOOK');
  if (codeWebhook !== undefined) checkHttpUrl('MINIAPPS_CODE_WEBHOOK', codeWebhook);
  return {
    port: integer('PORT', read('PORT'), 8787, 0, 65535),
    host: read('HOST') ?? '127.0.0.1',
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    databaseSchema: schemaName(read('MINIAPPS_DB_SCHEMA') ?? 'public'),
    dataDir: dataDir(read('MINIAPPS_DATA_DIR') ?? '.miniapps/pglite', cwd),
    poolSize: integer('MINIAPPS_DB_POOL_SIZE', read('MINIAPPS_DB_POOL_SIZE'), 10, 1, 1000),
    signingKeys: signingKeys(read('MINIAPPS_SIGNING_KEYS'), cwd),
    allowedOrigins: origins(read('MINIAPPS_ALLOWED_ORIGINS')),
    issuer: read('MINIAPPS_ISSUER') ?? DEFAULT_ISSUER,
    seed: oneOf('MINIAPPS_SEED', read('MINIAPPS_SEED'), ['none', 'demo'] as const, 'none'),
    ...(codeWebhook === undefined ? {} : { codeWebhook }),
    logLevel: oneOf('MINIAPPS_LOG_LEVEL', read('MINIAPPS_LOG_LEVEL'), ['debug', 'info', 'warn', 'error'] as const, 'info'),
    shutdownTimeoutMs: integer('MINIAPPS_SHUTDOWN_TIMEOUT_MS', read('MINIAPPS_SHUTDOWN_TIMEOUT_MS'), 10_000, 0, 600_000),
    retryHintMs: integer('MINIAPPS_RETRY_HINT_MS', read('MINIAPPS_RETRY_HINT_MS'), 1000, 0, 600_000),
  };
}

/** Variables of the tests and tools that are not server settings. */
const IGNORED = new Set(['MINIAPPS_TEST_DATABASE_URL', 'MINIAPPS_PG_BIN']);

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new ConfigError(name, `expected a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  return Number(value);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(name, `expected ${allowed.join(' or ')}, not ${JSON.stringify(value)}`);
  return value as T;
}

function schemaName(value: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) throw new ConfigError('MINIAPPS_DB_SCHEMA', `expected 1–63 of a–z, 0–9 and _ (not starting with a digit), not ${JSON.stringify(value)}`);
  return value;
}

function dataDir(value: string, cwd: string): string {
  return value === 'memory://' ? value : resolve(cwd, value);
}

function checkDatabaseUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL', 'not a URL; expected postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `expected a postgres:// URL, not ${url.protocol}//…`);
  }
}

function checkHttpUrl(name: string, value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new ConfigError(name, `expected an http(s) URL, not ${JSON.stringify(value)}`);
}

function origins(value: string | undefined): readonly string[] | '*' {
  if (value === undefined) return [];
  if (value === '*') return '*';
  return value.split(',').map((each) => {
    const origin = each.trim();
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
      throw new ConfigError('MINIAPPS_ALLOWED_ORIGINS', `${JSON.stringify(origin)} is not an origin such as https://host.example or http://localhost:5173 (no path, no trailing slash)`);
    }
    return origin;
  });
}

function signingKeys(value: string | undefined, cwd: string): SigningKeySource {
  if (value === undefined || value === 'store') return { source: 'store' };
  let text = value;
  if (!value.startsWith('{')) {
    try {
      text = readFileSync(resolve(cwd, value), 'utf8');
    } catch (error) {
      throw new ConfigError('MINIAPPS_SIGNING_KEYS', `cannot read the key file ${JSON.stringify(value)} (${(error as NodeJS.ErrnoException).code ?? error}); expected "store", a JWKS as JSON, or a path to one`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('MINIAPPS_SIGNING_KEYS', 'the key set is not JSON; expected {"keys": [<private EC P-256 JWK>, …]}');
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new ConfigError('MINIAPPS_SIGNING_KEYS', 'expected {"keys": [<private EC P-256 JWK>, …]} with at least one key, newest first');
  keys.forEach((key: unknown, index) => {
    const jwk = key as JWK | null;
    if (typeof jwk !== 'object' || jwk === null || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
      throw new ConfigError('MINIAPPS_SIGNING_KEYS', `keys[${index}] is not a private EC P-256 JWK (kty "EC", crv "P-256", x, y and d); \`miniapps serve generate-key\` writes one`);
    }
  });
  return { source: 'config', keys: keys as JWK[] };
}
