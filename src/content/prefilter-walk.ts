import { blockOf, type BlockCache } from './blocks';
import type { ScanEngine } from './scan-engine';
import { TextWalk, type WalkContext } from './text-nodes';
import { SLICE_MS, yieldToPage } from './yield-main-thread';

export interface PrefilterWalkContext {
  engine: ScanEngine;
  blockCache: BlockCache;
  /** What the walk does with the shadow roots and frames it enters. */
  walkContext: WalkContext;
  signal: AbortSignal;
}

/**
 * The first of a scan's two passes (docs/ARCHITECTURE.md): walks every text node of the subtrees in
 * time slices and hands their texts to the engine's prefilter in batches; the blocks of the few texts
 * that may end a phrase are the candidates for the exact scan. This is the hot path: one walk, and
 * nothing allocated per text node beyond its place in the batch. A scan stopped meanwhile returns
 * what it gathered, which its caller, seeing the signal, leaves unscanned.
 *
 * The walk goes on while the worker prefilters the batch before (one request in flight): a batch
 * starts from the state the one before it ended in, so it is sent when that answer is in, but the
 * page need not stand idle meanwhile (on the 5 MB bench page the page and the worker took turns for
 * ~350 ms of waiting).
 */
export async function prefilterSubtrees(roots: readonly Node[], { engine, blockCache, walkContext, signal }: PrefilterWalkContext): Promise<Set<Element>> {
  const { limits } = engine;
  const candidates = new Set<Element>();
  if (signal.aborted) return candidates;
  let sliceStart = performance.now();
  let seen = 0;
  for (const root of roots) {
    const walk = new TextWalk(root, walkContext);
    let state = 0;
    let nodes: Text[] = [];
    let texts: string[] = [];
    let units = 0;
    /** The request in flight: it settles once its answer's state and candidates are taken in. */
    let inFlight: Promise<void> | undefined;
    const settle = async () => {
      if (!inFlight) return;
      const waiting = inFlight;
      inFlight = undefined;
      await waiting;
      // The wait was another thread's time, not the page's.
      if (engine.offThread) sliceStart = performance.now();
    };
    const prefilter = async () => {
      await settle();
      if (signal.aborted) return;
      const sent = nodes;
      const request = engine.prefilter(texts, state);
      nodes = [];
      texts = [];
      units = 0;
      inFlight = request.then((result) => {
        state = result.state;
        for (const index of result.candidates) {
          const node = sent[index];
          const block = node ? blockOf(node, blockCache) : null;
          if (block) candidates.add(block);
        }
      });
      // Settled by the next batch or at the end; a failure is seen there, not as an unhandled rejection.
      inFlight.catch(() => undefined);
    };
    for (let node = walk.next(); node; node = walk.next()) {
      const data = node.data;
      if (texts.length > 0 && (texts.length === limits.prefilterTexts || units + data.length > limits.units)) {
        await prefilter();
        if (signal.aborted) return candidates;
      }
      nodes.push(node);
      texts.push(data);
      units += data.length;
      // Reading the clock costs more than a node; every 32 nodes is often enough to stay within a slice.
      if ((++seen & 31) === 0 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (signal.aborted) return candidates;
        sliceStart = performance.now();
      }
    }
    if (texts.length > 0) await prefilter();
    await settle();
    if (signal.aborted) return candidates;
  }
  return candidates;
}
