/// <reference types="chrome" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';
import { CHROMIUM_FLAGS, DIST_CHROME, chromiumPath } from '../test/e2e/harness/browser';
import { BUILTIN_PHRASE_LISTS } from '../src/phrases';
import { generatePage } from './page-generator';
import { median } from './median';
import { scanPhases, watchBadgeChanges } from './scan-phases';

/*
 * What the extension's share of a page's load is made of (`BENCH_ONLY=trace`): the 100 KB page of the
 * page-cost series loaded with a DevTools trace, with and without the extension, and the page's
 * renderer main thread summed by kind of work.
 */

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; fileName?: string };
}

const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'disabled-by-default-devtools.timeline', 'toplevel'].join(',');

interface Traced {
  events: TraceEvent[];
  /** Epoch ms of the page's loadEventEnd, and of the badge's first and last change (with the extension). */
  loadEpoch: number;
  badge?: { firstAt: number; finalAt: number };
}

export async function trace(context: BrowserContext, url: string, worker?: Worker): Promise<Traced> {
  const page = await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // Events by name the typings of this playwright-core do not list.
  const on = session as unknown as { on(event: string, listener: (data: { value: TraceEvent[] }) => void): void; once(event: string, listener: () => void): void };
  on.on('Tracing.dataCollected', (data) => void events.push(...data.value));
  const done = new Promise<void>((resolve) => on.once('Tracing.tracingComplete', () => resolve()));
  // The tab just opened: tab ids only grow.
  const tabId = worker ? await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((tab) => tab.id ?? -1))) : -1;
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const badge = worker ? watchBadgeChanges(worker, tabId) : undefined;
  await page.goto(url, { waitUntil: 'load' });
  // Until the badge is final (it has stayed the same for 1 s), or 1.5 s after load without the extension.
  const badgeTimes = badge ? await badge : undefined;
  if (!badge) await page.waitForTimeout(1500);
  const loadEpoch = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await session.send('Tracing.end');
  await done;
  await page.close();
  return { events, loadEpoch, ...(badgeTimes ? { badge: badgeTimes } : {}) };
}

/** The tab's renderer main thread: its complete events, and its navigation's start and load event end. */
export function mainThread(events: readonly TraceEvent[]) {
  const threads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The tab's renderer: the main thread that parsed the bench page.
  const main = threads.find((t) => events.some((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'ParseHTML'));
  const on = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const parse = on.find((e) => e.name === 'ParseHTML');
  const marks = events.filter((e) => main && e.pid === main.pid && e.ph !== 'X');
  const navigationStart = Math.max(...marks.filter((e) => e.name === 'navigationStart' && e.ts <= (parse?.ts ?? 0)).map((e) => e.ts));
  const loadEnd = marks.find((e) => e.name === 'loadEventEnd' && e.ts >= navigationStart)?.ts ?? Number.NaN;
  return { on, marks, navigationStart, loadEnd };
}

/** Totals (ms) of the tab's renderer main thread: every task, and the kinds of work asked about. */
function summarise(events: readonly TraceEvent[]): Record<string, number> {
  const { on, marks, navigationStart, loadEnd } = mainThread(events);
  const sum = (test: (e: TraceEvent) => boolean) => on.filter(test).reduce((total, e) => total + e.dur! / 1000, 0);
  const ours = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.fileName ?? '').includes('content.js');
  const bootstrap = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.fileName ?? '').includes('bootstrap.js');
  const loadStart = marks.find((e) => e.name === 'loadEventStart' && e.ts >= navigationStart)?.ts ?? Number.NaN;
  const firstLayout = on.find((e) => e.name === 'Layout' && e.ts >= navigationStart);
  return {
    'load event end, from navigation start': (loadEnd - navigationStart) / 1000,
    "the page's first layout, from navigation start": firstLayout ? (firstLayout.ts - navigationStart) / 1000 : Number.NaN,
    'layout before load': sum((e) => e.name === 'Layout' && e.ts >= navigationStart && e.ts < loadStart),
    'all tasks': sum((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    'bootstrap.js compile and run': sum((e) => e.name === 'EvaluateScript' && bootstrap(e)),
    'HTML parse': sum((e) => e.name === 'ParseHTML'),
    'content.js compile': sum((e) => (e.name === 'v8.compile' || e.name === 'V8.CompileCode' || e.name === 'v8.compileModule') && ours(e)),
    'content.js first run': sum((e) => e.name === 'EvaluateScript' && ours(e)),
    'content.js callbacks (messages, timers, observers)': sum((e) => e.name === 'FunctionCall' && ours(e)),
    'style recalculation': sum((e) => e.name === 'UpdateLayoutTree'),
    layout: sum((e) => e.name === 'Layout'),
    'paint and commit': sum((e) => e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Commit' || e.name === 'Layerize'),
    'garbage collection': sum((e) => e.name === 'MinorGC' || e.name === 'MajorGC' || e.name === 'V8.GC_SCAVENGER' || e.name === 'V8.GC_MARK_COMPACTOR'),
  };
}

export async function launch(extension: boolean, folder = DIST_CHROME): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tipline-trace-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...(extension ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'] } : {}),
    args: [...CHROMIUM_FLAGS, ...(extension ? [`--disable-extensions-except=${folder}`, `--load-extension=${folder}`] : [])],
  });
  return { context, close: async () => (await context.close(), await rm(dir, { recursive: true, force: true })) };
}

export interface TraceRow {
  name: string;
  without: number;
  with: number;
  before?: number;
}

/**
 * Medians of `runs` traced loads of each page (`BENCH_TRACE_RUNS`, default 5; `BENCH_TRACE_SIZES`,
 * default 100, in KB) on each side; `BENCH_TRACE_BEFORE=<folder>` adds a third side, another build of
 * the extension (an earlier one, kept for comparison), traced in the same run. `totals` is the 100 KB
 * page's main thread by kind of work; `phases` the time from `load` to the final badge, per page.
 */
export async function benchPageTrace(runs = Number(process.env.BENCH_TRACE_RUNS ?? 5)): Promise<{ totals: TraceRow[]; phases: { kilobytes: number; rows: TraceRow[] }[] }> {
  const phrases = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries.filter((entry) => entry.strength === 'strong').map((entry) => entry.phrase));
  const sizes = (process.env.BENCH_TRACE_SIZES ?? '100').split(',').map(Number);
  const pages = new Map(
    sizes.map((kb) => {
      let post = 0;
      return [`/p${kb}`, generatePage(kb * 1024, []).replace(/<\/li>/g, (end) => (++post % 60 === 0 ? `${end}<li><h3>出售</h3><p>${phrases[(post / 60) % phrases.length]} 价格 1800元 微信 abc${post}</p></li>` : end))];
    }),
  );
  const before = process.env.BENCH_TRACE_BEFORE;
  const sides: Partial<Record<'without' | 'with' | 'before', { context: BrowserContext; close(): Promise<void> }>> = {
    without: await launch(false),
    with: await launch(true),
    ...(before ? { before: await launch(true, before) } : {}),
  };
  const names = Object.keys(sides) as ('without' | 'with' | 'before')[];
  const empty = () => ({ without: [], with: [], before: [] }) as Record<'without' | 'with' | 'before', Record<string, number>[]>;
  const totals = empty();
  const phases = new Map(sizes.map((kb) => [kb, empty()]));
  const medians = (of: Record<'without' | 'with' | 'before', Record<string, number>[]>, from: 'with' | 'without') =>
    Object.keys(of[from][0] ?? {}).map((name) => ({
      name,
      without: median(of.without.map((t) => t[name]!)),
      with: median(of.with.map((t) => t[name]!)),
      ...(before ? { before: median(of.before.map((t) => t[name]!)) } : {}),
    }));
  try {
    for (const side of Object.values(sides)) await side.context.route('http://bench.local/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: pages.get(new URL(route.request().url()).pathname) ?? '' }));
    const workers: Partial<Record<'with' | 'before', Worker>> = {};
    for (const name of ['with', 'before'] as const) {
      const side = sides[name];
      if (side) workers[name] = side.context.serviceWorkers()[0] ?? (await side.context.waitForEvent('serviceworker', { timeout: 30_000 }));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const kb of sizes) {
      for (let run = 0; run <= runs; run++) {
        // The order turns each round, so that a slow spell of the machine falls on every side alike.
        for (const name of names.map((_, i) => names[(i + run) % names.length]!)) {
          const traced = await trace(sides[name]!.context, `http://bench.local/p${kb}`, name === 'without' ? undefined : workers[name]);
          if (run === 0) continue;
          if (kb === 100) totals[name].push(summarise(traced.events));
          const { on, loadEnd } = mainThread(traced.events);
          phases.get(kb)![name].push(scanPhases(on, loadEnd, traced.badge, traced.loadEpoch));
        }
      }
    }
  } finally {
    for (const side of Object.values(sides)) await side.close();
  }
  return { totals: medians(totals, 'with'), phases: sizes.map((kb) => ({ kilobytes: kb, rows: medians(phases.get(kb)!, 'with') })) };
}
