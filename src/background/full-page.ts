import browser from 'webextension-polyfill';
import { pageMetricsSchema, type PageMetrics } from '../shared/protocol/messages';
import { captureVisiblePng } from './capture';
import { ensureScanner } from './inject-scanner';

/** Infinite scroll never ends; canvases stop at 32,767 px. A page is shot down to this height at most. */
export const MAX_CSS_HEIGHT = 16_000;
const MAX_CANVAS_PX = 32_000;

async function ask<T>(tabId: number, message: unknown): Promise<T> {
  const reply = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as { ok: boolean; data?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'error_no_content_script');
  return reply.data as T;
}

export interface SlicePlan {
  ys: number[];
  height: number;
}

/** Scroll positions of the slices: one viewport apart, the last one flush with the bottom. */
export function planSlices(metrics: Pick<PageMetrics, 'scrollHeight' | 'viewportHeight'>): SlicePlan {
  const height = Math.min(metrics.scrollHeight, MAX_CSS_HEIGHT);
  const ys: number[] = [];
  for (let y = 0; y < height; y += metrics.viewportHeight) ys.push(Math.min(y, Math.max(0, height - metrics.viewportHeight)));
  return { ys: [...new Set(ys)], height };
}

async function sliceWithRetry(tabId: number): Promise<ImageBitmap> {
  for (let attempt = 0; ; attempt++) {
    try {
      const png = await captureVisiblePng(tabId);
      return await createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
    } catch (error) {
      // One failed slice is tried again, not the whole capture thrown away.
      if (attempt >= 1) throw error;
    }
  }
}

/** Scroll-and-stitch, restoring the reader's scroll position however it ends. */
export async function captureFullPage(tabId: number): Promise<Uint8Array> {
  await ensureScanner(tabId);
  const metrics = pageMetricsSchema.parse(await ask(tabId, { type: 'content/page-metrics' }));
  const plan = planSlices(metrics);
  let canvas: OffscreenCanvas | undefined;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let scale = metrics.devicePixelRatio;
  try {
    for (const [index, y] of plan.ys.entries()) {
      const landed = await ask<number>(tabId, { type: 'content/scroll-for-slice', y, hideFixed: index > 0 });
      const bitmap = await sliceWithRetry(tabId);
      if (!canvas) {
        scale = bitmap.width / metrics.viewportWidth;
        canvas = new OffscreenCanvas(bitmap.width, Math.min(Math.ceil(plan.height * scale), MAX_CANVAS_PX));
        context = canvas.getContext('2d');
      }
      context?.drawImage(bitmap, 0, Math.round(landed * scale));
      bitmap.close();
    }
  } finally {
    await ask(tabId, { type: 'content/end-capture', x: metrics.scrollX, y: metrics.scrollY }).catch(() => undefined);
  }
  if (!canvas) throw new Error('error_capture_failed');
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}
