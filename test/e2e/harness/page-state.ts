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

/** Waits until the content script has reported on the page (badge set or known to be empty). */
export async function settle(page: Page, ms = 600): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(ms);
}
