import type { BlockMatcher } from './block-finding';
import { PREFILTER_HIT, PREFILTER_ODD } from './match/prefilter-bits';
import type { EngineLimits, ScanEngine } from './scan-engine';

/**
 * Matching on the page's own main thread. Calls are kept small (a millisecond or two of text) because
 * the scanner yields to the page only between them.
 */
export function createLocalEngine(matcher: BlockMatcher, limits: EngineLimits = { prefilterTexts: 2_000, units: 65_536, blocks: 20 }): ScanEngine {
  return {
    limits,
    offThread: false,
    prefilter(texts, state) {
      const candidates: number[] = [];
      let carried = state;
      for (let index = 0; index < texts.length; index++) {
        carried = matcher.prefilter.feed(texts[index] as string, carried);
        if ((carried & (PREFILTER_HIT | PREFILTER_ODD)) !== 0) candidates.push(index);
      }
      return Promise.resolve({ state: carried, candidates });
    },
    scanBlocks(blocks) {
      return Promise.resolve(blocks.map((texts) => matcher.scanBlock(texts)));
    },
  };
}
