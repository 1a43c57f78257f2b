// The client's tab of the chat-live benchmark: its own backend over the operator page's IndexedDB
// (as a second browser tab of the demo runs it), a client chat session on it, and the anchor's bare
// BroadcastChannel. The page hands over the client's session token in the query and calls it directly.
import { createBroadcastEventBus, createIdbBlobs, createIdbKeys, createIdbStore, liveChannelName, openDemoDatabase } from '../../demo/backend/index.ts';
import { BACKEND_SCHEMA, createBackendApp, createChatSession, cryptoRandom, systemClock } from '../../src/backend/index.ts';
import { CHAT_LIVE_ANCHOR, CHAT_LIVE_APP, CHAT_LIVE_DATABASE, pingText, type ChatLiveClient } from './chat-live.shared.ts';

const token = new URLSearchParams(location.search).get('token') ?? '';
const anchor = new BroadcastChannel(CHAT_LIVE_ANCHOR);
const session = (async () => {
  const db = await openDemoDatabase(CHAT_LIVE_DATABASE);
  const app = createBackendApp({
    store: createIdbStore(db, BACKEND_SCHEMA),
    blobs: await createIdbBlobs(`${CHAT_LIVE_DATABASE}-blobs`),
    clock: systemClock,
    random: cryptoRandom,
    keys: createIdbKeys(db, systemClock),
    codeSender: () => undefined,
    bus: createBroadcastEventBus(liveChannelName(CHAT_LIVE_DATABASE)),
  });
  const chat = createChatSession({
    api: { baseUrl: `${location.origin}/api`, fetch: (request) => app.fetch(request), getSessionToken: () => token },
    target: { side: 'client', appId: CHAT_LIVE_APP },
  });
  await chat.ready;
  await new Promise<void>((resolve) => {
    const check = () => chat.online && (chat.removeEventListener('change', check), resolve());
    chat.addEventListener('change', check);
    check();
  });
  return chat;
})();

const client: ChatLiveClient = {
  ready: session.then(() => undefined),
  send: (n, onStored) =>
    void session.then((chat) => {
      const text = pingText(n);
      if (onStored) {
        const check = () => chat.entries.some((entry) => entry.text === text) && (chat.removeEventListener('change', check), onStored());
        chat.addEventListener('change', check);
      }
      chat.send({ text });
    }),
  post: (n) => anchor.postMessage({ n }),
};
(window as unknown as { chatLiveClient: ChatLiveClient }).chatLiveClient = client;
