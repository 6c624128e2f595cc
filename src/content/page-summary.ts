import type { PageSummary } from '../shared/protocol/messages';
import type { Match } from '../shared/report';
import type { BlockFinding } from '../shared/protocol/block-scan';

/** Folds per-block findings into what the badge, the popup and the report's `matches` show. */
export function summarise(url: string, findings: Iterable<BlockFinding>): PageSummary {
  const counts = new Map<string, Match>();
  let suspectBlocks = 0;
  let weakHits = 0;
  let strongHits = 0;
  for (const finding of findings) {
    if (finding.spans.length === 0) continue;
    if (finding.suspect) suspectBlocks++;
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
  return { url, matches, suspectBlocks, weakHits, strongHits };
}
