import type { BlockFinding } from '../shared/block-scan';

export type { BlockFinding, FoundSpan } from '../shared/block-scan';

/** What the page scanner needs of the matching engine: text nodes of one block in, findings out. */
export interface BlockMatcher {
  scanBlock(texts: readonly string[]): BlockFinding;
  /** The page-wide first pass that names the blocks worth `scanBlock` (see match/prefilter.ts). */
  prefilter: { feed(data: string, state: number): number; readonly stateCount: number };
}
