/**
 * The Node server runs the chat's restart-timeout job itself: a dialog left unanswered past the
 * timeout ends on the server's clock without anyone calling the job, and a server started with
 * no job (`chatJobIntervalMs: null`) ends nothing.
 */
import { expect } from 'chai';
import { SEED_USERS, type ChatOpenResponse } from '../../src/backend/index.ts';
import { createFakeClock } from '../backend/harness.ts';
import { startTestServer, type TestServer } from './server-helpers.ts';

const maria = SEED_USERS.find((user) => user.id === 'user-maria')!;
const RESTART_TIMEOUT_MS = 30 * 60 * 1000;

async function openUtilitiesChat(server: TestServer): Promise<{ status: () => Promise<string> }> {
  const client = server.client();
  await client.signInAs(maria.phone);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.server.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${client.session.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).to.equal(200);
    return (await response.json()) as ChatOpenResponse;
  };
  const opened = await call('POST', '/apps/utilities/chat', {});
  expect(opened.conversation.status).to.equal('bot');
  const id = opened.conversation.id;
  return { status: async () => (await call('GET', `/chats/${id}`)).conversation.status };
}

describe('the Node server’s chat job', function () {
  this.timeout(30_000);
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.server.shutdown();
    server = undefined;
  });

  it('ends a dialog unanswered past the restart timeout on its own timer', async () => {
    const clock = createFakeClock(Date.now());
    server = await startTestServer({ clock, chatJobIntervalMs: 20 });
    const dialog = await openUtilitiesChat(server);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await dialog.status(), 'the job ran, but the timeout has not passed').to.equal('bot');
    clock.advance(RESTART_TIMEOUT_MS);
    const deadline = Date.now() + 5_000;
    while ((await dialog.status()) !== 'closed') {
      if (Date.now() > deadline) throw new Error('the job did not end the dialog in 5 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('runs no job when told not to', async () => {
    const clock = createFakeClock(Date.now());
    server = await startTestServer({ clock, chatJobIntervalMs: null });
    const dialog = await openUtilitiesChat(server);
    clock.advance(RESTART_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await dialog.status()).to.equal('bot');
    expect(await server.server.app.chat.runTimeouts()).to.equal(1);
    expect(await dialog.status()).to.equal('closed');
  });
});
