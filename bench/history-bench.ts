/// <reference types="chrome" />
import { launchExtension } from '../test/e2e/harness/browser';

/** Fills the history with `count` reports and times the popup from navigation to the first page of them. */
export async function benchHistory(count: number): Promise<{ reports: number; firstPageMs: number; heapBytes: number; runs: number }> {
  const browser = await launchExtension();
  try {
    // The worker makes the database in its start-up work, which waits for a first answer or an idle delay.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await browser.worker.evaluate(async (total) => {
      const open = indexedDB.open('tipline');
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('reports', 'readwrite');
      const store = tx.objectStore('reports');
      for (let i = 0; i < total; i++) {
        const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        const id = crypto.randomUUID();
        store.put({
          id,
          createdAt,
          status: i % 3 ? 'delivered' : 'retry',
          attempts: 1,
          receipt: i % 3 ? `R-${i}` : undefined,
          nextAttemptAt: i % 3 ? undefined : Date.now() + 60_000,
          partIds: [],
          site: `shop${i % 50}.example`,
          report: {
            schema: 'tipline.report/v1', id, createdAt, category: 'drugs-precursors',
            page: { url: `https://shop${i % 50}.example/item/${i}`, title: `Item ${i}`, capturedAt: createdAt },
            matches: [{ phrase: 'ice', category: 'drugs-precursors', count: 1 }], note: '', reporter: null, evidence: [],
            client: { name: 'tipline', version: '0.1.0', browser: 'bench' },
          },
        });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, count);
    const times: number[] = [];
    let heap = 0;
    for (let run = 0; run < 5; run++) {
      const page = await browser.context.newPage();
      const started = Date.now();
      await page.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=0&view=history`);
      await page.waitForSelector('.history li');
      // The mark comes a frame after the list is in the page (src/popup/history-list.tsx): read before
      // it, the time would fall back to the wall clock, tab opening included.
      await page.waitForFunction(() => performance.getEntriesByName('tipline-history-rendered').length > 0, undefined, { timeout: 5000 }).catch(() => undefined);
      const sinceNavigation = await page.evaluate(() => performance.getEntriesByName('tipline-history-rendered')[0]?.startTime ?? -1);
      times.push(sinceNavigation >= 0 ? sinceNavigation : Date.now() - started);
      heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
      await page.close();
    }
    times.sort((a, b) => a - b);
    return { reports: count, firstPageMs: times[2]!, heapBytes: heap, runs: times.length };
  } finally {
    await browser.close();
  }
}
