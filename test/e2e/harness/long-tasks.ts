import type { BrowserContext, Page } from 'playwright-core';

/** Records long tasks that start after the page's load event, in the page's own world. */
export async function watchLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[]; __loadedAt: number };
    w.__longTasks = [];
    w.__loadedAt = Number.POSITIVE_INFINITY;
    addEventListener('load', () => (w.__loadedAt = performance.now()));
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.startTime > w.__loadedAt + 20) w.__longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task timing in this browser.
    }
  });
}

export async function longTasksAfterLoad(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks?: number[] }).__longTasks ?? []);
}
