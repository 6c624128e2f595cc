import { database } from '../store/database';
import { sweepOrphanParts } from '../store/part-store';
import { loadSettings } from './settings-store';

export const CLEANUP_ALARM = 'tipline-cleanup';
const DAY_MS = 24 * 3600_000;

/** Deletes delivered reports (and their parts) older than the retention period; undelivered ones stay. */
export async function deleteExpired(retentionDays: number, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - retentionDays * DAY_MS).toISOString();
  const db = await database();
  const tx = db.transaction(['reports', 'parts'], 'readwrite');
  const reports = tx.objectStore('reports');
  const parts = tx.objectStore('parts');
  let removed = 0;
  for (let cursor = await reports.index('deliveredAt').openCursor(IDBKeyRange.upperBound(cutoff)); cursor; cursor = await cursor.continue()) {
    if (cursor.value.status !== 'delivered') continue;
    for (const key of await parts.index('reportId').getAllKeys(cursor.value.id)) await parts.delete(key);
    await cursor.delete();
    removed++;
  }
  await tx.done;
  return removed;
}

export async function dailyCleanup(): Promise<void> {
  const settings = await loadSettings();
  const removed = await deleteExpired(settings.privacy.retentionDays);
  const orphans = await sweepOrphanParts();
  if (removed || orphans) console.info(`tipline: clean-up removed ${removed} reports, ${orphans} unsent parts`);
}
