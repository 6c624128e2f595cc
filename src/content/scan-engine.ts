import type { BlockFinding } from '../shared/protocol/block-scan';

/**
 * Where a page's text is matched (docs/ARCHITECTURE.md, performance floor): in the background worker, whose matcher stays
 * compiled from page to page (remote-engine.ts), or on the page itself (local-engine.ts: the
 * benchmark and the tests). The page scanner walks, batches and highlights; an engine only reads text.
 */
export interface ScanEngine {
  /** What one call may carry; a single text or block over them is the engine's to split. */
  readonly limits: EngineLimits;
  /**
   * Whether a call's wait is another thread's time: then the page's time slice starts afresh after it.
   * A call on the page's own thread resolves in a microtask, which does not yield to the page.
   */
  readonly offThread: boolean;
  /** The first pass over text nodes in walk order, from `state`: which texts may end a phrase. */
  prefilter(texts: string[], state: number): Promise<{ state: number; candidates: number[] }>;
  /** Exact scans: one finding per block (its texts in order), in order; `page` is the page's title and headline. */
  scanBlocks(blocks: string[][], page?: string, nearby?: string[]): Promise<BlockFinding[]>;
}

export interface EngineLimits {
  prefilterTexts: number;
  /** UTF-16 units per call, for both kinds of call. */
  units: number;
  blocks: number;
}

export const NO_FINDING: BlockFinding = { spans: [], suspect: false };
