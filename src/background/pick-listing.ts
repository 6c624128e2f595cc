import browser, { type Tabs } from 'webextension-polyfill';
import { PICK_WINDOW_MS } from '../shared/protocol/content-messages';
import { isRestrictedUrl } from '../shared/url';
import { reportListing } from './report-listing';
import { ensureScanner } from './inject-scanner';

/*
 * "Pick a listing on the page" (the report form's button; the way to name a listing where there is no
 * context menu, as in Firefox for Android). The form asks; the page's content script waits for the
 * reporter's next trusted tap (content/pick-mode.ts) and says that one came; the worker then takes the
 * same path as "Report this listing". The request is kept in session storage, not in memory (the worker
 * can stop between the ask and the tap), and used once: a tab's word that a listing was picked counts
 * only while a request the reporter made from the form stands, so a page cannot start a report by itself.
 */

const key = (tabId: number) => `pick:${tabId}`;

/** The form's request: the page enters pick mode, and its tab is brought to the front for the tap. */
export async function startPicking(tabId: number): Promise<null> {
  const tab = await browser.tabs.get(tabId);
  if (isRestrictedUrl(tab.url)) throw new Error('error_restricted_page');
  await browser.storage.session.set({ [key(tabId)]: Date.now() + PICK_WINDOW_MS });
  await ensureScanner(tabId);
  const reply: unknown = await browser.tabs.sendMessage(tabId, { type: 'content/pick-listing' }, { frameId: 0 }).catch(() => undefined);
  if ((reply as { ok?: unknown } | undefined)?.ok !== true) {
    await browser.storage.session.remove(key(tabId));
    throw new Error('error_no_content_script');
  }
  await browser.tabs.update(tabId, { active: true });
  const windows = browser.windows as typeof browser.windows | undefined;
  if (windows && tab.windowId !== undefined) await windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  return null;
}

/**
 * The page says the reporter tapped a listing: if the form asked for it on this tab (and not too long
 * ago), the listing is captured and the form opens with it, as for the right-click menu.
 */
export async function listingPicked(tab: Tabs.Tab | undefined, frameId: number | undefined): Promise<boolean> {
  if (tab?.id === undefined || (frameId ?? 0) !== 0) return false;
  const stored = await browser.storage.session.get(key(tab.id));
  const until = stored[key(tab.id)];
  if (typeof until !== 'number') return false;
  await browser.storage.session.remove(key(tab.id));
  if (until < Date.now()) return false;
  await reportListing(tab, { frameId: 0 }, 'pick');
  return true;
}
