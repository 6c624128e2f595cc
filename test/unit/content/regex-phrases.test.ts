import { describe, expect, it } from 'vitest';
import { createBlockMatcher } from '../../../src/content/build-matcher';
import { PREFILTER_HIT, PREFILTER_ODD } from '../../../src/content/match/prefilter';
import { activeRegexPhrases, regexSpans } from '../../../src/content/regex-phrases';
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
