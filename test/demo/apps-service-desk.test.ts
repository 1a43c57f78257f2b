import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/apps/service-desk/service-desk.ts';
import type { ServiceDesk } from '../../demo/apps/service-desk/service-desk.ts';
import { MAX_ATTACHMENT_BYTES } from '../../demo/apps/service-desk/requests.ts';
import { SEED_SERVICE_DESK_CHAT } from '../../src/backend/seed.ts';
import { validateChatSettings } from '../../src/chat/index.ts';
import { HostError, mockHost, type MockHost } from '../../src/sdk/testing.ts';

/*
 * The service desk as its author tests it: its own code on the SDK's mock host, with the host's
 * storage as a map that outlives the element, so removing the element and mounting a new one is
 * the app's reload.
 */
describe('service desk (demo/apps/service-desk)', () => {
  let host: MockHost | undefined;
  let desk: ServiceDesk | undefined;
  const storage = new Map<string, string>();
  const downloads: { data: unknown; name?: string }[] = [];

  const storageHandlers = {
    'storage.get': ({ keys }: { keys: string[] }) => Object.fromEntries(keys.map((key) => [key, storage.get(key) ?? null])),
    'storage.set': ({ key, value }: { key: string; value: string }) => void storage.set(key, value),
    'storage.remove': ({ keys }: { keys: string[] }) => void keys.forEach((key) => storage.delete(key)),
    'storage.keys': () => [...storage.keys()],
  };

  async function open(options: { chat?: () => void; locale?: string } = {}): Promise<ShadowRoot> {
    host = mockHost({
      user: { id: 'user-ivan', name: 'Ivan Sidorov', phone: '+79990000002', premises: { id: 'premises-rs-7', title: 'Flat 7' }, object: { id: 'object-riverside', title: 'Riverside, building 3' } },
      capabilities: ['user', 'storage', 'files', 'chat'],
      launchParams: { appId: 'service-desk', locale: options.locale ?? 'en' },
      handlers: {
        ...storageHandlers,
        'files.download': (request) => void downloads.push(request as { data: unknown; name?: string }),
        ...(options.chat ? { 'chat.open': options.chat } : {}),
      },
    });
    desk = await fixture<ServiceDesk>(html`<service-desk></service-desk>`);
    await waitUntil(() => host!.ready, 'the desk never said ready', { timeout: 10_000 });
    return desk.shadowRoot!;
  }

  afterEach(() => {
    desk?.remove();
    host?.dispose();
    desk = undefined;
    host = undefined;
  });

  async function fill(root: ShadowRoot, topic: string, text: string, file?: File): Promise<void> {
    const select = root.querySelector<HTMLElement & { value: string }>('ma-select[name=topic]')!;
    select.value = topic;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const area = root.querySelector<HTMLElement & { value: string }>('ma-textarea[name=description]')!;
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (file) {
      const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    }
    await desk!.updateComplete;
  }

  it('shows the user, sends a request with a file, and keeps it in the history across a reload', async function () {
    this.timeout(20_000);
    let root = await open();
    expect(root.querySelector('h1')!.textContent).to.equal('Service desk');
    await waitUntil(() => root.querySelector('[data-user]'), 'the user is not shown');
    expect(root.querySelector('[data-user]')!.textContent).to.contain('Ivan Sidorov');
    const photo = new File([new Uint8Array(5000).map((_, index) => index % 251)], 'leak.png', { type: 'image/png' });
    await fill(root, 'plumbing', 'Water drips from the ceiling in the bathroom', photo);
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => root.querySelector('[data-request]'), 'the request is not in the history');
    expect(root.querySelector('[role=status]')!.textContent).to.match(/Request SD-1001 is sent/);
    expect(storage.get('requests')).to.be.a('string');

    desk!.remove();
    host!.dispose();
    root = await open();
    await waitUntil(() => root.querySelector('[data-request="1001"]'), 'the request did not survive the reload');
    expect(root.querySelector('[data-request="1001"]')!.textContent).to.contain('Water drips');
    expect(root.querySelector('[data-request="1001"] ma-badge')!.getAttribute('data-status')).to.equal('sent');
    root.querySelector<HTMLElement>('[data-download="1001"]')!.click();
    await host!.waitForCall('files.download');
    expect(downloads.at(-1)!.name).to.equal('leak.png');
    const bytes = new Uint8Array(await (downloads.at(-1)!.data as Blob).arrayBuffer());
    expect(bytes.length).to.equal(5000);
    expect([...bytes.slice(250, 253)]).to.deep.equal([250, 0, 1]);
  });

  it('says which field to correct: no topic, a short text, a file too large', async () => {
    const root = await open();
    await waitUntil(() => root.querySelector('[data-user]'));
    await fill(root, '', 'Broken');
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await desk!.updateComplete;
    expect(root.querySelector<HTMLElement & { error: string }>('ma-select[name=topic]')!.error).to.equal('Choose a topic');
    await fill(root, 'lift', 'Broken');
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await desk!.updateComplete;
    expect(root.querySelector<HTMLElement & { error: string }>('ma-textarea[name=description]')!.error).to.contain('at least 10');
    await fill(root, 'lift', 'The lift is stuck on the fifth floor', new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], 'big.jpg', { type: 'image/jpeg' }));
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('64 KB');
  });

  it('opens the chat through the host, and says so when this host has no chat yet', async () => {
    let opened = 0;
    let root = await open({ chat: () => void opened++ });
    root.querySelector<HTMLElement>('[data-action=chat]')!.click();
    await host!.waitForCall('chat.open');
    expect(opened).to.equal(1);
    desk!.remove();
    host!.dispose();
    root = await open({ locale: 'ru' });
    expect(root.querySelector('[data-action=chat]')!.textContent).to.contain('Написать в чат');
    // A host that serves no chat.open: the SDK answers UNSUPPORTED from the welcome's list.
    root.querySelector<HTMLElement>('[data-action=chat]')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'no message');
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('чат');
  });

  it('shows a sign-in hint when the host has nobody signed in', async () => {
    host = mockHost({ capabilities: ['user', 'storage'], launchParams: { appId: 'service-desk' }, handlers: { ...storageHandlers, 'user.get': () => { throw new HostError('UNAUTHORIZED', 'signed out'); } } });
    desk = await fixture<ServiceDesk>(html`<service-desk></service-desk>`);
    await waitUntil(() => desk!.shadowRoot!.querySelector('[role=alert]'), 'no hint');
    expect(desk.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Sign in');
  });

  it('is accessible in light and dark', async () => {
    const root = await open();
    await waitUntil(() => root.querySelector('[data-user]'));
    for (const scheme of ['light', 'dark']) {
      document.documentElement.setAttribute('data-ma-scheme', scheme);
      await expect(desk!).to.be.accessible();
    }
    document.documentElement.removeAttribute('data-ma-scheme');
  });

  it('has chat settings in the seed that the chat rules accept', () => {
    expect(validateChatSettings(SEED_SERVICE_DESK_CHAT.settings)).to.deep.equal([]);
  });
});
