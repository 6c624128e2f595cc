import type { BlockScore } from './score';

/** One scanned block as the page summary needs it. */
export interface SummaryBlock<C extends string = string> {
  phrases: readonly { phrase: string; category: C }[];
  score: BlockScore<C>;
}

/** The report's `matches: [{ phrase, category, count }]` entry (DESIGN.md §4). */
export interface PhraseCount<C extends string = string> {
  phrase: string;
  category: C;
  count: number;
}

export interface PageSummary<C extends string = string> {
  blocks: number;
  suspectBlocks: number;
  /** Phrase matches per category. */
  categories: Partial<Record<C, number>>;
  /** Category with the most matches in suspect blocks (or in any block when none is suspect). */
  topCategory: C | null;
  /** Most frequent first, then by phrase. */
  matches: PhraseCount<C>[];
}

export interface SummaryOptions {
  /** Count only phrases in suspect blocks (e.g. for a terse report). Default false: the whole page. */
  suspectOnly?: boolean;
}

export function summarisePage<C extends string>(
  blocks: readonly SummaryBlock<C>[],
  options: SummaryOptions = {},
): PageSummary<C> {
  const counts = new Map<string, PhraseCount<C>>();
  const categories: Partial<Record<C, number>> = {};
  const suspectWeight = new Map<C, number>();
  const anyWeight = new Map<C, number>();
  let suspectBlocks = 0;
  for (const block of blocks) {
    if (block.score.suspect) suspectBlocks++;
    if (options.suspectOnly && !block.score.suspect) continue;
    for (const hit of block.phrases) {
      // A phrase may sit in two categories' lists; they are reported separately.
      const key = `${hit.category}\u0000${hit.phrase}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { phrase: hit.phrase, category: hit.category, count: 1 });
      categories[hit.category] = (categories[hit.category] ?? 0) + 1;
      anyWeight.set(hit.category, (anyWeight.get(hit.category) ?? 0) + 1);
      if (block.score.suspect) suspectWeight.set(hit.category, (suspectWeight.get(hit.category) ?? 0) + 1);
    }
  }
  const matches = [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0),
  );
  return {
    blocks: blocks.length,
    suspectBlocks,
    categories,
    topCategory: topOf(suspectWeight.size > 0 ? suspectWeight : anyWeight),
    matches,
  };
}

function topOf<C>(weights: Map<C, number>): C | null {
  let top: C | null = null;
  let best = 0;
  for (const [c, w] of weights) {
    if (w > best) {
      best = w;
      top = c;
    }
  }
  return top;
}
