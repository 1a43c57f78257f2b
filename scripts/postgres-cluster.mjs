// A throwaway PostgreSQL cluster for the tests: Debian's server binaries (`apt-get install
// postgresql`), a data folder under the system's temp folder, listening on 127.0.0.1 only, on a free
// port, with trust auth for the local test user. Run as root, the server runs as the `postgres`
// user (PostgreSQL refuses root). `stop()` stops it and deletes the folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed server's bin folder, or undefined. */
export function findPostgresBin() {
  if (process.env.MINIAPPS_PG_BIN) return process.env.MINIAPPS_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves to `{ url, stop() }`, or throws with what is missing. */
export async function startThrowawayPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error('No PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin): apt-get install -y postgresql');
  const asRoot = process.getuid?.() === 0;
  const run = (command, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}): ${result.stderr || result.stdout || result.error}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'miniapps-pg-'));
  if (asRoot) {
    chmodSync(dir, 0o700);
    const chown = spawnSync('chown', ['postgres:postgres', dir]);
    if (chown.status !== 0) throw new Error('chown postgres failed: does the postgres user exist?');
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'miniapps', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', [
      '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
      '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://miniapps@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// `node scripts/postgres-cluster.mjs`: starts a cluster, prints its URL, stops it on Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startThrowawayPostgres();
  console.log(cluster.url);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdin.resume();
}
