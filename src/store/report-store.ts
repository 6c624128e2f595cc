import { database } from './database';
import { reportRecordSchema, type ReportRecord } from './records';
import type { ReportStatus } from '../shared/protocol/ui-replies';

function valid(raw: unknown): ReportRecord | undefined {
  const parsed = reportRecordSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A corrupt record must never take the history down with it.
  console.warn('tipline: skipping corrupt report record', (raw as { id?: unknown } | undefined)?.id);
  return undefined;
}

export async function putReport(record: ReportRecord): Promise<void> {
  const db = await database();
  await db.put('reports', record);
}

export async function getReport(id: string): Promise<ReportRecord | undefined> {
  const db = await database();
  const raw = await db.get('reports', id);
  return raw === undefined ? undefined : valid(raw);
}

/** Read-modify-write in one transaction, so two contexts never interleave on one report. */
export async function updateReport(
  id: string,
  change: (record: ReportRecord) => ReportRecord | undefined,
): Promise<ReportRecord | undefined> {
  const db = await database();
  const tx = db.transaction('reports', 'readwrite');
  const current = valid(await tx.store.get(id));
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = change(current);
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export async function reportsWithStatus(statuses: readonly ReportStatus[]): Promise<ReportRecord[]> {
  const db = await database();
  const lists = await Promise.all(statuses.map((status) => db.getAllFromIndex('reports', 'status', status)));
  return lists.flat().flatMap((raw) => valid(raw) ?? []);
}

export interface HistoryQuery {
  limit: number;
  /** createdAt of the last item of the previous page. */
  before?: string;
  match?: (record: ReportRecord) => boolean;
}

/** Newest first, walking the time index only as far as one page needs. */
export async function listReports({ limit, before, match }: HistoryQuery): Promise<ReportRecord[]> {
  const db = await database();
  const range = before ? IDBKeyRange.upperBound(before, true) : undefined;
  const out: ReportRecord[] = [];
  let cursor = await db.transaction('reports').store.index('createdAt').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    const record = valid(cursor.value);
    if (record && (!match || match(record))) out.push(record);
    cursor = await cursor.continue();
  }
  return out;
}

export async function deleteReport(id: string): Promise<ReportRecord | undefined> {
  const db = await database();
  const tx = db.transaction(['reports', 'parts'], 'readwrite');
  const record = valid(await tx.objectStore('reports').get(id));
  await tx.objectStore('reports').delete(id);
  const parts = tx.objectStore('parts');
  for (const key of await parts.index('reportId').getAllKeys(id)) await parts.delete(key);
  await tx.done;
  return record;
}

/** Deletes every report and part; returns how many there were. */
export async function clearAll(): Promise<{ reports: number; parts: number }> {
  const db = await database();
  const tx = db.transaction(['reports', 'parts'], 'readwrite');
  const reports = await tx.objectStore('reports').count();
  const parts = await tx.objectStore('parts').count();
  await tx.objectStore('reports').clear();
  await tx.objectStore('parts').clear();
  await tx.done;
  return { reports, parts };
}
