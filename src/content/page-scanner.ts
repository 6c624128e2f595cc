import { pageHeadline } from './page-headline';
import type { PageSummary } from '../shared/protocol/messages';
import type { BlockFinding } from '../shared/protocol/block-scan';
import { createBlockFindings } from './block-findings';
import { createBlockReadings } from './block-readings';
import { newBlockCache } from './blocks';
import { scanBlocks, type ExactScanContext } from './exact-scan';
import type { Highlighter } from './highlighter';
import { watchMutations, type Change } from './mutation-watch';
import { summarise } from './page-summary';
import { prefilterSubtrees } from './prefilter-walk';
import type { ScanEngine } from './scan-engine';
import { createScanQueue } from './scan-queue';
import { touchedBlocks } from './touched-blocks';
import { visibleBlocks } from './visible-blocks';
import { watchRoots } from './watch-roots';

export interface PageScannerOptions {
  doc: Document;
  /** Where the text is matched: the background worker, or the page itself. */
  engine: ScanEngine;
  highlighter: Highlighter;
  signal: AbortSignal;
  /** Called once the blocks on screen are scanned (a partial count), after the first full scan and after each batch of changes. */
  onSummary: (summary: PageSummary) => void;
  /** How long changes gather before one rescan (infinite scroll adds posts in bursts). */
  mutationDelayMs?: number;
  /** A scan the engine could not finish (remote-engine.ts: the worker gave no answer, or the policy changed). */
  onError?: (error: unknown) => void;
}

export interface PageScanner {
  ready: Promise<void>;
  summary(): PageSummary;
  findRange(phrase: string): Range | null;
  /** Findings of the blocks inside (or around) a listing container: the listing picker reads them. */
  findingsWithin(container: Element): BlockFinding[];
}

/**
 * Scans a page and keeps its highlights and summary up to date until the signal stops it. The parts:
 * the walk and prefilter (prefilter-walk.ts), the exact scan of candidate blocks (exact-scan.ts), the
 * blocks' readings and findings (block-readings.ts, block-findings.ts), the changes that touch blocks
 * (mutation-watch.ts, touched-blocks.ts), the roots and frames a walk enters (watch-roots.ts).
 */
export function startPageScanner(options: PageScannerOptions): PageScanner {
  const { doc, engine, highlighter, signal } = options;
  const failed = (error: unknown) => {
    if (signal.aborted) return;
    if (options.onError) options.onError(error);
    else console.warn('tipline: scan failed', error);
  };
  const blockCache = newBlockCache();
  const findings = createBlockFindings(highlighter);
  const exact: ExactScanContext = { engine, readings: createBlockReadings(blockCache), findings, signal, page: () => pageHeadline(doc) };
  const queue = createScanQueue(failed);
  const mutations = watchMutations({
    signal,
    delayMs: options.mutationDelayMs ?? 150,
    onChanges: (changes) => queue.run(() => rescan(changes)),
  });
  const walkContext = watchRoots({
    doc,
    highlighter,
    signal,
    observe: mutations.observe,
    onFrameLoad: (body) => void queue.run(() => scanSubtree([body]).then(report)),
  });

  function summary(): PageSummary {
    return summarise(doc.location?.href ?? '', findings.values());
  }

  /** A scan stopped meanwhile (a restart) has cleared its findings: its summary would blank the badge. */
  function report() {
    if (!signal.aborted) options.onSummary(summary());
  }

  /**
   * Whole subtrees: the prefilter reads every text node, and only its candidates' blocks get the exact
   * scan; blocks already scanned (those on screen, firstScan) are not scanned again.
   */
  async function scanSubtree(roots: readonly Node[], scanned: ReadonlySet<Element> = new Set()): Promise<void> {
    const candidates = await prefilterSubtrees(roots, { engine, blockCache, walkContext, signal });
    for (const block of scanned) candidates.delete(block);
    if (!signal.aborted) await scanBlocks(candidates, exact);
  }

  /**
   * The page's first scan: the blocks on screen go to the exact scan at once (the worker prefilters
   * them itself), so that what the reader sees is highlighted and counted first, while the walk of the
   * whole page goes on beside it; the badge shows their count as soon as they are done.
   */
  async function firstScan(body: Node): Promise<void> {
    const onScreen = visibleBlocks(doc, blockCache);
    const visible = onScreen.length > 0 ? scanBlocks(onScreen, exact).then(report) : Promise.resolve();
    await Promise.all([visible, scanSubtree([body], new Set(onScreen))]);
  }

  /**
   * Every touched block is read again: one with highlights may have lost them, and the engine's
   * exact scan starts with the prefilter, so a block without a possible phrase costs little.
   */
  async function rescan(changes: Change[]) {
    if (signal.aborted) return;
    findings.dropDisconnected();
    await scanBlocks(touchedBlocks(changes, { blockCache, hasFindings: findings.has, walkContext }), exact);
    report();
  }

  signal.addEventListener('abort', () => findings.clear());

  const body = doc.body ?? doc.documentElement;
  mutations.observe(body);
  const ready = firstScan(body).then(report, failed);

  return {
    ready,
    summary,
    findRange(phrase) {
      const wanted = phrase.toLowerCase();
      return highlighter.rangeFor((text) => text.toLowerCase().includes(wanted) || wanted.includes(text.toLowerCase()));
    },
    findingsWithin: (container) => findings.within(container),
  };
}
