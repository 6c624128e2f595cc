import type { BlockFinding } from '../shared/protocol/block-scan';


/** What the page scanner needs of the matching engine: text nodes of one block in, findings out. */
export interface BlockMatcher {
  /** `scanCandidate` of a block the prefilter reads a possible phrase in; nothing otherwise. */
  scanBlock(texts: readonly string[], page?: string, nearby?: string): BlockFinding;
  /** Whether the prefilter reads a possible phrase in a block's texts (it records the phrases it read). */
  mayHoldPhrase(texts: readonly string[]): boolean;
  /** The exact scan of a block that `mayHoldPhrase` said yes to. */
  scanCandidate(texts: readonly string[], page?: string, nearby?: string): BlockFinding;
  /** The page-wide first pass that names the blocks worth `scanBlock` (see matcher/prefilter.ts). */
  prefilter: { feed(data: string, state: number): number; readonly stateCount: number };
}
