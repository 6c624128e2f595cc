import browser from 'webextension-polyfill';
import { savePart } from '../store/part-store';
import type { PartRecord } from '../store/records';
import { ensureScanner } from './inject-scanner';

interface PageCaptureApi {
  saveAsMHTML(details: { tabId: number }): Promise<Blob | ArrayBuffer | undefined>;
}

/** MHTML where the browser offers it (Chrome's pageCapture), else the content script's inert HTML copy. */
export async function captureSnapshot(tabId: number, draftId: string): Promise<PartRecord> {
  const pageCapture = (browser as unknown as { pageCapture?: PageCaptureApi }).pageCapture;
  if (pageCapture) {
    try {
      const mhtml = await pageCapture.saveAsMHTML({ tabId });
      if (mhtml) {
        const bytes = new Uint8Array(mhtml instanceof Blob ? await mhtml.arrayBuffer() : mhtml);
        return await savePart({ draftId, name: 'snapshot', mediaType: 'multipart/related', data: bytes, variant: 'mhtml' });
      }
    } catch (error) {
      console.warn('tipline: MHTML capture failed, falling back to HTML', error);
    }
  }
  await ensureScanner(tabId);
  const reply = (await browser.tabs.sendMessage(tabId, { type: 'content/snapshot' }, { frameId: 0 })) as { ok: boolean; data?: unknown; error?: string } | undefined;
  if (!reply?.ok || typeof reply.data !== 'string') throw new Error(reply?.error ?? 'error_no_content_script');
  return savePart({ draftId, name: 'snapshot', mediaType: 'text/html', data: new TextEncoder().encode(reply.data), variant: 'dom' });
}
