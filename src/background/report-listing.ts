import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { listingCaptureSchema, type PreparedDraft } from '../shared/protocol/messages';
import { isRestrictedUrl } from '../shared/url';
import { captureVisiblePng } from './capture';
import { cropRect } from './crop';
import { cropPng, imageSize } from './image-ops';
import { saveDraft } from './draft-store';
import { holdCapture } from './held-evidence';
import { ensureScanner } from './inject-scanner';

export const MENU_ID = 'tipline-report-listing';
/** "Report child sexual abuse (URL only)": the form opens without anything taken from the page. */
export const URL_ONLY_MENU_ID = 'tipline-report-url-only';

/** The form for a tab (contract: `popup.html?tab=<id>`), for a prepared draft when one is given. */
function formUrl(tabId: number, draftId?: string): string {
  const query = new URLSearchParams({ tab: String(tabId) });
  if (draftId) query.set('draft', draftId);
  return browser.runtime.getURL(`popup/index.html?${query}`);
}

/** The form for a tab in a tab of its own, next to the page: where a browser has no windows (Firefox for Android). */
export async function openFormTab(tabId: number, draftId?: string): Promise<void> {
  const page = await browser.tabs.get(tabId).catch(() => undefined);
  const next = page?.index === undefined ? {} : { index: page.index + 1 };
  await browser.tabs.create({ url: formUrl(tabId, draftId), ...next });
}

/** The form for a tab, in a small window of its own, or in a tab where the browser has no `windows` API. */
export async function openReportWindow(tabId: number, draftId?: string): Promise<void> {
  // webextension-polyfill hands out undefined for a namespace the browser lacks; its types do not say so.
  const windows = browser.windows as typeof browser.windows | undefined;
  if (!windows) return openFormTab(tabId, draftId);
  await windows.create({ url: formUrl(tabId, draftId), type: 'popup', width: 460, height: 760 });
}

/**
 * "Report this listing": asks the page for the listing under the right-click (or, `from: 'pick'`, the
 * one tapped in pick mode), shoots the visible tab, crops the listing out of it, and opens the form
 * pre-filled. The shots and the listing are held in memory for the form, not stored: the category is
 * not known yet (draft-store.ts). The menu, pick mode and the tests all come through here.
 */
export async function reportListing(tab: Tabs.Tab, info: Partial<Menus.OnClickData> = {}, from: 'right-click' | 'pick' = 'right-click'): Promise<PreparedDraft> {
  const tabId = tab.id;
  if (tabId === undefined) throw new Error('error_no_tab');
  const draft: PreparedDraft = { draftId: crypto.randomUUID(), tabId, matches: [], parts: [] };
  try {
    if (isRestrictedUrl(tab.url)) throw new Error('error_restricted_page');
    // The listing picker lives in the top frame; a click inside a frame is reported as the page, and said so.
    if (info.frameId !== undefined && info.frameId !== 0) {
      const png = await captureVisiblePng(tabId);
      draft.parts.push(await holdCapture(png, { mediaType: 'image/png', variant: 'visible' }, Date.now()));
      throw new Error('error_listing_in_frame');
    }
    await ensureScanner(tabId);
    const reply: unknown = await browser.tabs.sendMessage(
      tabId,
      { type: 'content/get-listing', hints: { linkUrl: info.linkUrl, srcUrl: info.srcUrl, selectionText: info.selectionText }, from },
      { frameId: 0 },
    );
    const answer = reply as { ok?: boolean; data?: unknown; error?: string } | undefined;
    if (!answer?.ok) throw new Error(answer?.error ?? 'error_no_content_script');
    const capture = listingCaptureSchema.parse(answer.data);
    draft.listing = capture.listing;
    draft.matches = capture.matches;
    const png = await captureVisiblePng(tabId);
    const takenAt = Date.now();
    const crop = cropRect(capture.rect, capture.viewport, await imageSize(png), capture.devicePixelRatio);
    if (crop) draft.parts.push(await holdCapture(await cropPng(png, crop), { mediaType: 'image/png', variant: 'listing' }, takenAt));
    draft.parts.push(await holdCapture(png, { mediaType: 'image/png', variant: 'visible' }, takenAt));
  } catch (error) {
    // A half-made capture is not a report: the form opens with what there is and says what failed.
    draft.error = error instanceof Error ? error.message : String(error);
  }
  await saveDraft(draft);
  await openReportWindow(tabId, draft.draftId);
  return draft;
}

/**
 * "Report child sexual abuse (URL only)": the form opens on the tab with that category and takes
 * nothing from the page — no screenshot, no listing, no message to the page at all.
 */
export async function reportUrlOnly(tab: Tabs.Tab): Promise<PreparedDraft> {
  const tabId = tab.id;
  if (tabId === undefined) throw new Error('error_no_tab');
  const draft: PreparedDraft = { draftId: crypto.randomUUID(), tabId, matches: [], parts: [], urlOnly: true };
  await saveDraft(draft);
  await openReportWindow(tabId, draft.draftId);
  return draft;
}
