/**
 * The chat client's persistent outbox: messages a viewer sent that the server has not stored
 * yet, with their files, so a message typed offline survives a reload and goes once, in order,
 * when the backend can be reached. A small port: memory (Node, tests) or IndexedDB (the browser,
 * which keeps Blobs as they are; localStorage could not hold a file).
 */
import type { AttachmentDeclaration, DeepLinkSnippet } from '../chat/index.ts';
import type { DeepLinkBody } from './chat/contract.ts';

export interface ChatOutboxItem {
  /** Which conversation of which viewer it belongs to (`client/<appId>`, `staff/<conversationId>`). */
  sessionKey: string;
  clientMessageId: string;
  text: string;
  /** As the server takes it (staff only). */
  deepLink: DeepLinkBody | null;
  /** The snippet shown while pending. */
  snippet: DeepLinkSnippet | null;
  attachment: AttachmentDeclaration | null;
  file: Blob | null;
  /** When the viewer pressed send (epoch ms): the sending order. */
  createdAt: number;
  /** Set once the attachment was declared; `uploaded` once its bytes went. */
  uploadId: string | null;
  uploaded: boolean;
}

export interface ChatOutboxStorage {
  /** The session's items, oldest first. */
  load(sessionKey: string): Promise<ChatOutboxItem[]>;
  put(item: ChatOutboxItem): Promise<void>;
  delete(sessionKey: string, clientMessageId: string): Promise<void>;
}

const byCreation = (a: ChatOutboxItem, b: ChatOutboxItem) => a.createdAt - b.createdAt || (a.clientMessageId < b.clientMessageId ? -1 : 1);

export function createMemoryChatOutbox(): ChatOutboxStorage & { readonly size: number } {
  const items = new Map<string, ChatOutboxItem>();
  const key = (sessionKey: string, id: string) => `${sessionKey}\n${id}`;
  return {
    async load(sessionKey) {
      return [...items.values()].filter((item) => item.sessionKey === sessionKey).map((item) => ({ ...item })).sort(byCreation);
    },
    async put(item) {
      items.set(key(item.sessionKey, item.clientMessageId), { ...item });
    },
    async delete(sessionKey, clientMessageId) {
      items.delete(key(sessionKey, clientMessageId));
    },
    get size() {
      return items.size;
    },
  };
}

const STORE = 'items';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The outbox in this origin's IndexedDB (one database, shared by the tabs). */
export function createIdbChatOutbox(databaseName = 'miniapps-chat-outbox'): ChatOutboxStorage & { close(): void } {
  let opened: Promise<IDBDatabase> | undefined;
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(databaseName, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: ['sessionKey', 'clientMessageId'] });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    }));
  const store = async (mode: IDBTransactionMode) => (await db()).transaction(STORE, mode).objectStore(STORE);
  return {
    async load(sessionKey) {
      const range = IDBKeyRange.bound([sessionKey, ''], [sessionKey, '\uffff']);
      return ((await request((await store('readonly')).getAll(range))) as ChatOutboxItem[]).sort(byCreation);
    },
    async put(item) {
      await request((await store('readwrite')).put(item));
    },
    async delete(sessionKey, clientMessageId) {
      await request((await store('readwrite')).delete([sessionKey, clientMessageId]));
    },
    close() {
      void opened?.then((database) => database.close());
    },
  };
}
