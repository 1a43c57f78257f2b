/// <reference types="node" />
/**
 * `miniapps serve`: the host backend as an HTTP server, configured by environment variables
 * (flags win), until SIGTERM or SIGINT, which shut it down gracefully.
 * `miniapps serve rotate-key` rotates the stored signing key; `miniapps serve generate-key` prints
 * a private JWK for MINIAPPS_SIGNING_KEYS.
 */
import { CONFIG_VARIABLES, ConfigError, loadServerConfig, type ConfigVariable, type ServerConfig } from '../node/config.ts';
import { createJsonLogger } from '../node/log.ts';
import { generatePrivateJwk } from '../node/server-keys.ts';
import type { startServer as StartServer } from '../node/server.ts';

const FLAGS: Record<string, ConfigVariable> = {
  '--port': 'PORT',
  '--host': 'HOST',
  '--database-url': 'DATABASE_URL',
  '--data-dir': 'MINIAPPS_DATA_DIR',
  '--seed': 'MINIAPPS_SEED',
  '--allowed-origins': 'MINIAPPS_ALLOWED_ORIGINS',
};

function usage(): string {
  const width = Math.max(...Object.keys(CONFIG_VARIABLES).map((name) => name.length));
  return [
    'Usage: miniapps serve [--port N] [--host H] [--database-url URL] [--data-dir DIR] [--seed demo] [--allowed-origins LIST]',
    '       miniapps serve rotate-key     sign with a new stored key; the old one stays published 24 h',
    '       miniapps serve generate-key   print a private JWK for MINIAPPS_SIGNING_KEYS',
    '',
    'Serves the host backend (/api, /health, /ready). Settings (flags win over the environment):',
    ...Object.entries(CONFIG_VARIABLES).map(([name, text]) => `  ${name.padEnd(width)}  ${text}`),
  ].join('\n');
}

/** The environment with the flags applied. */
function environment(args: readonly string[]): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const variable = FLAGS[flag];
    if (!variable) throw new ConfigError(flag.slice(0, 40), `unknown option; run "miniapps serve --help"`);
    const value = inline ?? args[++index];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new ConfigError(flag, 'needs a value');
    env[variable] = value;
  }
  return env;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return 0;
  }
  if (args[0] === 'generate-key') {
    console.log(JSON.stringify({ keys: [await generatePrivateJwk()] }, null, 2));
    return 0;
  }
  const rotate = args[0] === 'rotate-key';
  let config: ServerConfig;
  try {
    config = loadServerConfig(environment(rotate ? args.slice(1) : args));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`miniapps serve: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const log = createJsonLogger({ level: config.logLevel });
  const startServer = await loadServer();
  if (rotate) return rotateKey(startServer, config, log);

  const server = await startServer({ config, log });
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      server.shutdown(signal).then(
        () => resolve(0),
        (error: unknown) => {
          log.error('shutdown failed', { error });
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

/** The server module, loaded on demand: it needs hono, an optional peer of the package. */
async function loadServer(): Promise<typeof StartServer> {
  try {
    return (await import('../node/server.ts')).startServer;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && /'hono'/.test(String((error as Error).message))) {
      throw new Error('serve needs hono next to miniapps: npm install hono', { cause: error });
    }
    throw error;
  }
}

async function rotateKey(startServer: typeof StartServer, config: ServerConfig, log: ReturnType<typeof createJsonLogger>): Promise<number> {
  if (config.signingKeys.source === 'config') {
    console.error('miniapps serve rotate-key: the keys come from MINIAPPS_SIGNING_KEYS; put a new key first in that list and restart');
    return 2;
  }
  // A server without a port: opens the store, rotates, closes.
  const server = await startServer({ config: { ...config, port: 0, host: '127.0.0.1' }, log, codeSender: () => undefined });
  try {
    const ring = await server.keys.rotate();
    log.info('signing key rotated', { activeKid: ring.activeKid, published: ring.keys.map((key) => key.kid) });
    return 0;
  } finally {
    await server.shutdown('rotate-key');
  }
}
