import browser from 'webextension-polyfill';
import { ensureScanner } from './inject-scanner';
import { snapshotDraftSchema } from '../shared/protocol/snapshot-draft';
import { loadSettings } from './settings-store';
import { inlineSnapshot } from './snapshot-inline';

interface PageCaptureApi {
  saveAsMHTML(details: { tabId: number }): Promise<Blob | ArrayBuffer | undefined>;
}

/** A snapshot's bytes, not stored: the report form holds them until its category allows evidence (held-evidence.ts). */
export interface SnapshotBytes {
  data: Uint8Array;
  mediaType: 'text/html' | 'multipart/related';
  variant: 'dom' | 'mhtml';
}

/**
 * Chrome's pageCapture, present only once the reporter granted the optional permission (switching
 * MHTML on in the options page asks for it); read from `chrome` each time, as it appears on the grant.
 */
function pageCapture(): PageCaptureApi | undefined {
  return (globalThis as { chrome?: { pageCapture?: PageCaptureApi } }).chrome?.pageCapture;
}

/** The content script's inert copy of the tab, with its pictures, fonts and stylesheets inlined by the worker. */
export async function inertHtmlSnapshot(tabId: number): Promise<SnapshotBytes> {
  await ensureScanner(tabId);
  const reply = (await browser.tabs.sendMessage(tabId, { type: 'content/snapshot' }, { frameId: 0 })) as { ok: boolean; data?: unknown; error?: string } | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'error_no_content_script');
  const draft = snapshotDraftSchema.safeParse(reply.data);
  if (!draft.success) throw new Error('error_no_content_script');
  const { html } = await inlineSnapshot(draft.data);
  return { data: new TextEncoder().encode(html), mediaType: 'text/html', variant: 'dom' };
}

/**
 * The snapshot the reporter's settings ask for. Inert HTML by default, in every browser. MHTML (the
 * page with its resources as Chrome saved them, NOT inert: docs/EVIDENCE.md) only when the reporter
 * chose it and granted `pageCapture`; should that fail, the inert copy is made instead.
 */
export async function captureSnapshot(tabId: number): Promise<SnapshotBytes> {
  const settings = await loadSettings();
  const capture = settings.privacy.snapshotFormat === 'mhtml' ? pageCapture() : undefined;
  if (capture) {
    try {
      const mhtml = await capture.saveAsMHTML({ tabId });
      if (mhtml) return { data: new Uint8Array(mhtml instanceof Blob ? await mhtml.arrayBuffer() : mhtml), mediaType: 'multipart/related', variant: 'mhtml' };
    } catch (error) {
      console.warn('tipline: MHTML capture failed, making the inert HTML copy', error);
    }
  }
  return inertHtmlSnapshot(tabId);
}
