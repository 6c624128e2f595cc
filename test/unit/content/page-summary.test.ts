import { describe, expect, it } from 'vitest';
import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { summarise } from '../../../src/content/page-summary';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';

describe('page summary', () => {
  it('counts suspect blocks and, for the report, only the phrases of suspect blocks', () => {
    const matcher = createBlockMatcher(BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries));
    const findings = ['出售枪支 微信 abc12345', '出售枪支 气狗 ¥300', '可开具正规发票', 'hello'].map((text) => matcher.scanBlock([text]));
    const page = summarise('https://shop.example/', findings);
    expect(page.suspectBlocks).toBe(2);
    expect(page.url).toBe('https://shop.example/');
    expect(page.matches).toEqual([
      { phrase: '出售枪支', category: 'firearms-explosives', count: 2 },
      { phrase: '气狗', category: 'firearms-explosives', count: 1 },
    ]);
    expect(page.strongHits).toBe(3);
  });

  it('is empty for a page without findings', () => {
    expect(summarise('https://news.example/', [])).toEqual({ url: 'https://news.example/', matches: [], suspectBlocks: 0, weakHits: 0, strongHits: 0 });
  });
});
