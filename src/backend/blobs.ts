/**
 * Where uploaded bytes live (chat attachments): a small port beside the store, so records stay
 * small JSON and the bytes go to whatever suits them (memory in tests, IndexedDB in the demo, a
 * disk or an object store on a server).
 */
export interface StoredBlob {
  bytes: Blob;
  mimeType: string;
}

export interface BlobPort {
  put(key: string, blob: StoredBlob): Promise<void>;
  get(key: string): Promise<StoredBlob | undefined>;
  delete(key: string): Promise<void>;
}

/** Blobs in this process's memory: the default, for Node and tests. */
export function createMemoryBlobs(): BlobPort & { readonly size: number } {
  const blobs = new Map<string, StoredBlob>();
  return {
    async put(key, blob) {
      blobs.set(key, { bytes: blob.bytes, mimeType: blob.mimeType });
    },
    async get(key) {
      return blobs.get(key);
    },
    async delete(key) {
      blobs.delete(key);
    },
    get size() {
      return blobs.size;
    },
  };
}
