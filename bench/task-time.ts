import type { CDPSession, Page } from 'playwright-core';

/** The page's main-thread task time so far (DevTools `TaskDuration`, `Performance.enable`d), in ms. */
export async function taskMs(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/**
 * Keeps the page's longest task in `window.__longest` from now on, while `window.__measuring` is not
 * false (`paused`: false until the page sets it).
 */
export function watchLongTasks(page: Page, paused = false): Promise<void> {
  return page.evaluate((startPaused) => {
    const w = window as unknown as { __longest: number; __measuring?: boolean };
    w.__longest = 0;
    w.__measuring = !startPaused;
    new PerformanceObserver((list) => {
      if (w.__measuring === false) return;
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  }, paused);
}

export function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}
