import { checkRegex } from '../shared/regex-safety';
import { enabledCategories, type Settings } from '../shared/settings';
import type { Category } from '../shared/taxonomy';
import type { FoundSpan } from '../shared/protocol/block-scan';

/** A reporter's own regular expression, checked by regex-safety.ts before it gets here. */
export interface RegexPhrase {
  regex: RegExp;
  category: Category;
  strength: 'strong' | 'weak';
}

/** Bounds on work a reporter's patterns can cause per page and per block. */
export const MAX_REGEX_PHRASES = 100;
const MAX_MATCHES_PER_BLOCK = 200;

/** The custom phrases marked as regular expressions, in enabled categories, that pass the safety check. */
export function activeRegexPhrases(settings: Settings): RegexPhrase[] {
  const enabled = enabledCategories(settings);
  const out: RegexPhrase[] = [];
  for (const custom of settings.customPhrases) {
    if (!custom.regex || !enabled.has(custom.category) || out.length >= MAX_REGEX_PHRASES) continue;
    const checked = checkRegex(custom.phrase);
    if (checked.ok) out.push({ regex: checked.regex, category: custom.category, strength: custom.strength });
  }
  return out;
}

/**
 * Patterns run on windows of this many units, each overlapping the next by REGEX_OVERLAP: a pattern
 * with an open-ended repetition costs the square of the text it fails on, which a window bounds (a
 * page of one long line would otherwise hold the worker for minutes). A match is at most REGEX_OVERLAP
 * units long.
 */
export const REGEX_WINDOW = 1_024;
export const REGEX_OVERLAP = 256;

/** `[offset, window]` pairs covering a text; a short text is its own window. */
function windowsOf(text: string): [number, string][] {
  if (text.length <= REGEX_WINDOW) return [[0, text]];
  const out: [number, string][] = [];
  for (let at = 0; ; at += REGEX_WINDOW - REGEX_OVERLAP) {
    out.push([at, text.slice(at, at + REGEX_WINDOW)]);
    if (at + REGEX_WINDOW >= text.length) return out;
  }
}

/** For the page prefilter: a node whose own text matches a pattern makes its block a candidate. */
export function anyRegexMatches(regexes: readonly RegexPhrase[], data: string): boolean {
  const windows = windowsOf(data);
  for (const { regex } of regexes) {
    for (const [, window] of windows) {
      regex.lastIndex = 0;
      if (regex.test(window)) return true;
    }
  }
  return false;
}

/**
 * Matches of the patterns in a block's text nodes joined, as spans in node coordinates. Patterns run
 * on the text as shown (case-insensitive), not on the normalised text the phrase lists use.
 */
export function regexSpans(regexes: readonly RegexPhrase[], texts: readonly string[]): FoundSpan[] {
  if (regexes.length === 0) return [];
  const starts: number[] = [];
  let joined = '';
  for (const text of texts) {
    starts.push(joined.length);
    joined += text;
  }
  const locate = (offset: number, isEnd: boolean): { node: number; offset: number } => {
    // The last node starting at or before the offset (for an end, strictly before it).
    let node = 0;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k] ?? 0;
      if (isEnd ? start < offset : start <= offset) node = k;
    }
    return { node, offset: offset - (starts[node] ?? 0) };
  };
  const spans: FoundSpan[] = [];
  const windows = windowsOf(joined);
  for (const { regex, category, strength } of regexes) {
    windows.forEach(([at, window], index) => {
      // A match belongs to the window it starts in before the overlap (the last window owns its overlap).
      const owned = index === windows.length - 1 ? window.length : REGEX_WINDOW - REGEX_OVERLAP;
      regex.lastIndex = 0;
      for (let match = regex.exec(window); match && match.index < owned && spans.length < MAX_MATCHES_PER_BLOCK; match = regex.exec(window)) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const start = locate(at + match.index, false);
        const end = locate(at + match.index + match[0].length, true);
        spans.push({
          startNode: start.node,
          startOffset: start.offset,
          endNode: end.node,
          endOffset: end.offset,
          phrase: match[0].toLowerCase().slice(0, 200),
          category,
          strength,
        });
      }
    });
  }
  return spans;
}
