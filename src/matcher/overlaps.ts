/**
 * Non-overlapping matches for highlighting: at each point the leftmost match wins, and among those
 * starting there the longest ("出售枪支" over "枪支"); ties keep the earlier phrase index.
 * Scoring uses every match; only painting needs them disjoint.
 */
export function selectLongestLeftmost<T extends { start: number; end: number; phraseIndex?: number }>(
  matches: readonly T[],
): T[] {
  const sorted = [...matches].sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.phraseIndex ?? 0) - (b.phraseIndex ?? 0),
  );
  const out: T[] = [];
  let reached = -1;
  for (const m of sorted) {
    if (m.start < reached) continue;
    out.push(m);
    reached = m.end;
  }
  return out;
}
