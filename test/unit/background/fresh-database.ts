import { IDBFactory } from 'fake-indexeddb';
import { DB_NAME } from '../../../src/store/database';

/**
 * Gives the next test an empty database, with no test-only export in src/store/database.ts: deleting
 * the database sends `versionchange` to the module's open connection, which it answers as it would a
 * newer version's upgrade (close, and reopen on next use). The next use then opens on a new, empty
 * factory, so a connection a test opened itself and left open cannot hold the deletion up.
 */
export async function freshDatabase(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    // Blocked: every connection has had its `versionchange` already, the module's included.
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
  globalThis.indexedDB = new IDBFactory();
}
