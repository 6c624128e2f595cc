import browser from 'webextension-polyfill';
import { hasEndpointAccess } from './endpoint-access';
import { endpointHost } from '../shared/endpoint-access';
import type { UiMessage } from '../shared/protocol/messages';
import { checkEndpoint } from './endpoint-check';
import { captureVisiblePng } from './capture';
import { discardDraftParts } from '../store/part-store';
import { evidencePolicy } from '../shared/taxonomy';
import { captureFullPage } from './full-page';
import { captureSnapshot } from './snapshot';
import { cancel, requeue, drainQueue } from './queue';
import { deleteAllLocalData } from './clear-data';
import { deleteReport, getReport, listReports, reportsWithStatus } from '../store/report-store';
import { loadSettings, saveSettings } from './settings-store';
import { settingsForUi, settingsUnderLivePolicy } from './ui-policy';
import { refreshSubscriptions, storedLists } from './subscriptions';
import { submitDraft } from './submit-report';
import { tabContext } from './tab-context';
import { historyMatcher } from './history-filter';
import { forgetDraft, scrubDraft, takePrepared } from './draft-store';
import { discardEvidence, holdCapture, keepHeldParts } from './held-evidence';
import { startPicking } from './pick-listing';
import type { ReportRecord } from '../store/records';
import type { ReportView } from '../shared/protocol/ui-replies';

function view(record: ReportRecord): ReportView {
  const { leaseUntil: _lease, leaseOwner: _owner, ...rest } = record;
  return rest;
}

export async function handleUiMessage(message: UiMessage): Promise<unknown> {
  switch (message.type) {
    case 'tab/context':
      return tabContext(message.tabId, message.fromPage ?? true);
    // Captures go back to the form, which holds them until the category allows evidence (held-evidence.ts).
    case 'capture/visible': {
      const png = await captureVisiblePng(message.tabId);
      return holdCapture(png, { mediaType: 'image/png', variant: 'visible' }, Date.now());
    }
    case 'capture/full-page': {
      const startedAt = Date.now();
      return holdCapture(await captureFullPage(message.tabId), { mediaType: 'image/png', variant: 'full-page' }, startedAt);
    }
    case 'capture/snapshot': {
      const startedAt = Date.now();
      const snapshot = await captureSnapshot(message.tabId);
      return holdCapture(snapshot.data, snapshot, startedAt);
    }
    case 'draft/keep':
      return keepHeldParts(message.draftId, message.category, message.parts);
    case 'draft/get':
      return takePrepared(message.draftId);
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
    // Shown without waiting for the browser's first policy answer (ui-policy.ts); saving waits for it.
    case 'settings/get':
      return (await settingsForUi()).settings;
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
      return (await settingsForUi()).locked;
    case 'settings/policy-ready':
      return settingsUnderLivePolicy();
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
