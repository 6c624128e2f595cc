import browser from 'webextension-polyfill';
import { endpointHost, hasEndpointAccess } from './endpoint-access';
import type { UiMessage } from '../shared/protocol/messages';
import { checkEndpoint } from './endpoint-check';
import { captureVisibleToDraft } from './capture';
import { deleteParts, discardDraftParts, savePart } from '../store/part-store';
import { evidencePolicy } from '../shared/taxonomy';
import { captureFullPage } from './full-page';
import { captureSnapshot } from './snapshot';
import { cancel, requeue, drainQueue } from './queue';
import { deleteAllLocalData } from './clear-data';
import { deleteReport, getReport, listReports, reportsWithStatus } from '../store/report-store';
import { loadSettings, lockedSettings, saveSettings } from './settings-store';
import { refreshSubscriptions, storedLists } from './subscriptions';
import { submitDraft } from './submit-report';
import { tabContext } from './tab-context';
import { historyMatcher } from './history-filter';
import { forgetDraft, loadDraft, scrubDraft } from './draft-store';
import { startPicking } from './pick-listing';
import type { PartRecord, ReportRecord } from '../store/records';
import type { ReportView } from '../shared/protocol/ui-replies';

/**
 * How many times each draft's evidence was discarded (a category that takes none was chosen, or such a
 * report was submitted). A capture under way at that moment is deleted as it lands (docs/ARCHITECTURE.md, evidence rules):
 * an MHTML snapshot can take seconds, and a child-sexual-abuse page's capture must not outlive the
 * choice.
 */
const discards = new Map<string, number>();

function discardEvidence(draftId: string): void {
  discards.set(draftId, (discards.get(draftId) ?? 0) + 1);
}

async function unlessDiscarded(draftId: string, capture: () => Promise<PartRecord>): Promise<PartRecord> {
  const before = discards.get(draftId) ?? 0;
  const part = await capture();
  if ((discards.get(draftId) ?? 0) !== before) {
    await deleteParts([part.id]);
    throw new Error('error_capture_discarded');
  }
  return part;
}

function view(record: ReportRecord): ReportView {
  const { leaseUntil: _lease, leaseOwner: _owner, ...rest } = record;
  return rest;
}

export async function handleUiMessage(message: UiMessage): Promise<unknown> {
  switch (message.type) {
    case 'tab/context':
      return tabContext(message.tabId);
    case 'capture/visible': {
      const part = await unlessDiscarded(message.draftId, () => captureVisibleToDraft(message.tabId, message.draftId));
      return { partId: part.id, bytes: part.bytes, sha256: part.sha256 };
    }
    case 'capture/full-page': {
      const part = await unlessDiscarded(message.draftId, async () => {
        const png = await captureFullPage(message.tabId);
        return savePart({ draftId: message.draftId, name: 'screenshot', mediaType: 'image/png', data: png, variant: 'full-page' });
      });
      return { partId: part.id, bytes: part.bytes, sha256: part.sha256 };
    }
    case 'capture/snapshot': {
      const part = await unlessDiscarded(message.draftId, () => captureSnapshot(message.tabId, message.draftId));
      return { partId: part.id, bytes: part.bytes, sha256: part.sha256, mediaType: part.mediaType };
    }
    case 'draft/get':
      return loadDraft(message.draftId);
    case 'draft/discard':
      discardEvidence(message.draftId);
      await scrubDraft(message.draftId);
      return { removed: await discardDraftParts(message.draftId) };
    case 'report/submit': {
      if (evidencePolicy(message.draft.category) === 'forbidden') discardEvidence(message.draft.draftId);
      const record = await submitDraft(message.draft);
      await forgetDraft(message.draft.draftId);
      return view(record);
    }
    case 'history/list': {
      const records = await listReports({
        limit: message.limit,
        before: message.before,
        match: message.filter ? historyMatcher(message.filter) : undefined,
      });
      return records.map(view);
    }
    case 'history/get': {
      const record = await getReport(message.id);
      return record ? view(record) : null;
    }
    case 'history/retry': {
      const record = await requeue(message.id);
      return record ? view(record) : null;
    }
    case 'history/cancel': {
      const record = await cancel(message.id);
      return record ? view(record) : null;
    }
    case 'history/delete':
      await deleteReport(message.id);
      return null;
    case 'settings/get':
      return loadSettings();
    case 'settings/save': {
      const before = await loadSettings();
      const saved = await saveSettings(message.settings);
      // Reports kept locally while no endpoint was set go out once one is.
      if (!before.endpoint && saved.endpoint) await requeueLocal();
      // A new subscription is fetched at once; a removed one's list is dropped.
      const known = new Set(before.subscriptions.map((s) => s.url));
      const added = saved.subscriptions.filter((s) => !known.has(s.url)).map((s) => s.url);
      if (added.length > 0 || saved.subscriptions.length !== before.subscriptions.length) await refreshSubscriptions(added);
      return saved;
    }
    case 'endpoint/test':
      if (!(await hasEndpointAccess(message.endpoint.url))) return { ok: false, problem: 'no-access', detail: endpointHost(message.endpoint.url) };
      return checkEndpoint(message.endpoint);
    case 'page/scroll-to':
      return browser.tabs.sendMessage(message.tabId, { type: 'content/scroll-to', phrase: message.phrase }, { frameId: 0 });
    case 'page/pick-listing':
      return startPicking(message.tabId);
    case 'data/clear':
      return deleteAllLocalData();
    case 'settings/locked':
      return lockedSettings();
    case 'lists/status':
      return storedLists();
    case 'lists/refresh':
      return refreshSubscriptions(message.urls);
  }
}

async function requeueLocal(): Promise<void> {
  for (const record of await reportsWithStatus(['local'])) await requeue(record.id);
  void drainQueue();
}

/** Reports kept locally go out once an endpoint is in force, wherever it came from (an enterprise policy). */
export async function sendLocalIfEndpoint(): Promise<void> {
  if ((await loadSettings()).endpoint) await requeueLocal();
}
