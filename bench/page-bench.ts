/**
 * Runs inside a benchmark page (bundled by bench/run.ts): the content script's scanner and matcher,
 * without the extension around them, so that the page can be timed alone.
 */
import { createBlockMatcher } from '../src/matcher/build-matcher';
import { PagePrefilter } from '../src/matcher/prefilter';
import { fromBase64 } from '../src/matcher/table-pack';
import { createCssHighlighter } from '../src/content/highlighter';
import { startPageScanner } from '../src/content/page-scanner';
import type { Category } from '../src/shared/taxonomy';
import type { BlockMatcher } from '../src/matcher/block-finding';
import { createLocalEngine } from './local-engine';
import { createRemoteEngine } from '../src/content/remote-engine';
import type { ScanEngine } from '../src/content/scan-engine';

interface BenchPhrase {
  phrase: string;
  category: Category;
  strength: 'strong' | 'weak';
}

/** The floor (docs/ARCHITECTURE.md, performance floor): one TreeWalker pass that reads every text node. */
function floor(): { ms: number; nodes: number; chars: number } {
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes++;
    chars += (node as Text).data.length;
  }
  return { ms: performance.now() - started, nodes, chars };
}

/** The matching in a Web Worker (bench/scan-worker.ts), as the extension runs it in its worker. */
let worker: { engine: ScanEngine; busyMs(): number } | undefined;

/** Starts the worker and builds (and warms) its matcher, before anything is timed. */
async function startWorker(phrases: BenchPhrase[], tables?: string): Promise<void> {
  const thread = new Worker('/scan-worker.js');
  const waiting = new Map<number, (json: string) => void>();
  let busyMs = 0;
  let nextId = 0;
  await new Promise<void>((resolve) => {
    thread.onmessage = (event: MessageEvent<{ type: string; id?: number; json?: string; busyMs?: number }>) => {
      if (event.data.type === 'ready') return resolve();
      busyMs = event.data.busyMs ?? busyMs;
      waiting.get(event.data.id ?? -1)?.(event.data.json ?? 'null');
      waiting.delete(event.data.id ?? -1);
    };
    thread.postMessage({ type: 'init', phrases, tables });
  });
  // The content script's engine, over JSON text as extension messages carry it.
  const send = (message: unknown) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, (json) => resolve(JSON.parse(json)));
      thread.postMessage({ type: 'message', id, json: JSON.stringify(message) });
    });
  worker = { busyMs: () => busyMs, engine: createRemoteEngine('bench', send) };
}

/** `tables`: the list's prefilter as the background stores it for pages (shared/prefilter-cache.ts). */
async function scan(phrases: BenchPhrase[], tables?: string) {
  const buildStart = performance.now();
  const matcher = worker
    ? undefined
    : tables
      ? createBlockMatcher(phrases, [], { prefilter: new PagePrefilter(fromBase64(tables)), include: () => true })
      : createBlockMatcher(phrases);
  const buildMs = performance.now() - buildStart;
  const controller = new AbortController();
  const started = performance.now();
  let summary: { suspectBlocks: number } | undefined;
  const scanner = startPageScanner({
    doc: document,
    engine: worker?.engine ?? createLocalEngine(matcher as BlockMatcher),
    highlighter: createCssHighlighter(document, () => undefined),
    signal: controller.signal,
    onSummary: (s) => (summary = s),
  });
  await scanner.ready;
  const wallMs = performance.now() - started;
  const workerMs = worker?.busyMs() ?? 0;
  const highlighted = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
  controller.abort();
  return { buildMs, wallMs, workerMs, // In the worker's case the page never builds a matcher.
    memoryBytes: matcher?.memoryEstimateBytes() ?? 0, suspectBlocks: summary?.suspectBlocks ?? 0, highlighted };
}

function newPosts(count: number): HTMLUListElement {
  const list = document.createElement('ul');
  for (let i = 0; i < count; i++) {
    const li = document.createElement('li');
    li.textContent = `New post ${i}: fake passports for sale, $450, Telegram @seller${i}`;
    list.append(li);
  }
  return list;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Appends `count` new posts and times the rescan of just them, to the new summary. The browser's own
 * share, the same posts appended with no scanner until the frame that shows them, is timed first: on
 * a large page its rendering of new nodes grows with the page, which the scanner cannot help.
 */
async function mutation(phrases: BenchPhrase[], count: number) {
  const bare = newPosts(count);
  const bareStart = performance.now();
  document.body.append(bare);
  // To the end of the next frame: style, layout, pre-paint and paint of the new nodes.
  await nextFrame();
  const browserMs = performance.now() - bareStart;
  bare.remove();
  await nextFrame();

  const matcher = createBlockMatcher(phrases);
  const controller = new AbortController();
  let resolveSummary!: () => void;
  let initial = true;
  const scanner = startPageScanner({
    doc: document,
    engine: createLocalEngine(matcher),
    highlighter: createCssHighlighter(document, () => undefined),
    signal: controller.signal,
    mutationDelayMs: 0,
    onSummary: () => {
      if (!initial) resolveSummary();
    },
  });
  await scanner.ready;
  initial = false;
  const done = new Promise<void>((resolve) => (resolveSummary = resolve));
  const list = newPosts(count);
  const started = performance.now();
  document.body.append(list);
  await done;
  const ms = performance.now() - started;
  controller.abort();
  list.remove();
  return { ms, browserMs };
}

Object.assign(window, { tiplineBench: { floor, scan, mutation, startWorker } });
