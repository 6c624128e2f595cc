import browser from 'webextension-polyfill';
import { ensureScanner } from './inject-scanner';

interface PageCaptureApi {
  saveAsMHTML(details: { tabId: number }): Promise<Blob | ArrayBuffer | undefined>;
}

/** A snapshot's bytes, not stored: the report form holds them until its category allows evidence (held-evidence.ts). */
export interface SnapshotBytes {
  data: Uint8Array;
  mediaType: 'text/html' | 'multipart/related';
  variant: 'dom' | 'mhtml';
}

/** MHTML where the browser offers it (Chrome's pageCapture), else the content script's inert HTML copy. */
export async function captureSnapshot(tabId: number): Promise<SnapshotBytes> {
  const pageCapture = (browser as unknown as { pageCapture?: PageCaptureApi }).pageCapture;
  if (pageCapture) {
    try {
      const mhtml = await pageCapture.saveAsMHTML({ tabId });
      if (mhtml) {
        const bytes = new Uint8Array(mhtml instanceof Blob ? await mhtml.arrayBuffer() : mhtml);
        return { data: bytes, mediaType: 'multipart/related', variant: 'mhtml' };
      }
    } catch (error) {
      console.warn('tipline: MHTML capture failed, falling back to HTML', error);
    }
  }
  await ensureScanner(tabId);
  const reply = (await browser.tabs.sendMessage(tabId, { type: 'content/snapshot' }, { frameId: 0 })) as { ok: boolean; data?: unknown; error?: string } | undefined;
  if (!reply?.ok || typeof reply.data !== 'string') throw new Error(reply?.error ?? 'error_no_content_script');
  return { data: new TextEncoder().encode(reply.data), mediaType: 'text/html', variant: 'dom' };
}
