import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PartRecord, ReportRecord } from './records';

export const DB_NAME = 'tipline';
export const DB_VERSION = 1;

interface TiplineDb extends DBSchema {
  reports: {
    key: string;
    value: ReportRecord;
    indexes: { createdAt: string; status: string };
  };
  parts: {
    key: string;
    value: PartRecord;
    indexes: { draftId: string; reportId: string };
  };
}

export type Database = IDBPDatabase<TiplineDb>;

let opening: Promise<Database> | undefined;

/** One connection per context; the schema is versioned so that later versions can migrate records. */
export function database(): Promise<Database> {
  opening ??= openDB<TiplineDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const reports = db.createObjectStore('reports', { keyPath: 'id' });
        reports.createIndex('createdAt', 'createdAt');
        reports.createIndex('status', 'status');
        const parts = db.createObjectStore('parts', { keyPath: 'id' });
        parts.createIndex('draftId', 'draftId');
        parts.createIndex('reportId', 'reportId');
      }
    },
    blocking() {
      // A newer version wants to upgrade: let it, and reopen on next use.
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  });
  return opening;
}

/** For tests that run against fake-indexeddb. */
export function resetDatabaseConnection(): void {
  opening = undefined;
}
