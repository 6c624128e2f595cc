/**
 * `npm run bench`: detection speed on generated 1 MB and 5 MB pages against the TreeWalker floor
 * (docs/ARCHITECTURE.md, "Performance floor") and mark.js, and the history's open time with 10,000
 * reports. Headless Chromium.
 */
import { measureSegmenterCost } from './segmenter-cost';
import { build } from 'vite';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/harness/browser';
import { generatePage } from './page-generator';
import { benchPhrases } from './phrase-sets';
import { benchHistory } from './history-bench';
import { benchLoadCost } from './load-cost';
import { benchPageCost, benchUiCost } from './page-cost';
import { benchPageTrace } from './page-trace';
import { benchExtensionScan, summariseExtensionScan } from './extension-scan';
import { BUILTIN_PHRASE_LISTS } from '../src/phrases';
import { median } from './median';
import { longestTask, taskMs, watchLongTasks } from './task-time';
import { readFileSync } from 'node:fs';
import { PagePrefilter } from '../src/matcher/prefilter';
import { prefilterPatterns } from '../src/matcher/prebuilt-tables';

const here = resolve(import.meta.dirname, '..');
const bundle = resolve(here, 'dist/bench/page-bench.js');
const workerBundle = resolve(here, 'dist/bench/scan-worker.js');
const markJs = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');

for (const name of ['page-bench', 'scan-worker']) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: resolve(here, 'dist/bench'),
      emptyOutDir: name === 'page-bench',
      minify: true,
      lib: { entry: resolve(here, `bench/${name}.ts`), formats: ['iife'], name: name.replace('-', '_'), fileName: () => `${name}.js` },
    },
  });
}

interface BenchWindow {
  tiplineBench: {
    floor(): { ms: number; nodes: number; chars: number };
    scan(phrases: unknown, tables?: string): Promise<{ buildMs: number; wallMs: number; workerMs: number; memoryBytes: number; suspectBlocks: number; highlighted: number }>;
    startWorker(phrases: unknown, tables?: string): Promise<void>;
    mutation(phrases: unknown, count: number): Promise<{ ms: number; browserMs: number }>;
  };
  __phrases: unknown;
  __tables: string | undefined;
  Mark: new (root: Element) => { markRegExp(regex: RegExp, options: { done: () => void }): void };
}

const sessions = new WeakMap<Page, CDPSession>();

async function cpuOf<T>(page: Page, work: () => Promise<T>): Promise<{ cpuMs: number; value: T }> {
  const session = sessions.get(page)!;
  const before = await taskMs(session);
  const value = await work();
  return { cpuMs: (await taskMs(session)) - before, value };
}

async function openPage(html: string): Promise<Page> {
  const page = await browser.newPage();
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  sessions.set(page, session);
  await page.route('http://bench.local/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.route('http://bench.local/scan-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(workerBundle) }));
  await page.goto('http://bench.local/');
  await page.addScriptTag({ path: bundle });
  // Let the page finish its own first layout and paint, so that only our work is measured.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 1000)))));
  await watchLongTasks(page, true);
  return page;
}

interface ScanSample {
  floorMs: number;
  scanMs: number;
  longest: number;
  nodes: number;
  scan: { wallMs: number; workerMs: number; memoryBytes: number; suspectBlocks: number };
}

const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

/**
 * One page: three floor passes (their median is the floor; they also make the page's text-node
 * wrappers, which every later pass finds made), then one scan, with `tables` as the background would
 * have stored them for the list or without.
 */
async function measureScan(html: string, phrases: unknown, tables?: string, inWorker = false): Promise<ScanSample> {
  const page = await openPage(html);
  const floorRuns: number[] = [];
  let nodes = 0;
  for (let i = 0; i < 3; i++) {
    const { cpuMs, value } = await cpuOf(page, () => page.evaluate(() => (window as unknown as BenchWindow).tiplineBench.floor()));
    floorRuns.push(cpuMs);
    nodes = value.nodes;
  }
  // The list (and tables) are handed over before the measurement: passing 5,000 phrases through the
  // protocol cost ~100 ms of the page's main thread, which a real page (lists from the bundle or
  // storage) never pays.
  await page.evaluate(([p, t]) => Object.assign(window, { __phrases: p, __tables: t, __longest: 0, __measuring: true }), [phrases, tables] as const);
  if (inWorker) await page.evaluate(() => (window as unknown as BenchWindow).tiplineBench.startWorker((window as unknown as BenchWindow).__phrases, (window as unknown as BenchWindow).__tables));
  const { cpuMs: scanMs, value: scan } = await cpuOf(page, () =>
    page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      return w.tiplineBench.scan(w.__phrases, w.__tables);
    }),
  );
  // Long-task entries arrive after the task; give them a moment before reading.
  await page.waitForTimeout(200);
  const longest = await longestTask(page);
  await page.close();
  return { floorMs: median(floorRuns), scanMs, longest, nodes, scan };
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
const rows: string[] = [];
/** mark.js CPU per page and list (`MB x phrases`), for the extension's series. */
const markByCase = new Map<string, number>();
const workerRows: string[] = [
  '| page | phrases | floor CPU ms | page CPU ms | ratio | worker scan ms | page + worker ratio | longest task ms | vs mark.js (page CPU) |',
  '|---|---|---|---|---|---|---|---|---|',
];
const header =
  '| page | phrases | text nodes | floor CPU ms | scan CPU ms | ratio | scan wall ms | longest task ms | automaton | suspect listings | mark.js ms | vs mark.js | scan CPU, list prebuilt | ratio | vs mark.js |';
rows.push(header, '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');

/** BENCH_ONLY=pages|extension|history|load|segmenter|page|ui|trace runs one part (page, ui and trace are not in the default run); BENCH_CASES=5x5000,1x100 only those pages (MB x phrases). */
const only = process.env.BENCH_ONLY;
const wanted = (part: 'pages' | 'extension' | 'history' | 'load' | 'segmenter' | 'page' | 'ui' | 'trace') => (!only && part !== 'page' && part !== 'ui' && part !== 'trace') || only === part || (only === 'page' && part === 'ui');
const cases = process.env.BENCH_CASES?.split(',');
for (const megabytes of wanted('pages') ? [1, 5] : []) {
  for (const count of [100, 1000, 5000]) {
    if (cases && !cases.includes(`${megabytes}x${count}`)) continue;
    const phrases = benchPhrases(count);
    const html = generatePage(megabytes * 1024 * 1024, phrases.slice(0, 20).map((p) => p.phrase));
    // The same list with its prefilter built beforehand, as the background stores it for pages.
    const tables = Buffer.from(new PagePrefilter(prefilterPatterns(phrases)).toBytes()).toString('base64');
    // Each measurement on fresh pages, REPEAT times: on this machine the floor alone moves 2-4x between
    // runs, so one sample of each says little.
    const plain: ScanSample[] = [];
    const prebuilt: ScanSample[] = [];
    const inWorker: ScanSample[] = [];
    for (let run = 0; run < REPEAT; run++) {
      plain.push(await measureScan(html, phrases));
      prebuilt.push(await measureScan(html, phrases, tables));
      inWorker.push(await measureScan(html, phrases, tables, true));
    }
    const floorMs = median(plain.map((x) => x.floorMs));
    const scanMs = median(plain.map((x) => x.scanMs));
    const ratio = median(plain.map((x) => x.scanMs / x.floorMs));
    const prebuiltMs = median(prebuilt.map((x) => x.scanMs));
    const prebuiltRatio = median(prebuilt.map((x) => x.scanMs / x.floorMs));
    const longest = Math.max(...plain.map((x) => x.longest), ...prebuilt.map((x) => x.longest));
    const { nodes, scan } = plain[0]!;

    // mark.js on a fresh copy of the page, with one alternation regex (its fastest use for many terms).
    let markMs = Number.NaN;
    const markPage = await openPage(html);
    await markPage.addScriptTag({ path: markJs });
    const alternation = phrases
      .map((p) => p.phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .sort((a, b) => b.length - a.length)
      .join('|');
    const markRun = await cpuOf(markPage, () =>
      // A string, not a function: the bundler's helpers must not leak into the page.
      markPage.evaluate(`new Promise((resolve) => new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(alternation)}, 'gi'), { done: () => resolve(0) }))`),
    ).catch((error: unknown) => {
      console.warn(`mark.js failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return null;
    });
    if (markRun) markMs = markRun.cpuMs;
    markByCase.set(`${megabytes}x${count}`, markMs);
    await markPage.close();

    // As the extension runs: prefilter and highlighting on the page, exact scans in a worker.
    const workerPageMs = median(inWorker.map((x) => x.scanMs));
    workerRows.push(
      `| ${megabytes} MB | ${count} | ${median(inWorker.map((x) => x.floorMs)).toFixed(1)} | ${workerPageMs.toFixed(1)} | ${median(inWorker.map((x) => x.scanMs / x.floorMs)).toFixed(2)}x | ${median(inWorker.map((x) => x.scan.workerMs)).toFixed(1)} | ${median(inWorker.map((x) => (x.scanMs + x.scan.workerMs) / x.floorMs)).toFixed(2)}x | ${Math.max(...inWorker.map((x) => x.longest)).toFixed(0)} | ${Number.isNaN(markMs) ? 'n/a' : (markMs / workerPageMs).toFixed(1) + 'x'} |`,
    );
    console.log(workerRows.at(-1));

    rows.push(
      `| ${megabytes} MB | ${count} | ${nodes} | ${floorMs.toFixed(1)} | ${scanMs.toFixed(1)} | ${ratio.toFixed(2)}x | ${scan.wallMs.toFixed(0)} | ${longest.toFixed(0)} | ${(scan.memoryBytes / 1024 / 1024).toFixed(2)} MB | ${scan.suspectBlocks} | ${Number.isNaN(markMs) ? 'n/a' : markMs.toFixed(0)} | ${Number.isNaN(markMs) ? 'n/a' : (markMs / scanMs).toFixed(1) + 'x'} | ${prebuiltMs.toFixed(1)} | ${prebuiltRatio.toFixed(2)}x | ${Number.isNaN(markMs) ? 'n/a' : (markMs / prebuiltMs).toFixed(1) + 'x'} |`,
    );
    console.log(rows.at(-1));
  }
}

// A mutation adding 100 nodes on the 5 MB page costs time for those nodes, not for the page.
let mutations: { large: number; small: number; largeBrowser: number; smallBrowser: number } | undefined;
if (wanted('pages')) {
  const mutationPage = await openPage(generatePage(5 * 1024 * 1024, []));
  const large = await mutationPage.evaluate((p) => (window as unknown as BenchWindow).tiplineBench.mutation(p, 100), benchPhrases(5000));
  await mutationPage.close();
  const smallPage = await openPage(generatePage(100 * 1024, []));
  const small = await smallPage.evaluate((p) => (window as unknown as BenchWindow).tiplineBench.mutation(p, 100), benchPhrases(5000));
  await smallPage.close();
  mutations = { large: large.ms, small: small.ms, largeBrowser: large.browserMs, smallBrowser: small.browserMs };
}
await browser.close();

// The built extension itself on the same pages: its content script in its own world, its messages
// through the browser, its worker. The pages series above models this; this is what a user pays.
const builtInCount = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries).length;
const extensionRows: string[] = [];
for (const megabytes of wanted('extension') ? [1, 5] : []) {
  for (const count of [builtInCount, 5000]) {
    if (cases && !cases.includes(`${megabytes}x${count}`) && !(count === builtInCount && cases.includes(`${megabytes}xbuiltin`))) continue;
    // A subscribed list on top of the built-in lists, up to `count` (invented phrases, never on the page).
    const extra = benchPhrases(count).slice(builtInCount);
    const html = generatePage(megabytes * 1024 * 1024, benchPhrases(20).map((p) => p.phrase));
    const s = summariseExtensionScan(await benchExtensionScan(html, extra, REPEAT));
    extensionRows.push(
      `| ${megabytes} MB | ${count.toLocaleString('en')} | ${s.floorColdMs.toFixed(1)} | ${s.floorWarmMs.toFixed(1)} | ${s.scanMs.toFixed(0)} | ${s.coldRatio.toFixed(2)}x | ${s.warmRatio.toFixed(2)}x | ${s.longestTaskMs > 0 ? s.longestTaskMs.toFixed(0) : '< 50'} | ${s.textsPrefiltered} | ${s.blocksScanned} | ${markByCase.has(`${megabytes}x${count}`) ? (markByCase.get(`${megabytes}x${count}`)! / s.scanMs).toFixed(1) + 'x' : 'n/a'} |`,
    );
    console.log(extensionRows.at(-1));
  }
}

const history = wanted('history') ? await benchHistory(10_000) : undefined;

// What the content script adds to the load of ordinary pages (and of one listing page).
const fixture = (path: string) => readFileSync(resolve(here, 'test/fixtures', path), 'utf8');
const segmenter = wanted('segmenter') ? measureSegmenterCost() : undefined;
const loads = wanted('load')
  ? await benchLoadCost([
      { name: 'seed report 1 (news)', html: fixture('benign/seed-1.html') },
      { name: 'seed report 2 (news)', html: fixture('benign/seed-2.html') },
      { name: 'recipe', html: fixture('benign/recipe.en.html') },
      { name: 'listings (zh)', html: fixture('listings/drugs-precursors.zh.html') },
      { name: 'generated 300 KB page', html: generatePage(300 * 1024, []) },
    ].filter((page) => !process.env.BENCH_LOAD_PAGES || process.env.BENCH_LOAD_PAGES.split(',').some((part) => page.name.includes(part))))
  : [];

// What the user pays on a page's load, and how soon the extension's own pages answer (page-cost.ts).
const pageCost = wanted('page') ? await benchPageCost() : [];
const uiCost = wanted('ui') ? await benchUiCost() : undefined;
const uiCostBefore = wanted('ui') && process.env.BENCH_UI_BEFORE ? await benchUiCost(undefined, process.env.BENCH_UI_BEFORE) : undefined;
const pageTrace = wanted('trace') ? await benchPageTrace() : undefined;
const historyForUi = wanted('ui') && !history ? await benchHistory(10_000) : history;

if (rows.length > 2) console.log(`\n${rows.join('\n')}\n`);
if (workerRows.length > 2) console.log(`exact scans in a worker, list prebuilt:\n${workerRows.join('\n')}\n`);
if (extensionRows.length > 0) {
  console.log('the built extension (built-in lists, plus a subscribed list up to the count):');
  console.log('| page | phrases | floor, fresh content-script world ms | floor, page world warm ms | page CPU ms | ratio to fresh floor | ratio to warm floor | longest task ms | texts prefiltered | blocks exact-scanned | vs mark.js |\n|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(`${extensionRows.join('\n')}\n`);
}
if (mutations) {
  console.log(`mutation of 100 new nodes: ${mutations.large.toFixed(1)} ms on the 5 MB page, ${mutations.small.toFixed(1)} ms on a 100 KB page (to the new summary)`);
  console.log(`  the browser alone, appending the same nodes until the frame that shows them: ${mutations.largeBrowser.toFixed(1)} ms and ${mutations.smallBrowser.toFixed(1)} ms`);
}
if (loads.length > 0) {
  console.log('\n| page | size | load CPU without | with Tipline | added |\n|---|---|---|---|---|');
  for (const load of loads) {
    console.log(`| ${load.page} | ${load.kilobytes} KB | ${load.withoutMs.toFixed(0)} ms | ${load.withMs.toFixed(0)} ms | ${load.addedMs.toFixed(0)} ms |`);
  }
}
if (history) {
  console.log(`history with ${history.reports} reports: popup open to first page rendered ${history.firstPageMs.toFixed(0)} ms (median of ${history.runs}), JS heap ${(history.heapBytes / 1024 / 1024).toFixed(1)} MB`);
}
if (segmenter) {
  console.log(
    `Chinese word boundaries (Intl.Segmenter) on a 5 MB page's ${segmenter.blocks} posts, ${segmenter.candidates} with a finding: ${segmenter.segmentations} segmentations, ${segmenter.segmenterMs.toFixed(1)} ms of ${segmenter.scanMs.toFixed(0)} ms of exact scans (median of 3)`,
  );
}
if (pageCost.length > 0) {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
  console.log('\n| page | loads each | | load event end | first contentful paint | total blocking time | load to final badge |\n|---|---|---|---|---|---|---|');
  for (const row of pageCost) {
    const kb = (value: number) => (value >= 1024 ? `${(value / 1024).toFixed(value % 1024 ? 1 : 0)} MB` : `${value} KB`);
    const size = `${kb(row.nominalKilobytes)} (${kb(row.kilobytes)} of HTML)`;
    console.log(`| ${size} | ${row.runs} | without | ${ms(row.without.loadMs)} | ${ms(row.without.fcpMs)} | ${ms(row.without.tbtMs)} | |`);
    console.log(`| | | with Tipline | ${ms(row.with.loadMs)} (${ratio(row.with.loadMs, row.without.loadMs)}) | ${ms(row.with.fcpMs)} (${ratio(row.with.fcpMs, row.without.fcpMs)}) | ${ms(row.with.tbtMs)} | ${ms(row.with.badgeMs)} (badge ${row.badgeText || 'empty'}; first change ${ms(row.with.firstBadgeMs)}) |`);
    console.log(`| | | A/A: without, a second browser | ${ms(row.aa.loadMs)} (${ratio(row.aa.loadMs, row.without.loadMs)}) | ${ms(row.aa.fcpMs)} (${ratio(row.aa.fcpMs, row.without.fcpMs)}) | ${ms(row.aa.tbtMs)} | |`);
    if (row.before) console.log(`| | | earlier build (BENCH_PAGE_BEFORE) | ${ms(row.before.loadMs)} (${ratio(row.before.loadMs, row.without.loadMs)}) | ${ms(row.before.fcpMs)} (${ratio(row.before.fcpMs, row.without.fcpMs)}) | ${ms(row.before.tbtMs)} | ${ms(row.before.badgeMs)} (first change ${ms(row.before.firstBadgeMs)}) |`);
  }
}
if (uiCost) {
  const b = uiCostBefore;
  const was = (value: number | undefined) => (b && value !== undefined ? ` | ${value.toFixed(0)} ms` : '');
  console.log(`\n| extension page | time to usable (median of ${uiCost.runs})${b ? ' | earlier build (BENCH_UI_BEFORE)' : ''} |\n|---|---|${b ? '---|' : ''}`);
  console.log(`| report form (popup/index.html?tab=…), category select enabled, from navigation start | ${uiCost.formUsableMs.toFixed(0)} ms${was(b?.formUsableMs)} |`);
  if (historyForUi) console.log(`| history, first page of ${historyForUi.reports.toLocaleString('en')} reports | ${historyForUi.firstPageMs.toFixed(0)} ms${b ? ' | n/a' : ''} |`);
  const pair = (a: number, c: number) => `${a.toFixed(0)} ms / ${c.toFixed(0)} ms`;
  console.log(`| options page opened as the browser starts, fresh profile (install): settings shown, from its navigation start / from the worker's start | ${pair(uiCost.optionsFirstStartMs, uiCost.optionsFirstStartFromWorkerMs)}${b ? ` | ${pair(b.optionsFirstStartMs, b.optionsFirstStartFromWorkerMs)}` : ''} |`);
  console.log(`| the same on the same profile's next start | ${pair(uiCost.optionsRestartMs, uiCost.optionsRestartFromWorkerMs)}${b ? ` | ${pair(b.optionsRestartMs, b.optionsRestartFromWorkerMs)}` : ''} |`);
  console.log(`| the options page's first answer from the worker, ms after the worker's start: fresh profile / next start | ${pair(uiCost.firstAnswerFreshFromWorkerMs, uiCost.firstAnswerRestartFromWorkerMs)}${b ? ` | ${pair(b.firstAnswerFreshFromWorkerMs, b.firstAnswerRestartFromWorkerMs)}` : ''} |`);
  console.log(`| its first message sent, ms after the worker's start: fresh profile / next start | ${pair(uiCost.firstSentFreshFromWorkerMs, uiCost.firstSentRestartFromWorkerMs)}${b ? ` | ${pair(b.firstSentFreshFromWorkerMs, b.firstSentRestartFromWorkerMs)}` : ''} |`);
  console.log(`| the worker's listeners registered, ms after its start: fresh profile / next start | ${pair(uiCost.listeningFreshMs, uiCost.listeningRestartMs)}${b ? ` | ${pair(b.listeningFreshMs, b.listeningRestartMs)}` : ''} |`);
}
if (pageTrace && pageTrace.totals.length > 0) {
  const withBefore = pageTrace.totals[0]?.before !== undefined;
  console.log(`\n| 100 KB page, renderer main thread (trace, medians) | without |${withBefore ? ' earlier build (BENCH_TRACE_BEFORE) | added |' : ''} with Tipline | added |\n|---|---|${withBefore ? '---|---|' : ''}---|---|`);
  const cell = (value: number, base: number) => `${value.toFixed(1)} ms | ${(value - base).toFixed(1)} ms`;
  for (const row of pageTrace.totals) console.log(`| ${row.name} | ${row.without.toFixed(1)} ms | ${withBefore ? `${cell(row.before!, row.without)} | ` : ''}${cell(row.with, row.without)} |`);
}
for (const { kilobytes, rows } of pageTrace?.phases ?? []) {
  const withBefore = rows[0]?.before !== undefined;
  console.log(`\n| ${kilobytes} KB page: from load to the final badge (trace, ms after loadEventEnd, medians) |${withBefore ? ' earlier build (BENCH_TRACE_BEFORE) |' : ''} with Tipline |\n|---|${withBefore ? '---|' : ''}---|`);
  for (const row of rows) console.log(`| ${row.name} | ${withBefore ? `${row.before!.toFixed(1)} | ` : ''}${row.with.toFixed(1)} |`);
}
