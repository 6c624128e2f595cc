import browser from 'webextension-polyfill';
import type { PageSummary } from '../shared/protocol/messages';

/** Red: listings with unambiguous phrases; amber: listings found only by weak words next to sale intent. */
export const BADGE_SUSPECT = '#c62828';
export const BADGE_WEAK = '#b26a00';

export async function updateBadge(tabId: number, summary: PageSummary): Promise<void> {
  const count = summary.suspectBlocks;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  if (count > 0) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: summary.strongHits > 0 ? BADGE_SUSPECT : BADGE_WEAK });
  }
}
