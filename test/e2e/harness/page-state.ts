/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Badge text of a tab, as the toolbar shows it. */
export async function badgeText(browser: ExtensionBrowser, page: Page): Promise<string> {
  const tabId = await browser.tabIdOf(page);
  return browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Highlight names and sizes, as the page's own scripts can see them. */
export async function highlights(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries([...CSS.highlights].map(([name, highlight]) => [name, highlight.size])));
}

/**
 * Whether the scanner runs in the page (the worker injects it once the page has loaded and is idle,
 * src/background/inject-scanner.ts), read in the extension's isolated world of the page's top frame.
 */
export async function scannerRuns(page: Page): Promise<boolean | undefined> {
  const worker = page.context().serviceWorkers()[0];
  // A browser without the extension.
  if (!worker) return undefined;
  return worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (tab?.id === undefined) return false;
    const [frame] = await chrome.scripting
      .executeScript({ target: { tabId: tab.id, frameIds: [0] }, func: () => (globalThis as { tipline_scanner?: boolean }).tipline_scanner === true })
      .catch(() => []);
    return frame?.result === true;
  }, page.url());
}

/** Waits until the content script has reported on the page (badge set or known to be empty). */
export async function settle(page: Page, ms = 600): Promise<void> {
  await page.waitForLoadState('load');
  // The scanner comes after `load`, once the page is idle: its time is not the scan's.
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && (await scannerRuns(page)) === false) await page.waitForTimeout(25);
  await page.waitForTimeout(ms);
}
