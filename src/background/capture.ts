import browser from 'webextension-polyfill';
import { isRestrictedUrl } from '../shared/url';
import { captureSlot } from './rate-limit';

export class CaptureError extends Error {}

async function dataUrlToBytes(dataUrl: string): Promise<Uint8Array> {
  const response = await fetch(dataUrl);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * captureVisibleTab shoots the active tab of a window. A report window opened for another tab of the
 * same window (or a test) may have taken focus, so bring the tab forward for the shot and give it back.
 */
export async function captureVisiblePng(tabId: number): Promise<Uint8Array> {
  const tab = await browser.tabs.get(tabId);
  if (isRestrictedUrl(tab.url)) throw new CaptureError('error_restricted_page');
  let previous: number | undefined;
  if (!tab.active) {
    const [active] = await browser.tabs.query({ active: true, windowId: tab.windowId });
    previous = active?.id;
    await browser.tabs.update(tabId, { active: true });
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    await captureSlot();
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    return await dataUrlToBytes(dataUrl);
  } finally {
    if (previous !== undefined) await browser.tabs.update(previous, { active: true }).catch(() => undefined);
  }
}
