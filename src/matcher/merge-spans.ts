/** A match in a text: where it is and what it reads. */
export interface TextSpan {
  start: number;
  end: number;
  value: string;
}

/**
 * Spans ordered by start, overlapping spans of one group merged into the first ("售价 200元" is one
 * price; a WeChat id that is also a phone number is one contact), so that nothing is counted twice.
 */
export function mergeOverlapping<T extends TextSpan>(spans: T[], text: string, groupOf: (span: T) => string = () => ''): T[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  const last = new Map<string, T>();
  for (const span of spans) {
    const group = groupOf(span);
    const prev = last.get(group);
    if (prev && span.start < prev.end) {
      if (span.end > prev.end) {
        prev.end = span.end;
        prev.value = text.slice(prev.start, prev.end);
      }
      continue;
    }
    out.push(span);
    last.set(group, span);
  }
  return out;
}
