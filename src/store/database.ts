import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PartRecord, ReportRecord } from './records';
import { siteOf } from '../shared/url';

export const DB_NAME = 'tipline';
export const DB_VERSION = 3;

interface TiplineDb extends DBSchema {
  reports: {
    key: string;
    value: ReportRecord;
    indexes: { createdAt: string; status: string; deliveredAt: string };
  };
  parts: {
    key: string;
    value: PartRecord;
    indexes: { draftId: string; reportId: string };
  };
  /** The endpoint token and the reporter's contact (secret-store.ts), by name. */
  secrets: {
    key: string;
    value: unknown;
  };
}

export type Database = IDBPDatabase<TiplineDb>;

/** The key under which the v3 upgrade marks the move of the secrets out of storage.local as due. */
export const SECRETS_MIGRATION_DUE = 'migrationDue';

let opening: Promise<Database> | undefined;

/** One connection per context; the schema is versioned so that later versions can migrate records. */
export function database(): Promise<Database> {
  opening ??= openDB<TiplineDb>(DB_NAME, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const reports = db.createObjectStore('reports', { keyPath: 'id' });
        reports.createIndex('createdAt', 'createdAt');
        reports.createIndex('status', 'status');
        const parts = db.createObjectStore('parts', { keyPath: 'id' });
        parts.createIndex('draftId', 'draftId');
        parts.createIndex('reportId', 'reportId');
      }
      if (oldVersion < 2) {
        // v2: retention walks delivered reports by time; older records get the site they lacked.
        const reports = tx.objectStore('reports');
        reports.createIndex('deliveredAt', 'deliveredAt');
        for (let cursor = await reports.openCursor(); cursor; cursor = await cursor.continue()) {
          const record = cursor.value as ReportRecord & { site?: string };
          if (typeof record.site !== 'string') await cursor.update({ ...record, site: siteOf(record.report?.page?.url ?? '') });
        }
      }
      if (oldVersion < 3) {
        // v3: the secrets leave storage.local, which Firefox's content processes can read. The move
        // itself needs storage.local, which an upgrade cannot wait for: it is marked as due here and
        // made once, by the next settings read (background/settings-store.ts).
        db.createObjectStore('secrets').put(true, SECRETS_MIGRATION_DUE);
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
