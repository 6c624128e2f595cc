import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath, launchExtension } from '../test/e2e/harness/browser';
import { median } from './median';
import { taskMs } from './task-time';

export interface LoadCost {
  page: string;
  kilobytes: number;
  withoutMs: number;
  withMs: number;
  addedMs: number;
}

/** Main-thread CPU (DevTools `TaskDuration`) of loading a page once and letting it settle. */
async function loadCpu(context: BrowserContext, html: string): Promise<number> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  await page.route('http://bench.local/page', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('http://bench.local/page', { waitUntil: 'load' });
  // The content script starts at document_idle and scans in slices: give it time to finish.
  await page.waitForTimeout(1500);
  const cpuMs = await taskMs(session);
  await page.close();
  return cpuMs;
}

/**
 * What the content script adds to a page's load (docs/ARCHITECTURE.md, performance floor): the same pages loaded in a browser
 * without the extension and in one with it, built-in lists and default settings.
 */
export async function benchLoadCost(pages: readonly { name: string; html: string }[], runs = Number(process.env.BENCH_LOAD_RUNS ?? 9)): Promise<LoadCost[]> {
  // Both browsers alike (persistent profile, same flags and window) but for the extension.
  const plainProfile = await mkdtemp(join(tmpdir(), 'tipline-bench-'));
  const plainContext = await chromium.launchPersistentContext(plainProfile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_FLAGS,
  });
  const extension = await launchExtension();
  try {
    const out: LoadCost[] = [];
    for (const { name, html } of pages) {
      // Interleaved, one load at a time, so that a slow spell of the machine falls on both alike.
      const without: number[] = [];
      const withExtension: number[] = [];
      for (let run = 0; run < runs; run++) {
        without.push(await loadCpu(plainContext, html));
        withExtension.push(await loadCpu(extension.context, html));
      }
      const withoutMs = median(without);
      const withMs = median(withExtension);
      out.push({ page: name, kilobytes: Math.round(Buffer.byteLength(html) / 1024), withoutMs, withMs, addedMs: withMs - withoutMs });
    }
    return out;
  } finally {
    await extension.close();
    await plainContext.close();
    await rm(plainProfile, { recursive: true, force: true });
  }
}
