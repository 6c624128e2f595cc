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
  return {
    'all tasks': sum((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
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

async function launch(extension: boolean): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tipline-trace-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...(extension ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'] } : {}),
    args: [...CHROMIUM_FLAGS, ...(extension ? [`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`] : [])],
  });
  return { context, close: async () => (await context.close(), await rm(dir, { recursive: true, force: true })) };
}

/** Medians of `runs` traced loads of the 100 KB page on each side (`BENCH_TRACE_RUNS`, default 5). */
export async function benchPageTrace(runs = Number(process.env.BENCH_TRACE_RUNS ?? 5)): Promise<{ name: string; without: number; with: number }[]> {
  const phrases = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries.filter((entry) => entry.strength === 'strong').map((entry) => entry.phrase));
  let post = 0;
  const html = generatePage(100 * 1024, []).replace(/<\/li>/g, (end) => (++post % 60 === 0 ? `${end}<li><h3>出售</h3><p>${phrases[(post / 60) % phrases.length]} 价格 1800元 微信 abc${post}</p></li>` : end));
  const sides = { without: await launch(false), with: await launch(true) };
  const totals: Record<'without' | 'with', Record<string, number>[]> = { without: [], with: [] };
  try {
    for (const side of Object.values(sides)) await side.context.route('http://bench.local/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let run = 0; run <= runs; run++) {
      for (const name of run % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        const summary = summarise(await trace(sides[name].context, 'http://bench.local/p100'));
        if (run > 0) totals[name].push(summary);
      }
    }
  } finally {
    await sides.with.close();
    await sides.without.close();
  }
  return Object.keys(totals.with[0] ?? {}).map((name) => ({
    name,
    without: median(totals.without.map((t) => t[name]!)),
    with: median(totals.with.map((t) => t[name]!)),
  }));
}
