import type { Category } from '../shared/taxonomy';

/** One phrase found in a block, located in the block's text nodes. */
export interface FoundSpan {
  nodeIndex: number;
  start: number;
  end: number;
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
}
