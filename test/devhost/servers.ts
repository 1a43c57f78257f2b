/// <reference types="node" />
// What the `miniapps dev` tests serve: the dev host's page built as the package builds it, and a
// small app that uses the SDK on a server of its own (another origin than the dev host's).
import { build } from 'esbuild';
import { mkdtemp, readFile, copyFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleDevHostPage } from '../../src/devhost/bundle.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let page: Promise<string> | undefined;

/** The dev host's page in a temporary folder, built once per test run. */
export function devHostPage(): Promise<string> {
  page ??= mkdtemp(join(tmpdir(), 'miniapps-devhost-')).then(async (dir) => {
    await bundleDevHostPage(dir);
    return dir;
  });
  return page;
}

export interface ServedApp {
  url: string;
  /** Requests the app's server answered, by path. */
  requests: string[];
  close(): Promise<void>;
}

/** Builds test/devhost/app and serves it on http://127.0.0.1:<free port>/. */
export async function serveSampleApp(): Promise<ServedApp> {
  const dir = await mkdtemp(join(tmpdir(), 'miniapps-devhost-app-'));
  await build({
    entryPoints: [join(root, 'test/devhost/app/main.ts')],
    outfile: join(dir, 'main.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    ignoreAnnotations: true,
    logLevel: 'warning',
  });
  await copyFile(join(root, 'test/devhost/app/index.html'), join(dir, 'index.html'));
  const requests: string[] = [];
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    requests.push(path);
    const file = path === '/' ? 'index.html' : path.slice(1);
    readFile(join(dir, file)).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
