/// <reference types="chrome" />
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_FLAGS, DIST_CHROME, chromiumPath } from '../test/e2e/harness/browser';
import { BUILTIN_PHRASE_LISTS } from '../src/phrases';
import { generatePage } from './page-generator';
import { median } from './median';

/*
 * What the user pays (`BENCH_ONLY=page`): pages loaded alternately in a browser with the extension and
 * in browsers without it, each browser launched once; and how soon the extension's own pages are usable.
 */

/** Long tasks from the start of every document, before any script of the page or ours. */
const LONG_TASKS = `(() => {
  const tasks = (window.__benchLongTasks = []);
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
})();`;

/** When (ms since navigation start) a selector's condition first held, kept in `window.__benchReady`. */
function readyScript(condition: string): string {
  return `(() => {
    const check = () => { if (window.__benchReady === undefined && (${condition})) { window.__benchReady = performance.now(); observer.disconnect(); } };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

/** A browser of its own: with `extension`, that built folder (dist/chrome unless given) loaded; persistent profile, same flags and window. */
async function launch(extension: boolean | string, userDataDir?: string): Promise<{ context: BrowserContext; dir: string; close(keep?: boolean): Promise<void> }> {
  const dir = userDataDir ?? (await mkdtemp(join(tmpdir(), 'tipline-page-cost-')));
  const folder = typeof extension === 'string' ? extension : DIST_CHROME;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'en',
    viewport: { width: 1280, height: 800 },
    ...(extension ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'] } : {}),
    args: [...CHROMIUM_FLAGS, '--lang=en', ...(extension ? [`--disable-extensions-except=${folder}`, `--load-extension=${folder}`] : [])],
  });
  return {
    context,
    dir,
    async close(keep = false) {
      await context.close();
      if (!keep) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** An unpacked extension's id: the first 32 hex digits of SHA-256 of its folder's path, as a–p. */
function unpackedId(folder: string): string {
  const hex = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

async function workerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
}

/** A generated page with listings the built-in lists find, one in about every 20 KB. */
function listingPage(bytes: number): string {
  const phrases = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries.filter((entry) => entry.strength === 'strong').map((entry) => entry.phrase));
  const html = generatePage(bytes, []);
  let post = 0;
  return html.replace(/<\/li>/g, (end) => {
    post++;
    return post % 60 === 0 ? `${end}<li><h3>出售</h3><p>${phrases[(post / 60) % phrases.length]} 价格 1800元 微信 abc${post}</p></li>` : end;
  });
}

interface LoadSample {
  loadMs: number;
  fcpMs: number;
  tbtMs: number;
  /** From `load` to the last change of the tab's badge (the extension's side only). */
  badgeMs?: number;
  /** From `load` to its first change: a partial count, or the final one. */
  firstBadgeMs?: number;
  badgeText?: string;
  /** How long after `load` the long tasks were counted. */
  windowMs: number;
}

/** Polls the tab's badge in the worker until it has been the same for 1 s after `load` and after its first change (at most 15 s for one that stays empty). */
function watchBadge(worker: Worker, tabId: number): Promise<{ text: string; changedAt: number; firstAt: number }> {
  // A string: the bench's compiled helpers must not leak into the worker.
  return worker.evaluate(`(async () => {
    globalThis.__benchLoadedAt = undefined;
    const read = () => chrome.action.getBadgeText({ tabId: ${tabId} }).catch(() => '');
    let text = await read();
    let changedAt = Date.now();
    let firstAt = 0;
    const started = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const now = await read();
      if (now !== text) { text = now; changedAt = Date.now(); if (!firstAt) firstAt = changedAt; }
      const loadedAt = globalThis.__benchLoadedAt;
      // Final once it has not changed for 1 s; a badge not set yet is waited for up to 15 s after load
      // (the scanner starts after load, once the page is idle: on the 5 MB page the page's own work after
      // load and the scan together take more than 1 s).
      const quietFor = Date.now() - Math.max(changedAt, loadedAt ?? Infinity);
      if (loadedAt !== undefined && quietFor >= 1000 && (text !== '' || Date.now() - loadedAt >= 15000)) break;
      if (Date.now() - started > 60000) break;
    }
    return { text, changedAt, firstAt: firstAt || changedAt };
  })()`) as Promise<{ text: string; changedAt: number; firstAt: number }>;
}

/** One load of `url` in a new tab; on the extension's side until its badge is final, else for `windowMs` after load. */
async function loadOnce(context: BrowserContext, url: string, worker: Worker | undefined, windowMs: number): Promise<LoadSample> {
  const page = await context.newPage();
  let badge: Promise<{ text: string; changedAt: number; firstAt: number }> | undefined;
  if (worker) {
    // The tab just opened: tab ids only grow.
    const tabId = await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((tab) => tab.id ?? -1)));
    badge = watchBadge(worker, tabId);
  }
  await page.goto(url, { waitUntil: 'load' });
  const timing = () =>
    page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
      return { origin: performance.timeOrigin, load: nav.loadEventEnd, fcp: fcp?.startTime ?? Number.NaN };
    });
  let t = await timing();
  for (let i = 0; i < 20 && !(t.load > 0); i++) t = await new Promise((resolve) => setTimeout(resolve, 10)).then(timing);
  let badgeMs: number | undefined;
  let badgeText: string | undefined;
  let firstBadgeMs: number | undefined;
  if (worker && badge) {
    await worker.evaluate((loadedAt) => void ((globalThis as unknown as { __benchLoadedAt?: number }).__benchLoadedAt = loadedAt), t.origin + t.load);
    const final = await badge;
    badgeMs = Math.max(0, final.changedAt - (t.origin + t.load));
    firstBadgeMs = Math.max(0, final.firstAt - (t.origin + t.load));
    badgeText = final.text;
    windowMs = badgeMs + 1000;
  } else {
    await page.waitForTimeout(windowMs);
  }
  const end = t.load + windowMs;
  // First contentful paint can come after `load`: read it again at the end.
  t = await timing();
  const tasks = await page.evaluate(() => (window as unknown as { __benchLongTasks?: [number, number][] }).__benchLongTasks ?? []);
  const tbtMs = tasks.filter(([start]) => start < end).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  await page.close();
  return { loadMs: t.load, fcpMs: t.fcp, tbtMs, badgeMs, firstBadgeMs, badgeText, windowMs };
}

export interface PageCostRow {
  /** The generator's size (characters of text) and the HTML's size in bytes (Chinese text is 3 bytes a character). */
  nominalKilobytes: number;
  kilobytes: number;
  runs: number;
  without: { loadMs: number; fcpMs: number; tbtMs: number };
  with: { loadMs: number; fcpMs: number; tbtMs: number; badgeMs: number; firstBadgeMs: number };
  /** A second browser without the extension, in the same alternation: the noise. */
  aa: { loadMs: number; fcpMs: number; tbtMs: number };
  /** An earlier build of the extension (`BENCH_PAGE_BEFORE=<built folder>`), in the same alternation. */
  before?: { loadMs: number; fcpMs: number; tbtMs: number; badgeMs: number; firstBadgeMs: number };
  badgeText: string;
}

const summarise = (samples: readonly LoadSample[]) => ({
  loadMs: median(samples.map((s) => s.loadMs)),
  fcpMs: median(samples.map((s) => s.fcpMs)),
  tbtMs: median(samples.map((s) => s.tbtMs)),
});

/**
 * `BENCH_PAGE_RUNS=15,7,5` alternations at 100 KB, 1 MB and 5 MB (`BENCH_PAGE_SIZES=100,1024,5120`, in KB);
 * `BENCH_PAGE_BEFORE=<folder>` adds a fourth browser with an earlier build (its `dist/chrome`), so that
 * before and after come from the same run.
 */
export async function benchPageCost(): Promise<PageCostRow[]> {
  const sizes = (process.env.BENCH_PAGE_SIZES ?? '100,1024,5120').split(',').map(Number);
  const runs = (process.env.BENCH_PAGE_RUNS ?? '15,7,5').split(',').map(Number);
  const pages = new Map(sizes.map((kb) => [`/p${kb}`, listingPage(kb * 1024)]));
  const plain = await launch(false);
  const plainB = await launch(false);
  const extension = await launch(true);
  const beforeFolder = process.env.BENCH_PAGE_BEFORE;
  const earlier = beforeFolder ? await launch(beforeFolder) : undefined;
  try {
    for (const side of [plain, plainB, extension, ...(earlier ? [earlier] : [])]) {
      await side.context.addInitScript(LONG_TASKS);
      await side.context.route('http://bench.local/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: pages.get(new URL(route.request().url()).pathname) ?? '' }));
    }
    const worker = await workerOf(extension.context);
    const earlierWorker = earlier ? await workerOf(earlier.context) : undefined;
    // Let the worker finish its install work, and warm each browser once on a small page.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const side of [plain, plainB]) await loadOnce(side.context, `http://bench.local/p${sizes[0]}`, undefined, 500);
    await loadOnce(extension.context, `http://bench.local/p${sizes[0]}`, worker, 0);
    if (earlier) await loadOnce(earlier.context, `http://bench.local/p${sizes[0]}`, earlierWorker, 0);
    const rows: PageCostRow[] = [];
    for (const [index, kb] of sizes.entries()) {
      const count = runs[index] ?? runs.at(-1) ?? 5;
      const url = `http://bench.local/p${kb}`;
      const samples = { with: [] as LoadSample[], without: [] as LoadSample[], aa: [] as LoadSample[], before: [] as LoadSample[] };
      let badgeText = '';
      let windowMs = 1500;
      for (let run = 0; run < count; run++) {
        // The order turns each round, so that a slow spell of the machine falls on every side alike.
        const sides = earlier ? (['with', 'without', 'aa', 'before'] as const) : (['with', 'without', 'aa'] as const);
        const order = sides.map((_, i, all) => all[(i + run) % all.length]!);
        for (const side of order) {
          if (side === 'before') {
            samples.before.push(await loadOnce(earlier!.context, url, earlierWorker, 0));
          } else if (side === 'with') {
            const sample = await loadOnce(extension.context, url, worker, 0);
            // The browsers without the extension are watched as long after load as this one was.
            windowMs = sample.windowMs;
            samples.with.push(sample);
            badgeText = sample.badgeText ?? '';
          } else {
            samples[side].push(await loadOnce((side === 'without' ? plain : plainB).context, url, undefined, windowMs));
          }
        }
      }
      const withExtension = summarise(samples.with);
      rows.push({
        nominalKilobytes: kb,
        kilobytes: Math.round(Buffer.byteLength(pages.get(`/p${kb}`)!) / 1024),
        runs: count,
        without: summarise(samples.without),
        with: { ...withExtension, badgeMs: median(samples.with.map((s) => s.badgeMs ?? 0)), firstBadgeMs: median(samples.with.map((s) => s.firstBadgeMs ?? 0)) },
        aa: summarise(samples.aa),
        ...(earlier ? { before: { ...summarise(samples.before), badgeMs: median(samples.before.map((s) => s.badgeMs ?? 0)), firstBadgeMs: median(samples.before.map((s) => s.firstBadgeMs ?? 0)) } } : {}),
        badgeText,
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
    return rows;
  } finally {
    await earlier?.close();
    await extension.close();
    await plainB.close();
    await plain.close();
  }
}

export interface UiCost {
  formUsableMs: number;
  optionsFirstStartMs: number;
  optionsFirstStartFromWorkerMs: number;
  optionsRestartMs: number;
  optionsRestartFromWorkerMs: number;
  /** The options page's first answer from the worker, ms after the worker's start: fresh profile, next start. */
  firstAnswerFreshFromWorkerMs: number;
  firstAnswerRestartFromWorkerMs: number;
  /** The options page's first message sent, ms after the worker's start: fresh profile, next start. */
  firstSentFreshFromWorkerMs: number;
  firstSentRestartFromWorkerMs: number;
  /** The worker's listeners registered, ms after its start: fresh profile, next start. */
  listeningFreshMs: number;
  listeningRestartMs: number;
  runs: number;
}

/** Opens `path` of the extension in a new tab and waits for `condition`; ms since its navigation start, the epoch time then, and that of the first answer with `FIRST_ANSWER` among `scripts`. */
async function timeToReady(context: BrowserContext, url: string, condition: string, ...scripts: string[]): Promise<{ ms: number; at: number; firstAnswerAt?: number; firstSentAt?: number }> {
  const page: Page = await context.newPage();
  await page.addInitScript([readyScript(condition), ...scripts].join('\n'));
  await page.goto(url);
  const handle = await page.waitForFunction(() => {
    const w = window as unknown as { __benchReady?: number; __benchFirstAnswer?: number; __benchFirstSent?: number };
    return w.__benchReady === undefined ? false : [w.__benchReady, performance.timeOrigin + w.__benchReady, w.__benchFirstAnswer ?? null, w.__benchFirstSent ?? null];
  }, undefined, { timeout: 30_000, polling: 20 });
  const [ms, at, firstAnswerAt, firstSentAt] = (await handle.jsonValue()) as [number, number, number | null, number | null];
  await page.close();
  return { ms, at, firstAnswerAt: firstAnswerAt ?? undefined, firstSentAt: firstSentAt ?? undefined };
}

const OPTIONS_READY = `document.querySelector('main input') && !document.querySelector('main [aria-busy]')`;

/**
 * When (epoch ms) the page first asked the worker and first had an answer from it, kept in
 * `window.__benchFirstSent` and `window.__benchFirstAnswer`:
 * chrome.runtime.sendMessage wrapped before any script of the page runs, in its callback and its
 * promise form (webextension-polyfill uses the callback).
 */
const FIRST_ANSWER = `(() => {
  const runtime = chrome.runtime;
  const send = runtime.sendMessage.bind(runtime);
  const seen = () => { window.__benchFirstAnswer ??= performance.timeOrigin + performance.now(); };
  runtime.sendMessage = (...args) => {
    window.__benchFirstSent ??= performance.timeOrigin + performance.now();
    const last = args.length - 1;
    if (typeof args[last] === 'function') { const callback = args[last]; args[last] = (...reply) => { seen(); return callback(...reply); }; }
    const sent = send(...args);
    if (sent && typeof sent.then === 'function') sent.then(seen, () => undefined);
    return sent;
  };
})();`;

interface StartSample {
  /** Options page usable, ms from its navigation start. */
  ms: number;
  /** The same, ms from the worker's start (its `performance.timeOrigin`). */
  fromWorker: number;
  /** The page's first answer from the worker, ms from the worker's start. */
  answerFromWorker: number;
  /** When the page sent its first message, ms from the worker's start. */
  sentFromWorker: number;
  /** When the worker's entry point had registered its listeners (its `tipline-listening` mark), ms from its start. */
  listening: number;
}

/** The options page opened at once in a browser just launched: on a fresh profile (install), or on the same profile again (browser start). */
async function firstAnswer(folder: string): Promise<{ fresh: StartSample; restart: StartSample }> {
  const id = unpackedId(folder);
  const options = `chrome-extension://${id}/options/index.html`;
  const once = async (dir?: string) => {
    const side = await launch(folder, dir);
    const ready = await timeToReady(side.context, options, OPTIONS_READY, FIRST_ANSWER);
    const worker = await workerOf(side.context);
    const [workerStart, listening] = await worker.evaluate(() => [performance.timeOrigin, performance.getEntriesByName('tipline-listening')[0]?.startTime ?? Number.NaN]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await side.close(true);
    return {
      dir: side.dir,
      sample: {
        ms: ready.ms,
        fromWorker: ready.at - workerStart,
        answerFromWorker: (ready.firstAnswerAt ?? Number.NaN) - workerStart,
        sentFromWorker: (ready.firstSentAt ?? Number.NaN) - workerStart,
        listening,
      },
    };
  };
  const fresh = await once();
  const restart = await once(fresh.dir);
  await rm(fresh.dir, { recursive: true, force: true });
  return { fresh: fresh.sample, restart: restart.sample };
}

/**
 * The report form's time to usable, and the first UI answer after a browser start (`BENCH_UI_RUNS`,
 * default 5), of the build in `folder` (dist/chrome; `BENCH_UI_BEFORE` names an earlier one to measure too).
 */
export async function benchUiCost(runs = Number(process.env.BENCH_UI_RUNS ?? 5), folder = DIST_CHROME): Promise<UiCost> {
  const starts: Awaited<ReturnType<typeof firstAnswer>>[] = [];
  for (let run = 0; run < runs; run++) starts.push(await firstAnswer(folder));
  const side = await launch(folder);
  const forms: number[] = [];
  try {
    const worker = await workerOf(side.context);
    const id = new URL(worker.url()).host;
    await side.context.route('http://bench.local/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: listingPage(100 * 1024) }));
    const page = await side.context.newPage();
    await page.goto('http://bench.local/p100');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'http://bench.local/p100' }))[0]?.id ?? -1);
    for (let run = 0; run <= runs; run++) {
      const ready = await timeToReady(side.context, `chrome-extension://${id}/popup/index.html?tab=${tabId}`, `document.querySelector('select#category') && !document.querySelector('select#category').disabled`);
      if (run > 0) forms.push(ready.ms);
    }
  } finally {
    await side.close();
  }
  return {
    formUsableMs: median(forms),
    optionsFirstStartMs: median(starts.map((s) => s.fresh.ms)),
    optionsFirstStartFromWorkerMs: median(starts.map((s) => s.fresh.fromWorker)),
    optionsRestartMs: median(starts.map((s) => s.restart.ms)),
    optionsRestartFromWorkerMs: median(starts.map((s) => s.restart.fromWorker)),
    firstAnswerFreshFromWorkerMs: median(starts.map((s) => s.fresh.answerFromWorker)),
    firstAnswerRestartFromWorkerMs: median(starts.map((s) => s.restart.answerFromWorker)),
    firstSentFreshFromWorkerMs: median(starts.map((s) => s.fresh.sentFromWorker)),
    firstSentRestartFromWorkerMs: median(starts.map((s) => s.restart.sentFromWorker)),
    listeningFreshMs: median(starts.map((s) => s.fresh.listening)),
    listeningRestartMs: median(starts.map((s) => s.restart.listening)),
    runs,
  };
}
