import type { Worker } from 'playwright-core';

/*
 * Where the time from `load` to the final badge goes (`BENCH_ONLY=trace` with `BENCH_TRACE_SIZES`): the
 * scanner's marks in a DevTools trace of the tab's renderer main thread, and the tab's badge read in the
 * worker. Every time is in ms after the page's `loadEventEnd`.
 */

export interface PhaseEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  args?: { data?: { url?: string }; fileName?: string };
}

const urlOf = (e: PhaseEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';
const isRun = (e: PhaseEvent) => e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile' || e.name === 'V8.CompileCode';

/** Total length of the union of [start, end) intervals (µs). */
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/**
 * The phases of one traced load, from the tab's renderer main thread's complete events (`on`) and
 * its `loadEventEnd`; `badge` is when the badge first changed and when it last did (epoch ms, with
 * `loadEpoch` the epoch time of `loadEventEnd`).
 */
export function scanPhases(on: readonly PhaseEvent[], loadEnd: number, badge: { firstAt: number; finalAt: number } | undefined, loadEpoch: number): Record<string, number> {
  const after = on.filter((e) => e.ts >= loadEnd);
  const rel = (ts: number) => (ts - loadEnd) / 1000;
  const bootstrap = after.filter((e) => isRun(e) && urlOf(e).includes('bootstrap.js'));
  const ours = after.filter((e) => isRun(e) && urlOf(e).includes('content.js'));
  const tasks = after.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const first = ours[0];
  // Its last run before the scanner's first: the callback that asks (later ones are answers to it).
  const asked = bootstrap.filter((e) => !first || e.ts < first.ts).at(-1);
  const askedAt = asked ? asked.ts + (asked.dur ?? 0) : Number.NaN;
  const evaluate = ours.find((e) => e.name === 'EvaluateScript');
  const lastEnd = Math.max(...ours.map((e) => e.ts + (e.dur ?? 0)));
  const inWindow = (e: PhaseEvent) => first !== undefined && e.ts >= first.ts && e.ts < lastEnd;
  const window = first ? lastEnd - first.ts : Number.NaN;
  const oursBusy = unionLength(ours.map((e) => [e.ts, e.ts + (e.dur ?? 0)]));
  const allBusy = unionLength(tasks.filter(inWindow).map((e) => [e.ts, Math.min(lastEnd, e.ts + (e.dur ?? 0))]));
  const sum = (test: (e: PhaseEvent) => boolean) => after.filter((e) => inWindow(e) && test(e)).reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
  return {
    'bootstrap asks (idle wait)': rel(askedAt),
    'content.js compile starts (message, executeScript)': first ? rel(first.ts) : Number.NaN,
    'content.js first run ends': evaluate ? rel(evaluate.ts + (evaluate.dur ?? 0)) : Number.NaN,
    "content.js's last callback ends": rel(lastEnd),
    'first badge': badge ? badge.firstAt - loadEpoch : Number.NaN,
    'final badge': badge ? badge.finalAt - loadEpoch : Number.NaN,
    'scan window (first to last content.js event)': window / 1000,
    '  content.js running': oursBusy / 1000,
    '  content.js callbacks': ours.filter((e) => e.name === 'FunctionCall').length,
    '  other main-thread tasks (page, rendering, GC)': (allBusy - oursBusy) / 1000,
    '    of which style, layout, paint': sum((e) => ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit'].includes(e.name)),
    '  main thread idle (waiting for the worker)': (window - allBusy) / 1000,
  };
}

/** Polls the tab's badge every 10 ms from now until it stayed the same for 1 s after its first change (15 s at most): epoch ms of its first and last change. */
export function watchBadgeChanges(worker: Worker, tabId: number): Promise<{ firstAt: number; finalAt: number }> {
  return worker.evaluate(`(async () => {
    const read = () => chrome.action.getBadgeText({ tabId: ${tabId} }).catch(() => '');
    let text = await read();
    let firstAt = 0;
    let finalAt = 0;
    const started = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const now = await read();
      if (now !== text) { text = now; finalAt = Date.now(); if (!firstAt) firstAt = finalAt; }
      if (firstAt && Date.now() - finalAt >= 1000) break;
      if (Date.now() - started > 15000) break;
    }
    return { firstAt, finalAt };
  })()`) as Promise<{ firstAt: number; finalAt: number }>;
}
