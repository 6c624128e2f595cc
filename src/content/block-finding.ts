import type { Category } from '../shared/taxonomy';

/** One phrase found in a block, located in the block's text nodes. */
export interface FoundSpan {
  /** Text-node coordinates; a match may run across adjacent nodes ("出<b>售</b>枪支"). */
  startNode: number;
  startOffset: number;
  endNode: number;
  endOffset: number;
  phrase: string;
  category: Category;
  strength: 'strong' | 'weak';
}

export interface BlockFinding {
  spans: FoundSpan[];
  /** A listing: a strong phrase, or a weak one next to sale intent, and not a report about crime. */
  suspect: boolean;
}

/** What the page scanner needs of the matching engine: text nodes of one block in, findings out. */
export interface BlockMatcher {
  scanBlock(texts: readonly string[]): BlockFinding;
  /** The page-wide first pass that names the blocks worth `scanBlock` (see match/prefilter.ts). */
  prefilter: { feed(data: string, state: number): number };
}
