import browser, { type Runtime } from 'webextension-polyfill';
import { backgroundToContent, ok } from '../shared/content-protocol';
import type { PageSummary } from '../shared/messages';
import type { ScanPlan } from '../shared/block-scan';
import { readScanPlan } from './read-replies';
import { createCssHighlighter, createInvisibleHighlighter, supportsCssHighlights, type Highlighter } from './highlighter';
import { startPageScanner, type PageScanner } from './page-scanner';
import { createWrapHighlighter } from './wrap-highlighter';
import { captureListing, rememberRightClicks } from './listing-picker';
import { endCapture, pageMetrics, scrollForSlice } from './page-capture';
import { snapshotHtml } from './snapshot';
import { askWorker, createRemoteEngine, PolicyChangedError } from './remote-engine';

import { PHRASE_LISTS_KEY, SETTINGS_KEY } from '../shared/storage-keys';

const send = (message: unknown) => browser.runtime.sendMessage(message);

const EMPTY: Omit<PageSummary, 'url'> = { matches: [], suspectBlocks: 0, weakHits: 0, strongHits: 0 };

function chooseHighlighter(plan: ScanPlan): Highlighter {
  if (plan.stealth) return createInvisibleHighlighter();
  return supportsCssHighlights() ? createCssHighlighter() : createWrapHighlighter(document);
}

/**
 * Runs the scanner as the background worker's scan plan says, and restarts it when the settings or
 * the policy change. The settings and the matching stay in the worker: the page walks its text, hands
 * it over and highlights what comes back (DESIGN.md §7), so that the script that runs on every page
 * is small and starts fast.
 */
export function startContentScript(): void {
  let controller: AbortController | undefined;
  let scanner: PageScanner | undefined;
  const lastRightClick = rememberRightClicks();

  const report = (summary: PageSummary) => {
    void browser.runtime.sendMessage({ type: 'content/summary', summary }).catch(() => undefined);
  };

  async function start() {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    scanner = undefined;
    // The same as siteOf(location.href), without parsing a URL: the first `new URL` on a page cost ~1 ms.
    const site = location.hostname;
    const plan = await askWorker(send, { type: 'content/scan-plan', site }, readScanPlan, { signal: current.signal });
    if (current.signal.aborted) return;
    if (!plan.scan) {
      report({ url: location.href, ...EMPTY });
      return;
    }
    scanner = startPageScanner({
      doc: document,
      engine: createRemoteEngine(plan.policy, send, { signal: current.signal }),
      highlighter: chooseHighlighter(plan),
      signal: current.signal,
      onSummary: report,
      onError: (error) => {
        // The worker read a new policy: a new plan, under it.
        if (error instanceof PolicyChangedError) {
          void restart();
          return;
        }
        // The worker does not answer (or this script was orphaned by an update): stop watching the
        // page rather than piling up requests that will not be answered.
        console.warn('tipline: the scan stopped', error);
        current.abort();
        if (controller === current) {
          scanner = undefined;
          report({ url: location.href, ...EMPTY });
        }
      },
    });
  }

  const restart = () => start().catch((error: unknown) => console.warn('tipline: content script could not start', error));

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = backgroundToContent.safeParse(message);
    if (!parsed.success) return undefined;
    switch (parsed.data.type) {
      case 'content/get-summary':
        return Promise.resolve(ok(scanner?.summary() ?? { url: location.href, ...EMPTY }));
      case 'content/scroll-to': {
        const range = scanner?.findRange(parsed.data.phrase);
        const element = range?.startContainer.parentElement;
        element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return Promise.resolve(ok(Boolean(element)));
      }
      case 'content/get-listing': {
        const { hints } = parsed.data;
        return Promise.resolve()
          .then(() => captureListing(lastRightClick(), hints, (container) => scanner?.findingsWithin(container) ?? []))
          .then(ok, (error: unknown) => ({
          ok: false as const,
          error: error instanceof Error ? error.message : String(error),
        }));
      }
      case 'content/page-metrics':
        return Promise.resolve(ok(pageMetrics()));
      case 'content/scroll-for-slice':
        return scrollForSlice(parsed.data.y, parsed.data.hideFixed).then(ok);
      case 'content/end-capture':
        endCapture(parsed.data.x, parsed.data.y);
        return Promise.resolve(ok(null));
      case 'content/snapshot':
        try {
          return Promise.resolve(ok(snapshotHtml()));
        } catch (error) {
          return Promise.resolve({ ok: false as const, error: error instanceof Error ? error.message : String(error) });
        }
      case 'content/settings-changed':
        void restart();
        return Promise.resolve(ok(null));
      default:
        return undefined;
    }
  });

  // A restart drops the page's highlights and scans it again: only for a value that really changed.
  browser.storage.onChanged.addListener((changes, area) => {
    const changed = (key: string) => key in changes && JSON.stringify(changes[key]?.oldValue) !== JSON.stringify(changes[key]?.newValue);
    if (area === 'local' && (changed(SETTINGS_KEY) || changed(PHRASE_LISTS_KEY))) void restart();
    if (area === 'managed') void restart();
  });

  void restart();
}
