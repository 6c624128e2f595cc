/// <reference types="chrome" />
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../test/e2e/harness/browser';
import { median } from './median';
import { longestTask, taskMs, watchLongTasks } from './task-time';

export interface ExtensionScan {
  /** One bare TreeWalker pass in a fresh isolated world: what a content script's first walk pays. */
  floorColdMs: number;
  /** The same pass in the page's own world, third time running (as the pages series' floor). */
  floorWarmMs: number;
  /** Main-thread CPU from switching highlighting on until the worker has answered the whole page. */
  scanMs: number;
  longestTaskMs: number;
  textsPrefiltered: number;
  blocksScanned: number;
}

const WALK = `(() => { const started = performance.now(); const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length; return performance.now() - started; })()`;

/** The worker's counters of texts prefiltered and blocks scanned (test/e2e/harness/background-with-hooks.ts). */
function counters(extension: ExtensionBrowser): Promise<[number, number]> {
  return extension.worker.evaluate(() => {
    const self = globalThis as unknown as { tiplineTextsPrefiltered(): number; tiplineBlocksScanned(): number };
    return [self.tiplineTextsPrefiltered(), self.tiplineBlocksScanned()] as [number, number];
  });
}

/** A subscribed list of the extra phrases, stored once (lists live apart from the settings). */
const BENCH_LIST_URL = 'https://lists.bench.local/extra.json';

async function storeList(extension: ExtensionBrowser, entries: readonly unknown[]): Promise<void> {
  await extension.worker.evaluate(
    ([url, list]) => chrome.storage.local.set({ phraseLists: { [url]: { entries: list, lastAttemptAt: new Date().toISOString() } } }),
    [BENCH_LIST_URL, entries] as const,
  );
}

/**
 * Highlighting on or off. The settings stay small: every change of them reaches each content script
 * whole (old and new value), and a list of thousands of phrases in them would be timed with the scan.
 */
function setEnabled(extension: ExtensionBrowser, enabled: boolean, withList: boolean): Promise<void> {
  return extension.worker.evaluate(
    ([on, url]) => chrome.storage.local.set({ settings: { highlight: { enabled: on }, subscriptions: url ? [{ url, enabled: true }] : [] } }),
    [enabled, withList ? BENCH_LIST_URL : ''] as const,
  );
}

/**
 * The floors, timed inside the pass: the first evaluation in a new world also pays for setting the
 * world up, which is the content script's start, not its walk.
 */
async function floors(page: Page, session: CDPSession): Promise<{ cold: number; warm: number }> {
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'tipline-bench-floor' })) as { executionContextId: number };
  // One text node read first, so that the world's DOM bindings are set up before the pass is timed.
  await session.send('Runtime.evaluate', { contextId: executionContextId, expression: 'document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT).nextNode()?.data.length' });
  const { result } = (await session.send('Runtime.evaluate', { contextId: executionContextId, expression: WALK, returnByValue: true })) as { result: { value: number } };
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push((await page.evaluate(WALK)) as number);
  return { cold: result.value, warm: warm[2]! };
}

/**
 * The built extension scanning a loaded page, as a user has it (docs/ARCHITECTURE.md, "Performance
 * floor"): the page is loaded with highlighting off, then switched on, and the page's main-thread CPU
 * is counted until the worker has prefiltered every text node and answered every exact scan.
 * `extraPhrases` (phrase list entries) are added to the built-in lists as a subscribed list.
 */
export async function benchExtensionScan(html: string, extraPhrases: readonly unknown[], runs: number): Promise<ExtensionScan[]> {
  // The test build (npm run build:test): its worker exposes the counters read above.
  const extension = await launchExtension({ testHooks: true });
  try {
    const withList = extraPhrases.length > 0;
    if (withList) await storeList(extension, extraPhrases);
    const out: ExtensionScan[] = [];
    // The first run warms the worker (its matcher built, its code compiled), as after a few pages.
    for (let run = 0; run <= runs; run++) {
      await setEnabled(extension, false, withList);
      const page = await extension.context.newPage();
      const session = await extension.context.newCDPSession(page);
      await session.send('Performance.enable');
      await page.route('http://bench.local/page', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto('http://bench.local/page', { waitUntil: 'load' });
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 1500)))));
      const floor = await floors(page, session);
      await watchLongTasks(page);
      const [prefilteredBefore, scannedBefore] = await counters(extension);
      const before = await taskMs(session);
      await setEnabled(extension, true, withList);
      // Done when the worker's counters have not moved for a second (polling the worker, not the page).
      let last = [prefilteredBefore, scannedBefore];
      let still = 0;
      for (let waited = 0; waited < 30_000 && still < 10; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await counters(extension);
        still = now[0] === last[0] && now[1] === last[1] && now[0] > prefilteredBefore ? still + 1 : 0;
        last = now;
      }
      const scanMs = (await taskMs(session)) - before;
      const longestTaskMs = await longestTask(page);
      await page.close();
      if (run === 0) continue;
      out.push({ floorColdMs: floor.cold, floorWarmMs: floor.warm, scanMs, longestTaskMs, textsPrefiltered: last[0]! - prefilteredBefore, blocksScanned: last[1]! - scannedBefore });
    }
    return out;
  } finally {
    await extension.close();
  }
}

export function summariseExtensionScan(samples: readonly ExtensionScan[]) {
  return {
    floorColdMs: median(samples.map((s) => s.floorColdMs)),
    floorWarmMs: median(samples.map((s) => s.floorWarmMs)),
    scanMs: median(samples.map((s) => s.scanMs)),
    coldRatio: median(samples.map((s) => s.scanMs / s.floorColdMs)),
    warmRatio: median(samples.map((s) => s.scanMs / s.floorWarmMs)),
    longestTaskMs: Math.max(...samples.map((s) => s.longestTaskMs)),
    textsPrefiltered: samples[0]?.textsPrefiltered ?? 0,
    blocksScanned: samples[0]?.blocksScanned ?? 0,
  };
}
