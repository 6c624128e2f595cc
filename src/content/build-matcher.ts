import { BUILTIN_PHRASE_LISTS } from '../phrases';
import { BENIGN_CONTEXT, SALE_INTENT } from '../phrases/signals';
import type { Settings } from '../shared/settings';
import type { Category } from '../shared/taxonomy';
import type { BlockFinding, BlockMatcher } from './block-finding';
import { createMatcher, type Matcher, type MatcherPhrase } from './match';
import { normaliseText } from './match/normalise';
import { PagePrefilter } from './match/prefilter';

interface Entry extends MatcherPhrase {
  category: Category;
}

/** The phrases a page is searched for: built-in lists and the reporter's own, minus disabled categories. */
export function activePhrases(settings: Settings, extraLists: readonly { entries: readonly Entry[] }[] = []): Entry[] {
  const enabled = new Set<string>(settings.categories);
  const entries: Entry[] = [];
  for (const list of [...BUILTIN_PHRASE_LISTS, ...extraLists]) {
    for (const entry of list.entries) if (enabled.has(entry.category)) entries.push(entry);
  }
  for (const custom of settings.customPhrases) {
    if (!custom.regex && enabled.has(custom.category)) entries.push({ phrase: custom.phrase, category: custom.category, strength: custom.strength });
  }
  return entries;
}

/**
 * The exact matcher is built on first use: most pages have no candidate block at all, and its
 * automaton (phrases plus sale and benign words) costs more to build than the prefilter's.
 */
export function createBlockMatcher(phrases: readonly Entry[]): BlockMatcher & { memoryEstimateBytes(): number } {
  // Sale and benign words alone never make a finding, so the prefilter looks for phrases only.
  const prefilter = new PagePrefilter(phrases.map((entry) => normaliseText(entry.phrase).trim()));
  let exact: Matcher<Entry> | undefined;
  const matcher = () => (exact ??= createMatcher(phrases, { saleIntent: SALE_INTENT, benignContext: BENIGN_CONTEXT }));
  return {
    prefilter,
    memoryEstimateBytes: () => matcher().memoryEstimateBytes() + prefilter.memoryEstimateBytes(),
    scanBlock(texts): BlockFinding {
      const scan = matcher().scanText(texts);
      if (scan.phrases.length === 0) return { spans: [], suspect: false };
      const score = matcher().scoreBlock(scan);
      return {
        suspect: score.suspect,
        spans: matcher().highlights(scan).map((hit) => ({
          startNode: hit.range.startNode,
          startOffset: hit.range.startOffset,
          endNode: hit.range.endNode,
          endOffset: hit.range.endOffset,
          phrase: hit.entry.phrase,
          category: hit.entry.category,
          strength: hit.strength,
        })),
      };
    },
  };
}

export async function buildBlockMatcher(settings: Settings): Promise<BlockMatcher> {
  return createBlockMatcher(activePhrases(settings));
}
