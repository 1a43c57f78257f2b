import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { openFixture, type OpenedApp } from '../helpers/frames.ts';

describe('the launch theme', () => {
  let opened: OpenedApp;
  afterEach(async () => {
    await opened?.dispose();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('follows a dark system when the host sets no theme, and keeps following it', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    opened = await openFixture();
    const { launch } = await opened.run<any>('connect');
    expect(launch.theme).to.deep.equal({ scheme: 'dark' });
    await emulateMedia({ colorScheme: 'light' });
    await waitFor(async () => (await opened.run<any[]>('events')).some((event) => event.event === 'theme'));
    const events = await opened.run<any[]>('events');
    expect(events.filter((event) => event.event === 'theme').map((event) => event.data)).to.deep.equal([{ scheme: 'light' }]);
  });

  it('keeps the host’s own theme whatever the system says', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    opened = await openFixture({ theme: { scheme: 'light' } });
    const { launch } = await opened.run<any>('connect');
    expect(launch.theme).to.deep.equal({ scheme: 'light' });
    await emulateMedia({ colorScheme: 'light' });
    await emulateMedia({ colorScheme: 'dark' });
    // A round trip after the change: any theme event would have arrived before its answer.
    await opened.run('call', { method: 'app.ready' });
    expect((await opened.run<any[]>('events')).filter((event) => event.event === 'theme')).to.deep.equal([]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
