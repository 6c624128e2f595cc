import type { Page } from 'playwright-core';
import type { Category } from '../../../src/shared/taxonomy';
import type { ExtensionBrowser } from './browser';

/**
 * The report form for the tab of `page`, ready and with its visible screenshot taken; with
 * `screenshot: false`, ready only, for a page the extension cannot capture.
 */
export async function openReportForm(browser: ExtensionBrowser, page: Page, { screenshot = true }: { screenshot?: boolean } = {}): Promise<Page> {
  const popup = await browser.openPopup(await browser.tabIdOf(page));
  await popup.waitForSelector('body[data-ready]');
  if (screenshot) await popup.locator('.evidence img').waitFor();
  return popup;
}

/**
 * Chooses the category and writes the note, if any. The category is chosen, not left to the page's
 * matches: the form may open before the page has been scanned.
 */
export async function fillReportForm(popup: Page, { category, note }: { category: Category; note?: string }): Promise<void> {
  await popup.selectOption('#category', category);
  if (note !== undefined) await popup.fill('#note', note);
}

/** Sends the form and waits for it to show the report's first status (one of reportStatusSchema, src/shared/protocol/ui-replies.ts). */
export async function sendReportForm(popup: Page): Promise<void> {
  await popup.click('#submit');
  await popup.locator('[role=status][data-status]').waitFor();
}
