import { describe, expect, it } from 'vitest';
import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { PREFILTER_HIT, PREFILTER_ODD } from '../../../src/matcher/prefilter';
import { activeRegexPhrases, anyRegexMatches, regexSpans, REGEX_OVERLAP, REGEX_WINDOW } from '../../../src/matcher/regex-phrases';
import { defaultSettings, type Settings } from '../../../src/shared/settings';

function settingsWith(customPhrases: Settings['customPhrases'], categories?: Settings['categories']): Settings {
  return { ...defaultSettings(), customPhrases, ...(categories ? { categories } : {}) };
}

describe('custom regular expressions', () => {
  it('keeps only safe patterns, in enabled categories', () => {
    const settings = settingsWith([
      { phrase: 'glock\\s*(17|19)', category: 'firearms-explosives', strength: 'strong', regex: true },
      { phrase: '(a+)+', category: 'firearms-explosives', strength: 'strong', regex: true },
      { phrase: 'plain words', category: 'firearms-explosives', strength: 'strong', regex: false },
      { phrase: 'xtc\\d+', category: 'drugs-precursors', strength: 'weak', regex: true },
    ], ['firearms-explosives']);
    expect(activeRegexPhrases(settings).map((r) => r.regex.source)).toEqual(['glock\\s*(17|19)']);
  });

  it('maps matches across text nodes back to node offsets', () => {
    const [regex] = activeRegexPhrases(settingsWith([{ phrase: 'glock\\s*19', category: 'firearms-explosives', strength: 'strong', regex: true }]));
    const spans = regexSpans([regex!], ['New ', 'GLOCK', ' 19', ' boxed']);
    expect(spans).toEqual([
      { startNode: 1, startOffset: 0, endNode: 2, endOffset: 3, phrase: 'glock 19', category: 'firearms-explosives', strength: 'strong' },
    ]);
  });

  it('makes a block suspect on a strong pattern, and a weak one only next to sale intent', () => {
    const regexes = activeRegexPhrases(
      settingsWith([
        { phrase: 'zorb\\d+', category: 'other', strength: 'strong', regex: true },
        { phrase: 'quux\\d+', category: 'other', strength: 'weak', regex: true },
      ]),
    );
    const matcher = createBlockMatcher([], regexes);
    expect(matcher.scanBlock(['a zorb42 here']).suspect).toBe(true);
    expect(matcher.scanBlock(['a quux42 here']).suspect).toBe(false);
    expect(matcher.scanBlock(['quux42 for sale, $40, telegram @q']).suspect).toBe(true);
    expect(matcher.scanBlock(['nothing here']).spans).toEqual([]);
    // The prefilter names the node where a pattern matches, so its block gets the exact scan.
    expect(matcher.prefilter.feed('a zorb42 here', 0) & (PREFILTER_HIT | PREFILTER_ODD)).not.toBe(0);
    expect(matcher.prefilter.feed('nothing here', 0) & (PREFILTER_HIT | PREFILTER_ODD)).toBe(0);
  });
});

describe('patterns on long texts', () => {
  const glock = [{ regex: new RegExp('glock\\s*19', 'giu'), category: 'firearms-explosives' as const, strength: 'strong' as const }];

  it('finds each match once, wherever the windows fall, with offsets in the whole text', () => {
    const filler = 'x'.repeat(REGEX_WINDOW - REGEX_OVERLAP - 3);
    // One match across the first window's owned edge, one deep inside the third window.
    const text = `${filler}glock 19 ${'y'.repeat(2 * REGEX_WINDOW)} glock19 end`;
    const spans = regexSpans(glock, [text]);
    expect(spans.map((span) => text.slice(span.startOffset, span.endOffset).toLowerCase())).toEqual(['glock 19', 'glock19']);
    expect(spans[0]!.startOffset).toBe(filler.length);
    expect(anyRegexMatches(glock, `${'z'.repeat(3 * REGEX_WINDOW)}glock 19`)).toBe(true);
  });

  it('bounds the work of an open-ended pattern failing on one long line', () => {
    const failing = [{ regex: new RegExp('[a-z]+\\d', 'giu'), category: 'other' as const, strength: 'weak' as const }];
    const line = 'a'.repeat(200_000);
    const started = performance.now();
    expect(regexSpans(failing, [line])).toEqual([]);
    expect(anyRegexMatches(failing, line)).toBe(false);
    // Quadratic on the whole line this is 2e10 steps (minutes); in windows, about a second at most.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
