import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BlobPort, StoredBlob } from '../../src/backend/index.ts';

interface BlobDbSchema extends DBSchema {
  /** Key: the blob's key (an upload id). IndexedDB keeps Blobs as they are, by structured clone. */
  blobs: { key: string; value: StoredBlob };
}

/** The demo's uploaded bytes (chat attachments), beside the store's records, in their own database. */
export async function createIdbBlobs(name: string): Promise<BlobPort & { close(): void }> {
  const db: IDBPDatabase<BlobDbSchema> = await openDB<BlobDbSchema>(name, 1, {
    upgrade(database) {
      database.createObjectStore('blobs');
    },
  });
  return {
    async put(key, blob) {
      await db.put('blobs', { bytes: blob.bytes, mimeType: blob.mimeType }, key);
    },
    get: (key) => db.get('blobs', key),
    async delete(key) {
      await db.delete('blobs', key);
    },
    close: () => db.close(),
  };
}
