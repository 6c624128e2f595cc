// First, before any module makes a schema (src/shared/zod-jitless.ts).
import '../shared/zod-jitless';
import browser from 'webextension-polyfill';
import { routeMessage } from './router';
import { drainQueue, QUEUE_ALARM, retryWaitingNow } from './queue';
import { CLEANUP_ALARM, dailyCleanup } from './retention';
import { createContextMenu, menuClicked } from './context-menu';
import { openReportWindow } from './report-listing';
import { LISTS_ALARM, refreshSubscriptions, scheduleListRefresh } from './subscriptions';
import { forgetManaged } from './settings-store';
import { keepLivePolicy } from './ui-policy';
import { sendLocalIfEndpoint } from './ui-handlers';
import { refreshPrefilterCache, watchPrefilterInputs } from './prefilter-cache';
import { watchBlockScanInputs } from './scan-inputs';
import { listenForSettingsChanges, onPolicyChange } from './settings-changes';
import { formInTabWithoutWindows, openFormFromToolbar } from './toolbar';
import { createStartupWork } from './startup-work';
import { closeStorageToPages } from './page-access';
import { recordNavigations } from './navigation-recorder';

/*
 * Listeners only, registered synchronously at top level: MV3 wakes the worker for an event only if
 * its listener existed when the worker started (docs/ARCHITECTURE.md, style). The work lives in the modules.
 */
// Start-up work runs after the first answer (or a short idle delay), never in front of it; what an
// event asked for is recorded until done, so a worker stopped before it ran runs it next time.
const startup = createStartupWork({
  'drain-queue': drainQueue,
  // A policy may have set an endpoint while the browser was closed.
  'send-local': sendLocalIfEndpoint,
  cleanup: dailyCleanup,
  'refresh-lists': () => refreshSubscriptions(),
  'rebuild-prefilter': refreshPrefilterCache,
});
browser.runtime.onMessage.addListener(startup.answerFirst(routeMessage));
closeStorageToPages();
// The one storage.onChanged listener; the parts below subscribe to it, their effects in this order.
listenForSettingsChanges();
watchPrefilterInputs();
watchBlockScanInputs();

// Ask for the policy early: the first answer can take seconds. Pages are answered under the policy
// kept from the last read meanwhile (ui-policy.ts); one that differs from it is a change of policy.
void keepLivePolicy()
  .then((fields) => fields.length > 0 && policyChanged(fields))
  .catch((error: unknown) => console.warn('tipline: kept policy', error));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === QUEUE_ALARM) void drainQueue();
  if (alarm.name === CLEANUP_ALARM) void dailyCleanup();
  if (alarm.name === LISTS_ALARM) void refreshSubscriptions().catch((error: unknown) => console.warn('tipline: list refresh', error));
});

browser.runtime.onStartup.addListener(() => {
  void startup.defer(['drain-queue', 'send-local', 'cleanup', 'rebuild-prefilter'], true);
});

browser.runtime.onInstalled.addListener(() => {
  createContextMenu();
  void browser.alarms.create(CLEANUP_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
  scheduleListRefresh();
  // An update may change how phrases are read: the prefilter cache is keyed by version, so build it anew.
  void startup.defer(['refresh-lists', 'drain-queue', 'rebuild-prefilter'], true);
});

// A policy that adds or changes subscriptions takes effect without waiting a day.
function policyChanged(fields: readonly string[]): void {
  // An endpoint set by policy sends what was kept locally without one.
  if (fields.includes('endpointUrl') || fields.includes('endpointToken')) void sendLocalIfEndpoint().catch((error: unknown) => console.warn('tipline: local reports', error));
  if (fields.includes('subscriptions')) void refreshSubscriptions().catch((error: unknown) => console.warn('tipline: list refresh', error));
}
onPolicyChange((changes) => {
  forgetManaged();
  policyChanged(Object.keys(changes));
  void keepLivePolicy().catch((error: unknown) => console.warn('tipline: kept policy', error));
});

// Firefox for Android has no context menus, keyboard commands or windows: the listeners are left out
// there, and the toolbar button opens the form in a tab (toolbar.ts); webextension-polyfill gives
// undefined for a namespace the browser lacks.
const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
menus?.onClicked.addListener((info, tab) => {
  void menuClicked(info, tab).catch((error: unknown) => console.warn('tipline: report listing', error));
});

const commands = browser.commands as typeof browser.commands | undefined;
commands?.onCommand.addListener((command, tab) => {
  if (command === 'report-page' && tab?.id !== undefined) void openReportWindow(tab.id);
});

browser.action.onClicked.addListener(openFormFromToolbar);

// Site access granted (from the options page's request or the browser's own settings): reports that
// waited for it go now rather than at their next retry.
// (A browser without the permissions API cannot withhold site access either.)
const permissions = browser.permissions as typeof browser.permissions | undefined;
permissions?.onAdded.addListener(() => {
  void retryWaitingNow().catch((error: unknown) => console.warn('tipline: queue after access granted', error));
});

// How each tab reached its page, for a report's provenance: observation of top-level requests only.
recordNavigations();
formInTabWithoutWindows();

// No reliable `online` event reaches an extension worker, so it is one trigger among several.
self.addEventListener('online', () => void drainQueue());

void startup.defer(['drain-queue']);
void startup.resume();

// Every listener is registered: `npm run bench` reads this mark to tell the worker's own start-up
// (script compile and module evaluation) from the wait for a page's first message (bench/page-cost.ts).
performance.mark('tipline-listening');
