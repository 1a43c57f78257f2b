// The browser tests' harness must report every failure. A failed chai assertion on DOM nodes or
// functions carries values structuredClone cannot copy; web-test-runner would then never send
// the file's results and the file would hang until the runner's timeout, its failure unreported.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the browser test harness', () => {
  it('reports failures whose values are DOM nodes or functions, in seconds, without hanging', async function () {
    this.timeout(90_000);
    const started = Date.now();
    const child = spawn('npx', ['web-test-runner', 'test/harness/dom-failure.fixture.ts', '--group', 'default', '--port', String(await freePort())], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).to.not.equal(0);
    expect(output).to.contain('1 passed, 2 failed');
    expect(output).to.contain('[HTMLButtonElement] <button>one</button>');
    expect(output).to.contain('expected [Function] to equal [Function]');
    expect(output).to.not.contain('did not finish');
    expect(Date.now() - started, 'well before the runner’s timeout').to.be.below(80_000);
  });
});
