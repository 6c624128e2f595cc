import type { BlockMatcher } from '../src/matcher/block-finding';
import { prefilterCandidates } from '../src/matcher/prefilter-bits';
import type { EngineLimits, ScanEngine } from '../src/content/scan-engine';

/**
 * Matching on the page's own main thread. Calls are kept small (a millisecond or two of text) because
 * the scanner yields to the page only between them.
 */
export function createLocalEngine(matcher: BlockMatcher, limits: EngineLimits = { prefilterTexts: 2_000, units: 65_536, blocks: 20 }): ScanEngine {
  return {
    limits,
    offThread: false,
    prefilter(texts, state) {
      return Promise.resolve(prefilterCandidates(matcher.prefilter, texts, state));
    },
    scanBlocks(blocks, page, nearby) {
      return Promise.resolve(blocks.map((texts, index) => matcher.scanBlock(texts, page, nearby?.[index])));
    },
  };
}
