import { createIdbStore, openDemoDatabase, type DemoDatabase } from '../../demo/backend/index.ts';
import { storeContract } from './store-contract.ts';

const opened: DemoDatabase[] = [];

after(async () => {
  for (const db of opened) {
    db.close();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(db.name);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  }
});

storeContract('IndexedDB', async (schema) => {
  const db = await openDemoDatabase(`store-contract-${crypto.randomUUID()}`);
  opened.push(db);
  return createIdbStore(db, schema);
});
