import browser, { type Runtime } from 'webextension-polyfill';
import { backgroundToContent, ok } from '../shared/content-protocol';
import type { PageSummary } from '../shared/messages';
import { effectiveSettings, policyJson } from '../shared/managed-settings';
import { PHRASE_LISTS_KEY, readStoredLists, subscribedEntries } from '../shared/phrase-subscriptions';
import { SETTINGS_KEY, type Settings } from '../shared/settings';
import { PREFILTER_CACHE_KEY, prefilterCacheSchema } from '../shared/prefilter-cache';
import { buildBlockMatcher } from './build-matcher';
import { createCssHighlighter, createInvisibleHighlighter, supportsCssHighlights, type Highlighter } from './highlighter';
import { startPageScanner, type PageScanner } from './page-scanner';
import { createWrapHighlighter } from './wrap-highlighter';
import { captureListing, rememberRightClicks } from './listing-picker';
import { endCapture, pageMetrics, scrollForSlice } from './page-capture';
import { snapshotHtml } from './snapshot';
import { findingsOf, policyFingerprint, SCAN_TIMEOUT_MS, scanBlocksReplySchema, type BlockFinding } from '../shared/block-scan';

/**
 * Policy values (docs/DEPLOYMENT.md), or nothing where there is no policy or no managed storage.
 * Chromium can take seconds to answer the first read when there is no policy, so the scan never
 * waits for it: it starts with the reporter's settings and restarts if a policy turns up.
 */
async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return undefined;
  }
}

/**
 * The exact scan in the background worker (shared/block-scan.ts) under the page's policy; undefined
 * when it cannot answer in time, or not for that policy.
 */
async function scanElsewhere(blocks: string[][], policy: string): Promise<BlockFinding[] | undefined> {
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = window.setTimeout(() => resolve(undefined), SCAN_TIMEOUT_MS);
  });
  try {
    const reply = await Promise.race([browser.runtime.sendMessage({ type: 'content/scan-blocks', policy, blocks }), late]);
    const parsed = scanBlocksReplySchema.safeParse(reply);
    return parsed.success ? findingsOf(parsed.data.data, blocks.length) : undefined;
  } catch {
    return undefined;
  } finally {
    window.clearTimeout(timer);
  }
}

const EMPTY: Omit<PageSummary, 'url'> = { matches: [], suspectBlocks: 0, weakHits: 0, strongHits: 0 };

function stealthFor(settings: Settings, site: string): boolean {
  return settings.highlight.stealth || settings.highlight.stealthSites.includes(site);
}

function chooseHighlighter(settings: Settings, site: string): Highlighter {
  if (stealthFor(settings, site)) return createInvisibleHighlighter();
  return supportsCssHighlights() ? createCssHighlighter() : createWrapHighlighter(document);
}

/** Runs the scanner for the current settings and restarts it when they change. */
export function startContentScript(): void {
  let controller: AbortController | undefined;
  let scanner: PageScanner | undefined;
  const lastRightClick = rememberRightClicks();
  let managed: unknown;
  const refreshManaged = () =>
    readManaged().then((value) => {
      const changed = policyJson(value) !== policyJson(managed);
      managed = value;
      if (changed) void start();
    });

  const report = (summary: PageSummary) => {
    void browser.runtime.sendMessage({ type: 'content/summary', summary }).catch(() => undefined);
  };

  async function start() {
    controller?.abort();
    controller = new AbortController();
    scanner = undefined;
    const stored = await browser.storage.local.get([SETTINGS_KEY, PHRASE_LISTS_KEY, PREFILTER_CACHE_KEY]);
    const { settings } = effectiveSettings(stored[SETTINGS_KEY], managed);
    // The same as siteOf(location.href), without parsing a URL: the first `new URL` on a page cost ~1 ms.
    const site = location.hostname;
    if (!settings.highlight.enabled || settings.highlight.pausedSites.includes(site)) {
      report({ url: location.href, ...EMPTY });
      return;
    }
    const cached = stored[PREFILTER_CACHE_KEY] === undefined ? undefined : prefilterCacheSchema.safeParse(stored[PREFILTER_CACHE_KEY]);
    const matcher = await buildBlockMatcher(
      settings,
      subscribedEntries(settings, readStoredLists(stored[PHRASE_LISTS_KEY])),
      cached?.success ? { stored: cached.data, version: browser.runtime.getManifest().version } : undefined,
    );
    // A new policy restarts the scan, so the one this scan runs under is known here.
    const policy = policyFingerprint(policyJson(managed));
    scanner = startPageScanner({
      doc: document,
      matcher,
      highlighter: chooseHighlighter(settings, site),
      signal: controller.signal,
      onSummary: report,
      scanElsewhere: (blocks) => scanElsewhere(blocks, policy),
    });
  }

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
        void start();
        return Promise.resolve(ok(null));
      default:
        return undefined;
    }
  });

  // A restart drops the page's highlights and scans it again: only for a value that really changed.
  browser.storage.onChanged.addListener((changes, area) => {
    const changed = (key: string) => key in changes && JSON.stringify(changes[key]?.oldValue) !== JSON.stringify(changes[key]?.newValue);
    if (area === 'local' && (changed(SETTINGS_KEY) || changed(PHRASE_LISTS_KEY))) void start();
    if (area === 'managed') void refreshManaged();
  });

  void start().catch((error: unknown) => console.warn('tipline: content script could not start', error));
  void refreshManaged();
}
