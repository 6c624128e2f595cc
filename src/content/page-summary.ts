import type { ListingSummary, PageSummary } from '../shared/protocol/messages';
import type { Match } from '../shared/report';
import type { BlockFinding } from '../shared/protocol/block-scan';

/** The limits of `pageSummarySchema` (shared/protocol/messages.ts), which the page does not load: zod stays off it. */
const LISTINGS_MAX = 100;
const LISTING_PHRASES_MAX = 20;

/**
 * Folds per-block findings into what the badge, the popup and the report's `matches` show. Findings
 * come in the order the page scanner holds them (the order its blocks were read), and `listings`
 * keeps it.
 */
export function summarise(url: string, findings: Iterable<BlockFinding>): PageSummary {
  const counts = new Map<string, Match>();
  const listings: ListingSummary[] = [];
  let suspectBlocks = 0;
  let weakHits = 0;
  let strongHits = 0;
  for (const finding of findings) {
    if (finding.spans.length === 0) continue;
    if (finding.suspect) {
      suspectBlocks++;
      if (listings.length < LISTINGS_MAX) listings.push(listingOf(finding));
    }
    for (const span of finding.spans) {
      if (span.strength === 'weak') weakHits++;
      else if (finding.suspect) strongHits++;
      // Stray weak words outside listings are not evidence: they stay out of the report.
      if (!finding.suspect) continue;
      const key = `${span.category}\u0000${span.phrase}`;
      const existing = counts.get(key);
      if (existing) existing.count++;
      else counts.set(key, { phrase: span.phrase, category: span.category, count: 1 });
    }
  }
  const matches = [...counts.values()].sort((a, b) => b.count - a.count).slice(0, 5000);
  return { url, matches, suspectBlocks, weakHits, strongHits, listings };
}

/**
 * One suspect block for the report form: its category and reasons as the worker gave them, and its
 * distinct phrases in the order they appear. Without reasons (the worker gave none) the category is
 * that of its first strong phrase, or of its first phrase.
 */
function listingOf(finding: BlockFinding): ListingSummary {
  const phrases: ListingSummary['phrases'] = [];
  const seen = new Set<string>();
  for (const span of finding.spans) {
    if (phrases.length >= LISTING_PHRASES_MAX) break;
    const key = `${span.strength}\u0000${span.phrase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push({ phrase: span.phrase, strength: span.strength });
  }
  const { why } = finding;
  if (!why) {
    const first = finding.spans.find((span) => span.strength === 'strong') ?? finding.spans[0];
    return { category: first?.category ?? 'other', phrases };
  }
  const { category, ...reasons } = why;
  return { category, reasons, phrases };
}
