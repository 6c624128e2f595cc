import type { PageSummary } from '../shared/protocol/messages';
import { blockAt, blockOf, newBlockCache } from './blocks';
import type { Highlighter, HighlightSpan } from './highlighter';
import { summarise } from './page-summary';
import { isReadable, sameOriginDocument, TextWalk, textNodesOf } from './text-nodes';
import { WRAP_ATTRIBUTE } from './wrap-highlighter';
import { SLICE_MS, yieldToPage } from './yield-main-thread';
import { isElement, isText } from './node-kind';
import { NO_FINDING, type ScanEngine } from './scan-engine';
import type { BlockFinding } from '../shared/protocol/block-scan';
import { unitsOf } from '../shared/protocol/scan-replies';

export interface PageScannerOptions {
  doc: Document;
  /** Where the text is matched: the background worker, or the page itself. */
  engine: ScanEngine;
  highlighter: Highlighter;
  signal: AbortSignal;
  /** Called after the first full scan and after each batch of changes. */
  onSummary: (summary: PageSummary) => void;
  /** How long changes gather before one rescan (infinite scroll adds posts in bursts). */
  mutationDelayMs?: number;
  /** A scan the engine could not finish (remote-engine.ts: the worker gave no answer, or the policy changed). */
  onError?: (error: unknown) => void;
}

/** A block's text nodes and the texts the matcher reads: `owners` maps a text's index to its node. */
interface PreparedBlock {
  block: Element;
  nodes: Text[];
  texts: string[];
  owners: number[];
  /** Which reading of the block this is: only the latest one's finding is applied. */
  reading: number;
}

/** Is a block's text still what was sent for its scan? */
function unchanged({ block, nodes, texts, owners }: PreparedBlock): boolean {
  if (!block.isConnected) return false;
  for (let index = 0; index < texts.length; index++) {
    const owner = owners[index] ?? -1;
    const node = nodes[owner];
    if (owner >= 0 && (!node || node.data !== texts[index] || !node.isConnected)) return false;
  }
  return true;
}

export interface PageScanner {
  ready: Promise<void>;
  summary(): PageSummary;
  findRange(phrase: string): Range | null;
  /** Findings of the blocks inside (or around) a listing container: the listing picker reads them. */
  findingsWithin(container: Element): BlockFinding[];
}

export function startPageScanner(options: PageScannerOptions): PageScanner {
  const { doc, engine, highlighter, signal } = options;
  const { limits } = engine;
  const failed = (error: unknown) => {
    if (signal.aborted) return;
    if (options.onError) options.onError(error);
    else console.warn('tipline: scan failed', error);
  };
  const findings = new Map<Element, BlockFinding>();
  const blockCache = newBlockCache();
  const lineCache = new WeakMap<Element, Element>();
  const observedRoots = new WeakSet<Node>();
  const onRoot = (root: ShadowRoot | Document) => {
    // A frame's scan queued before a restart may still walk: it watches nothing new.
    if (signal.aborted) return;
    highlighter.adoptRoot(root);
    if (root !== doc && !observedRoots.has(root)) {
      observedRoots.add(root);
      observe(root);
    }
  };
  const frames = new WeakSet<HTMLIFrameElement>();
  /** A frame's document is replaced when it (re)loads, which no MutationObserver of ours sees. */
  const onFrame = (frame: HTMLIFrameElement) => {
    if (frames.has(frame)) return;
    frames.add(frame);
    frame.addEventListener(
      'load',
      () => {
        const frameDoc = sameOriginDocument(frame);
        if (!frameDoc?.body) return;
        onRoot(frameDoc);
        const body = frameDoc.body;
        running = running
          .then(() => scanSubtree([body]))
          .then(() => {
            if (!signal.aborted) options.onSummary(summary());
          })
          .catch(failed);
      },
      { signal },
    );
  };

  /** The latest reading of each block: an answer to an older one (a rescan overtook it) is dropped. */
  const readings = new WeakMap<Element, number>();
  let nextReading = 0;

  /** A block's text as the matcher reads it. */
  function prepare(block: Element, nodes: Text[]): PreparedBlock {
    const reading = ++nextReading;
    readings.set(block, reading);
    return { block, nodes, reading, ...withSeparators(nodes, lineCache) };
  }

  /** Is this still the block's latest reading, and its text what was read? */
  function current(prepared: PreparedBlock): boolean {
    return readings.get(prepared.block) === prepared.reading && unchanged(prepared);
  }

  function apply({ block, nodes, owners }: PreparedBlock, finding: BlockFinding) {
    if (finding.spans.length === 0) {
      if (findings.has(block)) highlighter.remove(block);
      findings.delete(block);
      return;
    }
    const spans: HighlightSpan[] = [];
    for (const span of finding.spans) {
      const startNode = nodes[owners[span.startNode] ?? -1];
      const endNode = nodes[owners[span.endNode] ?? -1];
      // Offsets come from the worker too: one past its node's end would throw in Range.setStart.
      if (startNode && endNode && span.startOffset <= startNode.data.length && span.endOffset <= endNode.data.length) {
        spans.push({ startNode, startOffset: span.startOffset, endNode, endOffset: span.endOffset, category: span.category, suspect: finding.suspect });
      }
    }
    highlighter.set(block, spans);
    findings.set(block, finding);
  }

  /** A block's own text nodes: those of blocks nested in it belong to them. */
  function nodesOfBlock(block: Element): Text[] {
    const nodes: Text[] = [];
    for (const node of textNodesOf(block)) if (blockOf(node, blockCache) === block) nodes.push(node);
    return nodes;
  }

  /**
   * Scans whole subtrees in two passes (DESIGN.md §7): the engine's prefilter reads every text node
   * and names the few that may end a phrase; only their blocks get the exact scan. The page only
   * walks, in time slices, and hands the texts over in batches.
   */
  async function scanSubtree(roots: readonly Node[]): Promise<void> {
    if (signal.aborted) return;
    const candidates = new Set<Element>();
    let sliceStart = performance.now();
    let seen = 0;
    for (const root of roots) {
      const walk = new TextWalk(root, { onRoot, onFrame });
      let state = 0;
      let nodes: Text[] = [];
      let texts: string[] = [];
      let units = 0;
      const prefilter = async () => {
        const sent = nodes;
        const result = await engine.prefilter(texts, state);
        nodes = [];
        texts = [];
        units = 0;
        state = result.state;
        for (const index of result.candidates) {
          const node = sent[index];
          const block = node ? blockOf(node, blockCache) : null;
          if (block) candidates.add(block);
        }
        // The wait was another thread's time, not the page's.
        if (engine.offThread) sliceStart = performance.now();
      };
      for (let node = walk.next(); node; node = walk.next()) {
        const data = node.data;
        if (texts.length > 0 && (texts.length === limits.prefilterTexts || units + data.length > limits.units)) {
          await prefilter();
          if (signal.aborted) return;
        }
        nodes.push(node);
        texts.push(data);
        units += data.length;
        // Reading the clock costs more than a node; every 32 nodes is often enough to stay within a slice.
        if ((++seen & 31) === 0 && performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          if (signal.aborted) return;
          sliceStart = performance.now();
        }
      }
      if (texts.length > 0) await prefilter();
      if (signal.aborted) return;
    }
    await scanBlocks(candidates);
  }

  /** Exact scans of blocks, in batches to the engine; the findings are laid on the page in time slices. */
  async function scanBlocks(blocks: Iterable<Element>): Promise<void> {
    let sliceStart = performance.now();
    const sliceOver = () => performance.now() - sliceStart > SLICE_MS;
    const nextSlice = async () => {
      await yieldToPage();
      sliceStart = performance.now();
    };
    let batch: PreparedBlock[] = [];
    let batchUnits = 0;
    const send = async () => {
      const sent = batch;
      batch = [];
      batchUnits = 0;
      const answer = await engine.scanBlocks(sent.map((prepared) => prepared.texts));
      if (signal.aborted) return;
      if (engine.offThread) sliceStart = performance.now();
      for (let index = 0; index < sent.length; index++) {
        const prepared = sent[index] as PreparedBlock;
        // A block whose text changed meanwhile is left to the rescan its mutation asked for.
        if (!current(prepared)) continue;
        apply(prepared, answer[index] ?? NO_FINDING);
        if (sliceOver()) {
          await nextSlice();
          if (signal.aborted) return;
        }
      }
    };
    for (const block of blocks) {
      const prepared = prepare(block, block.isConnected ? nodesOfBlock(block) : []);
      const units = unitsOf([prepared.texts]);
      if (batch.length > 0 && (batch.length === limits.blocks || batchUnits + units > limits.units)) {
        await send();
        if (signal.aborted) return;
      }
      batch.push(prepared);
      batchUnits += units;
      if (sliceOver()) {
        await nextSlice();
        if (signal.aborted) return;
      }
    }
    if (batch.length > 0) await send();
  }

  // --- changes: rescan only the blocks they touched (DESIGN.md §7) ---
  /** What changed: text, a subtree that was added, or an element that lost children. */
  const dirty = new Map<Node, 'text' | 'added' | 'lost-children'>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const observers: MutationObserver[] = [];

  function isOurs(node: Node): boolean {
    return isElement(node) && node.hasAttribute(WRAP_ATTRIBUTE);
  }

  function onMutations(records: MutationRecord[]) {
    for (const record of records) {
      if (record.type === 'characterData') {
        dirty.set(record.target, 'text');
        continue;
      }
      if ([...record.addedNodes].some(isOurs) || [...record.removedNodes].some(isOurs)) continue;
      if (record.removedNodes.length > 0 && !dirty.has(record.target)) dirty.set(record.target, 'lost-children');
      for (const node of record.addedNodes) dirty.set(node, isText(node) ? 'text' : 'added');
    }
    if (dirty.size > 0 && !timer) timer = setTimeout(flush, options.mutationDelayMs ?? 150);
  }

  /** One rescan at a time: changes that come meanwhile gather for the next one. */
  let rescanning = false;

  function flush() {
    timer = undefined;
    if (signal.aborted) return;
    if (rescanning) {
      timer = setTimeout(flush, options.mutationDelayMs ?? 150);
      return;
    }
    const nodes = [...dirty];
    dirty.clear();
    rescanning = true;
    running = running
      .then(() => rescan(nodes))
      .catch(failed)
      .finally(() => (rescanning = false));
  }

  /**
   * Rescans only the blocks that hold changed text: a cost in proportion to the change, not to the page
   * (a container that gains or loses posts is not itself rescanned).
   */
  async function rescan(changes: [Node, 'text' | 'added' | 'lost-children'][]) {
    if (signal.aborted) return;
    // Blocks whose nodes left the page drop their highlights.
    for (const block of [...findings.keys()]) {
      if (!block.isConnected) {
        highlighter.remove(block);
        findings.delete(block);
      }
    }
    const blocks = new Set<Element>();
    const addBlockOf = (text: Text) => {
      const block = blockOf(text, blockCache);
      if (block) blocks.add(block);
    };
    for (const [node, kind] of changes) {
      if (!node.isConnected) continue;
      if (kind === 'text' && isText(node)) {
        if (isReadable(node)) addBlockOf(node);
      } else if (kind === 'added') {
        for (const text of textNodesOf(node, { onRoot, onFrame })) addBlockOf(text);
      } else if (isReadable(node)) {
        for (const child of node.childNodes) if (isText(child)) addBlockOf(child);
        // A block that had findings is read again even when the element kept no text of its own
        // (`<li><span>…</span></li>` after the span's removal): its highlights may name text now gone.
        if (isElement(node)) {
          const block = blockAt(node, blockCache);
          if (findings.has(block)) blocks.add(block);
        }
      }
    }
    // Every touched block is read again: one with highlights may have lost them, and the engine's
    // exact scan starts with the prefilter, so a block without a possible phrase costs little.
    await scanBlocks(blocks);
    // A scan stopped meanwhile (a restart) has cleared its findings: its summary would blank the badge.
    if (!signal.aborted) options.onSummary(summary());
  }

  function observe(root: Node) {
    const observer = new MutationObserver(onMutations);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    observers.push(observer);
  }

  function summary(): PageSummary {
    return summarise(doc.location?.href ?? '', findings.values());
  }

  signal.addEventListener('abort', () => {
    for (const observer of observers) observer.disconnect();
    if (timer) clearTimeout(timer);
    dirty.clear();
    highlighter.clear();
    findings.clear();
  });

  const body = doc.body ?? doc.documentElement;
  observe(body);
  const ready = scanSubtree([body]).then(() => {
    if (!signal.aborted) options.onSummary(summary());
  }, failed);

  return {
    ready,
    summary,
    findRange(phrase) {
      const wanted = phrase.toLowerCase();
      return highlighter.rangeFor((text) => text.toLowerCase().includes(wanted) || wanted.includes(text.toLowerCase()));
    },
    findingsWithin(container) {
      return [...findings].filter(([block]) => container.contains(block) || block.contains(container)).map(([, finding]) => finding);
    },
  };
}

const LINE_SELECTOR = 'p, div, li, td, th, tr, dd, dt, h1, h2, h3, h4, h5, h6, article, section, blockquote, header, footer, figcaption, pre, body';

/**
 * The matcher joins a block's text nodes with nothing between them, which is right inside a line
 * ("出<b>售</b>枪支") but would glue a title to the paragraph below it. A space goes between nodes that
 * sit in different block-level elements; `owners` maps the matcher's node indices back to text nodes.
 */
function withSeparators(nodes: readonly Text[], cache: WeakMap<Element, Element>): { texts: string[]; owners: number[] } {
  const texts: string[] = [];
  const owners: number[] = [];
  let previousLine: Element | null | undefined;
  nodes.forEach((node, index) => {
    const parent = node.parentElement;
    let line: Element | null = null;
    if (parent) {
      line = cache.get(parent) ?? parent.closest(LINE_SELECTOR);
      if (line) cache.set(parent, line);
    }
    if (previousLine !== undefined && line !== previousLine) {
      texts.push(' ');
      owners.push(-1);
    }
    texts.push(node.data);
    owners.push(index);
    previousLine = line;
  });
  return { texts, owners };
}


