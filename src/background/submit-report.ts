import type { Draft } from '../shared/protocol/messages';
import { clientInfo } from './client-info';
import { evidencePolicy } from '../shared/taxonomy';
import { packageReport } from './package-report';
import { discardDraftParts, isQuotaError, partsOfDraft } from '../store/part-store';
import { loadSettings } from './settings-store';
import { drainQueue } from './queue';
import { database } from '../store/database';
import type { PartRecord, ReportRecord } from '../store/records';
import { latestNavigation } from './navigation-recorder';

/** Stores the report and its parts first; only then may the queue try the network. */
export async function submitDraft(draft: Draft): Promise<ReportRecord> {
  const settings = await loadSettings();
  const parts = await partsOfDraft(draft.draftId);
  // Evidence the reporter saw in the form but that is no longer stored (swept after a day of the form
  // standing open): not sent without a word, but said, so that it can be taken again.
  if (evidencePolicy(draft.category) !== 'forbidden' && draft.partIds.some((id) => !parts.some((part) => part.id === id))) throw new Error('error_evidence_gone');
  const navigation = draft.tabId === null || evidencePolicy(draft.category) === 'forbidden' ? undefined : await latestNavigation(draft.tabId);
  let record = packageReport({ draft, parts, client: clientInfo(), hasEndpoint: settings.endpoint !== null, navigation });
  try {
    await store(record, parts);
  } catch (error) {
    if (!isQuotaError(error) || record.partIds.length === 0) throw error;
    // A full disk must not lose the report: keep it without its evidence parts, and say so.
    const dropped = parts.filter((part) => record.partIds.includes(part.id)).map((part) => part.name);
    record = { ...packageReport({ draft: { ...draft, partIds: [] }, parts: [], client: clientInfo(), hasEndpoint: settings.endpoint !== null, navigation }), droppedParts: dropped };
    await store(record, []);
  }
  await discardDraftParts(draft.draftId, new Set(record.partIds));
  if (record.status === 'queued') void drainQueue();
  return record;
}

async function store(record: ReportRecord, parts: readonly PartRecord[]): Promise<void> {
  const db = await database();
  const tx = db.transaction(['reports', 'parts'], 'readwrite');
  await tx.objectStore('reports').put(record);
  for (const part of parts) {
    if (record.partIds.includes(part.id)) await tx.objectStore('parts').put({ ...part, reportId: record.id });
  }
  await tx.done;
}
