/// <reference types="node" />
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCapability, type Capability } from '../protocol/index.ts';
import { SEED_USERS } from '../backend/seed.ts';

/** `miniapps dev`: the author's local host. Run with `--help` for the options. */

export const DEFAULT_PORT = 5170;

export interface DevArgs {
  appUrl: string;
  appId: string;
  appName: string;
  port: number;
  userId: string;
  capabilities?: Capability[];
  open: boolean;
  help: boolean;
}

/** A mistake in the command line, explained to the author. */
export class DevArgsError extends Error {
  override name = 'DevArgsError';
}

const USAGE = `Usage: miniapps dev --app <url> [options]

Opens your running mini-app (its dev server, e.g. Vite's) inside a host on another origin, with a
mock user, capability switches, theme, locale, viewport and safe-area controls, injectable host
failures and the integration log. The host backend runs with it: real test launch tokens, and
its keys as a JWKS your own backend can verify them with.

Options:
  --app <url>            your app's page, http(s), e.g. http://localhost:5173 (required)
  --app-id <id>          the app's catalog id, the "aud" of its launch tokens (default dev-app)
  --name <text>          the app's display name (default its id)
  --port <n>             the dev host's port (default ${DEFAULT_PORT}; 0 picks a free one)
  --user <id>            the mock user to start as: ${SEED_USERS.map((user) => user.id).join(', ')}
  --capabilities <list>  comma-separated capabilities granted at start (default all)
  --open                 open the dev host in the default browser
  -h, --help             this text`;

const VALUE_OPTIONS = new Set(['--app', '--app-id', '--name', '--port', '--user', '--capabilities']);

/** Reads the command line; throws a `DevArgsError` that says what to change. */
export function parseDevArgs(args: readonly string[]): DevArgs {
  const values = new Map<string, string>();
  let open = false;
  let help = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '-h' || name === '--help') help = true;
    else if (name === '--open') open = true;
    else if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? args[++index];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new DevArgsError(`${name} needs a value`);
      values.set(name, value);
    } else throw new DevArgsError(`unknown option "${arg.slice(0, 60)}"`);
  }
  if (help) return { appUrl: '', appId: '', appName: '', port: DEFAULT_PORT, userId: '', open, help };

  const app = values.get('--app');
  if (app === undefined) throw new DevArgsError('--app is required: the URL of your running app, e.g. --app http://localhost:5173');
  let url: URL;
  try {
    url = new URL(app);
  } catch {
    throw new DevArgsError(`--app "${app.slice(0, 200)}" is not a URL; give an absolute http(s) URL such as http://localhost:5173`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && !app.includes('//')) {
    throw new DevArgsError(`--app "${app.slice(0, 200)}" has no http:// or https://; did you mean --app http://${app.slice(0, 200)}?`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DevArgsError(`--app must be an http(s) URL, not ${url.protocol.replace(/:$/, '')}: e.g. http://localhost:5173`);
  }

  const appId = values.get('--app-id') ?? 'dev-app';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(appId)) throw new DevArgsError(`--app-id "${appId.slice(0, 80)}": lower-case letters, digits and hyphens, at most 63`);

  const portText = values.get('--port') ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new DevArgsError(`--port "${portText.slice(0, 20)}" is not a port number (0 to 65535)`);

  const userId = values.get('--user') ?? SEED_USERS[0]!.id;
  if (!SEED_USERS.some((user) => user.id === userId)) {
    throw new DevArgsError(`--user "${userId.slice(0, 80)}" is not a mock user; choose one of ${SEED_USERS.map((user) => user.id).join(', ')}`);
  }

  let capabilities: Capability[] | undefined;
  const list = values.get('--capabilities');
  if (list !== undefined) {
    const names = list.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = names.filter((name) => !isCapability(name));
    if (unknown.length) throw new DevArgsError(`--capabilities: unknown ${unknown.map((name) => `"${name.slice(0, 40)}"`).join(', ')}`);
    capabilities = names as Capability[];
  }

  return { appUrl: url.href, appId, appName: values.get('--name') ?? appId, port, userId, ...(capabilities && { capabilities }), open, help };
}

/** The built page: next to this module in the package (dist/src/cli → dist/devhost), or the repository's build when run from its sources. */
function defaultPageDir(): string {
  const packaged = fileURLToPath(new URL('../../devhost/', import.meta.url));
  const repository = fileURLToPath(new URL('../../dist/devhost/', import.meta.url));
  return existsSync(packaged) || !existsSync(repository) ? packaged : repository;
}

export interface RunOptions {
  /** Where the built page is; the package's own by default. */
  pageDir?: string;
  /** Resolves when the command should stop; Ctrl-C (SIGINT) or SIGTERM by default. */
  until?: Promise<unknown>;
  log?: (line: string) => void;
}

export async function run(args: string[], options: RunOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  let parsed: DevArgs;
  try {
    parsed = parseDevArgs(args);
  } catch (error) {
    if (!(error instanceof DevArgsError)) throw error;
    console.error(`miniapps dev: ${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (parsed.help) {
    log(USAGE);
    return 0;
  }
  const pageDir = options.pageDir ?? defaultPageDir();
  if (!existsSync(pageDir)) {
    console.error(`miniapps dev: the dev host's page is not built (${pageDir} is missing); run "npm run build" in the miniapps package`);
    return 1;
  }

  const { startDevHost, DevHostListenError } = await import('../devhost/server.ts');
  let host: Awaited<ReturnType<typeof startDevHost>>;
  try {
    host = await startDevHost({
      appUrl: parsed.appUrl,
      appId: parsed.appId,
      appName: parsed.appName,
      port: parsed.port,
      userId: parsed.userId,
      pageDir,
      ...(parsed.capabilities && { capabilities: parsed.capabilities }),
    });
  } catch (error) {
    if (!(error instanceof DevHostListenError)) throw error;
    console.error(`miniapps dev: ${error.message}`);
    return 1;
  }
  if (new URL(host.url).origin === new URL(parsed.appUrl).origin) {
    await host.close();
    console.error(`miniapps dev: --app ${parsed.appUrl} is on the dev host's own origin; a host never runs an app on its origin`);
    return 1;
  }

  log(`miniapps dev: ${parsed.appName} (${parsed.appUrl}) in a host at ${host.url}`);
  log(`  JWKS (verify launch tokens on your backend): ${host.jwksUrl}`);
  log(`  test launch token: curl -X POST ${host.apiUrl}/partner/apps/${host.appId}/test-tokens -H 'Authorization: Bearer ${host.partnerKey}' -H 'Content-Type: application/json' -d '{"userId":"${parsed.userId}","premisesId":"${SEED_USERS.find((user) => user.id === parsed.userId)!.premises[0]!.id}"}'`);
  log('  Ctrl-C stops it.');
  if (parsed.open) openInBrowser(host.url, log);

  await (options.until ?? untilSignal());
  await host.close();
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function openInBrowser(url: string, log: (line: string) => void): void {
  const [command, ...args] = process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  const child = spawn(command!, args, { stdio: 'ignore', detached: true });
  child.on('error', () => log(`  (could not open a browser; open ${url} yourself)`));
  child.unref();
}
