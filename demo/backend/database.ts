import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoreRecord } from '../../src/backend/index.ts';
import type { KeyRing } from '../../src/tokens/index.ts';

/** The demo backend's IndexedDB: records and unique values of the `Store`, and the signing keys. */
export interface DemoDbSchema extends DBSchema {
  /** Key: [collection, record key]. */
  records: { key: [string, string]; value: StoreRecord };
  /** Key: [collection, field, value] → the key of the record holding it. */
  unique: { key: [string, string, string | number]; value: string };
  /** Key: `ring`. CryptoKeys are stored by structured clone; the private ones stay non-extractable. */
  keyring: { key: string; value: KeyRing };
}

export type DemoDatabase = IDBPDatabase<DemoDbSchema>;

export const DEFAULT_DATABASE_NAME = 'miniapps-demo-backend';

export function openDemoDatabase(name: string = DEFAULT_DATABASE_NAME): Promise<DemoDatabase> {
  return openDB<DemoDbSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('records');
      db.createObjectStore('unique');
      db.createObjectStore('keyring');
    },
  });
}
