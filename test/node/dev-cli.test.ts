import { expect } from 'chai';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DevArgsError, parseDevArgs, run } from '../../src/cli/dev.ts';
import { devHostPage } from '../devhost/servers.ts';

/** Runs `fn` with console.error and console.log captured. */
async function captured<T>(fn: () => Promise<T>): Promise<{ result: T; errors: string; logs: string }> {
  const errors: string[] = [];
  const logs: string[] = [];
  const { error, log } = console;
  console.error = (...args: unknown[]) => void errors.push(args.join(' '));
  console.log = (...args: unknown[]) => void logs.push(args.join(' '));
  try {
    return { result: await fn(), errors: errors.join('\n'), logs: logs.join('\n') };
  } finally {
    console.error = error;
    console.log = log;
  }
}

function argsError(args: string[]): string {
  try {
    parseDevArgs(args);
  } catch (error) {
    expect(error).to.be.instanceOf(DevArgsError);
    return (error as Error).message;
  }
  throw new Error(`parseDevArgs(${JSON.stringify(args)}) accepted the arguments`);
}

describe('miniapps dev: the command line', () => {
  it('reads the app URL, port, user, app id and capabilities', () => {
    const parsed = parseDevArgs(['--app', 'http://localhost:5173', '--port=0', '--user', 'user-ivan', '--app-id', 'bakery', '--capabilities', 'user,payments', '--open']);
    expect(parsed).to.include({ appUrl: 'http://localhost:5173/', port: 0, userId: 'user-ivan', appId: 'bakery', appName: 'bakery', open: true });
    expect(parsed.capabilities).to.deep.equal(['user', 'payments']);
  });

  it('defaults to port 5170, the first mock user, app id dev-app and every capability', () => {
    const parsed = parseDevArgs(['--app', 'https://app.example/start']);
    expect(parsed).to.include({ port: 5170, userId: 'user-anna', appId: 'dev-app' });
    expect(parsed.capabilities).to.equal(undefined);
  });

  it('requires --app', () => {
    expect(argsError([])).to.match(/--app is required/);
    expect(argsError(['--app'])).to.match(/--app needs a value/);
    expect(argsError(['--app', '--port', '1'])).to.match(/--app needs a value/);
  });

  it('refuses an app URL that is not an absolute http(s) URL', () => {
    expect(argsError(['--app', 'localhost:5173'])).to.equal('--app "localhost:5173" has no http:// or https://; did you mean --app http://localhost:5173?');
    expect(argsError(['--app', '/app/'])).to.match(/is not a URL/);
    expect(argsError(['--app', 'ftp://files.example/app'])).to.match(/must be an http\(s\) URL, not ftp/);
    expect(argsError(['--app', 'javascript://alert(1)'])).to.match(/not javascript/);
    expect(argsError(['--app', 'javascript:alert(1)'])).to.match(/has no http:\/\//);
  });

  it('refuses a bad port, an unknown user, capability or option', () => {
    expect(argsError(['--app', 'http://localhost:5173', '--port', 'eighty'])).to.match(/--port "eighty" is not a port number/);
    expect(argsError(['--app', 'http://localhost:5173', '--port', '70000'])).to.match(/not a port number/);
    expect(argsError(['--app', 'http://localhost:5173', '--user', 'user-nobody'])).to.match(/not a mock user; choose one of user-anna, user-ivan, user-maria/);
    expect(argsError(['--app', 'http://localhost:5173', '--capabilities', 'user,teleport'])).to.match(/unknown "teleport"/);
    expect(argsError(['--app', 'http://localhost:5173', '--app-id', 'Not An Id'])).to.match(/--app-id/);
    expect(argsError(['--app', 'http://localhost:5173', '--verbose'])).to.match(/unknown option "--verbose"/);
  });

  it('explains a bad argument with the usage and exits 1', async () => {
    const { result, errors } = await captured(() => run(['--app', 'ftp://files.example/app']));
    expect(result).to.equal(1);
    expect(errors).to.match(/^miniapps dev: --app must be an http\(s\) URL/);
    expect(errors).to.include('Usage: miniapps dev --app <url>');
  });

  it('prints its options for --help and exits 0', async () => {
    const lines: string[] = [];
    expect(await run(['--help'], { log: (line) => lines.push(line) })).to.equal(0);
    expect(lines.join('\n')).to.include('--app <url>').and.include('--port <n>').and.include('--user <id>');
  });

  describe('with the page built', () => {
    let pageDir: string;
    let taken: Server;
    let takenPort: number;

    before(async function () {
      this.timeout(60_000);
      pageDir = await devHostPage();
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      takenPort = (taken.address() as AddressInfo).port;
    });

    after(() => new Promise<void>((resolve) => taken.close(() => resolve())));

    it('says the port is in use and exits 1', async () => {
      const { result, errors } = await captured(() => run(['--app', 'http://127.0.0.1:5173', '--port', String(takenPort)], { pageDir, until: new Promise(() => {}) }));
      expect(result).to.equal(1);
      expect(errors).to.equal(`miniapps dev: port ${takenPort} is in use; choose another with --port (0 picks a free one)`);
    });

    it('refuses an app on the dev host’s own origin', async () => {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const port = (probe.address() as AddressInfo).port;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      const { result, errors } = await captured(() => run(['--app', `http://localhost:${port}/app/`, '--port', String(port)], { pageDir, until: new Promise(() => {}) }));
      expect(result).to.equal(1);
      expect(errors).to.match(/is on the dev host's own origin/);
      expect(await fetch(`http://localhost:${port}/`).then(() => 'answered', () => 'closed')).to.equal('closed');
    });

    it('says so when the page is not built', async () => {
      const { result, errors } = await captured(() => run(['--app', 'http://127.0.0.1:5173', '--port', '0'], { pageDir: '/nonexistent/devhost' }));
      expect(result).to.equal(1);
      expect(errors).to.match(/the dev host's page is not built/);
    });

    it('prints the host and JWKS URLs, serves until told to stop, and exits 0', async () => {
      let stop!: () => void;
      const until = new Promise<void>((resolve) => (stop = resolve));
      const lines: string[] = [];
      const running = run(['--app', 'http://127.0.0.1:5173/', '--port', '0', '--name', 'Bakery'], {
        pageDir,
        until,
        log: (line) => {
          lines.push(line);
          if (line.includes('Ctrl-C')) stop();
        },
      });
      expect(await running).to.equal(0);
      const text = lines.join('\n');
      expect(text).to.match(/^miniapps dev: Bakery \(http:\/\/127\.0\.0\.1:5173\/\) in a host at http:\/\/localhost:\d+\//);
      expect(text).to.match(/JWKS \(verify launch tokens on your backend\): http:\/\/localhost:\d+\/api\/\.well-known\/jwks\.json/);
      const page = /in a host at (\S+)/.exec(text)![1]!;
      // Stopped: nothing listens there any more.
      const refused = await fetch(page).then(() => false, () => true);
      expect(refused).to.equal(true);
    });
  });
});
