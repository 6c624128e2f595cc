import type { Draft } from '../shared/messages';
import { clientInfo } from './client-info';
import { packageReport } from './package-report';
import { discardDraftParts, partsOfDraft } from './part-store';
import { putReport } from './report-store';
import { loadSettings } from './settings-store';
import { drainQueue } from './queue';
import { database } from './database';
import type { ReportRecord } from './records';

/** Stores the report and its parts first; only then may the queue try the network. */
export async function submitDraft(draft: Draft): Promise<ReportRecord> {
  const settings = await loadSettings();
  const parts = await partsOfDraft(draft.draftId);
  const record = packageReport({ draft, parts, client: clientInfo(), hasEndpoint: settings.endpoint !== null });
  const db = await database();
  const tx = db.transaction(['reports', 'parts'], 'readwrite');
  await tx.objectStore('reports').put(record);
  for (const part of parts) {
    if (record.partIds.includes(part.id)) await tx.objectStore('parts').put({ ...part, reportId: record.id });
  }
  await tx.done;
  await discardDraftParts(draft.draftId, new Set(record.partIds));
  if (record.status === 'queued') void drainQueue();
  return record;
}

export { putReport };
