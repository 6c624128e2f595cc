/// <reference types="chrome" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { CHROMIUM_FLAGS, DIST_CHROME, chromiumPath } from '../test/e2e/harness/browser';
import { BUILTIN_PHRASE_LISTS } from '../src/phrases';
import { generatePage } from './page-generator';
import { median } from './median';

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

async function trace(context: BrowserContext, url: string): Promise<TraceEvent[]> {
  const page = await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // Events by name the typings of this playwright-core do not list.
  const on = session as unknown as { on(event: string, listener: (data: { value: TraceEvent[] }) => void): void; once(event: string, listener: () => void): void };
  on.on('Tracing.dataCollected', (data) => void events.push(...data.value));
  const done = new Promise<void>((resolve) => on.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  await session.send('Tracing.end');
  await done;
  await page.close();
  return events;
}

/** Totals (ms) of the tab's renderer main thread: every task, and the kinds of work asked about. */
function summarise(events: readonly TraceEvent[]): Record<string, number> {
  const threads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The tab's renderer: the main thread that parsed the bench page.
  const main = threads.find((t) => events.some((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'ParseHTML'));
  const on = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const sum = (test: (e: TraceEvent) => boolean) => on.filter(test).reduce((total, e) => total + e.dur! / 1000, 0);
  const ours = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.fileName ?? '').includes('content.js');
  const bootstrap = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.fileName ?? '').includes('bootstrap.js');
  // The page's own navigation: the last navigationStart before its parse, and the load event after it.
  const parse = on.find((e) => e.name === 'ParseHTML');
  const marks = events.filter((e) => main && e.pid === main.pid && e.ph !== 'X');
  const navigationStart = Math.max(...marks.filter((e) => e.name === 'navigationStart' && e.ts <= (parse?.ts ?? 0)).map((e) => e.ts));
  const loadStart = marks.find((e) => e.name === 'loadEventStart' && e.ts >= navigationStart)?.ts ?? Number.NaN;
  const loadEnd = marks.find((e) => e.name === 'loadEventEnd' && e.ts >= navigationStart)?.ts ?? Number.NaN;
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

async function launch(extension: boolean, folder = DIST_CHROME): Promise<{ context: BrowserContext; close(): Promise<void> }> {
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

/**
 * Medians of `runs` traced loads of the 100 KB page on each side (`BENCH_TRACE_RUNS`, default 5);
 * `BENCH_TRACE_BEFORE=<folder>` adds a third side, another build of the extension (an earlier one, kept
 * for comparison), traced in the same run.
 */
export async function benchPageTrace(runs = Number(process.env.BENCH_TRACE_RUNS ?? 5)): Promise<{ name: string; without: number; with: number; before?: number }[]> {
  const phrases = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries.filter((entry) => entry.strength === 'strong').map((entry) => entry.phrase));
  let post = 0;
  const html = generatePage(100 * 1024, []).replace(/<\/li>/g, (end) => (++post % 60 === 0 ? `${end}<li><h3>出售</h3><p>${phrases[(post / 60) % phrases.length]} 价格 1800元 微信 abc${post}</p></li>` : end));
  const before = process.env.BENCH_TRACE_BEFORE;
  const sides: Partial<Record<'without' | 'with' | 'before', { context: BrowserContext; close(): Promise<void> }>> = {
    without: await launch(false),
    with: await launch(true),
    ...(before ? { before: await launch(true, before) } : {}),
  };
  const names = Object.keys(sides) as ('without' | 'with' | 'before')[];
  const totals: Record<'without' | 'with' | 'before', Record<string, number>[]> = { without: [], with: [], before: [] };
  try {
    for (const side of Object.values(sides)) await side.context.route('http://bench.local/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let run = 0; run <= runs; run++) {
      // The order turns each round, so that a slow spell of the machine falls on every side alike.
      for (const name of names.map((_, i) => names[(i + run) % names.length]!)) {
        const summary = summarise(await trace(sides[name]!.context, 'http://bench.local/p100'));
        if (run > 0) totals[name].push(summary);
      }
    }
  } finally {
    for (const side of Object.values(sides)) await side.close();
  }
  return Object.keys(totals.with[0] ?? {}).map((name) => ({
    name,
    without: median(totals.without.map((t) => t[name]!)),
    with: median(totals.with.map((t) => t[name]!)),
    ...(before ? { before: median(totals.before.map((t) => t[name]!)) } : {}),
  }));
}
