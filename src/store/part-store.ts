// First, before any module makes a schema: the popup loads this module lazily, with zod (src/shared/zod-jitless.ts).
import '../shared/zod-jitless';
import { sha256Hex } from '../shared/hash';
import { database } from './database';
import { partRecordSchema, type PartRecord } from './records';

/** Room the browser says is left; unknown counts as enough (the write itself is the final word). */
export async function spaceLeft(): Promise<number> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    return quota === undefined || usage === undefined ? Number.POSITIVE_INFINITY : quota - usage;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Evidence keeps a margin free so that the report itself can always still be stored. */
const MARGIN_BYTES = 1024 * 1024;

/**
 * Stores one piece of evidence. A capture the report form held in memory until its category was known
 * comes with the id the form already shows it under and the time its bytes were taken.
 */
export async function savePart(
  input: Omit<PartRecord, 'id' | 'bytes' | 'sha256' | 'createdAt' | 'blob'> & { data: Uint8Array; id?: string; takenAt?: number },
): Promise<PartRecord> {
  const { data, id, takenAt, ...rest } = input;
  if ((await spaceLeft()) < data.byteLength + MARGIN_BYTES) throw new Error('error_disk_full');
  const now = Date.now();
  const record: PartRecord = {
    ...rest,
    id: id ?? crypto.randomUUID(),
    blob: new Blob([data as Uint8Array<ArrayBuffer>], { type: input.mediaType }),
    bytes: data.byteLength,
    sha256: await sha256Hex(data),
    // A time after now is not believed: the part was taken before it is stored.
    createdAt: takenAt === undefined ? now : Math.min(takenAt, now),
  };
  const db = await database();
  try {
    await db.put('parts', record);
  } catch (error) {
    throw isQuotaError(error) ? new Error('error_disk_full') : error;
  }
  return record;
}

export async function getPart(id: string): Promise<PartRecord | undefined> {
  const db = await database();
  const raw = await db.get('parts', id);
  const parsed = partRecordSchema.safeParse(raw);
  if (!parsed.success) {
    if (raw) console.warn('tipline: skipping corrupt evidence part', id);
    return undefined;
  }
  return parsed.data;
}

/** A draft's parts not yet attached to a report (a draft id may serve several reports in turn). */
export async function partsOfDraft(draftId: string): Promise<PartRecord[]> {
  const db = await database();
  const raw = await db.getAllFromIndex('parts', 'draftId', draftId);
  return raw.flatMap((part) => {
    const parsed = partRecordSchema.safeParse(part);
    return parsed.success && !parsed.data.reportId ? [parsed.data] : [];
  });
}

/**
 * Deletes a draft's parts that were not attached to a report (discarded or never sent). A part that
 * is already a stored report's evidence stays, whatever later use of the same draft id asks.
 */
export async function discardDraftParts(draftId: string, keep: ReadonlySet<string> = new Set()): Promise<number> {
  const db = await database();
  const tx = db.transaction('parts', 'readwrite');
  let removed = 0;
  for (let cursor = await tx.store.index('draftId').openCursor(draftId); cursor; cursor = await cursor.continue()) {
    const part = cursor.value as Partial<PartRecord>;
    if (part.reportId || keep.has(cursor.primaryKey)) continue;
    await cursor.delete();
    removed++;
  }
  await tx.done;
  return removed;
}

export async function deleteParts(ids: readonly string[]): Promise<void> {
  const db = await database();
  const tx = db.transaction('parts', 'readwrite');
  await Promise.all(ids.map((id) => tx.store.delete(id)));
  await tx.done;
}

/** Drafts abandoned in a closed popup leave parts behind; sweep the unattached ones after a day. */
export async function sweepOrphanParts(olderThanMs = 24 * 3600_000, now = Date.now()): Promise<number> {
  const db = await database();
  const tx = db.transaction('parts', 'readwrite');
  let removed = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const part = cursor.value as Partial<PartRecord>;
    if (!part.reportId && (typeof part.createdAt !== 'number' || now - part.createdAt > olderThanMs)) {
      await cursor.delete();
      removed++;
    }
  }
  await tx.done;
  return removed;
}
