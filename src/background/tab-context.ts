import browser from 'webextension-polyfill';
import { pageSummarySchema, type PageSummary } from '../shared/protocol/messages';
import { isRestrictedUrl } from '../shared/url';
import { ensureScanner } from './inject-scanner';
import type { TabContext } from '../shared/protocol/ui-replies';

/**
 * Asks the tab's content script for its live findings; a page without one (browser pages) has none.
 * `fromPage: false` (a URL-only report) asks the page nothing and leaves out its title too.
 */
export async function tabContext(tabId: number, fromPage = true): Promise<TabContext> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const restricted = isRestrictedUrl(url);
  let summary: PageSummary | null = null;
  if (!restricted && fromPage) {
    try {
      // The form may open before the page's bootstrap has asked for the scanner: it is started now,
      // and its answer waits for its first scan (src/content/content-script.ts).
      await ensureScanner(tabId);
      const reply: unknown = await browser.tabs.sendMessage(tabId, { type: 'content/get-summary' }, { frameId: 0 });
      const parsed = pageSummarySchema.safeParse((reply as { data?: unknown } | undefined)?.data);
      summary = parsed.success ? parsed.data : null;
    } catch {
      summary = null;
    }
  }
  return { tabId, url, title: fromPage ? (tab.title ?? '') : '', restricted, summary };
}
